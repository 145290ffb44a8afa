"""The names a review template sees: the report's fields, stream shortcuts, and its words."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from deckgen.locale import Labels
from deckgen.model.review import Note, ReviewReport

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
    ``labels`` (for the ``term`` filter) and ``warnings`` (the report's notes in words)."""
    context: dict[str, Any] = {f.name: getattr(report, f.name) for f in fields(report)}
    for role in STREAM_SHORTCUTS:
        context[role] = report.stream_for(role)
    context["report"] = report
    context["labels"] = labels
    context["warnings"] = note_lines(report, labels)
    context.update(interim_brand_terms(report, labels))
    context.update(extra)
    return context


# -- interim: ``brand`` and ``terms`` as the shared conventions of issue 14 name them ------------
# The brand and words helpers build the real ones (logos, colours, workspace terms); until their
# code lands, the review deck gets the values of a workspace that configures none of them.


@dataclass(frozen=True)
class Brand:
    """Who the deck is from: vendor name, logos (paths, None: no picture) and colours."""

    vendor: str
    vendor_logo: Path | None = None
    client_logo: Path | None = None
    colors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Terms:
    """What the workspace calls a ticket and its hours."""

    ticket: str
    tickets: str
    hours: str


def interim_brand_terms(report: ReviewReport, labels: Labels) -> dict[str, Any]:
    """``brand`` and ``terms`` with the defaults (the vendor's name, the deck's words)."""
    ticket = labels["review.h_id"]
    return {"brand": Brand(report.company),
            "terms": Terms(ticket, ticket, labels["review.h_d_hh"])}
