"""Where the sample workspaces are, their review periods and the meeting date the tests use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
TODAY = date(2026, 11, 20)


def review_period(name: str) -> tuple[date, date]:
    """The period the sample's decks are built for (``review-period.txt``)."""
    start, end = (SAMPLES / name / "review-period.txt").read_text().strip().split("..")
    return date.fromisoformat(start), date.fromisoformat(end)
