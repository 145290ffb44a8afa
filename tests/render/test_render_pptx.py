"""Rendering PowerPoint templates, read back as a user would see the deck."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx_builder import TemplateBuilder, notes_texts, slide_texts, table_rows

from deckgen.errors import TemplateError
from deckgen.model.review import ChartData, Metric, NpsReport, Series
from deckgen.render.pptx import RenderResult, render_pptx

PRODUCED: list[tuple[Path, int]] = []  # every deck rendered here, for the PDF check at the end


def render(template: Path, context: dict[str, Any], out: Path, **options: Any) -> RenderResult:
    result = render_pptx(template, context, out, **options)
    PRODUCED.append((out, result.slide_count))
    return result


@pytest.fixture
def builder() -> TemplateBuilder:
    return TemplateBuilder()


def _chart_values(path: Path) -> list[tuple[list[str], list[list[float]]]]:
    """Per chart in the deck: its categories and each series' values."""
    found = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                plot = shape.chart.plots[0]
                found.append((list(plot.categories), [list(s.values) for s in plot.series]))
    return found


# -- text ------------------------------------------------------------------------------------


def test_tag_split_across_runs_keeps_each_runs_formatting(
    tmp_path: Path, builder: TemplateBuilder
) -> None:
    slide = builder.slide()
    builder.text(
        slide,
        "Title",
        [[("Cliente: ", True), ("{{ client.", False), ("name }}", True), (" fim", False)]],
    )
    out = tmp_path / "split.pptx"
    render(builder.save(tmp_path / "t.pptx"), {"client": {"name": "ACME"}}, out)
    shape = Presentation(str(out)).slides[0].shapes[0]
    runs = [(r.text, r.font.bold) for r in shape.text_frame.paragraphs[0].runs]
    assert runs == [("Cliente: ", True), ("ACME", False), (" fim", False)]


def test_smart_quotes_line_breaks_and_inline_blocks(
    tmp_path: Path, builder: TemplateBuilder
) -> None:
    slide = builder.slide()
    builder.text(
        slide,
        "Body",
        [
            "{{ day | date(\u201clong\u201d) }}",
            "{% if nps.score.known %}NPS {{ nps.score.value | number }}"
            "{% else %}Sem respostas{% endif %}",
            "{{ lines }}",
            "{% for t in tags %}[{{ t }}]{% endfor %}",
        ],
    )
    from datetime import date

    nps = NpsReport(Metric(42.0), 3, 2, 1, 0, [])
    out = tmp_path / "inline.pptx"
    render(
        builder.save(tmp_path / "t.pptx"),
        {"day": date(2026, 11, 22), "nps": nps, "lines": "um\ndois", "tags": ["a", "b"]},
        out,
    )
    assert slide_texts(out) == [{"Body": "22 de novembro de 2026\nNPS 42\num\x0bdois\n[a][b]"}]


def test_paragraph_loops_and_conditions(tmp_path: Path, builder: TemplateBuilder) -> None:
    slide = builder.slide()
    builder.text(
        slide,
        "List",
        [
            "Releases",
            "{%p for r in releases %}",
            [("\u2022 ", True), ("{{ r.title }}", False)],
            "{%p endfor %}",
            "{%p if not releases %}",
            "Nenhuma release",
            "{%p endif %}",
        ],
        box=(0.5, 0.5, 9, 5),
    )
    out = tmp_path / "ploop.pptx"
    render(builder.save(tmp_path / "t.pptx"), {"releases": [{"title": "v1"}, {"title": "v2"}]}, out)
    assert slide_texts(out) == [{"List": "Releases\n\u2022 v1\n\u2022 v2"}]
    paragraphs = Presentation(str(out)).slides[0].shapes[0].text_frame.paragraphs
    assert [r.font.bold for r in paragraphs[2].runs] == [True, False]
    out_empty = tmp_path / "ploop-empty.pptx"
    render(tmp_path / "t.pptx", {"releases": []}, out_empty)
    assert slide_texts(out_empty) == [{"List": "Releases\nNenhuma release"}]


