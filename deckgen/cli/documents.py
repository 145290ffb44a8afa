"""``deckgen kickoff``, ``handoff`` and ``minutes``: the meeting documents of one client."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from deckgen.cli.dates import DAY, PERIOD
from deckgen.cli.options import workspace_options
from deckgen.cli.publishing import publish_options, publish_rendered

F = TypeVar("F", bound=Callable[..., Any])


def document_options(func: F) -> F:
    """``--lang``, ``--out``, ``--template`` and ``--date``, shared by the three commands."""
    for option in reversed((
        click.option("--lang", type=click.Choice(["pt-BR", "en"]), default=None,
                     help="Document language (default: from the configuration)."),
        click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                     default=None, help="Output folder (default: [review] output)."),
        click.option("--template", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="Template to use instead of the built-in one."),
        click.option("--date", "day", type=DAY, default=None,
                     help="Meeting date (default: today, or SOURCE_DATE_EPOCH)."),
    )):
        func = option(func)
    return func


def _setup(data_dir: Path, config_file: Path | None, out_dir: Path | None,
           day: date | None) -> tuple[Any, Path, date]:
    """The workspace, the output folder and the meeting date of a command."""
    from deckgen.clock import build_date
    from deckgen.config import load_config
    from deckgen.sources.workspace import load_workspace

    config = load_config(data_dir, config_file)
    workspace = load_workspace(config)
    out = out_dir or config.resolve(config.review.output)
    return workspace, out, day or build_date()


@click.command()
@click.argument("client")
@workspace_options
@document_options
@click.option("--client-deck", is_flag=True,
              help="The client kickoff presentation (PPTX) instead of the internal minutes.")
@publish_options
def kickoff(client: str, data_dir: Path, config_file: Path | None, lang: str | None,
            out_dir: Path | None, template: Path | None, day: date | None,
            client_deck: bool, publish: bool, publish_dry_run: bool) -> None:
    """Minutes of the internal kickoff of CLIENT (DOCX), or with --client-deck its kickoff deck."""
    workspace, out, today = _setup(data_dir, config_file, out_dir, day)
    if client_deck:
        from deckgen.documents.client_kickoff import write_client_kickoff

        path, result = write_client_kickoff(workspace, client, out, today=today, template=template,
                                            language=lang)
        click.echo(f"wrote {path}")
        for warning in result.warnings:
            click.echo(f"  warning: {warning}", err=True)
    else:
        from deckgen.documents.kickoff import write_kickoff

        path = write_kickoff(workspace, client, out, today=today, template=template,
                             language=lang)
        click.echo(f"wrote {path}")
    if publish:
        publish_rendered(workspace, client, [path], dry_run=publish_dry_run)


@click.command()
@click.argument("client")
@workspace_options
@document_options
@publish_options
def handoff(client: str, data_dir: Path, config_file: Path | None, lang: str | None,
            out_dir: Path | None, template: Path | None, day: date | None, publish: bool,
            publish_dry_run: bool) -> None:
    """Minutes of the hand-over ISM → CS of CLIENT (DOCX), with the next meeting dates."""
    from deckgen.documents.handoff import write_handoff

    workspace, out, today = _setup(data_dir, config_file, out_dir, day)
    path = write_handoff(workspace, client, out, today=today, template=template, language=lang)
    click.echo(f"wrote {path}")
    if publish:
        publish_rendered(workspace, client, [path], dry_run=publish_dry_run)


@click.command()
@click.argument("client")
@workspace_options
@document_options
@click.option("--period", type=PERIOD, default=None,
              help="Period reviewed, START..END (default: as the review deck).")
@publish_options
def minutes(client: str, data_dir: Path, config_file: Path | None, lang: str | None,
            out_dir: Path | None, template: Path | None, day: date | None,
            period: tuple[date, date] | None, publish: bool, publish_dry_run: bool) -> None:
    """Minutes of the review meeting of CLIENT (DOCX, and HTML for a HubSpot note)."""
    from deckgen.documents.minutes import write_minutes

    workspace, out, today = _setup(data_dir, config_file, out_dir, day)
    start, end = period if period else (None, None)
    written = write_minutes(workspace, client, out, today=today, start=start, end=end,
                            template=template, language=lang)
    click.echo(f"wrote {written.docx}")
    click.echo(f"wrote {written.html}")
    for warning in written.warnings:
        click.echo(f"  warning: {warning}", err=True)
    if publish:
        publish_rendered(workspace, written.report.client, [written.docx],
                         minutes_html=written.html.read_text(encoding="utf-8"),
                         dry_run=publish_dry_run)
