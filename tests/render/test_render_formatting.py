"""The template filters format numbers, dates and durations as each language writes them."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal

import pytest

from deckgen.render.formatting import make_filters

DAY = date(2026, 11, 22)
MOMENT = datetime(2026, 11, 22, 14, 5)

CASES = [
    ("number", (1234,), "1.234", "1,234"),
    ("number", (3.14159, 1), "3,1", "3.1"),
    ("number", (2.5,), "3", "3"),  # half up, as people round
    ("number", (-50,), "\u221250", "\u221250"),  # a true minus, like signed
    ("percent", (-12.5,), "\u221212,5%", "\u221212.5%"),
    ("percent", (87.5,), "87,5%", "87.5%"),
    ("percent", (87.25,), "87,3%", "87.3%"),
    ("percent", (100, 0), "100%", "100%"),
    ("signed", (4.2,), "+4,2", "+4.2"),
    ("signed", (-3, 0, "p.p."), "\u22123 p.p.", "\u22123 p.p."),
    ("signed", (-0.04,), "0,0", "0.0"),
    ("date", (DAY,), "22/11/2026", "11/22/2026"),
    ("date", (DAY, "medium"), "22 de nov. de 2026", "Nov 22, 2026"),
    ("date", (DAY, "long"), "22 de novembro de 2026", "November 22, 2026"),
    ("date", (MOMENT, "short"), "22/11/2026", "11/22/2026"),
    ("datetime", (MOMENT,), "22/11/2026 14:05", "11/22/2026, 2:05\u00a0PM"),
    ("hours", (12.5,), "12,5 h", "12.5 h"),
    ("days", (3,), "3 dias", "3 days"),
    ("days", (1,), "1 dia", "1 day"),
    ("days", (0,), "0 dias", "0 days"),
    ("money", (1234.5,), "R$\u00a01.234,50", "R$1,234.50"),
    ("money", (Decimal("10"), "USD"), "US$\u00a010,00", "$10.00"),
    ("plural", (1, "ticket", "tickets"), "ticket", "ticket"),
    ("plural", (2, "ticket", "tickets"), "tickets", "tickets"),
    ("default_dash", ("ok",), "ok", "ok"),
]


@pytest.mark.parametrize(("name", "args", "pt_br", "en"), CASES)
def test_filters_in_both_languages(name: str, args: tuple, pt_br: str, en: str) -> None:
    assert make_filters("pt-BR")[name](*args) == pt_br
    assert make_filters("en")[name](*args) == en


@pytest.mark.parametrize("missing", [None, math.nan, float("nan")])
@pytest.mark.parametrize(
    "name",
    ["number", "percent", "signed", "date", "datetime", "hours", "days", "money", "default_dash"],
)
def test_missing_values_show_a_dash(name: str, missing: object) -> None:
    assert make_filters("pt-BR")[name](missing) == "\u2014"


def test_plural_of_missing_count_is_a_dash() -> None:
    assert make_filters("en")["plural"](None, "day", "days") == "\u2014"
