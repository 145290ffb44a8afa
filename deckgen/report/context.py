"""The variables a review template sees: every field of the report, plus the stream shortcuts."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from deckgen.report.model import ReviewReport

STREAM_SHORTCUTS = ("support", "implementation", "technology")


def review_context(report: ReviewReport, **extra: Any) -> dict[str, Any]:
    """Top-level template names: ``client``, ``period``, ``nps``, ``support``... and ``report``."""
    context: dict[str, Any] = {f.name: getattr(report, f.name) for f in fields(report)}
    for role in STREAM_SHORTCUTS:
        context[role] = report.stream_for(role)
    context["report"] = report
    context.update(extra)
    return context
