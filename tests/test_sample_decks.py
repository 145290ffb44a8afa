"""End to end: every review deck of both sample workspaces, built by the CLI and read back.

``deckgen build --all`` runs once per workspace and language (session fixture); each deck is
compared with the report recomputed by :func:`deckgen.indicators.review.compute_review` on the same
workspace and period: the playbook's sections in order, chart values, every table row across
continuation slides, no template syntax left, the workbook's typed cells. Then every deck
goes through LibreOffice in one call (with the portfolio and kickoff decks), and the PDFs are
checked by the layout checker (deckgen.render.pptx.layout).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import jinja2
import openpyxl
import pytest
from click.testing import CliRunner
from deck_text import slide_texts
from pptx import Presentation
from pptx.presentation import Presentation as PresentationType

from deckgen.cli import main
from deckgen.config import load_config
from deckgen.indicators.review import compute_review
from deckgen.locale import Labels, default_labels
from deckgen.model.review import Period, ReviewReport
from deckgen.render.context import report_in_words
from deckgen.render.formatting import make_filters
from deckgen.render.pdf import convert_to_pdf
from deckgen.render.pptx.layout import check_deck
from deckgen.render.terms import term
from deckgen.sources.clients import client_slug
from deckgen.sources.workspace import Workspace, load_workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
WORKSPACES = ("gcertifica", "sismetro")
LANGUAGES = ("pt-BR", "en")
RUNS = [(w, lang) for w in WORKSPACES for lang in LANGUAGES]
TODAY = date(2026, 11, 20)  # the export date: SOURCE_DATE_EPOCH makes it the build date
EPOCH = str(int(datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC).timestamp()))

# Who --all builds: every client but the one churned before the period ends.
EXPECTED_CLIENTS = {
    "gcertifica": {
        "Construtora Horizonte Azul S.A.", "Rede Farmavida Drogarias Ltda",
        "Cooperativa de Crédito Vale Verde", "Tucano Logística e Transportes Ltda",
        "Mineração Serra Dourada S.A.",
    },
    "sismetro": {
        "Hospital Santa Helena do Vale", "Indústria Metalúrgica Ferraço Ltda",
        "Shopping Parque das Águas", "Centro Universitário Atlântico",
        "Frigorífico Campo Bom S.A.", "Condomínio Empresarial Torre Norte",
    },
}
SKIPPED = {"gcertifica": {"Energia Solar Planalto Ltda"}, "sismetro": set()}
DECK_NAME = {"pt-BR": "revisao", "en": "review"}
WORKBOOK_NAME = {"pt-BR": "indicadores.xlsx", "en": "indicators.xlsx"}


def _period(workspace: str) -> tuple[str, Period]:
    text = (SAMPLES / workspace / "review-period.txt").read_text("utf-8").strip()
    start, end = (date.fromisoformat(part) for part in text.split(".."))
    return text, Period(start, end)


def _template_strings(language: str) -> dict[str, str]:
    """The review template's wording in ``language`` (``review.*`` of the labels), by key."""
    return {key.removeprefix("review."): text for key, text in default_labels(language).items()
            if key.startswith("review.")}


STRINGS = {language: _template_strings(language) for language in LANGUAGES}
NPS_CHART = ("chart: nps.chart.relabel(tr('review.promoters'), tr('review.passives'), "
             "tr('review.detractors'))")


@dataclass
class SampleDeck:
    """One client's deck and workbook as the CLI wrote them, and the report they show."""

    workspace: str
    language: str
    name: str
    report: ReviewReport
    path: Path
    workbook: Path
    deck: PresentationType
    labels: Labels  # the words the deck was rendered with


@dataclass
class SampleRun:
    """One ``deckgen build --all`` of a workspace in a language."""

    workspace: str
    language: str
    exit_code: int
    output: str
    decks: list[SampleDeck]


