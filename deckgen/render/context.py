"""The names a review template sees: the report's fields, stream shortcuts, and its words."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from deckgen.locale import Labels
from deckgen.model.review import Note, ReviewReport
from deckgen.render.brand import Brand

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


def review_context(report: ReviewReport, labels: Labels, **extra: Any) -> dict[str, Any]:
    """Top-level template names: ``client``, ``period``, ``nps``, ``support``... ``report``,
    ``labels`` (for the ``term`` filter), ``warnings`` (the report's notes in words) and
    ``brand`` (default: the vendor's name alone)."""
    context: dict[str, Any] = {f.name: getattr(report, f.name) for f in fields(report)}
    for role in STREAM_SHORTCUTS:
        context[role] = report.stream_for(role)
    context["report"] = report
    context["labels"] = labels
    context["warnings"] = note_lines(report, labels)
    context["brand"] = Brand(report.company)
    context["terms"] = interim_terms(labels)
    context.update(extra)
    return context


# -- interim: ``terms`` as the shared conventions of issue 14 name it -----------------------------
# The words helper builds the real one (what the workspace calls a ticket and its hours); until
# that code lands, the review deck gets the deck language's defaults.


@dataclass(frozen=True)
class Terms:
    """What the workspace calls a ticket and its hours."""

    ticket: str
    tickets: str
    hours: str


def interim_terms(labels: Labels) -> Terms:
    """``terms`` with the deck's default words ("SS" / "Ticket", "HH")."""
    ticket = labels["review.h_id"]
    return Terms(ticket, ticket, labels["review.h_d_hh"])
