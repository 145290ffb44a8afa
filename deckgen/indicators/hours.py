"""Hours between two instants on the configured SLA clock: calendar or business hours."""

from __future__ import annotations

from datetime import time
from typing import cast

import numpy as np
import pandas as pd

from deckgen.config import BusinessHours, SlaSettings
from deckgen.errors import ConfigError

_ZERO = np.timedelta64(0, "ns")
_HOUR = np.timedelta64(1, "h")


def elapsed_hours(start: pd.Series, end: pd.Series, sla: SlaSettings) -> np.ndarray:
    """Hours from ``start`` to ``end`` (tz-aware), element-wise; NaN where either is missing.

    ``calendar``: real elapsed time. ``business``: only the time inside the configured
    business hours and weekdays, on the local wall clock. A negative span counts as 0.
    """
    if sla.clock == "business":
        return business_hours(wall_clock(start), wall_clock(end), sla.business_hours)
    span = (end - start).to_numpy(dtype="timedelta64[ns]")
    hours = span / _HOUR
    return np.where(np.isnan(hours), np.nan, np.maximum(hours, 0.0))


def wall_clock(instants: pd.Series) -> np.ndarray:
    """Tz-aware instants as naive local ``datetime64[ns]`` (the time a local clock shows)."""
    local = cast(pd.arrays.DatetimeArray, instants.array).tz_localize(None)
    return local.to_numpy(dtype="datetime64[ns]")


def _clock(value: str, what: str) -> np.timedelta64:
    try:
        moment = time.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"sla.business_hours.{what}: {value!r} is not a time (HH:MM)") from None
    return np.timedelta64(moment.hour * 60 + moment.minute, "m").astype("timedelta64[ns]")


def _weekmask(weekdays: list[int]) -> str:
    if not weekdays or any(not 1 <= d <= 7 for d in weekdays):
        raise ConfigError(
            f"sla.business_hours.weekdays: {weekdays} must list days 1 (Monday) to 7 (Sunday)"
        )
    return "".join("1" if d in weekdays else "0" for d in range(1, 8))


def business_hours(start: np.ndarray, end: np.ndarray, hours: BusinessHours) -> np.ndarray:
    """Business hours between naive local ``datetime64`` arrays, element-wise (NaN for NaT).

    Each business weekday counts the overlap of ``[start, end]`` with its opening hours; the
    days strictly between the first and the last count whole. Holidays are not known.
    """
    opens, closes = _clock(hours.start, "start"), _clock(hours.end, "end")
    if closes <= opens:
        raise ConfigError(f"sla.business_hours: end {hours.end} is not after start {hours.start}")
    mask = _weekmask(hours.weekdays)
    missing = np.isnat(start) | np.isnat(end)
    begin = np.where(missing, np.datetime64(0, "ns"), start).astype("datetime64[ns]")
    finish = np.where(missing, np.datetime64(0, "ns"), end).astype("datetime64[ns]")
    first_day = begin.astype("datetime64[D]")
    last_day = finish.astype("datetime64[D]")

    def overlap(day: np.ndarray) -> np.ndarray:
        midnight = day.astype("datetime64[ns]")
        span = np.minimum(finish, midnight + closes) - np.maximum(begin, midnight + opens)
        return np.where(np.is_busday(day, weekmask=mask), np.maximum(span, _ZERO), _ZERO)

    later = last_day > first_day
    between = np.busday_count(first_day + 1, np.maximum(last_day, first_day + 1), weekmask=mask)
    total = overlap(first_day) + np.where(
        later, overlap(last_day) + between * (closes - opens), _ZERO
    )
    result = total / _HOUR
    result[missing] = np.nan
    return result