def _build_run(workspace: str, language: str, out: Path) -> SampleRun:
    period_text, period = _period(workspace)
    data = SAMPLES / workspace
    result = CliRunner().invoke(
        main,
        ["build", "--all", "--data", str(data), "--period", period_text, "--lang", language,
         "--out", str(out), "--jobs", "1"],
        env={"SOURCE_DATE_EPOCH": EPOCH},
    )
    ws: Workspace = load_workspace(load_config(data))
    labels = ws.config.labels_in(language)
    companies = ws.companies
    decks = []
    for _, row in companies.iterrows():
        folder = out / client_slug(str(row["name"]))
        deck = folder / f"{period.end.isoformat()}-{DECK_NAME[language]}.pptx"
        if not deck.is_file():
            continue
        # as the deck shows it: values from the data in the deck's language
        report = report_in_words(compute_review(ws, str(row["company_id"]), period, today=TODAY),
                                 labels)
        decks.append(SampleDeck(workspace, language, str(row["name"]), report, deck,
                                folder / WORKBOOK_NAME[language], Presentation(str(deck)),
                                labels))
    return SampleRun(workspace, language, result.exit_code, result.output, decks)


@pytest.fixture(scope="session")
def sample_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], SampleRun]:
    """Every sample deck, built once per test session."""
    return {
        (workspace, language): _build_run(
            workspace, language, tmp_path_factory.mktemp(f"decks-{workspace}-{language}")
        )
        for workspace, language in RUNS
    }


def _run(sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str) -> SampleRun:
    run = sample_runs[workspace, language]
    assert run.decks, f"no deck built for {workspace} {language}:\n{run.output}"
    return run


# ---------------------------------------------------------------------------------------------
# Reading decks back


def _title(slide: Any) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def _kicker(slide: Any) -> str:
    return next((s.text_frame.text for s in slide.shapes if s.name == "Kicker"), "")


def _named(deck: PresentationType, name: str) -> list[Any]:
    return [shape for slide in deck.slides for shape in slide.shapes if shape.name == name]


def _rows(tables: list[Any]) -> list[list[str]]:
    """The data rows (header left out) of a table continued over several slides."""
    return [
        [cell.text_frame.text for cell in row.cells]
        for table in tables for row in list(table.table.rows)[1:]
    ]


# ---------------------------------------------------------------------------------------------
# The sections of the "Cliente ativo" playbook, as the template's string table words them


def _render(text: str, report: ReviewReport, labels: Labels, **extra: Any) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["term"] = term
    context = {
        "support": report.support, "implementation": report.implementation,
        "technology": report.technology, "client": report.client,
        "page": {"continued": False}, "labels": labels, **extra,
    }
    return env.from_string(text).render(context)


SHORT = {  # the kickers of the sections that are not streams
    "pt-BR": {"releases": "LANÇAMENTOS", "nps": "NPS", "demands": "DEMANDAS EM ANDAMENTO",
              "feedback": "FEEDBACK", "expansion": "OPORTUNIDADES", "actions": "PLANO DE AÇÃO"},
    "en": {"releases": "RELEASES", "nps": "NPS", "demands": "OPEN DEMANDS",
           "feedback": "FEEDBACK", "expansion": "OPPORTUNITIES", "actions": "ACTION PLAN"},
}


