"""Every word a client reads is in the deck's language: sample decks in English hold no
Portuguese UI word, and decks in Portuguese no English one, outside the client's free text.

The vocabularies come from the locale files (every label and wording, with the words inside
their Jinja tags), the workspace's words for data values and terms, and the data values the
report holds; free text (ticket subjects, comments, action descriptions, names, releases,
company properties) is taken out of each slide before its words are looked at.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from deck_text import slide_texts
from pptx import Presentation

from deckgen.api import Workspace
from deckgen.config import Config, load_config
from deckgen.locale import default_labels
from deckgen.model.portfolio import PortfolioReport
from deckgen.model.review import ReviewReport
from deckgen.render.context import ValueWords

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
WORKSPACES = ("gcertifica", "sismetro")
LANGUAGES = ("pt-BR", "en")
OTHER = {"pt-BR": "en", "en": "pt-BR"}
TODAY = date(2026, 11, 20)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_LITERAL = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_WORD = re.compile(r"[^\W\d_]{2,}")

# Kinds of data value the deck translates (model attribute → kind of word).
TRANSLATED = {"categories": "category", "status": "status", "phase": "phase"}


def words(text: str) -> set[str]:
    """The words (two letters or more) of ``text``, folded to lower case."""
    return {w.casefold() for w in _WORD.findall(text)}


def _wording_words(text: str) -> set[str]:
    """The words of a label or wording: its text and the string literals in its tags."""
    found = words(_TAG.sub(" ", text))
    for tag in _TAG.findall(text):
        for a, b in _LITERAL.findall(tag):
            found |= words(a or b)
    return found


def _config_words(config: Config, language: str) -> set[str]:
    """The workspace's own words in ``language``: stream names, terms, value words."""
    labels = config.labels_in(language)
    found = set().union(*(words(name) for name in labels.streams.values()))
    for key, text in labels.texts.items():
        if key.startswith(("terms.", "value.")):
            found |= words(text)
    return found


def vocabulary(language: str, configs: list[Config]) -> set[str]:
    """Every word deckgen or a sample workspace writes in ``language``."""
    found: set[str] = set()
    for key, text in default_labels(language).items():
        if not key.startswith("check."):  # the `deckgen check` report, not a document
            found |= _wording_words(text)
    for config in configs:
        found |= _config_words(config, language)
    return found


def _raw_values(config: Config) -> set[str]:
    """The Portuguese-side values the sample workspaces translate ([values] keys)."""
    return set().union(*(words(v) for kinds in config.values.values() for v in kinds))


def free_texts(value: Any, skip: bool = False) -> Iterator[str]:
    """The strings of a report a person wrote (or names): everything but translated values."""
    if skip:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from free_texts(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from free_texts(v)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            translated = f.name in TRANSLATED or f.name in ("key", "by_category", "sla",
                                                             "category", "klass", "role",
                                                             "stream", "priority", "scope")
            yield from free_texts(getattr(value, f.name), skip=translated)


def _without(text: str, spans: list[str]) -> str:
    for span in spans:
        text = text.replace(span, " ")
    return text


@pytest.fixture(scope="module")
def configs() -> list[Config]:
    return [load_config(SAMPLES / w) for w in WORKSPACES]


def review_period(workspace: str) -> tuple[date, date]:
    """The period the sample workspace's decks cover (its ``review-period.txt``)."""
    text = (SAMPLES / workspace / "review-period.txt").read_text().strip()
    start, end = (date.fromisoformat(part) for part in text.split(".."))
    return start, end


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[tuple[
        ReviewReport, Path]]]:
    """The review deck of every client of each sample workspace, in both languages."""
    built: dict[tuple[str, str], list[tuple[ReviewReport, Path]]] = {}
    for name in WORKSPACES:
        start, end = review_period(name)
        ws = Workspace(SAMPLES / name)
        for language in LANGUAGES:
            out = tmp_path_factory.mktemp(f"{name}-{language}")
            built[name, language] = [
                (r.report, r.deck)
                for r in (ws.review(str(row["company_id"]), start=start, end=end, out=out,
                                    today=TODAY, language=language)
                          for _, row in ws.select().iterrows())
            ]
    return built


