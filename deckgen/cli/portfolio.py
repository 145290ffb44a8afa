"""``deckgen due`` (reviews due) and ``deckgen portfolio`` (the CS Ops report)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from deckgen.cli.options import (
    lang_option,
    on_option,
    open_workspace,
    out_option,
    owner_option,
    period_option,
    template_option,
    workspace_options,
)
from deckgen.cli.tables import print_table


@click.command()
@workspace_options
@on_option("Due on or before this date (default: today).")
@owner_option
def due(data_dir: Path, config_file: Path | None, due_on: date | None, owner: str | None) -> None:
    """List the clients whose next review is due: last meeting + the meeting interval.

    Clients without a last meeting date or an interval, and churned clients, are never due.
    Most overdue first.
    """
    from deckgen.clock import build_date
    from deckgen.render.formatting import make_filters

    workspace, _ = open_workspace(data_dir, config_file, sources=())
    day = due_on or build_date()
    found = workspace.due(on=day, owner=owner)
    when = make_filters(workspace.language)["date"]
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
@period_option("Period covered, START..END (default: the last [review] "
               "default_period_days days).")
@owner_option
@lang_option("Report")
@template_option("PowerPoint template (default: the built-in portfolio template).")
@out_option()
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
    from deckgen.api import require_pdf
    from deckgen.render.formatting import make_filters

    if pdf:
        require_pdf()
    workspace, out = open_workspace(data_dir, config_file, lang=lang, out_dir=out_dir,
                                    sources=("tickets", "surveys"))
    start, end = period if period else (None, None)
    built = workspace.portfolio(start=start, end=end, owner=owner, template=template, out=out,
                                pdf=pdf)
    report = built.report
    f = make_filters(workspace.language)
    click.echo(f"portfolio{f' of {owner}' if owner else ''}: "
               f"{f['date'](report.period.start)}–{f['date'](report.period.end)}, "
               f"{len(report.clients)} clients")
    click.echo(f"  logo churn {f['percent'](report.churn.rate)} · "
               f"NPS {f['number'](report.nps.value)} · "
               f"CSAT {f['percent'](report.csat_satisfied.value)} · SLA "
               f"{f['percent'](report.sla_compliance.value)} · {len(report.due)} reviews due · "
               f"{len(report.flagged)} flagged")
    for written in [built.deck, built.workbook, *([built.pdf] if built.pdf else [])]:
        click.echo(f"  wrote {written}")
    for warning in built.warnings:
        click.echo(f"  warning: {warning}", err=True)