def test_data_is_shown_literally_and_illegal_characters_dropped(
    tmp_path: Path, builder: TemplateBuilder
) -> None:
    slide = builder.slide(notes="Nota: {{ comment }}")
    builder.text(slide, "Quote", "\u201c{{ comment }}\u201d {{ other }}")
    out = tmp_path / "literal.pptx"
    render(
        builder.save(tmp_path / "t.pptx"),
        {
            "comment": "{{ 7*7 }} {% for x in y %} <b>&amp;",
            "other": "bell\x07 nul\x00 ok \U0001f600",
        },
        out,
    )
    assert slide_texts(out) == [
        {"Quote": "\u201c{{ 7*7 }} {% for x in y %} <b>&amp;\u201d bell nul ok \U0001f600"}
    ]
    assert notes_texts(out) == ["Nota: {{ 7*7 }} {% for x in y %} <b>&amp;"]


# -- slide directives ------------------------------------------------------------------------


def test_skip_and_repeat_slides_in_order(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(), "T", "Capa {{ client }}")
    builder.text(builder.slide(notes="deckgen: if show_extra\nSomente se houver"), "T", "Extra")
    builder.text(
        builder.slide(notes="Fale de {{ s.name }}\ndeckgen: for s in streams"),
        "T",
        "{{ loop.index }}/{{ loop.length }} {{ s.name }}",
    )
    builder.text(builder.slide(notes="deckgen: for s in nothing"), "T", "never")
    builder.text(builder.slide(), "T", "Fim")
    template = builder.save(tmp_path / "t.pptx")
    context = {
        "client": "ACME",
        "show_extra": False,
        "nothing": [],
        "streams": [{"name": "Suporte"}, {"name": "Implantação"}, {"name": "Tecnologia"}],
    }
    out = tmp_path / "directives.pptx"
    result = render(template, context, out)
    assert result.slide_count == 5
    assert [s["T"] for s in slide_texts(out)] == [
        "Capa ACME",
        "1/3 Suporte",
        "2/3 Implantação",
        "3/3 Tecnologia",
        "Fim",
    ]
    assert notes_texts(out) == [
        "",
        "Fale de Suporte",
        "Fale de Implantação",
        "Fale de Tecnologia",
        "",
    ]
    out_extra = tmp_path / "directives-extra.pptx"
    render(template, {**context, "show_extra": True}, out_extra)
    assert [s["T"] for s in slide_texts(out_extra)][:2] == ["Capa ACME", "Extra"]
    assert notes_texts(out_extra)[1] == "Somente se houver"


def test_deleted_slides_leave_no_parts_behind(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(), "T", "kept")
    gone = builder.slide(notes="deckgen: if false")
    builder.chart(gone, "chart: data")
    out = tmp_path / "deleted.pptx"
    render(builder.save(tmp_path / "t.pptx"), {"data": None}, out)
    with zipfile.ZipFile(out) as deck:
        names = deck.namelist()
        types = deck.read("[Content_Types].xml").decode()
    assert [n for n in names if n.startswith("ppt/slides/slide")] == ["ppt/slides/slide1.xml"]
    assert not [n for n in names if "chart" in n or "embeddings" in n or "notesSlide" in n]
    assert "slide2.xml" not in types and "chart" not in types


