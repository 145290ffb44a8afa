"""Tables bound to a list: row 2 is the row template; rows that do not fit continue on copies.

Row heights are measured from the rendered cell text with the real fonts (wrap included), so a
page holds whole rows that the table's box on the slide can show, and the pages of a table are
balanced (as many pages as needed, each about as full). A row is never split across pages; a
row taller than the whole box has its tallest cells' text cut at a word boundary with "…", as
a last resort, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from deckgen.render.pptx.fit import Styles, TextLayout
from deckgen.render.pptx.ooxml import EMU_PER_PT, A, P, copy_element
from deckgen.render.pptx.text import (
    CELL,
    BodyTemplate,
    RenderedParagraph,
    parse_body,
    split_output,
    write_body,
)

DEFAULT_MARGINS = (91440, 91440, 45720, 45720)  # left, right, top, bottom in EMU


class TableShapeError(ValueError):
    """The bound table cannot be used as designed; the message says why."""


@dataclass
class TablePlan:
    """The rendered rows of one bound table, split into pages that fit its box."""

    pages: list[list[etree._Element]]
    warnings: list[str] = field(default_factory=list)


def table_of(frame: etree._Element) -> etree._Element | None:
    """The ``a:tbl`` inside a graphic frame, if it holds a table."""
    return frame.find(f"{A}graphic/{A}graphicData/{A}tbl")


def _frame_height(frame: etree._Element) -> int:
    ext = frame.find(f"{P}xfrm/{A}ext")
    return int(ext.get("cy", "0")) if ext is not None else 0


def _column_widths(tbl: etree._Element) -> list[int]:
    return [int(col.get("w", "0")) for col in tbl.findall(f"{A}tblGrid/{A}gridCol")]


@dataclass
class _Cell:
    """One cell of the row template: its tags, its text layout and the room its text has."""

    template: BodyTemplate | None
    layout: TextLayout | None
    text_width_pt: float
    padding: int  # top + bottom margins, EMU
    measured: bool

    def height(self, rendered: list[RenderedParagraph] | None = None) -> int:
        """Height in EMU the cell needs for its text (as designed, or as rendered)."""
        if self.layout is None or not self.measured:
            return 0
        layout = self.layout if rendered is None else self.layout.rendered(rendered)
        return round(layout.height(self.text_width_pt) * EMU_PER_PT) + self.padding


def _cells(tr: etree._Element, widths: list[int], styles: Styles) -> list:
    cells = []
    column = 0
    list_styles = styles.list_styles(None)
    for tc in tr.findall(f"{A}tc"):
        span = int(tc.get("gridSpan", "1"))
        width = sum(widths[column:column + span])
        column += span
        merged = tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true")
        body = tc.find(f"{A}txBody")
        tc_pr = tc.find(f"{A}tcPr")
        left, right, top, bottom = (
            int(tc_pr.get(name, default)) if tc_pr is not None else default
            for name, default in zip(("marL", "marR", "marT", "marB"), DEFAULT_MARGINS,
                                     strict=True)
        )
        layout = TextLayout.read(body, list_styles, styles) if body is not None else None
        cells.append(_Cell(parse_body(body) if body is not None else None, layout,
                           max(width - left - right, EMU_PER_PT) / EMU_PER_PT, top + bottom,
                           not merged))
    return cells


def _header_height(cell: _Cell, render: Callable[[str], str] | None) -> int:
    """A header cell's height: as rendered when it holds tags and a renderer is given."""
    if cell.template is None or render is None:
        return cell.height()
    return cell.height(split_output(render(cell.template.source)))


ELLIPSIS = "\u2026"
_WORDS = re.compile(r"\S+")


def _greedy(heights: list[int], cap: int) -> list[int]:
    """How many rows each page holds when pages are filled in order up to ``cap``."""
    sizes = [0]
    used = 0
    for height in heights:
        if sizes[-1] and used + height > cap:
            sizes.append(0)
            used = 0
        sizes[-1] += 1
        used += height
    return sizes


def _even(heights: list[int], available: int, pages: int) -> list[int] | None:
    """Rows per page when each of ``pages`` pages takes its share of the rows' height left
    (a row goes on when at least half of it is within the share); None if they do not fit."""
    sizes = []
    index = 0
    for page in range(pages):
        share = sum(heights[index:]) / (pages - page)
        used = count = 0
        while index < len(heights) and used + heights[index] <= available and (
            count == 0 or page == pages - 1 or used + heights[index] / 2 <= share
        ):
            used += heights[index]
            index += 1
            count += 1
        sizes.append(count)
    return sizes if index == len(heights) and all(sizes) else None


def paginate(heights: list[int], available: int) -> list[int]:
    """Rows per page: the fewest pages that hold the rows, each about as full as the others,
    so no continuation page is left with a row or two."""
    sizes = _greedy(heights, available)
    if len(sizes) < 2:
        return sizes
    even = _even(heights, available, len(sizes))
    if even is not None:
        return even
    low, high = max(heights), available  # else: the lowest page height needing no more pages
    while low < high:
        middle = (low + high) // 2
        if len(_greedy(heights, middle)) <= len(sizes):
            high = middle
        else:
            low = middle + 1
    return _greedy(heights, high)


