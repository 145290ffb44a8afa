"""``portfolio.xlsx``: the tables of the CS Ops report, one sheet each, typed cells.

Each sheet has a short tab name (well within Excel's 31 characters) and a title row naming the
company and period; every numeric column has a number format (counts, percent, NPS, deltas).
"""

from __future__ import annotations

from deckgen.locale import Labels
from deckgen.model.portfolio import ClientFigures, PortfolioReport
from deckgen.model.review import Metric
from deckgen.render.context import ValueWords
from deckgen.render.formatting import make_filters
from deckgen.render.xlsx import Number, Sheet

COUNT = "#,##0"
PERCENT = '0.0"%"'  # values already in percent units
SCORE = '0;"\u2212"0'  # NPS, with a true minus sign
SIGNED = '+0;"\u2212"0;0'
POINTS = '+0.0" p.p.";"\u2212"0.0" p.p.";0.0" p.p."'


class _Titles:
    """The portfolio workbook's titles (``portfolio_workbook.*`` labels)."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels

    def __getitem__(self, key: str) -> str:
        return self.labels[f"portfolio_workbook.{key}"]


def flag_words(flags: list[str], labels: Labels) -> str:
    """The flags of a client in words, joined by " · "."""
    lab = _Titles(labels)
    return " · ".join(lab[f] for f in flags)


def _metric(label: str, metric: Metric, value: str, delta: str) -> list[object]:
    return [label, Number(metric.value, value), Number(metric.previous, value),
            Number(metric.delta, delta)]


def portfolio_sheets(report: PortfolioReport, labels: Labels) -> list[Sheet]:
    """The sheets of the CS Ops workbook, in the deck's order, titled in ``labels``' language."""
    lab = _Titles(labels)
    word = ValueWords(labels)
    day = make_filters(labels.language)["date"]
    scope = f"{report.company} · {day(report.period.start)} – {day(report.period.end)}"
    if report.owner:
        scope = f"{report.owner} · {scope}"
    churn, before = report.churn, report.churn_previous

    def sheet(key: str, headers: list[str], rows: list[list[object]],
              formats: tuple[str | None, ...] = ()) -> Sheet:
        return Sheet(lab[key], headers, rows, f"{lab[key]} — {scope}", formats)

    summary = [
        _metric(lab["churn_rate"], Metric(churn.rate, before.rate), PERCENT, POINTS),
        _metric(lab["churn_lost"], Metric(churn.lost, before.lost), COUNT, SIGNED),
        _metric(lab["churn_active"], Metric(churn.active_at_start, before.active_at_start),
                COUNT, SIGNED),
        _metric(lab["nps"], report.nps, SCORE, SIGNED),
        [lab["nps_answers"], Number(report.nps_answers, COUNT), None, None],
        _metric(lab["csat"], report.csat_satisfied, PERCENT, POINTS),
        [lab["csat_answers"], Number(report.csat_answers, COUNT), None, None],
        _metric(lab["sla"], report.sla_compliance, PERCENT, POINTS),
        [lab["due_count"], Number(len(report.due), COUNT), None, None],
        [lab["flagged_count"], Number(len(report.flagged), COUNT), None, None],
    ]
    client_headers = [lab[k] for k in (
        "client", "record_id", "csm", "phase", "nps", "nps_previous", "nps_answers", "csat",
        "csat_previous", "csat_answers", "sla", "sla_previous", "sla_missed", "created",
        "created_previous", "open_at_end", "flags")]
    client_formats = (None, None, None, None, SCORE, SCORE, COUNT, PERCENT, PERCENT, COUNT,
                      PERCENT, PERCENT, COUNT, COUNT, COUNT, COUNT, None)

    def client_row(c: ClientFigures) -> list[object]:
        return [c.name, c.client_id, c.owner_cs, word("phase", c.phase),
                c.nps.value, c.nps.previous,
                c.nps_answers, c.csat_satisfied.value, c.csat_satisfied.previous,
                c.csat_answers, c.sla_compliance.value, c.sla_compliance.previous,
                c.sla_missed, c.tickets_created.value, c.tickets_created.previous,
                c.open_at_end, flag_words(c.flags, labels)]

    return [
        sheet("summary", [lab[k] for k in ("indicator", "value", "previous", "delta")],
              summary),
        sheet("csms", [lab[k] for k in ("csm", "clients", "nps", "nps_previous",
                                        "nps_answers", "csat", "csat_previous",
                                        "csat_answers")],
              [[labels.term("csm", c.csm), c.clients, c.nps.value, c.nps.previous,
                c.nps_answers, c.csat_satisfied.value, c.csat_satisfied.previous,
                c.csat_answers]
               for c in report.csms],
              (None, COUNT, SCORE, SCORE, COUNT, PERCENT, PERCENT, COUNT)),
        sheet("streams", [lab[k] for k in ("stream", "created", "created_previous",
                                           "closed", "closed_previous", "open_at_end",
                                           "sla", "sla_previous")],
              [[labels.term("stream", s.key), s.created.value, s.created.previous,
                s.closed.value, s.closed.previous, s.open_at_end, s.sla_compliance.value,
                s.sla_compliance.previous]
               for s in report.streams],
              (None, COUNT, COUNT, COUNT, COUNT, COUNT, PERCENT, PERCENT)),
        sheet("due", [lab[k] for k in ("client", "record_id", "csm", "last_meeting",
                                       "interval", "due_on", "overdue")],
              [[d.name, d.client_id, d.owner_cs, d.last_meeting, d.interval_days, d.due_on,
                d.days_overdue] for d in report.due],
              (None, None, None, None, COUNT, None, COUNT)),
        sheet("flagged", client_headers, [client_row(c) for c in report.flagged],
              client_formats),
        sheet("client_sheet", client_headers, [client_row(c) for c in report.clients],
              client_formats),
        sheet("lost", [lab["client"]], [[name] for name in churn.clients_lost]),
    ]