def test_batch_directive_makes_one_slide_per_page(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(
        builder.slide(notes="deckgen: for group in items | batch(2)"),
        "T",
        "{{ group | join(', ') }}",
    )
    out = tmp_path / "batch.pptx"
    render(builder.save(tmp_path / "t.pptx"), {"items": ["a", "b", "c"]}, out)
    assert [s["T"] for s in slide_texts(out)] == ["a, b", "c"]


# -- charts ----------------------------------------------------------------------------------


def test_chart_is_refilled_with_number_format(tmp_path: Path, builder: TemplateBuilder) -> None:
    slide = builder.slide()
    builder.chart(
        slide,
        "chart: sla",
        categories=["x", "y", "z", "w"],
        series=[("Sample", (1, 2, 3, 4)), ("Other", (4, 3, 2, 1))],
    )
    data = ChartData(["Bug", "Dúvida"], [Series("Suporte", [87.5, None])], "percent")
    out = tmp_path / "chart.pptx"
    render(builder.save(tmp_path / "t.pptx"), {"sla": data}, out)
    assert _chart_values(out) == [(["Bug", "Dúvida"], [[87.5, None]])]
    chart = Presentation(str(out)).slides[0].shapes[0].chart
    assert chart.plots[0].data_labels.number_format == '0.0"%"'
    assert chart.value_axis.tick_labels.number_format == '0.0"%"'
    assert not chart.value_axis.tick_labels.number_format_is_linked
    workbook = chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(workbook)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "Suporte" in sheet and "Dúvida" in sheet and "<v>87.5</v>" in sheet


def test_chart_from_dict_and_with_zero_categories(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.chart(builder.slide(), "chart: filled", kind=XL_CHART_TYPE.PIE)
    builder.chart(builder.slide(), "chart: empty")
    out = tmp_path / "chart-empty.pptx"
    context = {
        "filled": {"categories": ["a", "b", "c"], "series": [{"name": "n", "values": [1, 2, 3]}]},
        "empty": ChartData([], [Series("Tickets", [])]),
    }
    render(builder.save(tmp_path / "t.pptx"), context, out)
    assert _chart_values(out) == [(["a", "b", "c"], [[1.0, 2.0, 3.0]]), ([], [[]])]


def test_repeated_slides_have_independent_charts(tmp_path: Path, builder: TemplateBuilder) -> None:
    slide = builder.slide(notes="deckgen: for s in streams")
    builder.chart(slide, "chart: s.chart")
    builder.picture(slide, "Logo", _image(tmp_path / "logo.png", (10, 200, 10)))
    streams = [
        {"chart": ChartData.from_counts("A", [], None)},
        {"chart": ChartData(["p", "q"], [Series("B", [5.0, 6.0])])},
    ]
    streams[0] = {"chart": ChartData(["m"], [Series("A", [1.0])])}
    out = tmp_path / "independent.pptx"
    render(builder.save(tmp_path / "t.pptx"), {"streams": streams}, out)
    assert _chart_values(out) == [(["m"], [[1.0]]), (["p", "q"], [[5.0, 6.0]])]
    prs = Presentation(str(out))
    charts = [next(s for s in slide.shapes if s.has_chart).chart for slide in prs.slides]
    assert charts[0].part.partname != charts[1].part.partname
    books = [c.part.chart_workbook.xlsx_part for c in charts]
    assert books[0].partname != books[1].partname
    notes = [slide.notes_slide.part.partname for slide in prs.slides]
    assert notes[0] != notes[1]
    images = [next(s for s in slide.shapes if s.shape_type == 13).image for slide in prs.slides]
    assert images[0].blob == images[1].blob


# -- tables ----------------------------------------------------------------------------------


def _table_template(tmp_path: Path, builder: TemplateBuilder, height_in: float) -> Path:
    slide = builder.slide()
    builder.text(
        slide,
        "Title",
        "Demandas{% if page.continued %} (continuação){% endif %} "
        "{{ page.number }}/{{ page.count }}",
    )
    builder.table(
        slide,
        "table: rows",
        [
            ["#", "Assunto"],
            ["{{ row.n }}", "{{ row.subject }}"],
            ["sample", "sample"],
            ["sample", "sample"],
        ],
        height_in=height_in,
        widths_in=[1.0, 8.0],
        row_height_in=0.4,
    )
    return builder.save(tmp_path / "t.pptx")


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (3, 1), (4, 1), (5, 2), (13, 4)])
def test_table_pagination_never_loses_or_cuts_rows(
    tmp_path: Path, builder: TemplateBuilder, count: int, pages: int
) -> None:
    template = _table_template(tmp_path, builder, height_in=2.0)  # header + 4 rows of 0.4 in
    rows = [{"n": i, "subject": f"assunto {i}"} for i in range(1, count + 1)]
    out = tmp_path / f"table-{count}.pptx"
    result = render(template, {"rows": rows}, out)
    assert result.slide_count == pages
    tables = table_rows(out, "table: rows")
    assert all(t[0] == ["#", "Assunto"] for t in tables)
    assert [r for t in tables for r in t[1:]] == [[str(r["n"]), r["subject"]] for r in rows]
    assert all(len(t) - 1 <= 4 for t in tables)
    titles = [s["Title"] for s in slide_texts(out)]
    assert titles == [
        f"Demandas{' (continuação)' if n > 1 else ''} {n}/{pages}" for n in range(1, pages + 1)
    ]


