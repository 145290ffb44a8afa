"""``deckgen template check`` lists what a template uses and fails on what the model lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from pptx_builder import TemplateBuilder

from deckgen.cli import main
from deckgen.locale import default_labels, languages
from deckgen.pipelines.template_kinds import KINDS, review_roots
from deckgen.render.pptx.check import Usage, check_template, iter_missing
from deckgen.templates import choose_template, default_template, templates_dir


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
    assert [s.where for s in slides] == ["slide 1", "slide 2"]
    first = slides[0].usages
    assert Usage("chart", "s.category_chart", True) in first
    assert Usage("table", "open_demands", True) in first
    assert Usage("variable", "row.subject", True) in first
    assert Usage("variable", "s.key", True) in first
    assert Usage("variable", "client.name", True) in first
    assert Usage("variable", "page.number", True) in first
    assert Usage("variable", "support.sla_compliance.value", True) in slides[1].usages
    assert [(n, u.text) for n, u in iter_missing(slides)] == [("slide 1", "d.subjetc")]


def test_cli_lists_usages_and_exits_1_on_unknown_names(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ nps.scor.value }}", row="{{ row.sujbect }}")
    result = CliRunner().invoke(main, ["template", "check", str(template)])
    assert result.exit_code == 1
    assert "slide 1" in result.output
    assert "  chart    s.category_chart\n" in result.output
    assert "  variable nps.scor.value   <- not provided\n" in result.output
    assert "  variable row.sujbect   <- not provided\n" in result.output
    assert result.output.splitlines()[0] == "review.pptx (kind: review, from the file name)"
    assert "review.pptx, slide 1: variable 'nps.scor.value' is not provided by the review deck\n" \
        in result.output
    assert "review.pptx, slide 1: variable 'row.sujbect' is not provided by the review deck\n" \
        in result.output
    assert result.output.endswith("2 name(s) or binding(s) not provided by the review deck\n")


def test_cli_passes_a_complete_template(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ client.name }} {{ nps.score.value | number }}")
    result = CliRunner().invoke(main, ["template", "check", str(template), "--kind", "review"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("ok: the review deck provides everything the template uses\n")


def test_jinja_globals_are_provided(tmp_path: Path) -> None:
    """``range``, ``dict``, ``namespace``… are Jinja's own names, not the model's: a template
    using them is complete."""
    template = _template(tmp_path, "{% for i in range(3) %}{{ i }}{% endfor %}"
                         "{% set ns = namespace(n=0) %}{{ dict(a=1).a }}")
    slides = check_template(template, review_roots())
    assert list(iter_missing(slides)) == []


def test_cli_reports_a_missing_template_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["template", "check", str(tmp_path / "nope.pptx")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'nope.pptx'}: template not found"
    ]


SHIPPED = sorted(p.name for p in templates_dir().iterdir() if p.suffix in (".pptx", ".docx"))


def test_every_kind_has_a_shipped_template() -> None:
    assert {name.split(".")[0] for name in SHIPPED} == set(KINDS)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_template_passes(name: str) -> None:
    result = CliRunner().invoke(main, ["template", "check", str(templates_dir() / name)])
    assert result.exit_code == 0, result.output
    kind = name.split(".")[0]
    assert result.output.startswith(f"{name} (kind: {kind}, from the file name)\n")
    assert result.output.endswith(
        f"ok: the {KINDS[kind].description} provides everything the template uses\n")
    assert "  variable " in result.output  # it did read the template's names


def _docx(tmp_path: Path, name: str, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.sections[0].header.paragraphs[0].text = "{{ company }} · {{ client.name }}"
    path = tmp_path / name
    document.save(str(path))
    return path


def test_word_minutes_are_checked_paragraph_by_paragraph(tmp_path: Path) -> None:
    template = _docx(
        tmp_path, "minha-ata.docx", "Ata de {{ client.name }}",
        "{%p for section in checklist %}", "{{ section.title }}: {{ section.itens }}",
        "{%p endfor %}", "{{ participant.name }}",
    )
    result = CliRunner().invoke(main, ["template", "check", str(template)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "minha-ata.docx (kind: ata-kickoff, best fit)"
    # Paragraphs are numbered as the renderer's errors number them: a {%p %} line is not one.
    body = '"{{ section.title }}: {{ section.itens }}{% endfor %}"'
    assert f"paragraph 2 {body}\n  variable section.title\n" \
        "  variable section.itens   <- not provided\n" in result.output
    problems = [line for line in result.output.splitlines() if ": variable '" in line]
    assert problems == [
        f"minha-ata.docx, paragraph 2 {body}: variable 'section.itens' is not provided by the "
        "internal kickoff minutes",
        'minha-ata.docx, paragraph 3 "{{ participant.name }}": variable \'participant.name\' '
        "is not provided by the internal kickoff minutes",
    ]


def test_word_headers_are_checked_and_a_given_kind_wins(tmp_path: Path) -> None:
    template = _docx(tmp_path, "ata-kickoff.docx", "{{ interval_days }} dias")
    result = CliRunner().invoke(main, ["template", "check", str(template)])
    assert result.exit_code == 1
    assert 'header1, paragraph 1 "{{ company }} · {{ client.name }}"\n  variable company\n' \
        "  variable client.name\n" in result.output
    assert "ata-kickoff.docx, paragraph 1 \"{{ interval_days }} dias\": variable " \
        "'interval_days' is not provided" in result.output
    given = CliRunner().invoke(main, ["template", "check", str(template), "--kind",
                                      "ata-passagem"])
    assert given.exit_code == 0, given.output
    assert given.output.startswith("ata-kickoff.docx (kind: ata-passagem, given)\n")


def test_a_word_syntax_error_is_one_located_line(tmp_path: Path) -> None:
    template = _docx(tmp_path, "ata-revisao.docx", "ok", "{% if client.name %}sem fim")
    result = CliRunner().invoke(main, ["template", "check", str(template)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        'Error: ata-revisao.docx, paragraph 2 "{% if client.name %}sem fim": syntax error: '
        "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' "
        "or 'endif'. The innermost block that needs to be closed is 'if'."
    ]


@pytest.mark.parametrize("kind", ["kickoff", "portfolio"])
def test_other_deck_kinds_check_their_own_names(tmp_path: Path, kind: str) -> None:
    builder = TemplateBuilder()
    names = {"kickoff": "{% for p in vendor_team %}{{ p.role }}: {{ p.nome }}{% endfor %}",
             "portfolio": "{{ churn.rate | percent }} {{ churn.taxa }}"}
    builder.text(builder.slide(), "Body", names[kind])
    template = builder.save(tmp_path / f"{kind}.pptx")
    result = CliRunner().invoke(main, ["template", "check", str(template)])
    assert result.exit_code == 1
    wrong = {"kickoff": "p.nome", "portfolio": "churn.taxa"}[kind]
    assert result.output.count("is not provided") == 1
    assert f"{kind}.pptx, slide 1: variable '{wrong}' is not provided by the " \
        f"{KINDS[kind].description}\n" in result.output


def test_wording_keys_are_checked_in_every_language(tmp_path: Path) -> None:
    builder = TemplateBuilder()
    builder.text(builder.slide(), "Body",
                 "{{ tr('templates.office_language') }} {{ tr('review.no_such_words') }}")
    template = builder.save(tmp_path / "review.pptx")
    result = CliRunner().invoke(main, ["template", "check", str(template)])
    assert result.exit_code == 1
    assert "  variable tr('templates.office_language')\n" in result.output
    problems = [line for line in result.output.splitlines() if "is not provided" in line]
    assert problems == ["review.pptx, slide 1: variable \"tr('review.no_such_words')\" is not "
                        "provided by the review deck"]


def test_every_language_words_the_templates_alike() -> None:
    """Every language has an entry for every wording key of the templates."""
    topics = ("templates.", "review.", "kickoff.", "portfolio.", "minutes.")
    keys = {language: {k for k in default_labels(language) if k.startswith(topics)}
            for language in languages()}
    reference = keys["pt-BR"]
    assert len(reference) > 300
    assert all(found == reference for found in keys.values())


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_one_default_template_for_every_language(kind: str) -> None:
    expected = templates_dir() / f"{kind}{KINDS[kind].suffix}"
    assert choose_template(None, None, kind) == expected
    assert default_template(kind, KINDS[kind].suffix) == expected
    assert not list(templates_dir().glob(f"{kind}.*.{expected.suffix[1:]}"))  # no per-language
