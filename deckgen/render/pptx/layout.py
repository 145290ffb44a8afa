"""Layout checks of rendered decks as LibreOffice draws them.

A deck is converted to PDF and each page's text lines and words (poppler's ``pdftotext
-bbox-layout``) are compared with the slide's shapes: every line lies on the slide and inside
the box of a shape that holds its text; no word covers another; nothing but the footer reaches
the footer band. The deck itself is checked too: shapes inside the slide, no continuation
slide with fewer than a third of the rows of the slide before it (unless its rows are as tall
as a third of that slide's: one tall row), chart axis ids positive.

``python -m deckgen.render.pptx.layout FOLDER`` checks every ``.pptx`` under FOLDER and exits 1
listing the problems (``make samples`` runs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from deckgen.render.pdf import convert_to_pdf
from deckgen.render.pptx.ooxml import C

TOLERANCE = 1.5  # points
FOOTER_BAND = 0.9  # text shapes starting below this fraction of the slide's height: the footer
RULE_BAND = 0.85  # a line (rule) below this fraction marks where the footer band starts
_GROUP = 6  # MSO_SHAPE_TYPE.GROUP
_FIELD = "‹#›"  # how python-pptx reads a slide-number field ("‹#›")

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in points from the top left


@dataclass(frozen=True)
class TextBox:
    """A line or a word of text on a PDF page."""

    box: Rect
    text: str

    @property
    def core(self) -> Rect:
        """The box without the font's ascender and descender room (where glyphs really are):
        pdftotext's boxes of two lines of one paragraph touch while the glyphs are apart."""
        x0, y0, x1, y1 = self.box
        trim = 0.25 * (y1 - y0)
        return x0, y0 + trim, x1, y1 - trim


@dataclass
class PdfPage:
    width: float
    height: float
    lines: list[TextBox]
    words: list[TextBox]


@dataclass(frozen=True)
class ShapeBox:
    """A shape of a slide that carries text (text frame, table or chart), in points."""

    name: str
    box: Rect
    text: str  # folded, without spaces ("" for charts: their text is drawn by the renderer)
    footer: bool = False


