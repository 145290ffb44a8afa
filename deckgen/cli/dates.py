"""Click parameter types for dates and ``START..END`` periods."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def parse_day(text: str) -> date:
    """A date written as YYYY-MM-DD or DD/MM/YYYY."""
    for fmt in FORMATS:
        try:
            day = datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
        if not 1900 <= day.year <= 2100:  # periods are shifted by days: year 1 or 9999 overflow
            raise ValueError(f"{text!r} is not between 1900 and 2100")
        return day
    raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)")


class DayType(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_day(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class PeriodType(click.ParamType):
    """``START..END``, both dates included."""

    name = "START..END"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[date, date]:
        if isinstance(value, tuple):
            return value
        start_text, sep, end_text = str(value).partition("..")
        if not sep:
            self.fail(f"{value!r} is not a period: write START..END, e.g. 2026-08-01..2026-10-31",
                      param, ctx)
        try:
            start, end = parse_day(start_text), parse_day(end_text)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        if end < start:
            self.fail(f"{value!r}: the period ends before it starts", param, ctx)
        return start, end


DAY = DayType()
PERIOD = PeriodType()
