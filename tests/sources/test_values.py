"""Parsing cells: dates, numbers, priorities, yes/no, multi-select, ids and text."""

from __future__ import annotations

import pandas as pd
import pytest

from deckgen.errors import InputError
from deckgen.sources.values import (
    Cells,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_float,
    parse_id,
    parse_int,
    parse_list,
    parse_priority,
    parse_text,
)

TZ = "America/Sao_Paulo"
CELLS = Cells("tickets.csv", "Create date")


def _s(*values: object) -> pd.Series:
    return pd.Series(list(values), dtype="string")


def _local(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=TZ)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-11-20 14:03", "2026-11-20 14:03"),
        ("2026-11-20 14:03:59", "2026-11-20 14:03:59"),
        ("2026-11-20T14:03:05.250", "2026-11-20 14:03:05.250"),
        ("2026-11-20", "2026-11-20 00:00"),
        ("2026-11-20T17:03:00Z", "2026-11-20 14:03"),
        ("2026-11-20T14:03:00-03:00", "2026-11-20 14:03"),
        ("2026-11-20 18:03:00+0100", "2026-11-20 14:03"),
        ("20/11/2026", "2026-11-20 00:00"),
        ("20/11/2026 14:03", "2026-11-20 14:03"),
        ("3/4/2026 9:05:07", "2026-04-03 09:05:07"),
        ("20.11.2026", "2026-11-20 00:00"),
        ("46000", "2025-12-09 00:00"),
        ("46000.5", "2025-12-09 12:00"),
        ("  2026-11-20 14:03  ", "2026-11-20 14:03"),
    ],
)
def test_each_date_layout_alone(cell, expected):
    parsed = parse_datetime(_s(cell), CELLS, TZ)
    assert parsed.iloc[0] == _local(expected)
    assert str(parsed.dtype) == f"datetime64[ns, {TZ}]"


def test_mixed_layouts_in_one_column():
    parsed = parse_datetime(
        _s("2026-11-20 14:03", "2026-11-20T17:03:00Z", "20/11/2026 14:03", "46000", "", None),
        CELLS, TZ,
    )
    assert parsed.tolist()[:4] == [
        _local("2026-11-20 14:03"), _local("2026-11-20 14:03"), _local("2026-11-20 14:03"),
        _local("2025-12-09"),
    ]
    assert parsed.iloc[4:].isna().all()


def test_ambiguous_slash_dates_are_day_first_unless_configured():
    assert parse_datetime(_s("03/04/2026"), CELLS, TZ).iloc[0] == _local("2026-04-03")
    assert parse_datetime(_s("03/04/2026"), CELLS, TZ, False).iloc[0] == _local("2026-03-04")


def test_a_column_of_month_first_dates_is_recognised():
    parsed = parse_datetime(_s("11/20/2026 2:03 PM", "03/04/2026 12:10 AM"), CELLS, TZ)
    assert parsed.tolist() == [_local("2026-11-20 14:03"), _local("2026-03-04 00:10")]


@pytest.mark.parametrize(
    "cell", ["2026-02-30", "2026-02-30 10:00", "31/02/2026", "ontem", "13/13/2026"]
)
def test_a_date_in_no_known_layout_is_an_error_naming_row_column_and_value(cell):
    with pytest.raises(InputError) as caught:
        parse_datetime(_s("2026-11-20 14:03", cell), CELLS, TZ)
    assert str(caught.value) == (
        "tickets.csv, row 3, column 'Create date': expected a date (YYYY-MM-DD HH:MM, ISO 8601, "
        f"DD/MM/YYYY [HH:MM] or an Excel serial number), found {cell!r}"
    )


def test_dates_are_calendar_days_in_the_company_zone():
    parsed = parse_date(_s("2026-11-20T02:00:00Z", "20/11/2026 23:59"), CELLS, TZ)
    assert parsed.tolist() == [pd.Timestamp("2026-11-19"), pd.Timestamp("2026-11-20")]
    assert str(parsed.dtype) == "datetime64[ns]"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12", 12.0), ("12.5", 12.5), ("12,5", 12.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
        ("1.234.567", 1234567.0), ("1,234,567", 1234567.0), ("-0,5", -0.5), (" 3 ", 3.0),
        ("1.234", 1.234), ("1 234,5", 1234.5),
    ],
)
def test_decimals_with_comma_or_point(cell, expected):
    assert parse_float(_s(cell, None), CELLS).tolist()[0] == pytest.approx(expected)