def expected_sections(report: ReviewReport, labels: Labels) -> list[tuple[str, str]]:
    """(kicker, title) of every slide the report calls for, in the playbook's order: the
    sections shown in full (report.sections), each numbered as in the agenda."""
    t = STRINGS[labels.language]
    nps, csat = report.nps, report.csat

    def kicker(key: str) -> str:
        stream = report.stream_for(key) if key in STREAMS else None
        short = (labels.term("stream", stream.key) if stream
                 else SHORT[labels.language][key]).upper()
        return f"{report.section(key).number} · {short}"

    def title(key: str, **extra: Any) -> str:
        return _render(str(t[key]), report, labels, **extra)

    slides: list[tuple[str, str]] = [
        (_render(str(t["cover_kicker"]), report, labels),
         _render("{{ client.name }}", report, labels)),
        (_render(str(t["agenda_kicker"]), report, labels), t["agenda_title"]),
        (_render(str(t["summary_kicker"]), report, labels), t["summary_title"]),
    ]
    for key, chart, few in (("support", "t_sup_categories", "t_sup_none"),
                            ("implementation", "t_impl", "t_impl_none"),
                            ("technology", "t_tech", "t_tech_none")):
        stream = report.stream_for(key)
        if not report.shows(key):
            continue
        if stream:
            slides.append((kicker(key), title(chart if len(stream.by_category) >= 3 else few)))
            if key == "support" and stream.prioritized:
                slides.append((kicker(key), title("t_sup_prioritized")))
            if key != "technology":
                if any(r.closed for r in stream.sla):
                    slides.append((kicker(key), title("t_sla", stream=stream)))
                elif stream.sla and not {"sla", "closed_at"} & set(stream.missing):
                    slides.append((kicker(key), title("t_sla_none", stream=stream,
                                                      fallback="")))
        if key == "support" and csat.count:
            slides.append((kicker(key), title("t_csat" if csat.count >= 3 else "t_csat_none")))
    if report.shows("releases"):
        slides.append((kicker("releases"),
                       title("t_releases" if report.releases else "t_releases_none")))
    if report.shows("nps"):
        slides.append((kicker("nps"), title("t_nps" if nps.answers >= 3 else "t_nps_none")))
        if nps.shown:
            slides.append((kicker("nps"), title("t_comments")))
        elif nps.answers:
            slides.append((kicker("nps"), title("t_comments_none")))
    if report.shows("demands"):
        slides.append((kicker("demands"),
                       title("t_demands" if report.open_demands else "t_demands_none")))
    if report.shows("feedback"):
        slides.append((kicker("feedback"), title("t_feedback")))
    if report.shows("expansion"):
        slides.append((kicker("expansion"), title("deck.t_expansion")))
    if report.shows("actions"):
        slides.append((kicker("actions"),
                       title("t_actions" if report.actions else "t_actions_none")))
        slides.append((kicker("actions"), title("t_next")))
    slides.append(("", title("closing_title")))
    return slides


STREAMS = ("support", "implementation", "technology")


def _sections_of(deck: PresentationType, language: str) -> list[tuple[str, str]]:
    """(kicker, title) per slide, continuation pages folded into their first page."""
    suffix = " " + str(STRINGS[language]["continued"])
    found: list[tuple[str, str]] = []
    for slide in deck.slides:
        title = _title(slide)
        if title.endswith(suffix):
            base = (_kicker(slide), title.removesuffix(suffix))
            assert found and found[-1] == base, f"continuation without a first page: {title!r}"
            continue
        found.append((_kicker(slide), title))
    return found


# ---------------------------------------------------------------------------------------------
# The decks


@pytest.mark.parametrize(("workspace", "language"), RUNS)
def test_build_all_builds_every_client(
    sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str
) -> None:
    run = _run(sample_runs, workspace, language)
    assert run.exit_code == 0, run.output
    assert {d.name for d in run.decks} == EXPECTED_CLIENTS[workspace]
    for name in SKIPPED[workspace]:
        assert re.search(rf"^skipped\s+{re.escape(name)}: churned", run.output, re.M), run.output
    assert "Traceback" not in run.output
    for deck in run.decks:
        assert deck.workbook.is_file(), deck.workbook


@pytest.mark.parametrize(("workspace", "language"), RUNS)
def test_every_section_is_there_in_playbook_order(
    sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str
) -> None:
    for deck in _run(sample_runs, workspace, language).decks:
        expected = expected_sections(deck.report, deck.labels)
        assert _sections_of(deck.deck, language) == expected, deck.name


