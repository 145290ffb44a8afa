"""Reading rendered Word documents back as a reader sees them: text, tables, highlighted blanks."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

TAGS = ("{{", "}}", "{%", "%}", "{#")


def _paragraphs(container: object) -> list[Paragraph]:
    found: list[Paragraph] = []
    for part in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(part, Paragraph):
            found.append(part)
        else:
            for row in part.rows:
                for cell in row.cells:
                    found.extend(_paragraphs(cell))
    return found


def all_text(path: Path) -> str:
    """Every paragraph of the body (tables included), headers and footers, one per line."""
    document = Document(str(path))
    paragraphs = _paragraphs(document)
    for section in document.sections:
        paragraphs += section.header.paragraphs + section.footer.paragraphs
    return "\n".join(p.text for p in paragraphs)


def distinct_cells(row: _Row) -> list[_Cell]:
    """The cells of a table row, a cell merged across columns once."""
    cells: list[_Cell] = []
    for cell in row.cells:
        if not any(cell._tc is other._tc for other in cells):
            cells.append(cell)
    return cells


def tables(path: Path) -> list[list[list[str]]]:
    """The body tables as lists of rows of cell texts (a merged cell appears once)."""
    stat = path.stat()
    return [[list(row) for row in table] for table in _tables(str(path), stat.st_mtime_ns,
                                                              stat.st_size)]


@lru_cache(maxsize=64)
def _tables(path: str, mtime_ns: int, size: int) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The tables of one version of a file, read once (a test asks for many rows of it)."""
    result = []
    for part in Document(path).iter_inner_content():
        if isinstance(part, Table):
            rows = []
            for row in part.rows:
                rows.append(tuple(cell.text.strip() for cell in distinct_cells(row)))
            result.append(tuple(rows))
    return tuple(result)


def row_with(path: Path, first: str, column: int = 0) -> list[str]:
    """The table row whose cell ``column`` is ``first``."""
    for table in tables(path):
        for row in table:
            if len(row) > column and row[column] == first:
                return row
    raise AssertionError(f"no table row starts with {first!r} in {path.name}")


def highlighted(path: Path) -> list[str]:
    """The text of every highlighted run (the blanks left to fill in at the meeting)."""
    return [
        run.text
        for paragraph in _paragraphs(Document(str(path)))
        for run in paragraph.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW and run.text
    ]
