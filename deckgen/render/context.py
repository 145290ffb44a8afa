"""The names a review template sees: the report's fields, stream shortcuts, and its words."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from deckgen.locale import Labels
from deckgen.model.portfolio import PortfolioReport
from deckgen.model.review import (
    Count,
    Note,
    ReviewReport,
    SlaRow,
    StreamReport,
    Ticket,
)
from deckgen.render.brand import Brand
from deckgen.sources.names import fold

STREAM_SHORTCUTS = ("support", "implementation", "technology")


def note_line(note: Note, labels: Labels) -> str:
    """A note in words: "Suporte: sem metas de SLA configuradas"."""
    if note.section in ("nps", "csat", "releases", "actions"):
        section = labels[f"warning.{note.section}"]
    else:
        section = labels.term("stream", note.section)
    reason = labels.term("missing", note.reason)
    return labels.format("warning.section", section=section, note=reason)


def note_lines(report: ReviewReport, labels: Labels) -> list[str]:
    """Every note of the report in words."""
    return [note_line(n, labels) for n in report.notes]


@dataclass(frozen=True)
class Terms:
    """What the workspace calls a ticket (``ticket``, ``tickets``) and its effort (``hours``)."""

    ticket: str
    tickets: str
    hours: str


def terms_for(labels: Labels) -> Terms:
    """The workspace's terms in ``labels``' language ("SS", "HH"; else the locale's words)."""
    return Terms(labels["terms.ticket"], labels["terms.tickets"], labels["terms.hours"])


class ValueWords:
    """The words of ``labels`` for values from the data, by kind: the value as written, else
    compared without case or accents (as closed statuses are)."""

    def __init__(self, labels: Labels) -> None:
        self.exact: dict[tuple[str, str], str] = {}
        self.folded: dict[tuple[str, str], str] = {}
        for name, text in labels.texts.items():
            if name.startswith("value."):
                kind, _, value = name.removeprefix("value.").partition(".")
                self.exact[kind, value] = text
                self.folded.setdefault((kind, fold(value)), text)

    def __call__(self, kind: str, value: str | None) -> str | None:
        """``value`` (of ``kind``: "category", "status", "phase") in the deck's language."""
        if value is None:
            return None
        word = self.exact.get((kind, value))
        return word if word is not None else self.folded.get((kind, fold(value)), value)


def _ticket_words(ticket: Ticket, word: ValueWords) -> Ticket:
    return replace(
        ticket,
        categories=[word("category", c) for c in ticket.categories],
        status=word("status", ticket.status) or ticket.status,
    )


def _stream_words(stream: StreamReport, word: ValueWords) -> StreamReport:
    return replace(
        stream,
        by_category=[Count(word("category", c.key), c.count) for c in stream.by_category],
        sla=[_sla_words(r, word) for r in stream.sla],
        prioritized=[_ticket_words(t, word) for t in stream.prioritized],
        open_demands=[_ticket_words(t, word) for t in stream.open_demands],
    )


def _sla_words(row: SlaRow, word: ValueWords) -> SlaRow:
    if row.scope != "category":
        return row
    return replace(row, category=word("category", row.category))


def report_in_words(report: ReviewReport, labels: Labels) -> ReviewReport:
    """The report with its data values (categories, statuses, the client's phase) in the
    deck's language; free text (subjects, comments, actions) stays as written."""
    word = ValueWords(labels)
    return replace(
        report,
        client=replace(report.client, phase=word("phase", report.client.phase)),
        streams=[_stream_words(s, word) for s in report.streams],
        open_demands=[_ticket_words(t, word) for t in report.open_demands],
        actions=[replace(a, status=word("status", a.status)) for a in report.actions],
    )


def portfolio_in_words(report: PortfolioReport, labels: Labels) -> PortfolioReport:
    """The portfolio report with each client's phase in the deck's language."""
    word = ValueWords(labels)
    return replace(report, clients=[replace(c, phase=word("phase", c.phase))
                                    for c in report.clients])


def review_context(report: ReviewReport, labels: Labels, **extra: Any) -> dict[str, Any]:
    """Top-level template names: ``client``, ``period``, ``nps``, ``support``... ``report``,
    ``labels`` (for the ``term`` filter), ``terms``, ``warnings`` (the report's notes in
    words) and ``brand`` (default: the vendor's name alone). Values from the data reach the
    template in the deck's language."""
    report = report_in_words(report, labels)
    context: dict[str, Any] = {f.name: getattr(report, f.name) for f in fields(report)}
    for role in STREAM_SHORTCUTS:
        context[role] = report.stream_for(role)
    context["report"] = report
    context["labels"] = labels
    context["terms"] = terms_for(labels)
    context["warnings"] = note_lines(report, labels)
    context["brand"] = Brand(report.company)
    context.update(extra)
    return context