def _expected_charts(
    report: ReviewReport, labels: Labels
) -> dict[str, tuple[list[str], list[float | None]]]:
    """Shape name → categories and values, for every chart the report calls for."""
    def counts(
        items: list[Any], kind: str | None, gaps: bool = False
    ) -> tuple[list[str], list[float | None]]:
        """Names and values; with ``gaps`` an empty bar is no bar (no "0" label)."""
        names = [labels.term(kind, c.key) if kind else str(c.key) for c in items]
        return names, [float(c.count) or (None if gaps else 0.0) for c in items]

    t = STRINGS[labels.language]
    charts: dict[str, tuple[list[str], list[float | None]]] = {}
    for role in STREAMS:  # a chart of fewer than three bars is a sentence instead
        stream = report.stream_for(role)
        if report.shows(role) and stream and len(stream.by_category) >= 3:
            charts[f"chart: {role}.category_chart | term"] = counts(stream.by_category,
                                                                    "category")
            if role == "implementation":
                charts["chart: implementation.urgency_chart | term"] = counts(
                    stream.by_urgency, "priority", gaps=True)
    if report.shows("support") and report.csat.count >= 3:
        charts["chart: csat.chart"] = counts(report.csat.distribution, None, gaps=True)
    nps = report.nps
    if report.shows("nps") and nps.answers >= 3:
        charts[NPS_CHART] = (
            [str(t["promoters"]), str(t["passives"]), str(t["detractors"])],
            [float(nps.promoters), float(nps.passives), float(nps.detractors)],
        )
    return charts


@pytest.mark.parametrize(("workspace", "language"), RUNS)
def test_chart_values_are_the_indicators(
    sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str
) -> None:
    for deck in _run(sample_runs, workspace, language).decks:
        found: dict[str, tuple[list[str], list[float | None]]] = {}
        for slide in deck.deck.slides:
            for shape in slide.shapes:
                if shape.has_chart:
                    assert shape.name not in found, f"{deck.name}: {shape.name} twice"
                    plot = shape.chart.plots[0]
                    found[shape.name] = (list(plot.categories), list(plot.series[0].values))
        assert found == _expected_charts(deck.report, deck.labels), deck.name


@pytest.mark.parametrize(("workspace", "language"), RUNS)
def test_no_table_row_is_lost_across_continuation_slides(
    sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str
) -> None:
    paginated = {"gcertifica": "Construtora Horizonte Azul S.A.",
                 "sismetro": "Hospital Santa Helena do Vale"}[workspace]
    for deck in _run(sample_runs, workspace, language).decks:
        report, d = deck.report, deck.deck
        demands = _named(d, "table: open_demands")
        assert [r[1] for r in _rows(demands)] == [t.id for t in report.open_demands], deck.name
        for row, ticket in zip(_rows(demands), report.open_demands, strict=True):
            # Open at the period's end but closed since: the status says when, so "Encerrada"
            # in a list of open demands does not look like a mistake.
            assert row[3].startswith(ticket.status), (deck.name, row)
            assert (row[3] != ticket.status) == (ticket.closed is not None), (deck.name, row)
        comments = _named(d, "table: nps.shown")
        shown = report.nps.shown if report.shows("nps") else []
        texts = [r[3] for r in _rows(comments)]
        assert len(texts) == len(shown), deck.name
        assert all(text.startswith(c.text) for text, c in zip(texts, shown, strict=True))
        if report.shows("nps"):  # grouped and deduplicated, none dropped
            assert sum(c.repeats for c in shown) == len(report.nps.comments), deck.name
        support = report.support
        assert [r[0] for r in _rows(_named(d, "table: support.prioritized"))] == (
            [t.id for t in support.prioritized] if support and report.shows("support") else []
        ), deck.name
        for role in ("support", "implementation"):
            stream = report.stream_for(role)
            shows = stream and report.shows(role) and any(r.closed for r in stream.sla)
            assert [r[0] for r in _rows(_named(d, f"table: {role}.sla"))] == (
                [deck.labels.term("sla_category", r.category_key) for r in stream.sla]
                if stream and shows else []
            ), deck.name
        releases = report.releases if report.shows("releases") else []
        assert len(_rows(_named(d, "table: releases"))) == len(releases), deck.name
        assert [r[0] for r in _rows(_named(d, "table: actions"))] == [
            a.action for a in report.actions
        ], deck.name
        if deck.name == paginated:  # the big account: both lists need several slides
            assert len(demands) >= 2 and len(comments) >= 2, deck.name


