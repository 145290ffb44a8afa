"""The review workbook (``indicadores.xlsx``): every table behind a deck's numbers, one sheet
per indicator, titled in the deck's language."""

from __future__ import annotations

import re

from deckgen.locale import Labels
from deckgen.model.review import ReviewReport, SlaRow, StreamReport, Ticket
from deckgen.render.context import report_in_words
from deckgen.render.xlsx import Sheet


class _Titles:
    """The review workbook's titles (``review_workbook.*`` labels)."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels

    def __getitem__(self, key: str) -> str:
        return self.labels[f"review_workbook.{key}"]


def _ticket_rows(tickets: list[Ticket], labels: Labels) -> list[list[object]]:
    return [
        [t.id, t.subject, labels.term("stream", t.stream),
         ", ".join(labels.term("category", c) for c in t.categories),
         None if t.priority is None else labels.term("priority", t.priority), t.status, t.owner,
         t.created, t.closed, t.age_days, t.estimated_hours]
        for t in tickets
    ]


def _sla_category(row: SlaRow, labels: Labels) -> str:
    if row.scope == "category":
        return labels.term("category", row.category)
    return labels[f"sla.{row.scope}"]


def _tab(stream: str, kind: str) -> str:
    """A sheet tab of at most 31 characters: the stream's name without its parenthesis, cut at
    a word if need be, then the kind (the sheet's title row keeps the full name)."""
    short = re.sub(r"\s*\([^)]*\)", "", stream).strip() or stream
    room = 31 - len(kind) - 1
    while len(short) > room and " " in short:
        short = short.rsplit(" ", 1)[0]
    return f"{short[:room]} {kind}"


def _stream_sheets(stream: StreamReport, labels: Labels) -> list[Sheet]:
    lab = _Titles(labels)
    name = labels.term("stream", stream.key)
    ticket_headers = [lab[k] for k in ("id", "subject", "stream", "category", "priority", "status",
                                        "owner", "created", "closed_on", "age_days",
                                        "estimated_hours")]
    return [
        Sheet(_tab(name, lab["categories"]), [lab["category"], lab["count"]],
              [[labels.term("category", c.key), c.count] for c in stream.by_category]),
        Sheet(_tab(name, lab["urgency"]), [lab["priority"], lab["count"]],
              [[labels.term("priority", c.key), c.count] for c in stream.by_urgency]),
        Sheet(_tab(name, lab["sla"]),
              [lab[k] for k in ("category", "priority", "first_response_hours",
                                "resolution_hours", "closed", "within", "compliance")],
              [[_sla_category(r, labels),
                None if r.priority is None else labels.term("priority", r.priority),
                r.first_response_hours, r.resolution_hours,
                r.closed, r.within, r.compliance] for r in stream.sla]),
        Sheet(_tab(name, lab["prioritized"]), ticket_headers,
              _ticket_rows(stream.prioritized, labels)),
    ]


def review_sheets(report: ReviewReport, labels: Labels) -> list[Sheet]:
    """The sheets of a review's workbook, in the deck's order, titled in ``labels``' language
    (values from the data too, as in the deck)."""
    report = report_in_words(report, labels)
    lab = _Titles(labels)
    summary: list[list[object]] = []
    for stream in report.streams:
        name = labels.term("stream", stream.key)
        for key, metric in (("tickets_created", stream.created),
                            ("sla_compliance", stream.sla_compliance)):
            summary.append([f"{lab[key]} — {name}", metric.value, metric.previous,
                            metric.delta])
        summary.append([f"{lab['first_response_median']} — {name}",
                        stream.first_response.median, None, None])
        summary.append([f"{lab['resolution_median']} — {name}",
                        stream.resolution.median, None, None])
    for key, metric in (("csat_satisfied", report.csat.satisfied), ("csat_mean", report.csat.mean),
                        ("nps_score", report.nps.score)):
        summary.append([lab[key], metric.value, metric.previous, metric.delta])
    sheets = [Sheet(lab["summary"], [lab[k] for k in ("indicator", "value", "previous", "delta")],
                    summary)]
    for stream in report.streams:
        sheets.extend(_stream_sheets(stream, labels))
    if report.off_scale:  # answers neither NPS nor CSAT counts: shown, never dropped
        summary.append([lab["off_scale_count"], len(report.off_scale), None, None])
    nps = report.nps
    sheets += [
        Sheet(lab["open_demands"],
              [lab[k] for k in ("id", "subject", "stream", "category", "priority", "status",
                                "owner", "created", "closed_on", "age_days", "estimated_hours")],
              _ticket_rows(report.open_demands, labels)),
        Sheet(lab["nps"], [lab["indicator"], lab["count"]],
              [[lab["nps_answers"], nps.answers], [lab["promoters"], nps.promoters],
               [lab["passives"], nps.passives], [lab["detractors"], nps.detractors],
               [lab["nps_score"], nps.score.value]]),
        Sheet(lab["nps_comments"],
              [lab[k] for k in ("submitted", "score", "klass", "contact", "comment")],
              [[c.submitted, c.score, labels.term("nps", c.klass), c.contact, c.text]
               for c in nps.comments]),
        Sheet(lab["csat"], [lab["score"], lab["count"]],
              [[c.key, c.count] for c in report.csat.distribution]),
        Sheet(lab["releases"],
              [lab[k] for k in ("released_on", "version", "title", "description")],
              [[r.released_on, r.version, r.title, r.description] for r in report.releases]),
        Sheet(lab["actions"],
              [lab[k] for k in ("action", "owner", "due_on", "status", "agreed_on")],
              [[a.action, a.owner, a.due_on, a.status, a.agreed_on] for a in report.actions]),
    ]
    if report.off_scale:
        sheets.append(Sheet(lab["off_scale"],
                            [lab[k] for k in ("submitted", "survey_type", "answer", "contact",
                                              "export_file", "export_row")],
                            [[a.submitted, a.survey_type, a.value, a.contact, a.file, a.row]
                             for a in report.off_scale]))
    return sheets
