"""Hostile templates: each is one located line, exit 1, bounded time and memory, nothing written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx import Document
from hostile_runner import run, snapshot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))

from pptx_builder import TemplateBuilder  # noqa: E402

NESTED = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"
# (the text of a text box, the expected problem) — the same payloads go into a Word paragraph.
PAYLOADS: dict[str, tuple[str, str]] = {
    "nested-range-loops": (NESTED, "loops nested 9,999,800,001 iterations deep"),
    "nested-loops-by-name": ("{% set n = 99999 %}{% for i in range(n) %}{% for j in range(n) %}"
                             "{% endfor %}{% endfor %}", "loops nested 9,999,800,001 iterations"),
    "nested-loops-at-run-time": ("{% set ns = namespace(n=99999) %}{% for i in range(ns.n) %}"
                                 "{% for j in range(ns.n) %}{% endfor %}{% endfor %}",
                                 "more than 100,000 loop iterations"),
    "power-literal": ("{{ 3**(10**8) }}", "3 ** 100000000 would have about 47,712,125 digits"),
    "power-by-name": ("{% set e = 10**8 %}{{ 3**e }}", "would have about 47,712,125 digits"),
    "product-of-powers": ("{% set a = 10**900 %}{{ a * a }}", "a product of more than 1,000"),
    "repeat-text": ("{{ 'x' * 10**9 }}", "a repeated value would hold 1,000,000,000 characters"),
    "repeat-list": ("{% set n = 10**9 %}{{ ([1] * n)|length }}", "a repeated value would hold"),
    "doubling-concat": ("{% set ns = namespace(s='xx') %}{% for i in range(40) %}"
                        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "a joined text would hold"),
    "doubling-plus": ("{% set ns = namespace(s='xx') %}{% for i in range(40) %}"
                      "{% set ns.s = ns.s + ns.s %}{% endfor %}", "a joined value would hold"),
    "center-filter": ("{{ 'x'|center(10**9) }}", "the filter center would hold"),
    "center-method": ("{{ 'x'.center(10**9) }}", "str.center would hold"),
    "percent-width": ("{{ '%999999999d' % 1 }}", "a formatted field would hold 999,999,999"),
    "format-width": ("{{ '{:>999999999}'.format(1) }}", "a formatted field would hold"),
    "format-filter-width": ("{{ '%*d'|format(10**9, 1) }}", "the filter format would hold"),
    "slice-filter": ("{{ [1]|slice(10**9)|list|length }}", "the filter slice would hold"),
    "replace-empty": ("{{ ('x' * 1000)|replace('', 'y' * 100000) }}",
                      "a replaced text would hold"),
    "join-separator": ("{{ ('y' * 100000).join(range(99999)|map('string')) }}",
                       "a joined text would hold"),
    "output-size": ("{% for i in range(90000) %}{{ 'x' * 1000 }}{% endfor %}",
                    "the document's text grows past 16.0 MB"),
}


def _pptx(folder: Path, text: str, notes: str | None = None) -> Path:
    builder = TemplateBuilder()
    slide = builder.slide(notes=notes)
    builder.text(slide, "Body", text)
    return builder.save(folder / "hostile.pptx")


def _docx(folder: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph("Ata de {{ client.name }}")
    document.add_paragraph(text)
    path = folder / "hostile.docx"
    document.save(str(path))
    return path


def _built_nothing(workspace: Path, args: list[str]) -> str:
    """The error line of ``args``, after checking nothing was written in the workspace."""
    before = snapshot(workspace.parent)
    line = run(args).error_line()
    after = snapshot(workspace.parent)
    assert after == before, set(after) ^ set(before)
    return line


@pytest.mark.parametrize("case", sorted(PAYLOADS))
def test_hostile_pptx_template_in_build(workspace: Path, case: str) -> None:
    text, expected = PAYLOADS[case]
    template = _pptx(workspace.parent, text)
    out = workspace.parent / "out"
    line = _built_nothing(workspace, ["build", "101", "--data", str(workspace), "--template",
                                      str(template), "--out", str(out)])
    assert line.startswith("Error: hostile.pptx, slide 1, shape 'Body': over a limit in "), line
    assert expected in line, line


@pytest.mark.parametrize("case", sorted(PAYLOADS))
def test_hostile_docx_template_in_minutes(workspace: Path, case: str) -> None:
    text, expected = PAYLOADS[case]
    template = _docx(workspace.parent, text)
    line = _built_nothing(workspace, ["minutes", "101", "--data", str(workspace), "--template",
                                      str(template), "--out", str(workspace.parent / "out")])
    assert line.startswith("Error: hostile.docx, paragraph 2"), line
    assert expected in line, line


STATIC = ["nested-range-loops", "nested-loops-by-name", "power-literal", "power-by-name",
          "repeat-text", "percent-width"]


@pytest.mark.parametrize("case", STATIC)
@pytest.mark.parametrize("suffix", [".pptx", ".docx"])
def test_template_check_reports_what_is_over_a_limit_on_its_face(
    workspace: Path, case: str, suffix: str
) -> None:
    text, expected = PAYLOADS[case]
    template = (_pptx if suffix == ".pptx" else _docx)(workspace.parent, text)
    line = _built_nothing(workspace, ["template", "check", str(template)])
    where = "slide 1, shape 'Body'" if suffix == ".pptx" else "paragraph 2"
    assert line.startswith(f"Error: hostile{suffix}, {where}"), line
    assert "over a limit" in line and expected in line, line


@pytest.mark.parametrize("directive", [
    "deckgen: for i in range(99999)",
    "deckgen: for i in range(99999)|list + range(99999)|list",
])
def test_slide_loops_count_against_the_budget(workspace: Path, directive: str) -> None:
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8") + "[limits]\ntemplate_iterations = 500\n",
                      encoding="utf-8")
    template = _pptx(workspace.parent, "{{ i }}", notes=directive)
    line = _built_nothing(workspace, ["build", "101", "--data", str(workspace), "--template",
                                      str(template), "--out", str(workspace.parent / "out")])
    assert line.startswith("Error: hostile.pptx, slide 1, shape 'notes': over a limit in "
                           "deckgen: for i in range(99999)"), line
    assert "more than 500 loop iterations in one document (raise template_iterations" in line


def test_the_deadline_stops_a_slow_render(workspace: Path) -> None:
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8") + "[limits]\ntemplate_iterations = "
                      "100000000\ntemplate_seconds = 0.5\n", encoding="utf-8")
    template = _pptx(workspace.parent, "{% set n = 9999 %}{% for i in range(n) %}"
                     "{% for j in range(n) %}{% endfor %}{% endfor %}")
    line = _built_nothing(workspace, ["build", "101", "--data", str(workspace), "--template",
                                      str(template), "--out", str(workspace.parent / "out")])
    assert "over a limit in" in line and "rendering took more than 0.5 s (raise " \
        "template_seconds under [limits]" in line, line


# -- template check with the workspace's limits ----------------------------------------------------

BIG_POWER = "{{ 3**(10**4) }}"  # about 4,771 digits: over the default 1,000
NESTED_100 = "{% for i in range(100) %}{% for j in range(100) %}{% endfor %}{% endfor %}"


def _with_limits(workspace: Path, limits: str) -> Path:
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8") + f"[limits]\n{limits}\n",
                      encoding="utf-8")
    return config


def test_template_check_uses_the_workspaces_raised_limits(workspace: Path) -> None:
    config = _with_limits(workspace, "template_number_digits = 100000")
    template = _pptx(workspace.parent, BIG_POWER)
    inside = run(["template", "check", str(template), "--data", str(workspace)])
    assert inside.exit_code == 0, inside.stderr
    assert inside.stdout.splitlines()[1] == f"limits: [limits] of {config}"
    given = run(["template", "check", str(template), "--config", str(config)])
    assert given.exit_code == 0, given.stderr
    assert given.stdout.splitlines()[1] == f"limits: [limits] of {config}"
    line = _built_nothing(workspace, ["template", "check", str(template),
                                      "--data", str(workspace.parent)])
    assert "would have about 4,771 digits, over the limit of 1,000" in line, line


def test_template_check_uses_the_workspaces_lowered_limits(workspace: Path) -> None:
    _with_limits(workspace, "template_iterations = 500")
    template = _pptx(workspace.parent, NESTED_100)
    line = _built_nothing(workspace, ["template", "check", str(template),
                                      "--data", str(workspace)])
    assert "loops nested 10,000 iterations deep" in line and "500" in line, line
    outside = run(["template", "check", str(template), "--data", str(workspace.parent)])
    assert outside.stdout.splitlines()[1].startswith("limits: the defaults")
    assert "over a limit" not in outside.stderr, outside.stderr  # (`range` is reported unknown)