@pytest.mark.parametrize(("workspace", "language"), RUNS)
def test_closing_slide_announces_the_next_meeting(
    sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str
) -> None:
    run = _run(sample_runs, workspace, language)
    # Some open demand of the samples was closed after the period: the status check bites.
    assert any(t.closed for d in run.decks for t in d.report.open_demands)
    for deck in run.decks:
        closing = deck.deck.slides[len(deck.deck.slides) - 1]
        text = next(s.text_frame.text for s in closing.shapes if s.name == "Closing details")
        days = deck.report.client.meeting_interval_days
        first = text.splitlines()[0]
        if days:  # the meeting after this one (this meeting + the cadence), as a date
            when = make_filters(language)["date"](TODAY + timedelta(days=days), "long")
            assert first == (f"Próxima reunião: {when}" if language == "pt-BR"
                             else f"Next meeting: {when}"), deck.name
        else:
            assert first == "", deck.name


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _data_strings(value: Any) -> Iterator[str]:
    """Every string of the report: client data that may look like template tags."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _data_strings(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _data_strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _data_strings(item)


@pytest.mark.parametrize(("workspace", "language"), RUNS)
def test_no_template_syntax_is_left(
    sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str
) -> None:
    for deck in _run(sample_runs, workspace, language).decks:
        literal = {tag for s in _data_strings(deck.report) for tag in _TAG.findall(s)}

        def keep_unknown(match: re.Match[str], literal: set[str] = literal) -> str:
            return "" if match.group(0) in literal else match.group(0)

        for number, slide in enumerate(deck.deck.slides, 1):
            for text in slide_texts(slide):
                cleaned = _TAG.sub(keep_unknown, text)
                left = re.findall(r"\{\{|\{%|\{#|%\}|\}\}|\[\[|\]\]|deckgen:", cleaned)
                assert not left, (deck.name, number, text)
                assert not re.search(r"\b(None|nan|NaN|True|False)\b", text), (
                    deck.name, number, text)


def test_template_look_alikes_in_the_data_show_literally(
    sample_runs: dict[tuple[str, str], SampleRun],
) -> None:
    run = _run(sample_runs, "gcertifica", "pt-BR")
    deck = next(d for d in run.decks if d.name == "Rede Farmavida Drogarias Ltda")
    text = "\n".join(t for slide in deck.deck.slides for t in slide_texts(slide))
    assert '"{{ nome_fornecedor }}"' in text


# ---------------------------------------------------------------------------------------------
# The workbook


def _labels(language: str) -> dict[str, str]:
    """The review workbook's titles in ``language`` (``review_workbook.*`` labels)."""
    prefix = "review_workbook."
    texts = default_labels(language)
    return {k.removeprefix(prefix): v for k, v in texts.items() if k.startswith(prefix)}


