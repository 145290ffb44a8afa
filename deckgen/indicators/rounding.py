"""Rounding half away from zero (never Python's banker's rounding) and percentages."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_away(value: Decimal, places: int = 0) -> Decimal:
    """``value`` rounded to ``places`` decimals, halves away from zero (12.5 → 13, −12.5 → −13)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def ratio(part: int, whole: int, *, scale: int = 100, places: int = 1) -> float | None:
    """``scale × part / whole`` rounded half away from zero; ``None`` when ``whole`` is 0."""
    if whole == 0:
        return None
    return float(round_half_away(Decimal(scale * part) / Decimal(whole), places))


def percent(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in percent with one decimal; ``None`` without a whole."""
    return ratio(part, whole)
