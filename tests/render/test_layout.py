"""The layout checker finds each known fault of a deck as LibreOffice draws it, and none in
a deck laid out right."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Inches, Pt

from deckgen.render.pdf import convert_to_pdf
from deckgen.render.pptx.charts import positive_axis_ids
from deckgen.render.pptx.layout import axis_id_problems, check_deck, continuation_problems

pytestmark = pytest.mark.pdf


def _box(slide: Any, x: float, y: float, w: float, h: float, text: str, wrap: bool = True,
         name: str | None = None) -> None:
    shape = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    if name:
        shape.name = name
    tf = shape.text_frame
    tf.word_wrap, tf.auto_size = wrap, MSO_AUTO_SIZE.NONE
    tf.text = text
    for p in tf.paragraphs:
        for r in p.runs:
            r.font.size = Pt(18)


def _footer(slide: Any) -> None:
    slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(0.5), Inches(6.95), Inches(12.8),
                               Inches(6.95))
    _box(slide, 0.5, 7.0, 8, 0.35, "Client · period footer", name="Footer")


def _table(slide: Any, rows: int) -> None:
    shape = slide.shapes.add_table(rows + 1, 2, Inches(0.5), Inches(1.5), Inches(8),
                                   Inches(0.4 * (rows + 1)))
    shape.name = "table: rows"
    for r in range(rows + 1):
        for c in range(2):
            shape.table.cell(r, c).text = "header" if r == 0 else f"row {r}"


def _deck(good: bool) -> Any:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    s = prs.slides.add_slide(blank)  # 1: a paragraph spilling out of its box onto another one
    long = "A long paragraph that wraps over many lines in a narrow box " * (1 if good else 3)
    _box(s, 1, 1, 3 if not good else 9, 0.4 if not good else 0.9, long)
    _box(s, 1, 2.2, 3, 0.5, "Text underneath")
    s = prs.slides.add_slide(blank)  # 2: a line running past the slide's right edge
    _box(s, 12.5 if not good else 5, 3, 1.5 if not good else 7,
         0.5, "This line does not wrap and runs off the slide", wrap=False)
    s = prs.slides.add_slide(blank)  # 3: text reaching into the footer band
    _footer(s)
    _box(s, 0.5, 5.5 if good else 6.4, 8, 0.9, "A closing line\nand one more\nand another")
    for rows in (9, 6 if good else 1):  # 4 and 5: a table continued on a copy of its slide
        s = prs.slides.add_slide(blank)
        _footer(s)
        _table(s, rows)
    s = prs.slides.add_slide(blank)  # 6: a chart, with python-pptx's negative axis ids
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("S", (1, 2))
    frame = s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1), Inches(6),
                               Inches(4), data)
    if good:
        positive_axis_ids(frame.chart._chartSpace)
    return prs


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler is not installed: layout not checked")
    folder = tmp_path_factory.mktemp("layout")
    decks = []
    for name in ("good", "broken"):
        path = folder / f"{name}.pptx"
        _deck(name == "good").save(str(path))
        decks.append(path)
    pdfs = convert_to_pdf(decks, folder)
    return {d.stem: check_deck(d, pdf) for d, pdf in zip(decks, pdfs, strict=True)}


def _on(problems: list[str], slide: int) -> list[str]:
    return [p.split(": ", 1)[1] for p in problems if p.startswith(f"slide {slide}:")]


def test_a_deck_laid_out_right_has_no_problem(checked: dict[str, list[str]]) -> None:
    assert checked["good"] == []


def test_text_spilling_out_of_its_box_over_other_text(checked: dict[str, list[str]]) -> None:
    spilled = _on(checked["broken"], 1)
    assert any(p.startswith("outside its box") for p in spilled), spilled
    assert any(p.startswith("overlap") for p in spilled), spilled


def test_text_off_the_slide(checked: dict[str, list[str]]) -> None:
    cut = _on(checked["broken"], 2)
    assert any(p.startswith(("off the slide", "outside its box")) for p in cut), cut
    assert any("lies outside the slide" in p for p in cut), cut


def test_text_over_the_footer(checked: dict[str, list[str]]) -> None:
    footer = _on(checked["broken"], 3)
    assert any(p.startswith("over the footer") for p in footer), footer
    assert any("reaches into the footer" in p for p in footer), footer


def test_a_thin_continuation_slide(checked: dict[str, list[str]]) -> None:
    assert _on(checked["broken"], 5) == ["table 'table: rows' continues with 1 row after 9"]


def test_negative_chart_axis_ids(checked: dict[str, list[str]]) -> None:
    found = _on(checked["broken"], 6)
    assert found and all("axis id '-" in p for p in found), found


def test_deck_checks_without_pdf() -> None:
    deck = _deck(good=False)
    assert continuation_problems(deck) and axis_id_problems(deck)
    assert not continuation_problems(_deck(good=True))
