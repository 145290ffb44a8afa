"""Builds small PowerPoint templates for the renderer's tests, and reads rendered decks back."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

Run = tuple[str, bool]  # text, bold
Paragraph = str | Sequence[Run]


class TemplateBuilder:
    """A deck of blank slides with named text boxes, charts, tables, pictures and notes."""

    def __init__(self) -> None:
        self.prs = Presentation()
        self.blank = self.prs.slide_layouts[6]

    def slide(self, notes: str | None = None) -> Slide:
        slide = self.prs.slides.add_slide(self.blank)
        if notes is not None:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def text(
        self,
        slide: Slide,
        name: str,
        paragraphs: Sequence[Paragraph] | str,
        *,
        box: tuple[float, float, float, float] = (0.5, 0.5, 9.0, 1.0),
        size: float = 18,
        font: str = "Calibri",
    ) -> None:
        """A text box; each paragraph is a string or a list of (text, bold) runs."""
        left, top, width, height = (Inches(v) for v in box)
        shape = slide.shapes.add_textbox(left, top, width, height)
        shape.name = name
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        items = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
        for index, item in enumerate(items):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            runs = [(item, False)] if isinstance(item, str) else list(item)
            for text, bold in runs:
                run = paragraph.add_run()
                run.text = text
                run.font.bold = bold
                run.font.size = Pt(size)
                run.font.name = font

    def chart(
        self,
        slide: Slide,
        name: str,
        categories: Sequence[str] = ("sample a", "sample b"),
        series: Sequence[tuple[str, Sequence[float]]] = (("Sample", (1.0, 2.0)),),
        kind: XL_CHART_TYPE = XL_CHART_TYPE.COLUMN_CLUSTERED,
    ) -> None:
        data = CategoryChartData()
        data.categories = list(categories)
        for series_name, values in series:
            data.add_series(series_name, list(values))
        frame = slide.shapes.add_chart(kind, Inches(0.5), Inches(1.5), Inches(6), Inches(4), data)
        frame.name = name
        frame.chart.plots[0].has_data_labels = True

    def table(
        self,
        slide: Slide,
        name: str,
        rows: Sequence[Sequence[str]],
        *,
        top: float = 1.5,
        height_in: float = 4.0,
        widths_in: Sequence[float] | None = None,
        row_height_in: float = 0.4,
        size: float = 12,
    ) -> None:
        """A table of ``rows`` (row 1 the header) in a frame ``height_in`` tall."""
        columns = len(rows[0])
        widths = list(widths_in or [9.0 / columns] * columns)
        frame = slide.shapes.add_table(
            len(rows), columns, Inches(0.5), Inches(top), Inches(sum(widths)), Inches(height_in)
        )
        frame.name = name
        table = frame.table
        for index, width in enumerate(widths):
            table.columns[index].width = Inches(width)
        for r, values in enumerate(rows):
            table.rows[r].height = Inches(row_height_in)
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.text = value
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
                        run.font.name = "Calibri"
        frame.height = Emu(Inches(height_in))

    def picture(self, slide: Slide, name: str, image: Path) -> None:
        shape = slide.shapes.add_picture(str(image), Inches(1), Inches(1), Inches(4), Inches(2))
        shape.name = name

    def save(self, path: Path) -> Path:
        self.prs.save(str(path))
        return path


def slide_texts(path: Path) -> list[dict[str, str]]:
    """For each slide, the text of each named text shape."""
    prs = Presentation(str(path))
    return [
        {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}
        for slide in prs.slides
    ]


def table_rows(path: Path, name: str) -> list[list[list[str]]]:
    """For each slide holding the named table, its rows of cell texts."""
    prs = Presentation(str(path))
    found = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == name and shape.has_table:
                found.append([[c.text for c in row.cells] for row in shape.table.rows])
    return found


def notes_texts(path: Path) -> list[str]:
    prs = Presentation(str(path))
    return [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