@pytest.fixture(scope="module")
def portfolios(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[
        PortfolioReport, Path]]:
    """The CS Ops portfolio report of each sample workspace, in both languages."""
    built = {}
    for name in WORKSPACES:
        start, end = review_period(name)
        ws = Workspace(SAMPLES / name)
        for language in LANGUAGES:
            out = tmp_path_factory.mktemp(f"portfolio-{name}-{language}")
            written = ws.portfolio(start=start, end=end, out=out, today=TODAY, language=language)
            built[name, language] = (written.report, written.deck)
    return built


def foreign_words(deck: Path, report: Any, foreign: set[str]) -> list[str]:
    """``slide N: word`` for every word of ``foreign`` on a slide, outside free text."""
    spans = sorted({s for s in free_texts(report) if s.strip()}, key=len, reverse=True)
    found = []
    for number, slide in enumerate(Presentation(str(deck)).slides, 1):
        text = _without("\n".join(slide_texts(slide)), spans)
        found += [f"slide {number}: {w}" for w in sorted(words(text) & foreign)]
    return found


@pytest.mark.parametrize("workspace", WORKSPACES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_of_the_other_language(
    decks: dict[tuple[str, str], list[tuple[ReviewReport, Path]]], configs: list[Config],
    workspace: str, language: str,
) -> None:
    own = vocabulary(language, configs)
    other = vocabulary(OTHER[language], configs)
    if language == "en":  # the data is Portuguese: its values must not show untranslated
        other |= set().union(*(_raw_values(c) for c in configs))
    foreign = other - own
    problems = [
        f"{deck.parent.name}, {p}"
        for report, deck in decks[workspace, language]
        for p in foreign_words(deck, report, foreign)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("workspace", WORKSPACES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_portfolio_has_no_word_of_the_other_language(
    portfolios: dict[tuple[str, str], tuple[PortfolioReport, Path]], configs: list[Config],
    workspace: str, language: str,
) -> None:
    foreign = vocabulary(OTHER[language], configs) - vocabulary(language, configs)
    if language == "en":
        foreign |= set().union(*(_raw_values(c) for c in configs)) - vocabulary("en", configs)
    report, deck = portfolios[workspace, language]
    assert not foreign_words(deck, report, foreign)


KICKOFF_CLIENTS = {"gcertifica": "Horizonte", "sismetro": "Frigorífico"}
_ADDRESS = re.compile(r"\S+@\S+|\b[\w-]+(\.[\w-]+)+\.(com|br|net|org)\S*")  # e-mail, web


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _playbook_words(workspace: str, language: str) -> set[str]:
    """The words of the playbooks in ``language`` (shipped and the workspace's): the team's
    own names for roles and steps ("Customer Success" is a Brazilian team's name too)."""
    found: set[str] = set()
    for path in (ROOT / "templates" / f"playbook.{language}.toml",
                 SAMPLES / workspace / f"playbook.{language}.toml"):
        if path.is_file():
            found |= set().union(*(words(s) for s in _strings(tomllib.loads(path.read_text()))))
    return found


@pytest.fixture(scope="module")
def kickoffs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[
        list[str], Path]]:
    """The client kickoff deck of one client of each sample workspace, in both languages, with
    the client's record values (free text as the client wrote it: goals, scope, names)."""
    built = {}
    for name in WORKSPACES:
        ws = Workspace(SAMPLES / name)
        companies = ws.tables.companies
        row = companies[companies["name"].str.contains(KICKOFF_CLIENTS[name])].iloc[0]
        record = [str(v) for v in row.to_numpy() if isinstance(v, str) and v.strip()]
        for language in LANGUAGES:
            out = tmp_path_factory.mktemp(f"kickoff-{name}-{language}")
            deck, _ = ws.client_kickoff(KICKOFF_CLIENTS[name], out=out, today=TODAY,
                                        language=language)
            built[name, language] = (record, deck)
    return built


@pytest.mark.parametrize("workspace", WORKSPACES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_client_kickoff_has_no_word_of_the_other_language(
    kickoffs: dict[tuple[str, str], tuple[list[str], Path]], configs: list[Config],
    workspace: str, language: str,
) -> None:
    foreign = vocabulary(OTHER[language], configs) - vocabulary(language, configs)
    if language == "en":
        foreign |= set().union(*(_raw_values(c) for c in configs)) - vocabulary("en", configs)
    foreign -= _playbook_words(workspace, language)  # the workspace's own words for its teams
    record, deck = kickoffs[workspace, language]
    spans = sorted(record, key=len, reverse=True)
    found = [f"slide {number}: {w}"
             for number, slide in enumerate(Presentation(str(deck)).slides, 1)
             for w in sorted(words(_ADDRESS.sub(" ", _without("\n".join(slide_texts(slide)),
                                                                  spans))) & foreign)]
    assert not found, "\n".join(found)


def test_the_check_bites() -> None:
    """Portuguese UI words and untranslated data values are in the English check's list."""
    configs = [load_config(SAMPLES / w) for w in WORKSPACES]
    foreign = (vocabulary("pt-BR", configs) | set().union(*(_raw_values(c) for c in configs))) \
        - vocabulary("en", configs)
    for word in ("encerrada", "aguardando", "erro", "dúvida", "atrasada", "iniciada", "hh",
                 "período", "chamados", "ss"):
        assert word in foreign, word
    assert not {"nps", "csat", "sla", "status"} & foreign
    english = vocabulary("en", configs) - vocabulary("pt-BR", configs)
    assert {"customer", "success", "effort", "late"} <= english


def test_an_untranslated_deck_fails(tmp_path: Path) -> None:
    """Without the workspace's [values], the English deck shows Portuguese data values."""
    data = tmp_path / "sismetro"
    shutil.copytree(SAMPLES / "sismetro", data)
    config = data / "deckgen.toml"
    text = config.read_text("utf-8")
    config.write_text(text[:text.index("[values.category]")], encoding="utf-8")
    ws = Workspace(data)
    built = ws.review("Hospital Santa Helena", start=date(2026, 8, 18), end=date(2026, 11, 15),
                      out=tmp_path / "out", today=TODAY, language="en")
    configs = [load_config(SAMPLES / w) for w in WORKSPACES]
    foreign = (vocabulary("pt-BR", configs) | set().union(*(_raw_values(c) for c in configs))) \
        - vocabulary("en", configs)
    found = {p.split(": ")[1] for p in foreign_words(built.deck, built.report, foreign)}
    assert {"erro", "encerrada", "aguardando"} <= found, found


def test_values_and_terms_follow_the_language() -> None:
    """[values] and [terms] of deckgen.toml, per language; built-ins for HubSpot's values."""
    config = load_config(SAMPLES / "sismetro")
    en, pt = config.labels_in("en"), config.labels_in("pt-BR")
    assert ValueWords(en)("status", "Encerrada") == "Closed"
    assert ValueWords(pt)("status", "Encerrada") == "Encerrada"  # no pt-BR word: as written
    assert ValueWords(en)("status", "Sem palavra") == "Sem palavra"
    assert ValueWords(en)("status", None) is None
    assert ValueWords(en)("category", "PRODUCT_ISSUE") == "Product issue"
    assert ValueWords(pt)("category", "Product issue") == "Problema no produto"
    assert (en["terms.ticket"], pt["terms.ticket"]) == ("Request", "SS")
    assert (en["terms.hours"], pt["terms.hours"]) == ("Effort", "HH")