def _expected_sheets(report: ReviewReport, labels: Labels, sheetnames: list[str]) -> list[str]:
    """The sheet names the workbook must have; a stream's sheets are its name (without the
    parenthesis, whole words only, as many as fit in Excel's 31 characters) and the kind."""
    lab = _labels(labels.language)
    names = [lab["summary"]]
    for stream in report.streams:
        words = re.sub(r"\s*\([^)]*\)", "", labels.term("stream", stream.key)).split()
        for k in ("categories", "urgency", "sla", "prioritized"):
            fitting = [" ".join(words[:n]) + f" {lab[k]}" for n in range(len(words), 0, -1)]
            names.append(next(n for n in fitting if len(n) <= 31))
    names += [lab[k] for k in ("open_demands", "nps", "nps_comments", "csat", "releases",
                               "actions")]
    assert all(len(n) <= 31 for n in sheetnames), sheetnames
    return [re.sub(r"[\[\]:*?/\\]", " ", n).strip() for n in names]


@pytest.mark.parametrize(("workspace", "language"), RUNS)
def test_workbook_has_typed_cells_and_frozen_headers(
    sample_runs: dict[tuple[str, str], SampleRun], workspace: str, language: str
) -> None:
    lab = _labels(language)
    for deck in _run(sample_runs, workspace, language).decks:
        report = deck.report
        book = openpyxl.load_workbook(deck.workbook)
        assert book.sheetnames == _expected_sheets(report, deck.labels, book.sheetnames), deck.name
        for ws in book.worksheets:
            assert ws.freeze_panes == "A2", (deck.name, ws.title)
            header = [c.value for c in ws[1]]
            assert header and all(isinstance(h, str) and h for h in header), (deck.name, ws.title)
            for row in ws.iter_rows(min_row=2, values_only=True):
                for value in row:
                    assert value not in ("None", "nan", "NaN", "NaT"), (deck.name, ws.title, row)

        demands = book[lab["open_demands"]]
        rows = list(demands.iter_rows(min_row=2, values_only=True))
        assert len(rows) == len(report.open_demands), deck.name
        for row, ticket in zip(rows, report.open_demands, strict=True):
            assert row[0] == ticket.id and isinstance(row[0], str)
            assert isinstance(row[7], datetime), row  # created: a date, not text
            assert row[7].date() == ticket.created
            assert row[8] is None or isinstance(row[8], datetime), row
            assert isinstance(row[9], int) and row[9] == ticket.age_days, row
            assert row[10] is None or isinstance(row[10], int | float), row

        summary = list(book[lab["summary"]].iter_rows(min_row=2, values_only=True))
        assert summary, deck.name
        for row in summary:
            assert all(v is None or isinstance(v, int | float) for v in row[1:]), row
        nps_value = next(r[1] for r in summary if r[0] == lab["nps_score"])
        assert nps_value == report.nps.score.value

        comments = list(book[lab["nps_comments"]].iter_rows(min_row=2, values_only=True))
        assert [r[4] for r in comments] == [c.text for c in report.nps.comments]
        assert all(isinstance(r[0], datetime) and isinstance(r[1], int) for r in comments)

        releases = list(book[lab["releases"]].iter_rows(min_row=2, values_only=True))
        assert all(isinstance(r[0], datetime) for r in releases), deck.name
        assert [r[0].date() for r in releases if isinstance(r[0], datetime)] == [
            r.released_on for r in report.releases
        ], deck.name

        actions = list(book[lab["actions"]].iter_rows(min_row=2, values_only=True))
        assert [r[0] for r in actions] == [a.action for a in report.actions]
        assert all(r[2] is None or isinstance(r[2], datetime) for r in actions)


FORMULA = '=HYPERLINK("x")'