def _cut(paragraphs: list[RenderedParagraph], words: int) -> list[RenderedParagraph]:
    """The first ``words`` words of ``paragraphs``, ended with "…"."""
    kept: list[RenderedParagraph] = []
    left = words
    for paragraph in paragraphs:
        if left <= 0:
            break
        pieces: list[tuple[int, str]] = []
        for run, text in paragraph.pieces:
            if left <= 0:
                break
            found = list(_WORDS.finditer(text))
            if len(found) > left:
                text = text[:found[left - 1].end()]
            left -= min(len(found), left)
            pieces.append((run, text))
        kept.append(RenderedParagraph(paragraph.index, pieces, paragraph.verbatim))
    last = next((p for p in reversed(kept) if p.pieces), None)
    if last is not None:
        run, text = last.pieces[-1]
        last.pieces[-1] = (run, text.rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS)
    return kept


def _count_words(paragraphs: list[RenderedParagraph]) -> int:
    return sum(len(text.split()) for p in paragraphs for _, text in p.pieces)


def fit_cell(cell: _Cell, rendered: list[RenderedParagraph], room: int
             ) -> list[RenderedParagraph]:
    """``rendered`` cut at a word boundary (with "…") to the most words that fit ``room``."""
    low, high = 0, _count_words(rendered)
    while low < high:
        middle = (low + high + 1) // 2
        if cell.height(_cut(rendered, middle)) <= room:
            low = middle
        else:
            high = middle - 1
    return _cut(rendered, low)


def plan_table(
    frame: etree._Element,
    items: list[Any],
    row_renderer: Callable[[Any, int], Callable[[str], str]],
    styles: Styles,
    header_renderer: Callable[[str], str] | None = None,
) -> TablePlan:
    """Render one row per item from row 2 of the table and split the rows into pages.

    ``row_renderer(item, index)`` gives the function rendering template text for that row;
    ``header_renderer`` renders the header's text, which is measured as it will read (a header
    holding ``{{ tr('…') }}`` is as tall as its wording, not as its tag).
    """
    tbl = table_of(frame)
    assert tbl is not None
    rows = tbl.findall(f"{A}tr")
    if len(rows) < 2:
        raise TableShapeError("the table needs a header row and a row template (row 2)")
    header, template = rows[0], rows[1]
    widths = _column_widths(tbl)
    header_height = max([int(header.get("h", "0")),
                         *(_header_height(c, header_renderer)
                           for c in _cells(header, widths, styles))])
    available = _frame_height(frame) - header_height
    cells = _cells(template, widths, styles)
    designed = max([int(template.get("h", "0")),
                    *(c.height() for c in cells if c.template is None)])
    plan = TablePlan([[]])
    source = CELL.join(c.template.source if c.template else "" for c in cells)
    rows_out: list[etree._Element] = []
    for index, item in enumerate(items, start=1):
        tr = copy_element(template)
        outputs = row_renderer(item, index)(source).split(CELL)
        bodies = []
        for cell, tc, output in zip(cells, tr.findall(f"{A}tc"), outputs, strict=True):
            body = tc.find(f"{A}txBody")
            if cell.template is not None and body is not None:
                bodies.append((cell, body, split_output(output)))
        height = max([designed, *(cell.height(r) for cell, _, r in bodies)])
        if height > available > 0:
            bodies = [(cell, body, fit_cell(cell, r, available)
                       if cell.height(r) > available else r) for cell, body, r in bodies]
            height = max([designed, *(cell.height(r) for cell, _, r in bodies)])
            plan.warnings.append(f"row {index} is taller than the table's box: its text is cut "
                                 "to fit (\u2026)")
        for cell, body, rendered in bodies:
            assert cell.template is not None
            write_body(body, cell.template, rendered)
        tr.set("h", str(height))
        rows_out.append(tr)
    if rows_out:
        sizes = paginate([int(tr.get("h", "0")) for tr in rows_out], available)
        plan.pages = []
        start = 0
        for size in sizes:
            plan.pages.append(rows_out[start:start + size])
            start += size
    return plan


def fill_page(frame: etree._Element, rows: list[etree._Element]) -> None:
    """Keep the header row, put ``rows`` under it and fit the frame to the rows' height."""
    tbl = table_of(frame)
    assert tbl is not None
    existing = tbl.findall(f"{A}tr")
    for tr in existing[1:]:
        tbl.remove(tr)
    tbl.extend(rows)
    ext = frame.find(f"{P}xfrm/{A}ext")
    if ext is not None:
        total = sum(int(tr.get("h", "0")) for tr in (existing[0], *rows))
        ext.set("cy", str(total))
