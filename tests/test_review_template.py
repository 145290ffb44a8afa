"""The default review templates rendered with hand-built reports, read back like a client would."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from deck_text import slide_texts
from factories import make_empty_review_report, make_labels, make_review_report
from pptx import Presentation
from pptx.presentation import Presentation as PresentationType

from deckgen.model.review import Count, ReviewReport
from deckgen.render.context import review_context
from deckgen.render.pptx import render_pptx

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
LANGUAGES = ("pt-BR", "en")
CASES = ("full", "empty", "no_streams")

# The sections of the full report, in the order of the playbook (continuations folded).
FULL_TITLES = {
    "pt-BR": [
        "Metalúrgica Horizonte S.A.",
        "O que vamos ver hoje",
        "O período em números",
        "Chamados de suporte criados por categoria",
        "Chamados priorizados",
        "Nossos SLAs: Suporte",
        "CSAT: satisfação com o atendimento",
        "Chamados de implantação criados",
        "Nossos SLAs: Implantação",
        "Desenvolvimento: chamados criados por categoria",
        "Últimos lançamentos da plataforma",
        "NPS: a voz dos usuários",
        "Comentários do NPS",
        "Demandas em andamento",
        "Como foram os últimos meses para vocês?",
        "Oportunidades: temas para conversar",
        "Plano de ação: acompanhamento",
        "Próximos passos: novas ações",
        "Obrigado!",
    ],
    "en": [
        "Metalúrgica Horizonte S.A.",
        "What we will cover today",
        "The period in numbers",
        "Support tickets created by category",
        "Prioritized tickets",
        "Our SLAs: Support",
        "CSAT: satisfaction with support",
        "Implementation tickets created",
        "Our SLAs: Implementation",
        "Development: tickets created by category",
        "Latest platform releases",
        "NPS: what users say",
        "NPS comments",
        "Open demands",
        "How have the last months been for you?",
        "Opportunities: topics to discuss",
        "Action plan: follow-up",
        "Next steps: new actions",
        "Thank you!",
    ],
}
EMPTY_TITLES = {  # sections without data collapse to a line of the agenda
    "pt-BR": [
        "Transportes Boa Viagem Ltda.",
        "O que vamos ver hoje",
        "O período em números",
        "Como foram os últimos meses para vocês?",
        "Plano de ação: acompanhamento",
        "Próximos passos: novas ações",
        "Obrigado!",
    ],
    "en": [
        "Transportes Boa Viagem Ltda.",
        "What we will cover today",
        "The period in numbers",
        "How have the last months been for you?",
        "Action plan: follow-up",
        "Next steps: new actions",
        "Thank you!",
    ],
}
CONTINUED = {"pt-BR": " (continuação)", "en": " (continued)"}
MISSING_SENTENCES = {  # each says why: the export lacks a file, or the period had nothing
    "pt-BR": [
        "Nada a apresentar neste período",
        "Lançamentos: nenhum lançamento no período",
        "NPS: sem exportação de pesquisas",
        "Demandas em andamento: sem exportação de chamados",
        "Nenhuma ação registrada na última reunião",
    ],
    "en": [
        "Nothing to present this period",
        "Releases: no releases in the period",
        "NPS: no surveys export",
        "Open demands: no tickets export",
        "No actions recorded at the last meeting",
    ],
}
NPS_LABELS = {
    "pt-BR": ["Promotores", "Neutros", "Detratores"],
    "en": ["Promoters", "Passives", "Detractors"],
}


@dataclass
class Rendered:
    report: ReviewReport
    path: Path
    deck: PresentationType
    slide_count: int
    warnings: list[str]


def _report(case: str) -> ReviewReport:
    if case == "full":
        return make_review_report()
    return make_empty_review_report(with_streams=case == "empty")


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Rendered]:
    out = tmp_path_factory.mktemp("review-decks")
    result = {}
    reports = {case: _report(case) for case in CASES}  # computed once, rendered in each language
    for language in LANGUAGES:
        for case in CASES:
            report = reports[case]
            path = out / f"{case}.{language}.pptx"
            rendered = render_pptx(
                TEMPLATES / "review.pptx",
                review_context(report, make_labels(language)),
                path,
                language=language,
            )
            result[case, language] = Rendered(
                report, path, Presentation(str(path)), rendered.slide_count,
                list(rendered.warnings),
            )
    return result


def _title(slide: Any) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def _tables(deck: PresentationType, first_header: str) -> list[Any]:
    return [
        shape.table
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table and shape.table.cell(0, 0).text_frame.text == first_header
    ]


def _charts(slide: Any) -> list[Any]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _folded_titles(deck: PresentationType, language: str) -> list[str]:
    titles: list[str] = []
    for slide in deck.slides:
        title = _title(slide).removesuffix(CONTINUED[language])
        if not titles or titles[-1] != title:
            titles.append(title)
    return titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_full_deck_has_every_section_in_playbook_order(decks: dict, language: str) -> None:
    deck = decks["full", language].deck
    assert _folded_titles(deck, language) == FULL_TITLES[language]
    assert decks["full", language].slide_count == len(deck.slides)


@pytest.mark.parametrize("case", ["empty", "no_streams"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_data_deck_says_so(decks: dict, language: str, case: str) -> None:
    rendered = decks[case, language]
    assert _folded_titles(rendered.deck, language) == EMPTY_TITLES[language]
    text = "\n".join(t for slide in rendered.deck.slides for t in slide_texts(slide))
    for sentence in MISSING_SENTENCES[language]:
        assert sentence in text
    # No chart is left on a slide without data, and no table shows a bare header.
    assert not [s for s in rendered.deck.slides if _charts(s)]
    bound_headers = {"SS", "Chamado", "Ticket", "Data", "Date", "Frente", "Stream", "Ação",
                     "Action"}
    bare = [
        shape.table.cell(0, 0).text_frame.text
        for slide in rendered.deck.slides
        for shape in slide.shapes
        if shape.has_table and len(shape.table.rows) == 1
    ]
    assert not set(bare) & bound_headers


@pytest.mark.parametrize("case", ["empty", "no_streams"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_figures_show_a_dash_not_zero(decks: dict, language: str, case: str) -> None:
    summary = decks[case, language].deck.slides[2]
    cards = {
        s.name: s.text_frame.text
        for s in summary.shapes
        if s.name.startswith("KPI ") and s.has_text_frame and s.text_frame.text.strip()
    }
    assert cards, "the summary slide lost its KPI cards"
    for name, text in cards.items():
        figure = text.split("\n")[1]
        assert figure == "—", f"{name}: {text!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_values_are_the_report_numbers(decks: dict, language: str) -> None:
    rendered = decks["full", language]
    report = rendered.report
    charts = [c for slide in rendered.deck.slides for c in _charts(slide)]

    def data(chart: Any) -> tuple[list[str], list[float]]:
        plot = chart.plots[0]
        return list(plot.categories), list(plot.series[0].values)

    found = [data(c) for c in charts]
    labels = make_labels(language)

    def words(counts: list[Count], kind: str | None) -> list[str]:
        return [labels.term(kind, c.key) if kind else str(c.key) for c in counts]

    expected = [
        (words(report.support.by_category, "category"),
         [float(c.count) for c in report.support.by_category]),
        (words(report.csat.distribution, None),  # an empty bar has no "0" label
         [float(c.count) or None for c in report.csat.distribution]),
        (words(report.implementation.by_category, "category"),
         [float(c.count) for c in report.implementation.by_category]),
        (words(report.implementation.by_urgency, "priority"),
         [float(c.count) or None for c in report.implementation.by_urgency]),
        (words(report.technology.by_category, "category"),
         [float(c.count) for c in report.technology.by_category]),
        (NPS_LABELS[language],
         [float(report.nps.promoters), float(report.nps.passives), float(report.nps.detractors)]),
    ]
    assert found == expected
    if language == "en":  # the uncategorized bar is named in the deck's language
        assert "Uncategorized" in found[0][0] and "Sem categoria" not in found[0][0]


def test_one_report_renders_in_both_languages_with_the_same_numbers(decks: dict) -> None:
    """The model holds no words: the same computed report gives both decks."""
    pt, en = decks["full", "pt-BR"], decks["full", "en"]
    assert pt.report is en.report
    pt_charts = [c for slide in pt.deck.slides for c in _charts(slide)]
    en_charts = [c for slide in en.deck.slides for c in _charts(slide)]
    assert [list(c.plots[0].series[0].values) for c in pt_charts] == [
        list(c.plots[0].series[0].values) for c in en_charts]
    assert [list(c.plots[0].categories) for c in pt_charts][0][-1] == "Sem categoria"
    assert [list(c.plots[0].categories) for c in en_charts][0][-1] == "Uncategorized"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_table_row_is_lost_across_continuation_slides(decks: dict, language: str) -> None:
    rendered = decks["full", language]
    report = rendered.report
    en = language == "en"
    demands = _tables(rendered.deck, "Stream" if en else "Frente")
    assert len(demands) >= 2, "32 demands should need more than one slide"
    ids = [t.cell(r, 1).text_frame.text for t in demands for r in range(1, len(t.rows))]
    assert ids == [t.id for t in report.open_demands]

    comments = _tables(rendered.deck, "Date" if en else "Data")
    comments = [t for t in comments if t.cell(0, 3).text_frame.text in ("Comment", "Comentário")]
    texts = [t.cell(r, 3).text_frame.text for t in comments for r in range(1, len(t.rows))]
    shown = report.nps.shown  # detractors, passives, promoters; long ones cut, repeats once
    assert len(texts) == len(shown) and sum(c.repeats for c in shown) == len(report.nps.comments)
    assert all(text.startswith(c.text) for text, c in zip(texts, shown, strict=True))
    pointer = "full text in the indicators workbook" if en else "texto completo na planilha"
    assert [pointer in text for text in texts] == [c.cut for c in shown]
    assert any(c.cut for c in shown)

    prioritized = _tables(rendered.deck, "Ticket" if en else "Chamado")
    rows = [t.cell(r, 0).text_frame.text for t in prioritized for r in range(1, len(t.rows))]
    assert rows == [t.id for t in report.support.prioritized]

    # Every continuation slide says so in its title; the first page does not.
    for title in ("Open demands" if en else "Demandas em andamento",
                  "NPS comments" if en else "Comentários do NPS"):
        pages = [_title(s) for s in rendered.deck.slides if _title(s).startswith(title)]
        assert pages[0] == title
        assert pages[1:] and all(p == title + CONTINUED[language] for p in pages[1:])


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_template_syntax_is_left(decks: dict, language: str, case: str) -> None:
    deck = decks[case, language].deck
    for number, slide in enumerate(deck.slides, 1):
        for text in slide_texts(slide):
            text = text.replace("{{ 7*7 }}", "")  # a client's comment, shown literally
            assert not re.search(r"\{\{|\{%|%\}|\}\}|\[\[|deckgen:", text), (number, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tricky_comments_show_literally(decks: dict, language: str) -> None:
    deck = decks["full", language].deck
    text = "\n".join(t for slide in deck.slides for t in slide_texts(slide))
    assert "Testei colocar {{ 7*7 }} no campo" in text
    assert "Relatório de custos < esperado & difícil" in text
    assert "👏🚀" in text and "❤️" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_notes_carry_talking_points_from_the_data(decks: dict, language: str) -> None:
    rendered = decks["full", language]
    notes = [s.notes_slide.notes_text_frame.text for s in rendered.deck.slides]
    assert all(n.strip() for n in notes), "every slide has talking points"
    summary = notes[2]
    oldest = rendered.report.open_demands[0]
    assert oldest.id in summary and oldest.subject in summary
    fell = "CSAT caiu 3,5 p.p." if language == "pt-BR" else "CSAT fell 3.5 pp"
    assert fell in summary
    sla_notes = next(n for s, n in zip(rendered.deck.slides, notes, strict=True)
                     if _title(s).endswith(("SLAs: Suporte", "SLAs: Support")))
    assert "Erro (Urgente)" in sla_notes or "Erro (Urgent)" in sla_notes


@pytest.mark.pdf
def test_pdf_has_one_page_per_slide(decks: dict, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler's pdfinfo is not installed")
    # One LibreOffice start for a representative set (a cold start dominates the cost).
    rendered = [decks["full", "pt-BR"], decks["full", "en"], decks["no_streams", "pt-BR"]]
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), *(str(r.path) for r in rendered)],
        check=True, capture_output=True, timeout=240,
    )
    for r in rendered:
        info = subprocess.run(
            ["pdfinfo", str(tmp_path / (r.path.stem + ".pdf"))],
            check=True, capture_output=True, text=True,
        ).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages == len(r.deck.slides), r.path.name


@pytest.mark.parametrize("language", LANGUAGES)
def test_continuation_pages_point_back_to_the_first(decks: dict, language: str) -> None:
    deck = decks["full", language].deck
    continued = [s for s in deck.slides if _title(s).endswith(CONTINUED[language])]
    assert continued
    for slide in continued:
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.count("\n") == 0 and re.search(r"\b[23] (de|of) [23]\b", notes), notes
