"""The review period: which dates a review covers, and which rows fall inside it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from deckgen.config import Config
from deckgen.errors import PeriodError
from deckgen.indicators.cells import day, plain
from deckgen.model.review import Period


def _interval(company: Mapping[str, Any] | pd.Series | None) -> int | None:
    days = None if company is None else plain(company.get("meeting_interval_days"))
    return int(days) if days is not None and days > 0 else None


def resolve_period(
    config: Config,
    company: Mapping[str, Any] | pd.Series | None,
    *,
    today: date,
    start: date | None = None,
    end: date | None = None,
    data_end: date | None = None,
) -> Period:
    """The period a review covers, by the first rule that applies.

    "Today" below is ``data_end`` (the exports' last date) when that comes before today.

    1. ``start`` and/or ``end`` given: those dates (a missing ``end`` is ``today``; a missing
       ``start`` goes back the client's meeting interval, else the default period length).
    2. The day after the client's last review meeting (companies ``last_meeting``) to today.
    3. The last ``meeting_interval_days`` days (the client's meeting interval) up to today.
    4. The last ``review.default_period_days`` days up to today.
    """
    if data_end is not None and data_end < today and start is None and end is None:
        today = data_end
    interval = _interval(company)
    length = interval or config.review.default_period_days
    if start is not None or end is not None:
        end = end or today
        start = start or end - timedelta(days=length - 1)
        if end < start:
            raise PeriodError(f"the period ends ({end}) before it starts ({start})")
        return Period(start, end)
    last = None if company is None else day(company.get("last_meeting"))
    if last is not None and last < today:
        return Period(last + timedelta(days=1), today)
    return Period(today - timedelta(days=length - 1), today)


@cache
def day_start(day: date, timezone: str) -> pd.Timestamp:
    """The first instant of ``day`` in ``timezone`` (also on a day that starts at 01:00 by DST)."""
    return pd.Timestamp(day).tz_localize(timezone, nonexistent="shift_forward", ambiguous=False)


def bounds(period: Period, timezone: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period as instants: its first instant and the first instant after it."""
    return day_start(period.start, timezone), day_start(period.end + timedelta(days=1), timezone)


def within(instants: pd.Series, period: Period, timezone: str) -> np.ndarray:
    """Which tz-aware ``instants`` fall on a local calendar date of ``period`` (NaT: no)."""
    low, high = (np.datetime64(b.tz_convert(None).as_unit("ns")) for b in bounds(period, timezone))
    utc = instants.to_numpy(dtype="datetime64[ns]")
    return (utc >= low) & (utc < high)


def dates_within(days: pd.Series, period: Period) -> np.ndarray:
    """Which naive local dates (``date`` columns) fall in ``period`` (NaT: no)."""
    low, high = pd.Timestamp(period.start), pd.Timestamp(period.end)
    return ((days >= low) & (days <= high)).to_numpy(dtype=bool)
