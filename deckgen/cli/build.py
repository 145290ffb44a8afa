"""``deckgen build``: the review deck of one client, or of a whole selection of clients."""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deckgen.cli.dates import DAY, PERIOD
from deckgen.cli.options import workspace_options

if TYPE_CHECKING:
    from deckgen.portfolio.batch import BuildJob, Outcome
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
) -> None:
    """Render the review deck of CLIENT (HubSpot Record ID or name), or of --all / --due."""
    from deckgen.config import load_config
    from deckgen.errors import RenderError
    from deckgen.sources.workspace import load_workspace

    many = all_clients or due
    if bool(client) == many:
        raise click.UsageError("give one CLIENT, or --all or --due")
    if period and since:
        raise click.UsageError("give --period or --since, not both")
    config = load_config(data_dir, config_file)
    if lang:
        config = config.with_language(lang)  # type: ignore[arg-type]
    if pdf:
        from deckgen.render.pdf import soffice_path

        if soffice_path() is None:
            raise RenderError("--pdf needs LibreOffice, which is not installed "
                              "(Debian/Ubuntu: apt-get install libreoffice-impress)")
    out = out_dir or config.resolve(config.review.output)
    _check_writable(out)
    start, end = period if period else (since, None)
    workspace = load_workspace(config)
    if many:
        _build_selection(workspace, out, start, end, template, pdf, all_clients=all_clients,
                         due_on=due_on, owner=owner, phases=phases, jobs=jobs, shard=shard)
        return

    from deckgen.review import build_client_review

    assert client is not None
    built = build_client_review(workspace, client, out, start=start, end=end, template=template)
    report = built.report
    click.echo(f"{report.client.name}: {report.period.start:%d/%m/%Y}–{report.period.end:%d/%m/%Y}")
    click.echo(f"  wrote {built.deck}")
    click.echo(f"  wrote {built.workbook}")
    if pdf:
        _convert([built.deck])
    for warning in built.warnings:
        click.echo(f"  warning: {warning}", err=True)


def _build_selection(
    workspace: Workspace,
    out: Path,
    start: date | None,
    end: date | None,
    template: Path | None,
    pdf: bool,
    *,
    all_clients: bool,
    due_on: date | None,
    owner: str | None,
    phases: tuple[str, ...],
    jobs: int | None,
    shard: str | None,
) -> None:
    from deckgen.portfolio.batch import BuildJob
    from deckgen.portfolio.selection import Shard, select_clients
    from deckgen.review import build_date

    try:
        chosen_shard = Shard.parse(shard) if shard else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--shard") from None
    due_date = None if all_clients else (due_on or build_date())
    selected = select_clients(workspace.companies, owner=owner, phases=phases,
                              due_on=due_date, shard=chosen_shard)
    clients = list(zip(selected["company_id"].astype(str), selected["name"].astype(str),
                       strict=True))
    if not clients:
        click.echo("no client matches the selection")
        return
    job = BuildJob(out, start, end, template)
    workers = jobs or os.cpu_count() or 1
    began = time.perf_counter()
    outcomes = _run_with_progress(workspace, clients, job, workers)
    if pdf:
        _convert([o.files[0] for o in outcomes if o.status == "built"])
    _summary(outcomes, time.perf_counter() - began)
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


def _run_with_progress(
    workspace: Workspace, clients: list[tuple[str, str]], job: BuildJob, workers: int
) -> list[Outcome]:
    """A Rich progress bar on a terminal; one plain line per client otherwise."""
    from deckgen.portfolio.batch import build_many

    if sys.stdout.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("building decks", total=len(clients))
            return build_many(workspace, clients, job, jobs=workers,
                              on_done=lambda o: progress.advance(task))

    def line(outcome: Outcome) -> None:
        mark = "ok" if outcome.status == "built" else "FAILED"
        detail = outcome.files[0] if outcome.status == "built" else outcome.message
        click.echo(f"{mark:6} {outcome.name}: {detail}")

    return build_many(workspace, clients, job, jobs=workers, on_done=line)


def _summary(outcomes: list[Outcome], seconds: float) -> None:
    built = sum(o.status == "built" for o in outcomes)
    failed = [o for o in outcomes if o.status == "failed"]
    warnings = sum(len(o.warnings) for o in outcomes)
    for outcome in failed:
        click.echo(f"failed: {outcome.name}: {outcome.message}", err=True)
    click.echo(f"built {built}, failed {len(failed)}, warnings {warnings}, "
               f"{seconds:.1f} s ({seconds / max(len(outcomes), 1):.2f} s per client)")


def _convert(decks: list[Path]) -> None:
    from deckgen.render.pdf import convert_to_pdf

    by_folder: dict[Path, list[Path]] = {}
    for deck in decks:
        by_folder.setdefault(deck.parent, []).append(deck)
    for folder, files in by_folder.items():
        for pdf in convert_to_pdf(files, folder):
            click.echo(f"  wrote {pdf}")


def _check_writable(out: Path) -> None:
    from deckgen.errors import RenderError

    probe = out
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK):
        raise RenderError(f"{out}: output folder is not writable")
