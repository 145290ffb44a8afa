"""``deckgen kickoff``, ``handoff`` and ``minutes``: the meeting documents of one client."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from deckgen.cli.dates import DAY
from deckgen.cli.options import (
    Decorator,
    lang_option,
    open_workspace,
    out_option,
    period_option,
    publish_options,
    template_option,
    workspace_options,
)

F = TypeVar("F", bound=Callable[..., Any])


def document_options(func: F) -> F:
    """``--lang``, ``--out``, ``--template`` and ``--date``, shared by the three commands."""
    options: tuple[Decorator, ...] = (
        lang_option("Document"),
        out_option("Output folder (default: [review] output)."),
        template_option("Template to use instead of the built-in one."),
        click.option("--date", "day", type=DAY, default=None,
                     help="Meeting date (default: today, or SOURCE_DATE_EPOCH)."),
    )
    for option in reversed(options):
        func = option(func)
    return func


@click.command()
@click.argument("client")
@workspace_options
@document_options
@click.option("--client-deck", is_flag=True,
              help="The client kickoff presentation (PPTX) instead of the internal minutes.")
@publish_options
def kickoff(client: str, data_dir: Path, config_file: Path | None, lang: str | None,
            out_dir: Path | None, template: Path | None, day: date | None,
            client_deck: bool, publish: bool, dry_run: bool) -> None:
    """Minutes of the internal kickoff of CLIENT (DOCX), or with --client-deck its kickoff deck."""
    workspace, out = open_workspace(data_dir, config_file, lang=lang, out_dir=out_dir)
    if client_deck:
        path, result = workspace.client_kickoff(client, template=template, out=out, today=day)
        click.echo(f"wrote {path}")
        for warning in result.warnings:
            click.echo(f"  warning: {warning}", err=True)
    else:
        path = workspace.kickoff(client, template=template, out=out, today=day)
        click.echo(f"wrote {path}")
    if publish:
        workspace.publish(client, [path], dry_run=dry_run, echo=click.echo)


@click.command()
@click.argument("client")
@workspace_options
@document_options
@publish_options
def handoff(client: str, data_dir: Path, config_file: Path | None, lang: str | None,
            out_dir: Path | None, template: Path | None, day: date | None, publish: bool,
            dry_run: bool) -> None:
    """Minutes of the hand-over ISM → CS of CLIENT (DOCX), with the next meeting dates."""
    workspace, out = open_workspace(data_dir, config_file, lang=lang, out_dir=out_dir)
    path = workspace.handoff(client, template=template, out=out, today=day)
    click.echo(f"wrote {path}")
    if publish:
        workspace.publish(client, [path], dry_run=dry_run, echo=click.echo)


@click.command()
@click.argument("client")
@workspace_options
@document_options
@period_option("Period reviewed, START..END (default: as the review deck).")
@publish_options
def minutes(client: str, data_dir: Path, config_file: Path | None, lang: str | None,
            out_dir: Path | None, template: Path | None, day: date | None,
            period: tuple[date, date] | None, publish: bool, dry_run: bool) -> None:
    """Minutes of the review meeting of CLIENT (DOCX, and HTML for a HubSpot note)."""
    workspace, out = open_workspace(data_dir, config_file, lang=lang, out_dir=out_dir)
    start, end = period if period else (None, None)
    written = workspace.minutes(client, start=start, end=end, template=template, out=out,
                                today=day)
    click.echo(f"wrote {written.docx}")
    click.echo(f"wrote {written.html}")
    for warning in written.warnings:
        click.echo(f"  warning: {warning}", err=True)
    if publish:
        workspace.publish(written.report.client, [written.docx],
                          minutes_html=written.html.read_text(encoding="utf-8"),
                          dry_run=dry_run, echo=click.echo)