def test_data_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    data = tmp_path / "gcertifica"
    shutil.copytree(SAMPLES / "gcertifica", data)
    plan = data / "plano-de-acao.csv"
    with plan.open("a", encoding="utf-8") as fh:
        quoted = FORMULA.replace('"', '""')
        fh.write(f'21457893254,Rede Farmavida Drogarias Ltda,"{quoted}",Rafael Andrade,'
                 "2026-12-15,Em andamento,2026-08-17\n")
    period_text, _ = _period("gcertifica")
    result = CliRunner().invoke(
        main, ["build", "Farmavida", "--data", str(data), "--period", period_text,
               "--out", str(tmp_path / "out")],
        env={"SOURCE_DATE_EPOCH": EPOCH},
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "rede-farmavida-drogarias-ltda"
    book = openpyxl.load_workbook(folder / "indicadores.xlsx")
    cells = [c for row in book[_labels("pt-BR")["actions"]].iter_rows() for c in row
             if c.value == FORMULA]
    assert cells, "the action was lost"
    assert all(c.data_type == "s" for c in cells)  # a string, never a formula
    deck = Presentation(str(folder / "2026-11-15-revisao.pptx"))
    assert FORMULA in [r[0] for r in _rows(_named(deck, "table: actions"))]


# ---------------------------------------------------------------------------------------------
# The PDF: what a client sees


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match, info
    return int(match.group(1))


def _other_decks(workspace: str, language: str, out: Path) -> list[Path]:
    """The workspace's CS Ops portfolio report and one client's kickoff deck (as make samples)."""
    period_text, _ = _period(workspace)
    data = str(SAMPLES / workspace)
    client = {"gcertifica": "Horizonte", "sismetro": "Frigorífico"}[workspace]
    for command in (["portfolio", "--period", period_text],
                    ["kickoff", client, "--client-deck"]):
        result = CliRunner().invoke(
            main, [*command, "--data", data, "--lang", language, "--out", str(out)],
            env={"SOURCE_DATE_EPOCH": EPOCH},
        )
        assert result.exit_code == 0, result.output
    return sorted(out.rglob("*.pptx"))


@dataclass
class Converted:
    decks: list[tuple[str, Path, Path]]  # (what, pptx, pdf)


@pytest.fixture(scope="session")
def converted(
    sample_runs: dict[tuple[str, str], SampleRun], tmp_path_factory: pytest.TempPathFactory
) -> Converted:
    """Every sample deck (review decks, portfolio reports, client kickoff decks, in both
    languages) as PDF, from ONE LibreOffice start."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: PDF layout not checked")
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.skip(f"poppler's {tool} is not installed: PDF layout not checked")
    folder = tmp_path_factory.mktemp("pdf")
    sources: list[tuple[str, Path]] = []
    for (workspace, language), run in sample_runs.items():
        for deck in run.decks:
            sources.append((f"{workspace} {language} {deck.name}", deck.path))
        others = tmp_path_factory.mktemp(f"others-{workspace}-{language}")
        sources += [(f"{workspace} {language} {p.stem}", p)
                    for p in _other_decks(workspace, language, others)]
    flat = []
    for index, (_, path) in enumerate(sources):
        copy = folder / f"{index:03d}-{path.name}"
        shutil.copyfile(path, copy)
        flat.append(copy)
    pdfs = convert_to_pdf(flat, folder, timeout=900)
    return Converted([(what, copy, pdf)
                      for (what, _), copy, pdf in zip(sources, flat, pdfs, strict=True)])


@pytest.mark.pdf
def test_pdf_has_one_page_per_slide(converted: Converted) -> None:
    wrong = [
        (what, _page_count(pdf), len(Presentation(str(deck)).slides))
        for what, deck, pdf in converted.decks
        if _page_count(pdf) != len(Presentation(str(deck)).slides)
    ]
    assert not wrong


@pytest.mark.pdf
def test_every_sample_deck_is_laid_out_within_its_slides(converted: Converted) -> None:
    """Review, portfolio and kickoff decks of both workspaces in both languages: text inside
    the slide and its box, nothing over the footer or other text, balanced continuation
    slides, positive chart axis ids (deckgen.render.pptx.layout)."""
    names = " ".join(deck.name for _, deck, _ in converted.decks)
    assert all(kind in names for kind in ("revisao", "review", "portfolio", "kickoff"))
    problems = [f"{what}: {p}" for what, deck, pdf in converted.decks
                for p in check_deck(deck, pdf)]
    assert not problems, "\n".join(problems)
