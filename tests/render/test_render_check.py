"""``deckgen template check`` lists what a template uses and fails on what the model lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx_builder import TemplateBuilder

from deckgen.cli import main
from deckgen.render.pptx.check import Usage, check_template, iter_missing, review_roots
from deckgen.templates import templates_dir


def _template(tmp_path: Path, title: str, row: str = "{{ row.subject }}") -> Path:
    builder = TemplateBuilder()
    slide = builder.slide(notes="deckgen: for s in streams\nFale de {{ s.key | term('stream') }}")
    builder.text(slide, "Title", title)
    builder.chart(slide, "chart: s.category_chart")
    builder.table(slide, "table: open_demands", [["Assunto"], [row]])
    builder.text(
        builder.slide(notes="deckgen: if support"),
        "T",
        "{{ support.sla_compliance.value | percent }}",
    )
    return builder.save(tmp_path / "review.pptx")


def test_walks_types_through_loops_rows_and_properties(tmp_path: Path) -> None:
    template = _template(
        tmp_path,
        "{{ client.name }} {% for d in open_demands %}"
        "{{ d.subject }}{{ d.subjetc }}{% endfor %} {{ page.number }}",
    )
    slides = check_template(template, review_roots())
    assert [s.slide for s in slides] == [1, 2]
    first = slides[0].usages
    assert Usage("chart", "s.category_chart", True) in first
    assert Usage("table", "open_demands", True) in first
    assert Usage("variable", "row.subject", True) in first
    assert Usage("variable", "s.key", True) in first
    assert Usage("variable", "client.name", True) in first
    assert Usage("variable", "page.number", True) in first
    assert Usage("variable", "support.sla_compliance.value", True) in slides[1].usages
    assert [(n, u.text) for n, u in iter_missing(slides)] == [(1, "d.subjetc")]


def test_cli_lists_usages_and_exits_1_on_unknown_names(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ nps.scor.value }}", row="{{ row.sujbect }}")
    result = CliRunner().invoke(main, ["template", "check", str(template)])
    assert result.exit_code == 1
    assert "slide 1" in result.output
    assert "  chart    s.category_chart\n" in result.output
    assert "  variable nps.scor.value   <- not provided\n" in result.output
    assert "  variable row.sujbect   <- not provided\n" in result.output
    assert "2 name(s) or binding(s) not provided by the review model" in result.output


def test_cli_passes_a_complete_template(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ client.name }} {{ nps.score.value | number }}")
    result = CliRunner().invoke(main, ["template", "check", str(template), "--kind", "review"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("ok: the review model provides everything the template uses\n")


def test_cli_reports_a_missing_template_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["template", "check", str(tmp_path / "nope.pptx")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'nope.pptx'}: template not found"
    ]


@pytest.mark.parametrize("language", ["pt-BR", "en"])
def test_default_review_templates_match_the_model(language: str) -> None:
    template = templates_dir() / f"review.{language}.pptx"
    if not template.is_file():
        pytest.skip(f"default template {template.name} is not built")
    slides = check_template(template, review_roots())
    assert list(iter_missing(slides)) == []
    assert any(u.kind == "table" for s in slides for u in s.usages)
