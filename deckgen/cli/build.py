"""``deckgen build``: the review deck of one client, or of a whole selection of clients."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deckgen.cli.dates import DAY
from deckgen.cli.options import (
    lang_option,
    on_option,
    open_workspace,
    out_option,
    owner_option,
    period_option,
    publish_options,
    since_option,
    template_option,
    workspace_options,
)
from deckgen.cli.tables import print_table

if TYPE_CHECKING:
    import pandas as pd

    from deckgen.api import Workspace
    from deckgen.indicators.selection import Shard
    from deckgen.pipelines.batch import BatchResult, Outcome


@click.command()
@click.argument("client", required=False)
@workspace_options
@period_option("Period covered, START..END (default: since the last review).")
@since_option("Period from this date to today.")
@template_option("PowerPoint template (default: the configured or built-in review template).")
@lang_option("Deck")
@out_option()
@click.option("--pdf", is_flag=True, help="Also convert the decks to PDF with LibreOffice.")
@click.option("--internal", is_flag=True,
              help="Add the internal appendix (expansion forecast, data notes) for your team.")
@click.option("--next-meeting", "next_meeting", type=DAY, default=None,
              help="Date of the next review (default: today plus the client's cadence).")
@click.option("--all", "all_clients", is_flag=True, help="Every client of the companies export.")
@click.option("--due", is_flag=True, help="Every client whose next review is due (today or --on).")
@on_option("With --due: due on or before DATE.")
@owner_option
@click.option("--phase", "phases", multiple=True, help="Only clients in this phase (repeatable).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for --all/--due (default: the number of cores).")
@click.option("--shard", default=None, metavar="I/N",
              help="Build only shard I of N (stable split for CI matrices).")
@publish_options
def build(
    client: str | None,
    data_dir: Path,
    config_file: Path | None,
    period: tuple[date, date] | None,
    since: date | None,
    template: Path | None,
    lang: str | None,
    out_dir: Path | None,
    pdf: bool,
    internal: bool,
    next_meeting: date | None,
    all_clients: bool,
    due: bool,
    due_on: date | None,
    owner: str | None,
    phases: tuple[str, ...],
    jobs: int | None,
    shard: str | None,
    publish: bool,
    dry_run: bool,
) -> None:
    """Render the review deck of CLIENT (HubSpot Record ID or name), or of --all / --due.

    \b
    With --all or --due (narrowed by --owner, --phase, --shard) the exports are read once
    and the decks are built over --jobs processes. A client that fails is reported and the
    others go on. Skipped, without a deck:
      * clients churned on or before the last day of the period;
      * clients with no ticket, survey answer or action at all in the exports.
    Ends with a summary (built, skipped, failed, time). Exit status 0 when no client
    failed, 1 when one or more failed.
    """
    from deckgen.api import require_pdf

    many = all_clients or due
    if bool(client) == many:
        raise click.UsageError("give one CLIENT, or --all or --due")
    if period and since:
        raise click.UsageError("give --period or --since, not both")
    if not many and (due_on or owner or phases or jobs or shard):
        raise click.UsageError("--on, --owner, --phase, --jobs and --shard go with --all or --due")
    if due_on and not due:
        raise click.UsageError("--on goes with --due")
    if many and (internal or next_meeting):
        raise click.UsageError("--internal and --next-meeting go with one CLIENT")
    if publish and many:
        raise click.UsageError("--publish works with one CLIENT; publish a portfolio per client")
    chosen_shard = _shard(shard)
    workspace, out = open_workspace(data_dir, config_file, lang=lang, out_dir=out_dir)
    if pdf:
        require_pdf()
    out = workspace.output_folder(out)
    start, end = period if period else (since, None)
    if many:
        selected = workspace.select(due=due, on=due_on, owner=owner, phases=phases,
                                    shard=chosen_shard)
        if selected.empty:
            click.echo("no client matches the selection")
            return
        _build_selection(workspace, selected, start=start, end=end, template=template,
                         out=out, jobs=jobs, pdf=pdf)
        return

    from deckgen.render.formatting import make_filters

    assert client is not None
    built = workspace.review(client, start=start, end=end, template=template, out=out,
                             next_meeting=next_meeting, internal=internal, pdf=pdf)
    report = built.report
    when = make_filters(workspace.language)["date"]
    click.echo(f"{report.client.name}: {when(report.period.start)}–{when(report.period.end)}")
    if not (period or since) and report.period.end < report.generated_on:
        click.echo(f"  note: the exports end on {when(report.period.end)}, before today: the "
                   "period ends there (--period chooses another)")
    churned = report.client.properties.get("churned_on")
    if isinstance(churned, date) and churned <= report.period.end:
        click.echo(f"  note: {report.client.name} churned on {when(churned)}; built anyway "
                   "(build --all skips churned clients)")
    for written in built.files:
        click.echo(f"  wrote {written}")
    if publish:
        workspace.publish(report.client, built.files,
                          dry_run=dry_run, echo=click.echo)
    for warning in [*workspace.tables.gaps, *built.warnings]:
        click.echo(f"  warning: {warning}", err=True)


def _shard(text: str | None) -> Shard | None:
    """``--shard I/N`` parsed, or a usage error naming the option."""
    from deckgen.indicators.selection import Shard

    try:
        return Shard.parse(text) if text else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--shard") from None


def _build_selection(
    workspace: Workspace,
    selected: pd.DataFrame,
    *,
    start: date | None,
    end: date | None,
    template: Path | None,
    out: Path,
    jobs: int | None,
    pdf: bool,
) -> None:
    """Build every selected client's deck with progress, then the summary; exit 1 on a failure."""
    from deckgen.clock import build_date

    for gap in workspace.tables.gaps:  # blank required cells: every deck is short of them
        click.echo(f"warning: {gap}", err=True)
    last, today = workspace.tables.data_end(), build_date()
    if start is None and end is None and last is not None and last < today:
        click.echo(f"note: the exports end on {last.isoformat()}, before today: each period "
                   "ends there (--period chooses another)")
    workers = jobs or os.cpu_count() or 1

    def run(on_done: Callable[[Outcome], None]) -> BatchResult:
        return workspace.build_many(selected, start=start, end=end, template=template, out=out,
                                    jobs=workers, on_done=on_done, pdf=pdf)

    result = _with_progress(len(selected), run)
    _summary(result, workers)
    sys.exit(result.exit_code)


