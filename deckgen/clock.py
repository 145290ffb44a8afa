"""What "today" is for a build: the real date, or ``SOURCE_DATE_EPOCH``'s for reproducible runs."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date() -> date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()
