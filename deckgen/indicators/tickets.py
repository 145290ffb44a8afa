"""Ticket indicators: created by category and urgency, prioritized, open demands, HH, durations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from deckgen.config import Config, SlaSettings
from deckgen.indicators.cells import plain
from deckgen.indicators.hours import elapsed_hours, wall_clock
from deckgen.indicators.period import day_start, within
from deckgen.model.review import Count, Durations, Period, Ticket
from deckgen.sources.names import fold

PRIORITIES = ("urgent", "high", "medium", "low")


def created_in(tickets: pd.DataFrame, period: Period, timezone: str) -> pd.DataFrame:
    """Tickets created on a local date of ``period``."""
    return tickets[within(tickets["created_at"], period, timezone)]


def closed_in(tickets: pd.DataFrame, period: Period, timezone: str) -> pd.DataFrame:
    """Tickets in a closed status whose close date falls in ``period``."""
    closed = tickets["is_closed"].to_numpy(dtype=bool)
    return tickets[closed & within(tickets["closed_at"], period, timezone)]


def open_at_end(tickets: pd.DataFrame, period: Period, timezone: str) -> pd.DataFrame:
    """Tickets open when ``period`` ends: created by then, and not closed or closed later.

    A ticket in a closed status without a close date counts as closed.
    """
    after = day_start(period.end + timedelta(days=1), timezone)
    created = (tickets["created_at"] < after).to_numpy(dtype=bool)
    closed = tickets["is_closed"].to_numpy(dtype=bool)
    closed_later = (tickets["closed_at"] >= after).to_numpy(dtype=bool)
    return tickets[created & (~closed | closed_later)]


def _ranked(counts: Counter[str | None]) -> list[Count]:
    """Largest first; ties by name, the "no category" bucket (``None``) after named ones."""
    def order(item: tuple[str | None, int]) -> tuple[int, bool, str, str]:
        key, n = item
        return -n, key is None, fold(key or ""), key or ""

    ordered = sorted(counts.items(), key=order)
    return [Count(key, n) for key, n in ordered]


def category_keys(categories: Iterable[str]) -> list[str | None]:
    """A ticket's categories; ``[None]`` when it has none."""
    named: list[str | None] = [c for c in categories if c]
    return named or [None]


def by_category(tickets: pd.DataFrame) -> list[Count]:
    """Tickets per category, largest first, ties by name; a ticket counts once per category."""
    counts: Counter[str | None] = Counter()
    for categories in tickets["categories"]:
        counts.update(set(category_keys(categories)))
    return _ranked(counts)


def priority_rank(priority: object) -> int:
    """0 for urgent to 3 for low; 4 for a ticket without priority."""
    value = plain(priority)
    return PRIORITIES.index(value) if value in PRIORITIES else len(PRIORITIES)


def priority_key(priority: object) -> str | None:
    """A canonical priority ("high"), ``None`` when the ticket has none."""
    rank = priority_rank(priority)
    return PRIORITIES[rank] if rank < len(PRIORITIES) else None


def by_urgency(tickets: pd.DataFrame) -> list[Count]:
    """Tickets per priority: urgent, high, medium, low always; ``None`` (no priority) when any."""
    counts = Counter(priority_rank(v) for v in tickets["priority"])
    rows = [Count(p, counts[i]) for i, p in enumerate(PRIORITIES)]
    if counts[len(PRIORITIES)]:
        rows.append(Count(None, counts[len(PRIORITIES)]))
    return rows


def prioritized_mask(
    tickets: pd.DataFrame, config: Config, *, use_priority: bool, use_flag: bool
) -> np.ndarray:
    """Which tickets have a prioritized priority (``tickets.prioritized_priorities``) or flag."""
    mask = np.zeros(len(tickets), dtype=bool)
    if use_priority:
        wanted = list(config.tickets.prioritized_priorities)
        mask |= tickets["priority"].isin(wanted).to_numpy(dtype=bool)
    if use_flag:
        mask |= tickets["prioritized"].to_numpy(dtype=bool, na_value=False)
    return mask


def prioritized(
    tickets: pd.DataFrame, config: Config, *, use_priority: bool, use_flag: bool
) -> pd.DataFrame:
    """The prioritized tickets, most urgent first, then oldest first."""
    chosen = tickets[
        prioritized_mask(tickets, config, use_priority=use_priority, use_flag=use_flag)
    ]
    rank = np.array([priority_rank(p) for p in chosen["priority"]], dtype=int)
    order = np.lexsort((chosen["ticket_id"].to_numpy(dtype=object),
                        chosen["created_at"].to_numpy(dtype="datetime64[ns]"), rank))
    return chosen.iloc[order]


def estimated_hours(open_tickets: pd.DataFrame) -> float | None:
    """Sum of the HH estimates of open tickets; ``None`` when some are open but none estimated."""
    hours = open_tickets["estimated_hours"]
    if len(hours) and hours.isna().all():
        return None
    return float(hours.sum(skipna=True))


def durations(
    tickets: pd.DataFrame, start: str, end: str, sla: SlaSettings
) -> Durations:
    """Median and 90th percentile (linear interpolation) of hours from ``start`` to ``end``."""
    hours = elapsed_hours(tickets[start], tickets[end], sla)
    hours = hours[~np.isnan(hours)]
    if not len(hours):
        return Durations(None, None, 0)
    return Durations(float(np.median(hours)), float(np.percentile(hours, 90)), len(hours))


def _local_dates(instants: pd.Series) -> list[date | None]:
    dates: list[date | None] = wall_clock(instants).astype("datetime64[D]").tolist()
    return dates  # NaT becomes None


_NONE: Any = None  # na_value for to_numpy (the stubs do not admit None)


def _values(column: pd.Series) -> list[Any]:
    return column.to_numpy(dtype=object, na_value=_NONE).tolist()


def ticket_rows(tickets: pd.DataFrame, *, age_on: date | None) -> list[Ticket]:
    """Tickets as listed on a slide; ``age_on`` gives ages in days at that date (open ones)."""
    priorities = _values(tickets["priority"])
    shown = {p: priority_key(p) for p in set(priorities)}
    columns = zip(
        _values(tickets["ticket_id"]), _values(tickets["subject"]), _values(tickets["stream"]),
        tickets["categories"].tolist(), priorities, _values(tickets["status"]),
        _values(tickets["owner"]), _local_dates(tickets["created_at"]),
        _local_dates(tickets["closed_at"]), _values(tickets["estimated_hours"]),
        strict=True,
    )
    rows: list[Ticket] = []
    for tid, subject, stream, categories, priority, status, owner, created, closed, hh in columns:
        rows.append(
            Ticket(
                id=str(tid),
                subject=subject or "",
                stream=stream or "",
                categories=category_keys(categories),
                priority=shown[priority],
                status=status or "",
                owner=owner,
                created=created,
                closed=closed,
                age_days=None if age_on is None else (age_on - created).days,
                estimated_hours=None if hh is None or np.isnan(hh) else float(hh),
            )
        )
    return rows
