"""Benchmark: render a 20-slide template (6 bound charts, 3 paginated tables) warm, in-process.

Also renders the default review deck (``templates/review.pptx``, pt-BR) with the tests' full
sample review, the deck users build. Run with ``.venv/bin/python -m bench.bench_render [RUNS]``
from the repository root; prints median and p90 in ms of wall-clock and of CPU time (the CPU
time of this process, which other processes on the machine disturb less).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches, Pt

from deckgen.render.pptx import render_pptx

SLIDES = 20
CHARTS = 6
TABLES = 3
TARGET_MS = 100.0


def build_template(path: Path) -> None:
    """A 20-slide template: title/body text on every slide, 6 charts, 3 bound tables."""
    prs = Presentation()
    layout = prs.slide_layouts[5]  # title only
    for number in range(1, SLIDES + 1):
        slide = prs.slides.add_slide(layout)
        assert slide.shapes.title is not None
        slide.shapes.title.text = (
            f"{{{{ client.name }}}}: seção {number}{{% if page.continued %}} (cont.){{% endif %}}"
        )
        box = slide.shapes.add_textbox(Inches(0.5), Inches(6.2), Inches(9), Inches(0.8))
        box.name = "Footer"
        box.text_frame.word_wrap = True
        box.text_frame.text = "NPS {{ nps | number }} · {{ period_end | date('long') }}"
        slide.notes_slide.notes_text_frame.text = "Fale sobre {{ client.name }}."
        if number <= CHARTS:
            data = CategoryChartData()
            data.categories = ["a", "b"]
            data.add_series("Sample", (1, 2))
            frame = slide.shapes.add_chart(
                XL_CHART_TYPE.COLUMN_CLUSTERED,
                Inches(0.5),
                Inches(1.5),
                Inches(9),
                Inches(4.5),
                data,
            )
            frame.name = f"chart: charts[{number - 1}]"
            frame.chart.plots[0].has_data_labels = True
        elif number <= CHARTS + TABLES:
            frame = slide.shapes.add_table(3, 3, Inches(0.5), Inches(1.5), Inches(9), Inches(4.5))
            frame.name = "table: tickets"
            table = frame.table
            for c, (head, cell) in enumerate(
                [
                    ("Assunto", "{{ row.subject }}"),
                    ("Status", "{{ row.status }}"),
                    ("Idade", "{{ row.age | days }}"),
                ]
            ):
                table.cell(0, c).text = head
                table.cell(1, c).text = cell
                table.cell(2, c).text = "exemplo"
            for row in table.rows:
                row.height = Inches(0.4)
                for cell in row.cells:
                    cell.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
            frame.height = Inches(4.5)
    prs.save(str(path))


def context() -> dict[str, Any]:
    """Data for the template: 6 charts of 8 categories, 40 tickets (about 4 pages a table)."""
    charts = [
        {
            "categories": [f"categoria {i}" for i in range(8)],
            "series": [{"name": "Tickets", "values": [float(i * k % 17) for i in range(8)]}],
            "number_format": "count",
        }
        for k in range(1, CHARTS + 1)
    ]
    tickets = [
        {
            "subject": f"Ticket {i}: " + "erro ao gerar relatório " * (i % 3 + 1),
            "status": "Aberto",
            "age": i,
        }
        for i in range(40)
    ]
    from datetime import date

    return {
        "client": {"name": "ACME Ltda"},
        "nps": 42,
        "period_end": date(2026, 11, 22),
        "charts": charts,
        "tickets": tickets,
    }


def _timed(render: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of the first call of ``render``, then of ``runs`` more."""
    wall, cpu = [], []
    for _ in range(runs + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        render()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def _summary(wall: list[float], cpu: list[float]) -> str:
    """First call, then median and p90 of the warm calls, wall-clock and CPU."""
    parts = [f"first {wall[0]:.0f} ms (CPU {cpu[0]:.0f} ms)"]
    for name, times in (("wall", wall[1:]), ("CPU", cpu[1:])):
        ordered = sorted(times)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        parts.append(f"{name} median {statistics.median(ordered):.1f} ms, p90 {p90:.1f} ms")
    return "; ".join(parts)


def _review_render(folder: Path) -> Callable[[], object]:
    """Rendering the default review deck (pt-BR) with the tests' complete sample review."""
    from deckgen.render.context import review_context
    from tests.factories import make_labels, make_review_report

    template = Path(__file__).resolve().parents[1] / "templates" / "review.pptx"
    data = review_context(make_review_report(), make_labels("pt-BR"))
    out = folder / "review.pptx"
    return lambda: render_pptx(template, data, out)


def main(runs: int = 15) -> None:
    """Render the bench template and the review deck ``runs`` times each, warm; print timings."""
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as folder:
        template = Path(folder) / "template.pptx"
        build_template(template)
        data = context()
        out = Path(folder) / "out.pptx"
        bench = _timed(lambda: render_pptx(template, data, out), runs)
        slides = render_pptx(template, data, out).slide_count
        review = _timed(_review_render(Path(folder)), runs)
    print(f"render_pptx: {SLIDES}-slide template, {CHARTS} charts, {TABLES} tables → {slides} "
          f"slides; {runs} warm runs: {_summary(*bench)} (target ≤ {TARGET_MS:.0f} ms)")
    print(f"review.pptx (pt-BR), complete sample review; {runs} warm runs: {_summary(*review)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