def _rect(element: Any) -> Rect:
    x0, y0, x1, y1 = (float(element.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax"))
    return x0, y0, x1, y1


def pdf_pages(pdf: Path) -> list[PdfPage]:
    """The text lines and words of every page of ``pdf``."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         check=True, timeout=120).stdout
    root = etree.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iterfind(".//h:page", ns):
        lines, words = [], []
        for line in page.iterfind(".//h:line", ns):
            found = [TextBox(_rect(w), w.text or "") for w in line.iterfind("h:word", ns)]
            lines.append(TextBox(_rect(line), " ".join(w.text for w in found)))
            words += found
        pages.append(PdfPage(float(page.get("width", "0")), float(page.get("height", "0")),
                             lines, words))
    return pages


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def _shapes(shapes: Any) -> Iterator[Any]:
    for shape in shapes:
        yield shape
        if shape.shape_type == _GROUP:
            yield from _shapes(shape.shapes)


def _box(shape: Any) -> Rect:
    x, y = Emu(shape.left or 0).pt, Emu(shape.top or 0).pt
    return x, y, x + Emu(shape.width or 0).pt, y + Emu(shape.height or 0).pt


def _text(shape: Any) -> str | None:
    """The shape's text (folded), "" for a chart, None when it carries no text."""
    if getattr(shape, "has_table", False) and shape.has_table:
        return _fold("".join(c.text_frame.text for r in shape.table.rows for c in r.cells))
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return ""
    if shape.has_text_frame and shape.text_frame.text.strip():
        return _fold(shape.text_frame.text)
    return None


def slide_shapes(slide: Any, height: float) -> tuple[list[ShapeBox], float | None]:
    """The text-bearing shapes of a slide and where its footer band starts (None: no footer).

    The footer is the text below ``FOOTER_BAND`` of the slide; its band starts at the highest
    of that text and of a rule (a flat line) below ``RULE_BAND``.
    """
    boxes: list[ShapeBox] = []
    starts: list[float] = []
    for shape in _shapes(slide.shapes):
        box = _box(shape)
        text = _text(shape)
        if text is None:
            if box[1] >= RULE_BAND * height and box[3] - box[1] <= 2 and box[2] - box[0] > 0:
                starts.append(box[1])
            continue
        footer = box[1] >= FOOTER_BAND * height
        if footer:
            starts.append(box[1])
        boxes.append(ShapeBox(shape.name, box, text, footer))
    footers = [b for b in boxes if b.footer]
    return boxes, (min(starts) if footers and starts else None)


def _inside(inner: Rect, outer: Rect) -> bool:
    return (inner[0] >= outer[0] - TOLERANCE and inner[1] >= outer[1] - TOLERANCE
            and inner[2] <= outer[2] + TOLERANCE and inner[3] <= outer[3] + TOLERANCE)


def page_problems(page: PdfPage, shapes: Sequence[ShapeBox], footer: float | None) -> list[str]:
    """Text off the page, outside the box of the shape holding it, over the footer, or over
    other text, as drawn on ``page``."""
    problems = []
    for line in page.lines:
        x0, y0, x1, y1 = core = line.core
        if x0 < -TOLERANCE or y0 < -TOLERANCE or x1 > page.width + TOLERANCE or (
            y1 > page.height + TOLERANCE
        ):
            problems.append(f"off the slide: {line.text!r}")
            continue
        folded = _fold(line.text)
        owners = [s for s in shapes if folded and folded in s.text] or list(shapes)
        # text drawn by the renderer: chart labels, fields such as the slide number
        owners += [s for s in shapes if not s.text or _FIELD in s.text]
        if not any(_inside(core, s.box) for s in owners):
            problems.append(f"outside its box: {line.text!r}")
        elif footer is not None and y1 > footer + TOLERANCE and not any(
            s.footer and _inside(core, s.box) for s in owners
        ):
            problems.append(f"over the footer: {line.text!r}")
    words = sorted(page.words, key=lambda w: w.core[1])
    for i, word in enumerate(words):
        a = word.core
        for other in words[i + 1:]:
            b = other.core
            if b[1] >= a[3] - TOLERANCE:
                break
            w = min(a[2], b[2]) - max(a[0], b[0])
            h = min(a[3], b[3]) - max(a[1], b[1])
            if w > TOLERANCE and h > TOLERANCE:
                problems.append(f"overlap: {word.text!r} / {other.text!r}")
    return problems


def shape_problems(shapes: Sequence[ShapeBox], footer: float | None, width: float,
                   height: float) -> list[str]:
    """Shapes that lie outside the slide or reach into the footer band."""
    problems = []
    for s in shapes:
        if not _inside(s.box, (0, 0, width, height)):
            problems.append(f"shape '{s.name}' lies outside the slide")
        elif footer is not None and not s.footer and s.box[3] > footer + TOLERANCE:
            problems.append(f"shape '{s.name}' reaches into the footer")
    return problems


def _tables(slide: Any) -> dict[str, tuple[int, int]]:
    """The slide's tables by name: rows under the header and their height (EMU)."""
    found = {}
    for shape in _shapes(slide.shapes):
        if getattr(shape, "has_table", False) and shape.has_table:
            rows = list(shape.table.rows)[1:]
            found[shape.name] = (len(rows), sum(r.height for r in rows))
    return found


def continuation_problems(deck: Any) -> list[str]:
    """Continuation slides (a table of the same name on the next slide, which has the same
    shapes) holding fewer than a third of the rows of the slide before, unless their rows
    are as tall as a third of that slide's rows."""
    problems = []
    slides = list(deck.slides)
    for number, (before, after) in enumerate(zip(slides, slides[1:], strict=False), start=2):
        if [s.name for s in before.shapes] != [s.name for s in after.shapes]:
            continue
        previous, current = _tables(before), _tables(after)
        for name, (rows, tall) in current.items():
            if name not in previous:
                continue
            rows_before, tall_before = previous[name]
            if rows * 3 < rows_before and tall * 3 < tall_before:
                problems.append(f"slide {number}: table '{name}' continues with {rows} "
                                f"{'row' if rows == 1 else 'rows'} after {rows_before}")
    return problems


def axis_id_problems(deck: Any) -> list[str]:
    """Charts whose axis ids (``c:axId``, ``c:crossAx``) are not positive integers."""
    problems = []
    for number, slide in enumerate(deck.slides, start=1):
        for shape in _shapes(slide.shapes):
            if not (getattr(shape, "has_chart", False) and shape.has_chart):
                continue
            space = shape.chart._chartSpace
            for element in (*space.iter(f"{C}axId"), *space.iter(f"{C}crossAx")):
                value = element.get("val", "")
                if not value.isdigit() or int(value) == 0:
                    problems.append(f"slide {number}: chart '{shape.name}' has axis id "
                                    f"{value!r}")
    return problems


def check_deck(pptx: Path, pdf: Path) -> list[str]:
    """Every layout problem of ``pptx`` as drawn in ``pdf`` (its conversion by LibreOffice)."""
    deck = Presentation(str(pptx))
    width, height = Emu(deck.slide_width or 0).pt, Emu(deck.slide_height or 0).pt
    pages = pdf_pages(pdf)
    slides = list(deck.slides)
    if len(pages) != len(slides):
        return [f"{len(pages)} PDF pages for {len(slides)} slides"]
    problems = []
    for number, (page, slide) in enumerate(zip(pages, slides, strict=True), start=1):
        shapes, footer = slide_shapes(slide, height)
        problems += [f"slide {number}: {p}"
                     for p in (*shape_problems(shapes, footer, width, height),
                               *page_problems(page, shapes, footer))]
    return problems + continuation_problems(deck) + axis_id_problems(deck)


def _fresh_pdf(deck: Path) -> Path | None:
    """The PDF written beside ``deck`` (``--pdf``) when it is newer than the deck."""
    pdf = deck.with_suffix(".pdf")
    if pdf.is_file() and pdf.stat().st_mtime >= deck.stat().st_mtime:
        return pdf
    return None


def check_decks(decks: Sequence[Path]) -> list[str]:
    """``<deck>: <problem>`` for every deck; the decks without a fresh PDF beside them are
    converted in one LibreOffice start."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="deckgen-layout-") as folder:
        pending = [d for d in decks if _fresh_pdf(d) is None]
        flat = []
        for index, deck in enumerate(pending):  # unique names: decks of several folders
            copy = Path(folder) / f"{index:04d}-{deck.name}"
            shutil.copyfile(deck, copy)
            flat.append(copy)
        converted = dict(zip(pending, convert_to_pdf(flat, Path(folder), timeout=1800)
                             if flat else [], strict=True))
        for deck in decks:
            pdf = converted.get(deck) or _fresh_pdf(deck)
            assert pdf is not None
            problems += [f"{deck}: {problem}" for problem in check_deck(deck, pdf)]
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Check every deck under the folders given; print the problems; 1 when there are any."""
    folders = [Path(a) for a in (sys.argv[1:] if argv is None else argv)] or [Path("out")]
    decks = sorted(p for folder in folders for p in folder.rglob("*.pptx"))
    problems = check_decks(decks)
    for problem in problems:
        print(problem)
    print(f"layout: {len(decks)} decks checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