def test_wrapped_rows_are_measured_with_the_font(tmp_path: Path, builder: TemplateBuilder) -> None:
    template = _table_template(tmp_path, builder, height_in=2.0)
    long = "um assunto bem comprido que ocupa mais de uma linha na coluna " * 2
    rows = [
        {"n": 1, "subject": long},
        {"n": 2, "subject": "curto"},
        {"n": 3, "subject": "curto"},
        {"n": 4, "subject": "curto"},
    ]
    out = tmp_path / "table-wrap.pptx"
    result = render(template, {"rows": rows}, out)
    assert result.slide_count == 2  # the long row takes two lines: four rows no longer fit
    tables = table_rows(out, "table: rows")
    assert [len(t) - 1 for t in tables] == [2, 2]  # balanced pages, not 3 + 1


def test_table_row_template_formatting_is_kept(tmp_path: Path, builder: TemplateBuilder) -> None:
    template = _table_template(tmp_path, builder, height_in=4.0)
    out = tmp_path / "table-format.pptx"
    render(template, {"rows": [{"n": 1, "subject": "a"}]}, out)
    table = next(s for s in Presentation(str(out)).slides[0].shapes if s.has_table).table
    assert len(table.rows) == 2
    assert table.cell(1, 1).text_frame.paragraphs[0].runs[0].font.size.pt == 12


# -- pictures and fitting --------------------------------------------------------------------