def _with_progress(
    total: int, run: Callable[[Callable[[Outcome], None]], BatchResult]
) -> BatchResult:
    """``run(on_done)`` with a Rich progress bar on a terminal, one line per client otherwise."""
    if sys.stdout.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        # No refresh thread: the workers are forked while the bar is shown.
        with Progress("{task.description}", BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), auto_refresh=False, transient=True) as progress:
            task = progress.add_task("building decks", total=total)

            def advance(outcome: Outcome) -> None:
                if outcome.status != "built":
                    progress.console.print(_line(outcome), markup=False, highlight=False)
                progress.advance(task)
                progress.refresh()

            return run(advance)
    return run(lambda outcome: click.echo(_line(outcome)))


def _line(outcome: Outcome) -> str:
    """``built   ACME: out/acme/2026-11-20-revisao.pptx`` (or skipped / failed and why)."""
    detail = str(outcome.files[0]) if outcome.status == "built" else outcome.message
    return f"{outcome.status:8}{outcome.name}: {detail}"


def _summary(result: BatchResult, workers: int) -> None:
    built = result.count("built")
    per_deck = sum(o.seconds for o in result.outcomes if o.status == "built") / max(built, 1)
    warnings = sum(len(o.warnings) for o in result.outcomes)
    rows = [
        ["built", str(built), f"{warnings} warnings" if warnings else ""],
        ["skipped", str(result.count("skipped")), "churned, or no data in the exports"],
        ["failed", str(result.count("failed")),
         ", ".join(o.name for o in result.outcomes if o.status == "failed")],
        ["time", f"{result.seconds:.1f} s",
         f"{per_deck:.2f} s per deck, {workers} {'process' if workers == 1 else 'processes'}"],
    ]
    print_table(["", "clients", ""], rows, title="deckgen build", align="lrl")

