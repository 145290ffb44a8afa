"""``deckgen build``: the review deck of one client, or of a whole selection of clients."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deckgen.cli.dates import DAY, PERIOD
from deckgen.cli.options import workspace_options
from deckgen.cli.publishing import publish_options, publish_rendered

if TYPE_CHECKING:
    import pandas as pd

    from deckgen.portfolio.batch import BatchResult, BuildJob, Outcome
    from deckgen.sources.workspace import Workspace


@click.command()
@click.argument("client", required=False)
@workspace_options
@click.option("--period", "period", type=PERIOD, default=None,
              help="Period covered, START..END (default: since the last review).")
@click.option("--since", type=DAY, default=None, help="Period from this date to today.")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="PowerPoint template (default: the configured or built-in review template).")
@click.option("--lang", type=click.Choice(["pt-BR", "en"]), default=None,
              help="Deck language (default: from the configuration).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: [review] output of the configuration).")
@click.option("--pdf", is_flag=True, help="Also convert the decks to PDF with LibreOffice.")
@click.option("--all", "all_clients", is_flag=True, help="Every client of the companies export.")
@click.option("--due", is_flag=True, help="Every client whose next review is due (today or --on).")
@click.option("--on", "due_on", type=DAY, default=None, help="With --due: due on or before DATE.")
@click.option("--owner", default=None, help="Only the clients of this CSM (Proprietário CS).")
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
    all_clients: bool,
    due: bool,
    due_on: date | None,
    owner: str | None,
    phases: tuple[str, ...],
    jobs: int | None,
    shard: str | None,
    publish: bool,
    publish_dry_run: bool,
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
    from deckgen.config import load_config
    from deckgen.sources.workspace import load_workspace

    many = all_clients or due
    if bool(client) == many:
        raise click.UsageError("give one CLIENT, or --all or --due")
    if period and since:
        raise click.UsageError("give --period or --since, not both")
    if not many and (due_on or owner or phases or jobs or shard):
        raise click.UsageError("--on, --owner, --phase, --jobs and --shard go with --all or --due")
    if due_on and not due:
        raise click.UsageError("--on goes with --due")
    if publish and many:
        raise click.UsageError("--publish works with one CLIENT; publish a portfolio per client")
    config = load_config(data_dir, config_file)
    if pdf:
        from deckgen.render.pdf import require_soffice

        require_soffice()
    out = out_dir or config.resolve(config.review.output)
    _check_writable(out)
    start, end = period if period else (since, None)
    workspace = load_workspace(config)
    if many:
        _build_selection(workspace, out, start, end, template, lang, pdf, all_clients=all_clients,
                         due_on=due_on, owner=owner, phases=phases, jobs=jobs, shard=shard)
        return

    from deckgen.render.formatting import make_filters
    from deckgen.review import build_client_review

    assert client is not None
    built = build_client_review(workspace, client, out, start=start, end=end, template=template,
                                language=lang)
    report = built.report
    when = make_filters(lang or config.company.language)["date"]
    click.echo(f"{report.client.name}: {when(report.period.start)}–{when(report.period.end)}")
    click.echo(f"  wrote {built.deck}")
    click.echo(f"  wrote {built.workbook}")
    pdf_files = _convert([built.deck]) if pdf else []
    if publish:
        publish_rendered(workspace, report.client, [built.deck, built.workbook, *pdf_files],
                         dry_run=publish_dry_run)
    for warning in built.warnings:
        click.echo(f"  warning: {warning}", err=True)


def _build_selection(
    workspace: Workspace,
    out: Path,
    start: date | None,
    end: date | None,
    template: Path | None,
    language: str | None,
    pdf: bool,
    *,
    all_clients: bool,
    due_on: date | None,
    owner: str | None,
    phases: tuple[str, ...],
    jobs: int | None,
    shard: str | None,
) -> None:
    from deckgen.clock import build_date
    from deckgen.portfolio.batch import BuildJob
    from deckgen.portfolio.selection import Shard, select_clients

    try:
        chosen_shard = Shard.parse(shard) if shard else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--shard") from None
    due_date = None if all_clients else (due_on or build_date())
    selected = select_clients(workspace.companies, owner=owner, phases=phases,
                              due_on=due_date, shard=chosen_shard)
    if selected.empty:
        click.echo("no client matches the selection")
        return
    workers = jobs or os.cpu_count() or 1
    job = BuildJob(out, start, end, template, language=language)
    result = _run_with_progress(workspace, selected, job, workers)
    if pdf:
        _convert([o.files[0] for o in result.outcomes if o.status == "built"])
    _summary(result, workers)
    sys.exit(result.exit_code)


def _run_with_progress(
    workspace: Workspace, selected: pd.DataFrame, job: BuildJob, workers: int
) -> BatchResult:
    """A Rich progress bar on a terminal; one plain line per client otherwise."""
    from deckgen.portfolio.batch import build_many

    if sys.stdout.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        # No refresh thread: the workers are forked while the bar is shown.
        with Progress("{task.description}", BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), auto_refresh=False, transient=True) as progress:
            task = progress.add_task("building decks", total=len(selected))

            def advance(outcome: Outcome) -> None:
                if outcome.status != "built":
                    progress.console.print(_line(outcome), markup=False, highlight=False)
                progress.advance(task)
                progress.refresh()

            return build_many(workspace, selected, job, jobs=workers, on_done=advance)
    return build_many(workspace, selected, job, jobs=workers,
                      on_done=lambda outcome: click.echo(_line(outcome)))


def _line(outcome: Outcome) -> str:
    """``built   ACME: out/acme/2026-11-20-revisao.pptx`` (or skipped / failed and why)."""
    detail = str(outcome.files[0]) if outcome.status == "built" else outcome.message
    return f"{outcome.status:8}{outcome.name}: {detail}"


def _summary(result: BatchResult, workers: int) -> None:
    from deckgen.cli.portfolio import print_table

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


def _convert(decks: list[Path]) -> list[Path]:
    from deckgen.render.pdf import convert_to_pdf

    by_folder: dict[Path, list[Path]] = {}
    for deck in decks:
        by_folder.setdefault(deck.parent, []).append(deck)
    written: list[Path] = []
    for folder, files in by_folder.items():
        for pdf in convert_to_pdf(files, folder):
            click.echo(f"  wrote {pdf}")
            written.append(pdf)
    return written


def _check_writable(out: Path) -> None:
    from deckgen.errors import RenderError

    probe = out
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK):
        raise RenderError(f"{out}: output folder is not writable")
