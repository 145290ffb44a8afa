"""Calendar and business hours between instants, counted by hand."""

from __future__ import annotations

import math

import pytest
from tables import instants

from deckgen.config import SlaSettings
from deckgen.errors import ConfigError
from deckgen.indicators.hours import elapsed_hours

BUSINESS = SlaSettings(clock="business")  # Mon–Fri 08:00–18:00
CALENDAR = SlaSettings()

# 2026-08-07 is a Friday, 2026-08-08/09 the weekend, 2026-08-10 a Monday.
SPANS = [
    ("2026-08-07 17:00", "2026-08-10 09:30"),  # Fri 17:00–18:00 = 1 + Mon 08:00–09:30 = 1.5
    ("2026-08-10 07:00", "2026-08-10 12:00"),  # before opening: 08:00–12:00 = 4
    ("2026-08-10 10:00", "2026-08-17 10:00"),  # Mon 8 + Tue–Fri 4 × 10 + Mon 2 = 50
    ("2026-08-08 09:00", "2026-08-09 17:00"),  # weekend only = 0
    ("2026-08-10 19:00", "2026-08-11 07:00"),  # overnight, outside hours = 0
    ("2026-08-10 12:00", "2026-08-10 11:00"),  # ends before it starts = 0
    ("2026-08-10 12:00", None),  # no end: unknown
]


def hours(settings: SlaSettings) -> list[float]:
    start = instants([s for s, _ in SPANS])
    end = instants([e for _, e in SPANS])
    return list(elapsed_hours(start, end, settings))


def test_business_hours() -> None:
    result = hours(BUSINESS)
    assert result[:6] == [2.5, 4.0, 50.0, 0.0, 0.0, 0.0]
    assert math.isnan(result[6])


def test_calendar_hours() -> None:
    result = hours(CALENDAR)
    # Fri 17:00 → Mon 09:30 = 7 + 48 + 9.5 = 64.5 · 5 · 7 × 24 = 168 · 32 · 12 · negative → 0
    assert result[:6] == [64.5, 5.0, 168.0, 32.0, 12.0, 0.0]
    assert math.isnan(result[6])


def test_business_hours_follow_the_configured_week_and_day() -> None:
    saturday_too = SlaSettings(
        clock="business",
        business_hours={"start": "09:00", "end": "13:00", "weekdays": [1, 2, 3, 4, 5, 6]},
    )
    # Fri 17:00 → Mon 09:30: Fri 0 (closed at 13:00) + Sat 4 + Mon 0.5 = 4.5
    assert hours(saturday_too)[0] == 4.5


def test_business_hours_reject_an_inverted_day() -> None:
    inverted = SlaSettings(clock="business", business_hours={"start": "18:00", "end": "08:00"})
    with pytest.raises(ConfigError, match="sla.business_hours"):
        hours(inverted)
