"""A rendered deck or document as text a person can diff: what a reader sees, in order.

Slides: every shape's text paragraph by paragraph, table cells row by row, chart type,
categories and values, the notes, and the run languages (``lang``) the slide declares. Word:
every paragraph and table row of the body, headers and footers, and the languages declared.
Formatting and geometry are left out on purpose: a template may be restyled freely.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from deck_text import all_shapes
from documents.readback import distinct_cells
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from pptx import Presentation

_LANG = re.compile(rb'\blang="([^"]+)"')
_BINDING = re.compile(r"^\s*(chart|table|image)\s*:", re.IGNORECASE)
_W_LANG = re.compile(rb'<w:lang [^>]*w:val="([^"]+)"')


def _langs(xml: bytes, pattern: re.Pattern[bytes] = _LANG) -> str:
    return ", ".join(sorted({m.decode() for m in pattern.findall(xml)})) or "-"


def _lines(text: str, indent: str) -> list[str]:
    return [f"{indent}{line}" for line in text.split("\n")]


def _chart(chart: Any) -> list[str]:
    lines = [f"    chart {chart.chart_type.name}"]
    for plot in chart.plots:
        lines.append(f"      categories: {list(plot.categories)}")
        for series in plot.series:
            lines.append(f"      series {series.name!r}: {list(series.values)}")
    return lines


def _name(shape: Any) -> str:
    """A shape's name; a binding's expression (``chart: …``) is the template's business."""
    binding = _BINDING.match(shape.name)
    return binding.group(1).lower() if binding else shape.name


def deck_outline(path: Path) -> str:
    """The outline of a rendered ``.pptx``."""
    deck = Presentation(str(path))
    out: list[str] = []
    for number, slide in enumerate(deck.slides, start=1):
        out.append(f"slide {number} (lang: {_langs(slide.part.blob)})")
        for shape in all_shapes(slide.shapes):
            if shape.has_text_frame and shape.text_frame.text.strip():
                out.append(f"  {_name(shape)}:")
                out += _lines(shape.text_frame.text, "    ")
            if getattr(shape, "has_table", False) and shape.has_table:
                out.append(f"  {_name(shape)}:")
                for row in shape.table.rows:
                    out.append("    | " + " | ".join(c.text_frame.text.replace("\n", " / ")
                                                     for c in row.cells) + " |")
            if getattr(shape, "has_chart", False) and shape.has_chart:
                out.append(f"  {_name(shape)}:")
                out += _chart(shape.chart)
        if slide.has_notes_slide:
            notes = slide.notes_slide
            out.append(f"  notes (lang: {_langs(notes.part.blob)}):")
            out += _lines(notes.notes_text_frame.text, "    ")
    return "\n".join(out) + "\n"


def _block(part: Any, out: list[str], indent: str = "  ") -> None:
    for item in part.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                out += _lines(item.text, indent)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [" / ".join(p.text for p in cell.paragraphs if p.text.strip())
                         for cell in distinct_cells(row)]
                out.append(f"{indent}| " + " | ".join(cells) + " |")


def document_outline(path: Path) -> str:
    """The outline of a rendered ``.docx``."""
    document = Document(str(path))
    styles = document.part._styles_part.blob
    out = [f"document (lang: {_langs(document.part.blob, _W_LANG)}; "
           f"styles: {_langs(styles, _W_LANG)})"]
    _block(document, out)
    for number, section in enumerate(document.sections, start=1):
        for name, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous and number > 1:
                continue
            texts: list[str] = []
            _block(part, texts, "    ")
            if texts:
                out.append(f"  {name} {number}:")
                out += texts
    return "\n".join(out) + "\n"


def outline(path: Path) -> str:
    """The outline of a rendered deck or document, by its suffix."""
    return deck_outline(path) if path.suffix == ".pptx" else document_outline(path)
