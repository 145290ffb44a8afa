"""Workbooks of typed sheets: what a document's tables hold, written for Excel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from deckgen.io import atomic_write
from deckgen.render.output import normalize_ooxml_zip, strip_xml_illegal
from deckgen.render.properties import DocumentInfo

FIXED_CREATED = datetime(2000, 1, 1)


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a name (the tab, at most 31 characters), column headers and typed rows;
    optionally a ``title`` written above the headers, and an Excel number format per column
    (``formats[i]`` for column i; None: General)."""

    name: str
    headers: list[str]
    rows: list[list[object]]
    title: str = ""
    formats: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Number:
    """A number written with its own Excel number format (rows whose kinds differ)."""

    value: float | int | None
    format: str


_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", strip_xml_illegal(name)).strip()[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def write_workbook(
    sheets: list[Sheet], path: Path, language: str, info: DocumentInfo | None = None
) -> None:
    """Write sheets as typed cells with frozen headers; text is never read as a formula.
    ``info`` gives the workbook's document properties."""
    import xlsxwriter  # imported here: only the build needs it

    date_format = "dd/mm/yyyy" if language == "pt-BR" else "yyyy-mm-dd"

    def write(target: Path) -> None:
        book = xlsxwriter.Workbook(str(target), {
            "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "remove_timezone": True,
            "in_memory": True,  # no temporary file per sheet: half the time
        })
        book.set_properties({"created": FIXED_CREATED})
        header = book.add_format({"bold": True, "bg_color": "#E8EEF5", "border": 1})
        day = book.add_format({"num_format": date_format})
        stamp = book.add_format({"num_format": date_format + " hh:mm"})
        heading = book.add_format({"bold": True, "font_size": 13})
        wanted = {f for s in sheets for f in s.formats if f} | {
            v.format for s in sheets for row in s.rows for v in row if isinstance(v, Number)}
        numbers = {f: book.add_format({"num_format": f}) for f in sorted(wanted)}
        used: set[str] = set()
        for sheet in sheets:
            ws = book.add_worksheet(_sheet_title(sheet.name, used))
            top = 0
            if sheet.title:
                ws.write_string(0, 0, strip_xml_illegal(sheet.title), heading)
                top = 1
            widths = [len(h) for h in sheet.headers]
            for col, title in enumerate(sheet.headers):
                ws.write_string(top, col, title, header)
            for r, row in enumerate(sheet.rows, start=top + 1):
                for c, cell in enumerate(row):
                    fmt = sheet.formats[c] if c < len(sheet.formats) else None
                    value = cell.value if isinstance(cell, Number) else cell
                    fmt = cell.format if isinstance(cell, Number) else fmt
                    _write_cell(ws, r, c, value, day, stamp, numbers.get(fmt) if fmt else None)
                    widths[c] = max(widths[c], min(len(str(value or "")), 60))
            for col, width in enumerate(widths):
                ws.set_column(col, col, width + 2)
            ws.freeze_panes(top + 1, 0)
            if sheet.rows:
                ws.autofilter(top, 0, top + len(sheet.rows), len(sheet.headers) - 1)
        book.close()
        normalize_ooxml_zip(target, core=info.core_xml() if info is not None else None)

    atomic_write(path, write)


def _write_cell(ws: object, row: int, col: int, value: object, day: object, stamp: object,
                number: object = None) -> None:
    if value is None or (isinstance(value, float) and value != value):
        ws.write_blank(row, col, None)  # type: ignore[attr-defined]
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value)  # type: ignore[attr-defined]
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, number)  # type: ignore[attr-defined]
    elif isinstance(value, datetime):
        ws.write_datetime(row, col, value.replace(tzinfo=None), stamp)  # type: ignore[attr-defined]
    elif isinstance(value, date):
        ws.write_datetime(row, col, datetime(value.year, value.month, value.day), day)  # type: ignore[attr-defined]
    else:
        ws.write_string(row, col, strip_xml_illegal(str(value)))  # type: ignore[attr-defined]
