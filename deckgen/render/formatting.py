"""Locale-aware value formatting (Babel) exposed as template filters; missing values show "—"."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime, get_date_format, get_time_format
from babel.numbers import (
    NumberPattern,
    format_currency,
    format_decimal,
    format_percent,
    parse_pattern,
)

DASH = "\u2014"
MINUS = "\u2212"

# Unit words Babel's CLDR subset lacks for Portuguese; keyed by language, (singular, plural).
_DAY_WORDS: dict[str, tuple[str, str]] = {"pt": ("dia", "dias"), "en": ("day", "days")}


def is_missing(value: object) -> bool:
    """True for ``None``, NaN (float, Decimal, numpy/pandas NA) and the empty string."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    if isinstance(value, float | Decimal):
        return math.isnan(value)
    try:
        return bool(value != value)  # NaN-like objects (numpy.nan, pandas.NA) are unequal to self
    except (TypeError, ValueError):
        return False


@cache
def _pattern(digits: int, suffix: str = "") -> NumberPattern:
    """The parsed Babel pattern for ``digits`` decimals (parsing is the costly part)."""
    return parse_pattern("#,##0" + ("." + "0" * digits if digits > 0 else "") + suffix)


def _decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _rounded(value: Any, digits: int) -> Decimal:
    """``value`` rounded half up (as people round: 2.5 → 3), not Babel's half-even."""
    return _decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language, sep="-")


@lru_cache(maxsize=8192)
def _formatted(rounded: str, digits: int, language: str) -> str:
    """Babel's text for a rounded decimal, given as ``str`` (which keeps "-0" apart from "0")."""
    return format_decimal(Decimal(rounded), _pattern(digits), locale=_locale(language))


@cache
def _short_date_pattern(locale: Locale) -> str:
    """The locale's short date pattern with a four-digit year (``M/d/yy`` → ``M/d/y``)."""
    pattern = get_date_format("short", locale=locale).pattern
    return pattern if "yyyy" in pattern else pattern.replace("yy", "y")


def make_filters(language: str, currency: str = "BRL") -> dict[str, Callable[..., Any]]:
    """Jinja filters formatting numbers, dates, durations and money for ``language``."""
    locale = _locale(language)
    day_words = _DAY_WORDS.get(locale.language, _DAY_WORDS["en"])

    def number(value: Any, digits: int = 0) -> str:
        if is_missing(value):
            return DASH
        return _formatted(str(_rounded(value, digits)), digits, language).replace("-", MINUS)

    def percent(value: Any, digits: int = 1) -> str:
        if is_missing(value):
            return DASH
        text = format_percent(_rounded(value, digits) / 100, _pattern(digits, "%"), locale=locale)
        return text.replace("-", MINUS)

    def signed(value: Any, digits: int = 1, unit: str = "") -> str:
        if is_missing(value):
            return DASH
        rounded = _rounded(value, digits)
        text = _formatted(str(abs(rounded)), digits, language)
        sign = "" if rounded == 0 else ("+" if rounded > 0 else MINUS)
        return f"{sign}{text}" + (f" {unit}" if unit else "")

    def date_(value: Any, style: str = "short") -> str:
        if is_missing(value):
            return DASH
        if not isinstance(value, date):
            return str(value)
        day = value.date() if isinstance(value, datetime) else value
        fmt = _short_date_pattern(locale) if style == "short" else style
        return format_date(day, fmt, locale=locale)

    def datetime_(value: Any) -> str:
        if is_missing(value):
            return DASH
        if not isinstance(value, datetime):
            return date_(value)
        clock = get_time_format("short", locale=locale).pattern
        time = format_datetime(value, clock, locale=locale)
        day = format_date(value.date(), _short_date_pattern(locale), locale=locale)
        glue = str(locale.datetime_formats["short"])
        return glue.replace("{1}", day).replace("{0}", time).replace("\u202f", "\u00a0")

    def hours(value: Any, digits: int = 1) -> str:
        if is_missing(value):
            return DASH
        return f"{number(value, digits)} h"

    def days(value: Any) -> str:
        if is_missing(value):
            return DASH
        exact = _decimal(value)
        digits = 0 if exact == exact.to_integral_value() else 1
        word = day_words[0] if exact == 1 else day_words[1]
        return f"{number(exact, digits)} {word}"

    def money(value: Any, currency_code: str | None = None) -> str:
        if is_missing(value):
            return DASH
        return format_currency(_rounded(value, 2), currency_code or currency, locale=locale)

    def plural(value: Any, singular: str, plural_form: str) -> str:
        if is_missing(value):
            return DASH
        return singular if _decimal(value) == 1 else plural_form

    def default_dash(value: Any) -> Any:
        return DASH if is_missing(value) else value

    return {
        "number": number,
        "percent": percent,
        "signed": signed,
        "date": date_,
        "datetime": datetime_,
        "hours": hours,
        "days": days,
        "money": money,
        "plural": plural,
        "default_dash": default_dash,
    }