def test_a_value_that_is_no_number_is_an_error():
    expected = r"^tickets.csv, row 2, column 'Create date': expected a number"
    with pytest.raises(InputError, match=expected):
        parse_float(_s("doze"), CELLS)


def test_whole_numbers():
    parsed = parse_int(_s("30", "30,0", "", "45.0"), CELLS)
    assert parsed.tolist() == [30, 30, pd.NA, 45]
    assert str(parsed.dtype) == "Int64"
    with pytest.raises(InputError, match="expected a whole number, found '2,5'"):
        parse_int(_s("2,5"), CELLS)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("LOW", "low"), ("MEDIUM", "medium"), ("HIGH", "high"), ("URGENT", "urgent"),
        ("Baixa", "low"), ("Média", "medium"), ("media", "medium"), ("Alta", "high"),
        ("Urgente", "urgent"), ("Crítica", "urgent"), ("Urgent", "urgent"), ("  high ", "high"),
    ],
)
def test_priorities_and_their_labels(cell, expected):
    assert parse_priority(_s(cell), CELLS).tolist() == [expected]


def test_unknown_priority_is_an_error():
    with pytest.raises(InputError) as caught:
        parse_priority(_s("HIGH", "", "P1"), CELLS)
    assert str(caught.value) == (
        "tickets.csv, row 4, column 'Create date': expected a priority (LOW, MEDIUM, HIGH, "
        "URGENT, Baixa, Média, Alta, Urgente, Crítica), found 'P1'"
    )


def test_booleans():
    parsed = parse_bool(_s("Sim", "não", "true", "FALSE", "1", "0", "x", "yes", "No", ""), CELLS)
    assert parsed.tolist() == [True, False, True, False, True, False, True, True, False, pd.NA]
    assert str(parsed.dtype) == "boolean"
    with pytest.raises(InputError, match="expected yes/no"):
        parse_bool(_s("talvez"), CELLS)


def test_multi_select_becomes_tuples():
    parsed = parse_list(_s("Erro;Integração", "Dúvida", " Erro ; ; Cadastro ", "", None))
    assert parsed.tolist() == [("Erro", "Integração"), ("Dúvida",), ("Erro", "Cadastro"), (), ()]


def test_ids_from_excel_and_several_companies():
    ids, several = parse_id(_s("123.0", "456;789", " 42 ", "", "1.5", "00123"))
    assert ids.tolist() == ["123", "456", "42", pd.NA, "1.5", "00123"]
    assert several == 1


def test_text_is_stripped_and_loses_only_xml_illegal_characters():
    kept = "Olá 😀 \"aspas\" <b> & {{ 7*7 }} {% if %}"
    parsed = parse_text(_s(f"  {kept}  ", "a\x00b\x08c\x0bd\x0ce\x1ff\ufffeg\uffffh", "\x01", "  "))
    assert parsed.tolist() == [kept, "abcdefgh", pd.NA, pd.NA]
    assert parse_text(_s("tab\there\nline")).tolist() == ["tab\there\nline"]


def test_repeated_values_parse_once_each_with_the_same_result_and_error_row():
    cells = ["MEDIUM", " Alta ", None, "low"] * 50
    parsed = parse_priority(_s(*cells), CELLS).fillna("-").tolist()
    assert parsed == ["medium", "high", "-", "low"] * 50
    ids, several = parse_id(_s(*(["123.0", "456;789", None] * 40)))
    assert ids.fillna("-").tolist() == ["123", "456", "-"] * 40 and several == 40
    with pytest.raises(InputError) as error:
        parse_priority(_s(*cells[:100], "soon", *cells[100:]), CELLS)
    assert error.value.row == 102
