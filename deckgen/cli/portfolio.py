"""``deckgen due`` (reviews due) and ``deckgen portfolio`` (the CS Ops report)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from deckgen.cli.dates import DAY, PERIOD
from deckgen.cli.options import workspace_options


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str = "",
                align: str = "") -> None:
    """A Rich table on a terminal; plain text in aligned columns otherwise (pipes, CI logs).

    ``align`` holds one letter per column, ``l`` or ``r`` (default: left).
    """
    aligns = [align[i] if i < len(align) else "l" for i in range(len(headers))]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title or None, title_justify="left")
        for header, side in zip(headers, aligns, strict=True):
            table.add_column(header, justify="right" if side == "r" else "left")
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if side == "r" else c.ljust(w)
                 for c, w, side in zip(cells, widths, aligns, strict=True)]
        return "  ".join(parts).rstrip()

    if title:
        click.echo(title)
    click.echo(line(headers))
    for row in rows:
        click.echo(line(row))


@click.command()
@workspace_options
@click.option("--on", "on", type=DAY, default=None,
              help="Due on or before this date (default: today).")
@click.option("--owner", default=None, help="Only the clients of this CSM (Proprietário CS).")
def due(data_dir: Path, config_file: Path | None, on: date | None, owner: str | None) -> None:
    """List the clients whose next review is due: last meeting + [CS] Dias entre reuniões.

    Clients without a last meeting date or an interval, and churned clients, are never due.
    Most overdue first.
    """
    from deckgen.clock import build_date
    from deckgen.config import load_config
    from deckgen.portfolio.selection import due_clients
    from deckgen.render.formatting import make_filters
    from deckgen.sources.workspace import load_workspace

    config = load_config(data_dir, config_file)
    workspace = load_workspace(config, sources=())
    day = on or build_date()
    found = due_clients(workspace.companies, day, owner)
    when = make_filters(config.company.language)["date"]
    rows = [[d.review.name, d.review.owner_cs or "—", d.phase or "—", when(d.review.last_meeting),
             when(d.review.due_on), str(d.review.days_overdue)] for d in found]
    scope = f" of {owner}" if owner else ""
    if not rows:
        click.echo(f"no review{scope} due on or before {when(day)}")
        return
    print_table(["Client", "CSM", "Phase", "Last meeting", "Next meeting", "Days overdue"], rows,
                title=f"{len(rows)} review{'s' if len(rows) != 1 else ''}{scope} due on or "
                      f"before {when(day)}", align="lllllr")


@click.command()
@workspace_options
@click.option("--period", "period", type=PERIOD, default=None,
              help="Period covered, START..END (default: the last [review] "
                   "default_period_days days).")
@click.option("--owner", default=None, help="Only the clients of this CSM (Proprietário CS).")
@click.option("--lang", type=click.Choice(["pt-BR", "en"]), default=None,
              help="Report language (default: from the configuration).")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="PowerPoint template (default: the built-in portfolio template).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: [review] output of the configuration).")
@click.option("--pdf", is_flag=True, help="Also convert the report to PDF (needs LibreOffice).")
def portfolio(
    data_dir: Path,
    config_file: Path | None,
    period: tuple[date, date] | None,
    owner: str | None,
    lang: str | None,
    template: Path | None,
    out_dir: Path | None,
    pdf: bool,
) -> None:
    """Write the CS Ops report: OUT/portfolio/<end>-portfolio.pptx and .xlsx (and .pdf).

    \b
    Logo churn, NPS and CSAT per CSM and per client, SLA and ticket volumes per stream
    against the previous period, reviews due, and the clients flagged: NPS or CSAT lower
    than in the previous period, or tickets closed outside their SLA target.
    """
    from deckgen.clock import build_date
    from deckgen.config import load_config
    from deckgen.indicators.period import resolve_period
    from deckgen.portfolio.render import write_portfolio
    from deckgen.portfolio.report import build_portfolio
    from deckgen.render.formatting import make_filters
    from deckgen.render.pdf import convert_to_pdf, require_soffice
    from deckgen.sources.workspace import load_workspace

    if pdf:
        require_soffice()
    config = load_config(data_dir, config_file)
    today = build_date()
    start, end = period if period else (None, None)
    chosen = resolve_period(config, None, today=today, start=start, end=end)
    workspace = load_workspace(config, sources=("tickets", "surveys"))
    report = build_portfolio(workspace, chosen, today=today, owner=owner)
    built = write_portfolio(report, config, out_dir or config.resolve(config.review.output),
                            template=template, language=lang)
    f = make_filters(lang or config.company.language)
    click.echo(f"portfolio{f' of {owner}' if owner else ''}: "
               f"{f['date'](chosen.start)}–{f['date'](chosen.end)}, {len(report.clients)} clients")
    click.echo(f"  logo churn {f['percent'](report.churn.rate)} · "
               f"NPS {f['number'](report.nps.value)} · "
               f"CSAT {f['percent'](report.csat_satisfied.value)} · SLA "
               f"{f['percent'](report.sla_compliance.value)} · {len(report.due)} reviews due · "
               f"{len(report.flagged)} flagged")
    click.echo(f"  wrote {built.deck}")
    click.echo(f"  wrote {built.workbook}")
    for written in convert_to_pdf([built.deck], built.deck.parent) if pdf else []:
        click.echo(f"  wrote {written}")
    for warning in built.warnings:
        click.echo(f"  warning: {warning}", err=True)
