"""Cell values of normalised tables as plain Python values: missing becomes ``None``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd


def plain(value: Any) -> Any:
    """``value`` with pandas' missing markers (NA, NaT, NaN) turned into ``None``."""
    if value is None or isinstance(value, str | tuple | list):
        return value
    return None if pd.isna(value) else value


def text(value: Any) -> str | None:
    """A text cell, ``None`` when blank."""
    value = plain(value)
    return None if value is None else str(value)


def day(value: Any) -> date | None:
    """A ``date`` or ``datetime`` cell as its (local) calendar date."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"not a date: {value!r}")
