"""Which columns each indicator needs, and why a workspace cannot feed an indicator.

One table, keyed by indicator, serves ``deckgen check`` (every gap, in words) and the review
report (which sections carry a "sem dados" note). A gap is language-neutral: a reason key, the
source and the column; ``deckgen/locale/check.<lang>.toml`` holds its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from deckgen.sources.workspace import Workspace

Reason = Literal["no_file", "no_rows", "no_column", "empty_column", "no_targets", "no_answers"]


@dataclass(frozen=True)
class Need:
    """The source an indicator reads and the columns it needs: all columns of any one
    alternative. ``@stream`` / ``@category`` stand for the columns chosen by ``[tickets]
    stream_from`` / ``category_from``, ``@closed`` for what tells a ticket closed (the pulled
    closed stage, else the status with ``closed_statuses``, else the close date),
    ``@targets`` for ``[sla] targets``, ``@nps`` / ``@csat`` for answers of the configured
    survey types."""

    source: str
    alternatives: tuple[tuple[str, ...], ...]


NEEDS: dict[str, Need] = {
    "tickets_by_stream": Need("tickets", (("@stream",),)),
    "tickets_by_category": Need("tickets", (("@category",),)),
    "tickets_by_urgency": Need("tickets", (("priority",),)),
    "prioritized_tickets": Need("tickets", (("priority",), ("prioritized",))),
    "sla_compliance": Need("tickets", (("sla_status", "closed_at"), ("@targets", "closed_at"))),
    "first_response_time": Need("tickets", (("closed_at", "first_response_at"),)),
    "resolution_time": Need("tickets", (("closed_at",),)),
    "open_demands": Need("tickets", (("@closed",),)),
    "hours_estimate": Need("tickets", (("estimated_hours",),)),
    "nps": Need("surveys", (("@nps",),)),
    "nps_comments": Need("surveys", (("@nps", "comment"),)),
    "csat": Need("surveys", (("@csat",),)),
    "releases": Need("releases", ((),)),
    "next_steps": Need("actions", ((),)),
    "logo_churn": Need("companies", (("churned_on",),)),
    "reviews_due": Need("companies", (("last_meeting", "meeting_interval_days"),)),
}


@dataclass(frozen=True)
class Gap:
    """Why one thing an indicator needs is not there: ``reason``, in ``source``, about
    ``column`` (a canonical column; ``nps`` / ``csat`` for ``no_answers``)."""

    reason: Reason
    source: str
    column: str | None = None


def gaps(
    workspace: Workspace, indicator: str, *, stream: str | None = None, empty: bool = True
) -> tuple[Gap, ...]:
    """Why ``indicator`` cannot be computed: the first gap of each alternative, or ``()``
    when one alternative has everything.

    ``stream`` limits ``@targets`` to that stream's SLA targets. ``empty=False`` looks only
    at what the files and configuration provide (a file, a column, targets), as the review
    report does; ``True`` also counts a source without rows, a column without a value and no
    answers of a survey type, as ``deckgen check`` does.
    """
    need = NEEDS[indicator]
    source = need.source
    if source in workspace.unavailable:
        return (Gap("no_file", source),)
    table: pd.DataFrame = getattr(workspace, source)
    if empty and table.empty:
        return (Gap("no_rows", source),)
    found: list[Gap] = []
    for alternative in need.alternatives:
        gap = next(
            (g for g in (_gap(workspace, source, c, stream, empty) for c in alternative) if g),
            None,
        )
        if gap is None:
            return ()
        found.append(gap)
    return tuple(found)


def _gap(
    workspace: Workspace, source: str, column: str, stream: str | None, empty: bool
) -> Gap | None:
    config = workspace.config
    if column == "@targets":
        targets = [t for t in config.sla.targets if stream is None or t.stream == stream]
        return None if targets else Gap("no_targets", source)
    if column in ("@nps", "@csat"):
        kind = column[1:]
        if not empty or (workspace.surveys["kind"] == kind).any():
            return None
        return Gap("no_answers", source, kind)
    if column == "@stream":
        column = config.tickets.stream_from
    elif column == "@category":
        column = config.tickets.category_from
    elif column == "@closed":
        if column_gap(workspace, source, "stage_closed") is None:  # pulled: the stage says it
            return None
        column = "status" if config.tickets.closed_statuses else "closed_at"
    return column_gap(workspace, source, column, empty=empty)


def column_gap(workspace: Workspace, source: str, column: str, *, empty: bool = True) -> Gap | None:
    """Why ``column`` of ``source`` gives nothing (no file, no such header, no value), or None."""
    if source in workspace.unavailable:
        return Gap("no_file", source, column)
    if column in workspace.absent.get(source, []):
        return Gap("no_column", source, column)
    if empty and not getattr(workspace, source)[column].map(_filled).any():
        return Gap("empty_column", source, column)
    return None


def _filled(value: Any) -> bool:
    if isinstance(value, tuple):
        return bool(value)
    return not pd.isna(value)
