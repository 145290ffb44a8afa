"""Reading a rendered deck's text back, the way a person would see it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

GROUP = 6  # MSO_SHAPE_TYPE.GROUP


def all_shapes(shapes: Any) -> Iterator[Any]:
    """Every shape, including those inside groups."""
    for shape in shapes:
        yield shape
        if shape.shape_type == GROUP:
            yield from all_shapes(shape.shapes)


def slide_texts(slide: Any) -> Iterator[str]:
    """Every text of a slide: text frames, grouped shapes, table cells, the notes."""
    for shape in all_shapes(slide.shapes):
        if shape.has_text_frame:
            yield shape.text_frame.text
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    yield cell.text_frame.text
    if slide.has_notes_slide:
        yield slide.notes_slide.notes_text_frame.text
