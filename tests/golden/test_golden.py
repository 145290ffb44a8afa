"""Golden tests: each shipped template rendered with fixed data reads back as recorded.

The review deck is rendered with the tests' hand-built reports (complete, without data, without
streams); the other kinds through the library (``deckgen.api.Workspace``) on the ``gcertifica``
sample workspace at a fixed date. What is compared is the outline a reader sees
(``outline.py``: texts, table cells, chart data, notes, languages), never the bytes of a file.
After an intended change, rewrite the expected outlines with
``DECKGEN_UPDATE_GOLDEN=1 pytest tests/golden`` and review the diff. Each test also checks that
the context the template was given holds exactly the names, of the types, that
``deckgen template check`` assumes for that kind.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from factories import make_empty_review_report, make_labels, make_review_report

from deckgen.api import Workspace
from deckgen.pipelines.template_kinds import KINDS
from deckgen.render import docx
from deckgen.render.context import review_context
from deckgen.render.pptx import render_pptx
from deckgen.render.pptx.engine import DeckRenderer
from deckgen.templates import choose_template
from golden.outline import outline

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"
WORKSPACE = ROOT / "sample_data" / "gcertifica"
PERIOD = (WORKSPACE / "review-period.txt").read_text("utf-8").strip()
LANGUAGES = ("pt-BR", "en")

REVIEWS = {
    "full": make_review_report,
    "empty": lambda: make_empty_review_report(with_streams=True),
    "no-streams": lambda: make_empty_review_report(with_streams=False),
}
DAY = date(2026, 11, 20)  # the meeting date, and "today" for the portfolio report
START, END = (date.fromisoformat(part) for part in PERIOD.split(".."))
Build = Callable[[Workspace, str, Path], Path]
DOCUMENTS: dict[str, Build] = {
    "kickoff": lambda ws, language, out: ws.client_kickoff(
        "Mineração Serra", out=out, today=DAY, language=language)[0],
    "ata-kickoff": lambda ws, language, out: ws.kickoff(
        "Mineração Serra", out=out, today=DAY, language=language),
    "ata-passagem": lambda ws, language, out: ws.handoff(
        "Horizonte", out=out, today=DAY, language=language),
    "ata-revisao": lambda ws, language, out: ws.minutes(
        "Horizonte", start=START, end=END, out=out, today=DAY, language=language).docx,
    "portfolio": lambda ws, language, out: ws.portfolio(
        start=START, end=END, out=out, today=DAY, language=language).deck,
}


def _fits(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of the type ``hint`` (lists: every item; unions: any member)."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, member) for member in typing.get_args(hint))
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    if hint is type(None):
        return value is None
    return isinstance(value, origin or hint)


@pytest.fixture
def contexts(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The contexts every deck and document render of the test is given."""
    seen: list[dict[str, Any]] = []
    deck_init = DeckRenderer.__init__
    word_init = docx._Template.__init__

    def record_deck(self: Any, template: Any, context: Any, *args: Any) -> None:
        seen.append(dict(context))
        deck_init(self, template, context, *args)

    def record_word(self: Any, path: Any, context: Any, *args: Any) -> None:
        seen.append(dict(context))
        word_init(self, path, context, *args)

    monkeypatch.setattr(DeckRenderer, "__init__", record_deck)
    monkeypatch.setattr(docx._Template, "__init__", record_word)
    return seen


def _check_names(kind: str, contexts: list[dict[str, Any]]) -> None:
    """The context holds exactly the names ``template check`` knows for the kind, typed so."""
    (context,) = contexts
    roots = KINDS[kind].roots()
    assert set(context) == set(roots)
    wrong = {name: type(value) for name, value in context.items()
             if not _fits(value, roots[name])}
    assert not wrong, f"values not of the type template check assumes: {wrong}"


def _compare(name: str, rendered: Path) -> None:
    expected = EXPECTED / f"{name}.txt"
    actual = outline(rendered)
    if os.environ.get("DECKGEN_UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert expected.is_file(), f"no {expected.name}: run with DECKGEN_UPDATE_GOLDEN=1"
    assert actual == expected.read_text(encoding="utf-8"), f"{name} differs from its golden outline"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", sorted(REVIEWS))
def test_review_deck(
    tmp_path: Path, case: str, language: str, contexts: list[dict[str, Any]]
) -> None:
    out = tmp_path / "review.pptx"
    render_pptx(choose_template(None, None, "review"),
                review_context(REVIEWS[case](), make_labels(language)), out, language=language)
    _compare(f"review-{case}.{language}", out)
    _check_names("review", contexts)


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The gcertifica sample, its exports read once for every document and language."""
    return Workspace(WORKSPACE)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_document(
    tmp_path: Path, kind: str, language: str, workspace: Workspace,
    contexts: list[dict[str, Any]],
) -> None:
    rendered = DOCUMENTS[kind](workspace, language, tmp_path)
    _compare(f"{kind}.{language}", rendered)
    _check_names(kind, contexts)
