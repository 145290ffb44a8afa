"""Opening exports: encodings, delimiters, XLSX, ZIP, globs, empty and ragged files."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from deckgen.config import LimitSettings, SourceSpec
from deckgen.errors import InputError
from deckgen.reading import ReadRefused, read_capped
from deckgen.sources.files import detect_delimiter, read_table
from deckgen.sources.reader import read_source
from deckgen.sources.workspace import load_workspace

ROWS = [
    ["Ticket ID", "Ticket name", "Pipeline", "Create date", "Associated Company IDs"],
    ["1", "Impressão não funciona", "Suporte", "2026-11-20 14:03", "101"],
    ["2", "Relatório \"gerencial\"", "Implantação", "2026-11-21 09:00", "102"],
]


def _csv(rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters_are_detected(workspace, encoding, delimiter):
    data = _csv(ROWS, delimiter).encode(encoding)
    config = workspace({"tickets.csv": data})
    table = read_source(config, "tickets")
    assert table.delimiter == delimiter
    assert table.encoding == encoding
    assert table.table["subject"].tolist() == ["Impressão não funciona", 'Relatório "gerencial"']
    assert table.table["ticket_id"].tolist() == ["1", "2"]


def test_utf16_with_bom_is_read(workspace):
    config = workspace({"tickets.csv": _csv(ROWS, "\t").encode("utf-16")})
    assert read_source(config, "tickets").table["pipeline"].tolist() == ["Suporte", "Implantação"]


def test_bytes_undefined_in_windows_1252_are_an_error_naming_offset_and_row(workspace):
    data = _csv(ROWS, ",").encode("cp1252") + b"3,Caf\x81,Suporte,2026-11-22 10:00,101\r\n"
    config = workspace({"tickets.csv": data})
    with pytest.raises(InputError) as caught:
        read_source(config, "tickets")
    offset = data.index(b"\x81")
    assert str(caught.value) == (
        f"tickets.csv, row 4: not UTF-8 or Windows-1252 text: byte 0x81 at offset {offset}; "
        'set encoding (e.g. "latin-1") for this source in the configuration'
    )


def test_forced_latin1_reads_those_bytes(workspace):
    data = _csv(ROWS, ",").encode("cp1252") + b"3,Caf\xe9\x81,Suporte,2026-11-22 10:00,101\r\n"
    config = workspace(
        {"tickets.csv": data},
        sources={"companies": "companies.csv"},
        extra='[sources.tickets]\npath = "tickets.csv"\nencoding = "latin-1"\n',
    )
    assert read_source(config, "tickets").table["subject"].iloc[2] == "Café\x81"


def test_forced_delimiter_wins_over_detection(tmp_path: Path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"A;B,C\n1;2,3\n")
    raw = read_table(path, SourceSpec(path="x.csv", delimiter=";"), "x.csv")
    assert raw.headers == ["A", "B,C"]
    assert raw.frame[1].tolist() == ["2,3"]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("Nota;Comentário\n9;Bom, muito bom, ótimo\n", ";"),
        ("Score,Comment\n9,\"Bom; ótimo\"\n", ","),
        ("a\tb\n1,5\t2,5\n", "\t"),
        ("single\nvalue\n", ","),
    ],
)
def test_delimiter_detection(sample, expected):
    assert detect_delimiter(sample) == expected


def test_empty_file_is_an_error(workspace):
    config = workspace({"tickets.csv": b""})
    with pytest.raises(InputError, match=r"^tickets.csv: file is empty$"):
        read_source(config, "tickets")


def test_header_only_file_is_an_empty_table(workspace):
    config = workspace({"tickets.csv": "Ticket ID,Create date,Associated Company\n"})
    table = read_source(config, "tickets").table
    assert table.empty
    assert str(table["created_at"].dtype) == "datetime64[ns, America/Sao_Paulo]"


def test_ragged_rows_are_padded_and_trailing_delimiters_ignored(workspace):
    text = "Ticket ID;Create date;Cliente\n1;20/11/2026\n2;21/11/2026;Gama;\n"
    config = workspace({"tickets.csv": text})
    table = read_source(config, "tickets").table
    assert table["company_name"].tolist()[1] == "Gama"
    assert pd.isna(table["company_name"].iloc[0])


def test_a_row_with_extra_values_is_an_error(workspace):
    config = workspace({"tickets.csv": "Ticket ID;Create date;Cliente\n1;20/11/2026;Gama;x\n"})
    expected = r"^tickets.csv, row 2: expected 3 fields as in the header, found 4$"
    with pytest.raises(InputError, match=expected):
        read_source(config, "tickets")


def test_multiline_quoted_values_keep_spreadsheet_rows(workspace):
    text = (
        'Ticket ID,Ticket name,Create date,Cliente\n1,"two\nlines",2026-11-20,Gama\n'
        "2,x,nope,Gama\n"
    )
    config = workspace({"tickets.csv": text})
    with pytest.raises(InputError, match=r"^tickets.csv, row 3, column 'Create date'"):
        read_source(config, "tickets")


def _xlsx(rows: list[list[object]], sheet: str = "Sheet1", blank_rows: int = 0) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for _ in range(blank_rows):
        ws.append([])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_ROWS: list[list[object]] = [
    ["Ticket ID", "Create date", "Associated Company IDs", "Estimated hours", "Priority"],
    [1.0, datetime(2026, 11, 20, 14, 3), 101.0, 2.5, "Alta"],
    [2, 46000, "102", "3,5", "URGENT"],
]


def test_xlsx_cells_are_read_like_csv_cells(workspace):
    config = workspace(
        {"tickets.xlsx": _xlsx(XLSX_ROWS, blank_rows=2)},
        sources={"companies": "companies.csv", "tickets": "tickets.xlsx"},
    )
    item = read_source(config, "tickets")
    table = item.table
    assert table["ticket_id"].tolist() == ["1", "2"]
    assert table["company_id"].tolist() == ["101", "102"]
    assert table["estimated_hours"].tolist() == [2.5, 3.5]
    assert table["priority"].tolist() == ["high", "urgent"]
    assert table["created_at"].iloc[0] == pd.Timestamp("2026-11-20 14:03", tz="America/Sao_Paulo")
    assert table["created_at"].iloc[1] == pd.Timestamp("2025-12-09", tz="America/Sao_Paulo")
    assert item.sheet == "Sheet1"


def test_xlsx_error_names_the_spreadsheet_row(workspace):
    rows = [*XLSX_ROWS, [3, "amanhã", "101", "1", "Alta"]]
    config = workspace(
        {"tickets.xlsx": _xlsx(rows, blank_rows=2)},
        sources={"companies": "companies.csv", "tickets": "tickets.xlsx"},
    )
    # two blank rows, the header on row 3, data on rows 4-6: the bad date is on row 6
    with pytest.raises(InputError, match=r"^tickets.xlsx, row 6, column 'Create date'"):
        read_source(config, "tickets")


def test_xlsx_named_sheet_and_unknown_sheet(workspace):
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.append(["nothing here"])
    second = book.create_sheet("Tickets")
    for row in XLSX_ROWS:
        second.append(row)
    out = io.BytesIO()
    book.save(out)
    extra = '[sources.tickets]\npath = "t.xlsx"\nsheet = "{0}"\n'
    config = workspace({"t.xlsx": out.getvalue()}, sources={"companies": "companies.csv"},
                       extra=extra.format("Tickets"))
    assert read_source(config, "tickets").table["ticket_id"].tolist() == ["1", "2"]
    config = workspace({"t.xlsx": out.getvalue()}, sources={"companies": "companies.csv"},
                       extra=extra.format("Chamados"))
    expected = r"^t.xlsx: no sheet named 'Chamados'; sheets are 'Sheet', 'Tickets'$"
    with pytest.raises(InputError, match=expected):
        read_source(config, "tickets")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("member", ["export.csv", "export.xlsx"])
def test_zip_holding_one_export(workspace, member):
    data = _csv(ROWS, ",").encode() if member.endswith("csv") else _xlsx(XLSX_ROWS)
    config = workspace(
        {"hubspot.zip": _zip({member: data, "__MACOSX/._x": b"junk"})},
        sources={"companies": "companies.csv", "tickets": "hubspot.zip"},
    )
    item = read_source(config, "tickets")
    assert item.file == f"hubspot.zip:{member}"
    assert item.table["ticket_id"].tolist() == ["1", "2"]


def test_zip_with_two_exports_is_an_error(workspace):
    config = workspace(
        {"hubspot.zip": _zip({"a.csv": b"x\n1\n", "b.csv": b"x\n1\n"})},
        sources={"companies": "companies.csv", "tickets": "hubspot.zip"},
    )
    expected = r"^hubspot.zip: expected one CSV or XLSX file in the ZIP, found a.csv, b.csv$"
    with pytest.raises(InputError, match=expected):
        read_source(config, "tickets")


def test_newest_file_of_a_glob_wins(workspace):
    old = "Ticket ID,Create date,Cliente\n1,2026-01-01,Gama\n"
    new = "Ticket ID,Create date,Cliente\n1,2026-01-01,Gama\n2,2026-01-02,Gama\n"
    config = workspace(
        {
            "hubspot-crm-exports-all-tickets-2026-9-30.csv": old,
            "hubspot-crm-exports-all-tickets-2026-11-20.csv": new,
            "hubspot-crm-exports-all-tickets-2026-10-01.csv": old,
        },
        sources={"companies": "companies.csv", "tickets": "hubspot-crm-exports-all-tickets-*.csv"},
    )
    item = read_source(config, "tickets")
    assert item.file == "hubspot-crm-exports-all-tickets-2026-11-20.csv"
    assert len(item.table) == 2
    assert item.notes == [
        "3 files match 'hubspot-crm-exports-all-tickets-*.csv'; using the newest, "
        "hubspot-crm-exports-all-tickets-2026-11-20.csv"
    ]


def test_a_missing_optional_file_makes_the_source_unavailable(workspace):
    config = workspace({}, sources={"companies": "companies.csv", "tickets": "tickets-*.csv"})
    loaded = load_workspace(config)
    assert loaded.tickets.empty
    assert loaded.unavailable["tickets"].startswith("no file matches 'tickets-*.csv'")


def test_old_xls_is_refused(workspace):
    config = workspace(
        {"t.xls": b"\xd0\xcf\x11\xe0"}, sources={"companies": "companies.csv", "tickets": "t.xls"}
    )
    with pytest.raises(InputError, match=r"^t.xls: the old Excel .xls format is not supported"):
        read_source(config, "tickets")


def test_a_file_of_exactly_the_cap_is_read_and_one_byte_more_is_not(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"a" * 100)
    assert read_capped(path, 100) == b"a" * 100
    with pytest.raises(ReadRefused, match="100 bytes, over the limit of 99 bytes"):
        read_capped(path, 99)


def test_a_zip_member_within_the_ratio_is_read_whole(tmp_path):
    path = tmp_path / "tickets.zip"
    text = "Ticket ID,Create date\n" + "".join(f"{i},2026-11-20\n" for i in range(1, 2000))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("tickets.csv", text)
    raw = read_table(path, SourceSpec(path="tickets.zip"), "tickets.zip", LimitSettings())
    assert raw.file == "tickets.zip:tickets.csv"
    assert len(raw.frame) == 1999
    tight = LimitSettings(zip_ratio=2)
    with pytest.raises(InputError, match="more than 2 times"):
        read_table(path, SourceSpec(path="tickets.zip"), "tickets.zip", tight)
