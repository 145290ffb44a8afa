"""The one clock of the library: now and today, or ``SOURCE_DATE_EPOCH``'s for reproducible runs."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` when it is set to an integer, else None."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        return int(raw)
    except ValueError:
        return None


def now() -> datetime:
    """The current instant (aware, UTC), or ``SOURCE_DATE_EPOCH``'s."""
    epoch = source_date_epoch()
    return datetime.now(UTC) if epoch is None else datetime.fromtimestamp(epoch, UTC)


def build_date() -> date:
    """Today (the machine's calendar), or the UTC date of ``SOURCE_DATE_EPOCH``."""
    epoch = source_date_epoch()
    return date.today() if epoch is None else datetime.fromtimestamp(epoch, UTC).date()
