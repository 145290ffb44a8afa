"""The review period: each fallback of indicators.md "The period", and local day bounds."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest
from tables import make_config

from deckgen.errors import PeriodError
from deckgen.indicators.period import day_start, resolve_period
from deckgen.model.review import Period

TODAY = date(2026, 11, 5)
CONFIG = make_config()


def company(last: str | None = None, interval: int | None = None) -> pd.Series:
    return pd.Series({
        "last_meeting": pd.Timestamp(last) if last else pd.NaT,
        "meeting_interval_days": pd.NA if interval is None else interval,
    })


@pytest.mark.parametrize(
    ("row", "given", "expected"),
    [
        # 1. dates given win over everything
        (company("2026-07-31", 30), {"start": date(2026, 8, 1), "end": date(2026, 10, 31)},
         Period(date(2026, 8, 1), date(2026, 10, 31))),
        # only a start: to today
        (company(), {"start": date(2026, 10, 1)}, Period(date(2026, 10, 1), TODAY)),
        # only an end: back 30 days of the interval (Oct 2 … Oct 31 = 30 days)
        (company(interval=30), {"end": date(2026, 10, 31)},
         Period(date(2026, 10, 2), date(2026, 10, 31))),
        # 2. the day after the last review to today
        (company("2026-07-31", 30), {}, Period(date(2026, 8, 1), TODAY)),
        # 3. last review is today (nothing since): the last 30 days, Oct 7 … Nov 5
        (company("2026-11-05", 30), {}, Period(date(2026, 10, 7), TODAY)),
        # 3. no last review: the last [CS] Dias entre reuniões days
        (company(interval=30), {}, Period(date(2026, 10, 7), TODAY)),
        # 4. neither: default 90 days, Aug 8 … Nov 5 (24 + 30 + 31 + 5 = 90)
        (company(), {}, Period(date(2026, 8, 8), TODAY)),
        (None, {}, Period(date(2026, 8, 8), TODAY)),
    ],
)
def test_resolve_period(row: pd.Series | None, given: dict[str, Any], expected: Period) -> None:
    assert resolve_period(CONFIG, row, today=TODAY, **given) == expected


def test_default_length_is_configurable() -> None:
    config = make_config(review={"default_period_days": 7})
    assert resolve_period(config, None, today=TODAY) == Period(date(2026, 10, 30), TODAY)


def test_a_period_ending_before_it_starts_is_an_error() -> None:
    with pytest.raises(PeriodError, match="ends"):
        resolve_period(CONFIG, None, today=TODAY, start=date(2026, 9, 1), end=date(2026, 8, 1))


def test_previous_period_has_equal_length() -> None:
    assert Period(date(2026, 8, 1), date(2026, 8, 31)).previous() == Period(
        date(2026, 7, 1), date(2026, 7, 31)
    )


def test_a_day_that_starts_at_one_by_daylight_saving() -> None:
    # São Paulo jumped from 00:00 to 01:00 on 2018-11-04
    assert day_start(date(2018, 11, 4), "America/Sao_Paulo").isoformat() == (
        "2018-11-04T01:00:00-02:00"
    )
