"""``portfolio.xlsx``: the tables of the CS Ops report, one sheet each, typed cells."""

from __future__ import annotations

from deckgen.locale import Labels
from deckgen.model.portfolio import ClientFigures, PortfolioReport
from deckgen.model.review import Metric
from deckgen.render.context import ValueWords
from deckgen.render.xlsx import Sheet


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


def _metric(label: str, metric: Metric) -> list[object]:
    return [label, metric.value, metric.previous, metric.delta]


def portfolio_sheets(report: PortfolioReport, labels: Labels) -> list[Sheet]:
    """The sheets of the CS Ops workbook, in the deck's order, titled in ``labels``' language."""
    lab = _Titles(labels)
    word = ValueWords(labels)
    churn, before = report.churn, report.churn_previous
    summary = [
        _metric(lab["churn_rate"], Metric(churn.rate, before.rate)),
        _metric(lab["churn_lost"], Metric(churn.lost, before.lost)),
        _metric(lab["churn_active"], Metric(churn.active_at_start, before.active_at_start)),
        _metric(lab["nps"], report.nps),
        [lab["nps_answers"], report.nps_answers, None, None],
        _metric(lab["csat"], report.csat_satisfied),
        [lab["csat_answers"], report.csat_answers, None, None],
        _metric(lab["sla"], report.sla_compliance),
        [lab["due_count"], len(report.due), None, None],
        [lab["flagged_count"], len(report.flagged), None, None],
    ]
    client_headers = [lab[k] for k in (
        "client", "record_id", "csm", "phase", "nps", "nps_previous", "nps_answers", "csat",
        "csat_previous", "csat_answers", "sla", "sla_previous", "sla_missed", "created",
        "created_previous", "open_at_end", "flags")]

    def client_row(c: ClientFigures) -> list[object]:
        return [c.name, c.client_id, c.owner_cs, word("phase", c.phase),
                c.nps.value, c.nps.previous,
                c.nps_answers, c.csat_satisfied.value, c.csat_satisfied.previous,
                c.csat_answers, c.sla_compliance.value, c.sla_compliance.previous,
                c.sla_missed, c.tickets_created.value, c.tickets_created.previous,
                c.open_at_end, flag_words(c.flags, labels)]

    return [
        Sheet(lab["summary"], [lab[k] for k in ("indicator", "value", "previous", "delta")],
              summary),
        Sheet(lab["csms"], [lab[k] for k in ("csm", "clients", "nps", "nps_previous",
                                             "nps_answers", "csat", "csat_previous",
                                             "csat_answers")],
              [[labels.term("csm", c.csm), c.clients, c.nps.value, c.nps.previous, c.nps_answers,
                c.csat_satisfied.value, c.csat_satisfied.previous, c.csat_answers]
               for c in report.csms]),
        Sheet(lab["streams"], [lab[k] for k in ("stream", "created", "created_previous",
                                                "closed", "closed_previous", "open_at_end",
                                                "sla", "sla_previous")],
              [[labels.term("stream", s.key), s.created.value, s.created.previous,
                s.closed.value, s.closed.previous, s.open_at_end, s.sla_compliance.value,
                s.sla_compliance.previous]
               for s in report.streams]),
        Sheet(lab["due"], [lab[k] for k in ("client", "record_id", "csm", "last_meeting",
                                            "interval", "due_on", "overdue")],
              [[d.name, d.client_id, d.owner_cs, d.last_meeting, d.interval_days, d.due_on,
                d.days_overdue] for d in report.due]),
        Sheet(lab["flagged"], client_headers, [client_row(c) for c in report.flagged]),
        Sheet(lab["client_sheet"], client_headers, [client_row(c) for c in report.clients]),
        Sheet(lab["lost"], [lab["client"]], [[name] for name in churn.clients_lost]),
    ]