def _image(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (100, 50)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


def test_picture_is_replaced_and_fitted(tmp_path: Path, builder: TemplateBuilder) -> None:
    slide = builder.slide()
    builder.picture(slide, "image: logo", _image(tmp_path / "old.png", (200, 0, 0)))
    builder.picture(slide, "image: missing", _image(tmp_path / "gone.png", (0, 0, 200)))
    square = _image(tmp_path / "new.png", (0, 200, 0), (60, 60))
    out = tmp_path / "picture.pptx"
    render(builder.save(tmp_path / "t.pptx"), {"logo": square, "missing": None}, out)
    (new,) = list(Presentation(str(out)).slides[0].shapes)  # None removes the picture
    assert Image.open(io.BytesIO(new.image.blob)).getpixel((0, 0)) == (0, 200, 0)
    assert new.width == new.height == 914400 * 2  # 4 x 2 in box: a square fits 2 x 2 in
    assert new.left == 914400 * 2  # centred: 1 in + (4 - 2) / 2 in
    with zipfile.ZipFile(out) as deck:
        assert len([n for n in deck.namelist() if n.startswith("ppt/media/")]) == 1


def test_long_text_shrinks_and_warns_when_it_cannot_fit(
    tmp_path: Path, builder: TemplateBuilder
) -> None:
    slide = builder.slide()
    builder.text(slide, "Fits", "{{ text }}", box=(0.5, 0.5, 4, 1.0), size=24)
    builder.text(slide, "Overflows", "{{ text * 12 }}", box=(0.5, 3, 4, 1.0), size=24)
    out = tmp_path / "shrink.pptx"
    text = "Um comentário de cliente bastante longo para caber na caixa. "
    result = render(builder.save(tmp_path / "t.pptx"), {"text": text}, out, min_font_pt=10)
    shapes = {s.name: s for s in Presentation(str(out)).slides[0].shapes}
    fitted = shapes["Fits"].text_frame.paragraphs[0].runs[0].font.size.pt
    assert 10 <= fitted < 24
    assert shapes["Overflows"].text_frame.paragraphs[0].runs[0].font.size.pt == 10
    assert result.warnings == [
        "slide 1, shape 'Overflows': text does not fit its box even at 10 pt"
    ]


def test_short_text_keeps_its_size(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(), "Title", "{{ name }}", size=32)
    out = tmp_path / "keep.pptx"
    result = render(builder.save(tmp_path / "t.pptx"), {"name": "ACME"}, out)
    run = Presentation(str(out)).slides[0].shapes[0].text_frame.paragraphs[0].runs[0]
    assert run.font.size.pt == 32 and result.warnings == []


# -- errors ----------------------------------------------------------------------------------


def _error(tmp_path: Path, builder: TemplateBuilder, context: dict[str, Any]) -> str:
    template = builder.save(tmp_path / "bad.pptx")
    out = tmp_path / "bad-out.pptx"
    with pytest.raises(TemplateError) as caught:
        render_pptx(template, context, out)
    assert not out.exists()
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_undefined_name_error_suggests_the_right_one(
    tmp_path: Path, builder: TemplateBuilder
) -> None:
    builder.text(builder.slide(), "Title", "ok")
    builder.text(builder.slide(), "Score", [[("NPS {{ nps.sc", False), ("ore.valeu }}", True)]])
    message = _error(tmp_path, builder, {"nps": NpsReport(Metric(1.0), 1, 1, 0, 0, [])})
    assert message == (
        "bad.pptx, slide 2, shape 'Score': undefined attribute `nps.score.valeu` "
        "in {{ nps.score.valeu }} (did you mean `nps.score.value`?)"
    )


def test_undefined_top_level_name(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(), "Score", "{{ nps_score }}")
    message = _error(tmp_path, builder, {"nps": NpsReport(Metric(1.0), 1, 1, 0, 0, [])})
    assert message.endswith(
        "undefined name `nps_score` in {{ nps_score }} (did you mean `nps.score`?)"
    )


def test_syntax_error_names_the_tag(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(), "Box", "Olá {{ client.name }} e {{ x | number( }}")
    message = _error(tmp_path, builder, {"client": {"name": "A"}, "x": 1})
    assert message.startswith("bad.pptx, slide 1, shape 'Box': syntax error in {{ x | number( }}")


def test_unclosed_block_is_a_syntax_error(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(), "Box", ["{%p for r in rows %}", "{{ r }}"])
    message = _error(tmp_path, builder, {"rows": [1]})
    assert re.match(r"bad\.pptx, slide 1, shape 'Box': syntax error in .*endfor", message)


def test_bad_directive(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(notes="deckgen: repeat for streams"), "T", "x")
    message = _error(tmp_path, builder, {})
    assert message == (
        "bad.pptx, slide 1, shape 'notes': unknown directive 'deckgen: repeat for "
        "streams' (expected 'deckgen: if EXPR' or 'deckgen: for NAME in EXPR')"
    )


def test_binding_to_a_non_list(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.table(builder.slide(), "table: nps.score", [["a"], ["{{ row }}"]])
    message = _error(tmp_path, builder, {"nps": NpsReport(Metric(1.0), 1, 1, 0, 0, [])})
    assert message == (
        "bad.pptx, slide 1, shape 'table: nps.score': table: nps.score must be a "
        "list of rows, got Metric"
    )


def test_for_directive_over_a_non_list(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(notes="deckgen: for s in count"), "T", "x")
    message = _error(tmp_path, builder, {"count": 3})
    assert message.endswith("'deckgen: for s in count' needs a list, got int")


def test_chart_binding_to_wrong_data(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.chart(builder.slide(), "chart: nps")
    message = _error(tmp_path, builder, {"nps": 3})
    assert message == (
        "bad.pptx, slide 1, shape 'chart: nps': chart: nps: expected chart data "
        "with categories and series, got int"
    )


def test_chart_binding_to_an_unknown_name(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.chart(builder.slide(), "chart: nps_chart")
    message = _error(tmp_path, builder, {"nps": NpsReport(Metric(1.0), 1, 1, 0, 0, [])})
    assert message.startswith("bad.pptx, slide 1, shape 'chart: nps_chart': undefined name "
                              "`nps_chart`")
    assert "did you mean `nps.chart`?" in message


def test_failed_render_keeps_the_previous_deck(tmp_path: Path, builder: TemplateBuilder) -> None:
    builder.text(builder.slide(), "T", "{{ name }}")
    template = builder.save(tmp_path / "t.pptx")
    out = tmp_path / "deck.pptx"
    render(template, {"name": "first"}, out)
    before = out.read_bytes()
    with pytest.raises(TemplateError):
        render_pptx(template, {}, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "t.pptx"]


# -- determinism and LibreOffice -------------------------------------------------------------


def test_a_render_leaves_the_cached_template_unchanged(
    tmp_path: Path, builder: TemplateBuilder
) -> None:
    slide = builder.slide(notes="deckgen: for s in streams")
    builder.text(slide, "Title", "{{ s.series[0].name }}")
    builder.chart(slide, "chart: s")
    builder.picture(slide, "image: logo", _image(tmp_path / "old.png", (200, 0, 0)))
    builder.table(builder.slide(), "table: rows", [["a"], ["{{ row }}"]], height_in=1.0)
    template = builder.save(tmp_path / "t.pptx")
    one = {"streams": [ChartData(["a"], [Series("x", [1.0])])], "rows": [1, 2],
           "logo": str(_image(tmp_path / "new.png", (0, 200, 0)))}
    other = {"streams": [ChartData(["b", "c"], [Series("y", [2.0, 3.0])])] * 3,
             "rows": list(range(30)), "logo": str(_image(tmp_path / "big.png", (0, 0, 200)))}
    first, between, again = tmp_path / "1.pptx", tmp_path / "2.pptx", tmp_path / "3.pptx"
    render(template, one, first)
    render(template, other, between)
    render(template, one, again)
    assert first.read_bytes() == again.read_bytes()
    assert first.read_bytes() != between.read_bytes()


def test_two_renders_are_byte_identical(
    tmp_path: Path, builder: TemplateBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    slide = builder.slide(notes="deckgen: for s in streams")
    builder.chart(slide, "chart: s")
    builder.table(builder.slide(), "table: rows", [["a"], ["{{ row }}"]], height_in=1.0)
    template = builder.save(tmp_path / "t.pptx")
    context = {
        "streams": [ChartData(["a"], [Series("x", [1.0])]), ChartData(["b"], [Series("y", [2.0])])],
        "rows": list(range(8)),
    }
    first, second = tmp_path / "one.pptx", tmp_path / "two.pptx"
    render(template, context, first)
    render(template, context, second)
    assert first.read_bytes() == second.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    third = tmp_path / "three.pptx"
    render(template, context, third)
    with zipfile.ZipFile(third) as deck:
        assert {i.date_time for i in deck.infolist()} == {(2023, 11, 14, 22, 13, 20)}


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("pdf")


@pytest.mark.pdf
def test_libreoffice_opens_every_deck(pdf_dir: Path) -> None:
    """Every deck rendered above converts to a PDF with one page per slide (one soffice run)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if not PRODUCED:
        pytest.skip("no deck was rendered in this run")
    decks = {}
    for number, (path, slides) in enumerate(PRODUCED):
        copy = pdf_dir / f"deck{number:02d}.pptx"  # unique names: PDFs land in one folder
        shutil.copy(path, copy)
        decks[copy] = slides
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{pdf_dir / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *map(str, decks),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    for deck, slides in decks.items():
        pdf = deck.with_suffix(".pdf").read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert pages == slides, deck.name


def test_wording_is_fetched_in_the_deck_language(tmp_path: Path) -> None:
    builder = TemplateBuilder()
    slide = builder.slide(notes="{{ tr('x.note', n=2) }}")
    builder.text(slide, "Title", "{{ tr('x.title') }}")
    builder.text(slide, "Body", "{{ tr('x.count', n=3) }} · {{ tr('templates.office_language') }}")
    template = builder.save(tmp_path / "t.pptx")
    labels = {"x.title": "Chamados & SLAs", "x.count": "{{ n }} {{ n | plural('dia', 'dias') }}",
              "x.note": "Fale dos {{ n }} pontos", "templates.office_language": "pt-BR"}
    out = tmp_path / "out.pptx"
    render_pptx(template, {"labels": labels}, out, language="pt-BR")
    deck = Presentation(str(out))
    texts = {s.name: s.text_frame.text for s in deck.slides[0].shapes}
    assert texts == {"Title": "Chamados & SLAs", "Body": "3 dias · pt-BR"}
    assert deck.slides[0].notes_slide.notes_text_frame.text == "Fale dos 2 pontos"


def test_an_unknown_wording_key_names_the_slide_and_shape(tmp_path: Path) -> None:
    builder = TemplateBuilder()
    builder.text(builder.slide(), "Title", "{{ tr('x.nope') }}")
    template = builder.save(tmp_path / "t.pptx")
    with pytest.raises(TemplateError) as caught:
        render_pptx(template, {"labels": {}}, tmp_path / "out.pptx", language="pt-BR")
    assert str(caught.value).startswith("t.pptx, slide 1, shape 'Title': ")
    assert "no wording 'x.nope' in the pt-BR labels" in str(caught.value)
    assert not (tmp_path / "out.pptx").exists()


@pytest.mark.parametrize("kind", ["template", "slideshow"])
def test_a_potx_or_ppsx_template_writes_a_plain_presentation(
    tmp_path: Path, builder: TemplateBuilder, kind: str
) -> None:
    builder.text(builder.slide(), "Title", [[("{{ client.name }}", False)]])
    source = builder.save(tmp_path / "t.pptx")
    main = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    other = f"application/vnd.openxmlformats-officedocument.presentationml.{kind}.main+xml"
    template = tmp_path / f"t.{'potx' if kind == 'template' else 'ppsx'}"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(template, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                assert main.encode() in data
                data = data.replace(main.encode(), other.encode())
            zout.writestr(item, data)
    out = tmp_path / "deck.pptx"
    render(template, {"client": {"name": "ACME"}}, out)
    with zipfile.ZipFile(out) as written:
        types = written.read("[Content_Types].xml")
    assert main.encode() in types and other.encode() not in types
    assert Presentation(str(out)).slides[0].shapes[0].text_frame.text == "ACME"


# -- layout guarantees: axis ids, balanced pages, over-tall rows -----------------------------

def test_chart_axis_ids_are_positive(tmp_path: Path, builder: TemplateBuilder) -> None:
    slide = builder.slide()
    builder.chart(slide, "chart: c", categories=["x", "y"], series=[("S", (1, 2))])
    template = builder.save(tmp_path / "t.pptx")
    with zipfile.ZipFile(template) as deck:
        written = deck.read("ppt/charts/chart1.xml").decode()
    assert re.search(r'<c:axId val="-\d+"', written)  # python-pptx's own ids, the fault
    out = tmp_path / "chart-ids.pptx"
    render(template, {"c": ChartData(["a", "b"], [Series("S", [1.0, 2.0])])}, out)
    with zipfile.ZipFile(out) as deck:
        xml = next(deck.read(n).decode() for n in deck.namelist()
                   if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
    axes = re.findall(r'<c:(?:axId|crossAx) val="([^"]+)"', xml)
    assert axes and all(int(v) > 0 for v in axes), axes
    own = re.findall(r'<c:(?:catAx|valAx)>\s*<c:axId val="(\d+)"', xml)
    crossed = re.findall(r'<c:crossAx val="(\d+)"', xml)
    assert sorted(own) == sorted(crossed) == ["1", "2"]  # each axis crosses the other


@pytest.mark.parametrize(("count", "expected"), [(5, [3, 2]), (9, [3, 3, 3]), (13, [3, 3, 4, 3])])
def test_continuation_pages_are_balanced(
    tmp_path: Path, builder: TemplateBuilder, count: int, expected: list[int]
) -> None:
    template = _table_template(tmp_path, builder, height_in=2.0)  # header + 4 rows of 0.4 in
    rows = [{"n": i, "subject": f"assunto {i}"} for i in range(1, count + 1)]
    out = tmp_path / f"balanced-{count}.pptx"
    render(template, {"rows": rows}, out)
    tables = table_rows(out, "table: rows")
    assert [len(t) - 1 for t in tables] == expected
    assert [r for t in tables for r in t[1:]] == [[str(r["n"]), r["subject"]] for r in rows]


def test_a_row_taller_than_the_box_is_cut_at_a_word(
    tmp_path: Path, builder: TemplateBuilder
) -> None:
    template = _table_template(tmp_path, builder, height_in=2.0)
    long = " ".join(f"palavra{i}" for i in range(600))  # ~30 lines in an 8-inch column
    rows = [{"n": 1, "subject": "curto"}, {"n": 2, "subject": long}]
    out = tmp_path / "cut.pptx"
    result = render(template, {"rows": rows}, out)
    cut = [r[1] for t in table_rows(out, "table: rows") for r in t[1:] if r[0] == "2"][0]
    assert cut.endswith("\u2026") and long.startswith(cut[:-1])
    assert cut[:-1].split()[-1] in long.split()  # cut between words
    assert len(cut) < len(long) // 2
    assert any("row 2 is taller than the table's box" in w for w in result.warnings)
    deck = Presentation(str(out))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                assert shape.top + sum(r.height for r in shape.table.rows) <= deck.slide_height
