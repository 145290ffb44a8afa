"""The review deck tells the story: coloured changes, headline, health, sentences for thin data.

Rendered with the shipped template from hand-built reports and read back with python-pptx.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from deck_text import slide_texts
from factories import make_labels, make_review_report
from pptx import Presentation

from deckgen.config import SummarySettings
from deckgen.indicators.summary import summarize
from deckgen.model.review import Count, Metric, NpsReport, ReviewReport, SlaRow
from deckgen.render.context import review_context
from deckgen.render.pptx import render_pptx

TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "review.pptx"
GOOD, BAD = "2E7D32", "C62828"


def _render(report: ReviewReport, tmp_path: Path, language: str = "pt-BR") -> Any:
    out = tmp_path / f"deck.{language}.pptx"
    render_pptx(TEMPLATE, review_context(report, make_labels(language)), out, language=language)
    return Presentation(str(out))


def _shape(slide: Any, name: str) -> Any:
    return next(s for s in slide.shapes if s.name == name)


def _coloured(shape: Any) -> dict[str, str]:
    """Colour → text of the runs that hold text, in the change line of a summary card."""
    change = shape.text_frame.paragraphs[2]
    return {str(r.font.color.rgb): r.text for r in change.runs if r.text}


def test_summary_colours_each_change_by_whether_it_is_good(tmp_path: Path) -> None:
    deck = _render(make_review_report(), tmp_path)
    summary = deck.slides[2]
    # support SLA fell 1.5 p.p. (bad), support tickets rose 39 → 47 (bad: fewer is better)
    assert _coloured(_shape(summary, "KPI SLA")) == {BAD: "▼ −1,5 p.p. vs. período anterior"}
    assert _coloured(_shape(summary, "KPI created")) == {
        BAD: "▲ +8 vs. período anterior (39)"}
    headline = _shape(summary, "Headline").text_frame.text
    assert headline == ("CSAT caiu 3,5 p.p., NPS caiu 6 pontos e chamados de suporte subiram "
                        "de 39 para 47.")
    assert _shape(summary, "Health").text_frame.text == "Saúde da conta: ● boa"
    notes = summary.notes_slide.notes_text_frame.text
    assert "Saúde da conta: boa (95 de 100)" in notes
    assert "SLA do suporte 89,7%, abaixo de 90,0%." in notes


def test_an_improvement_is_green_and_a_target_is_said(tmp_path: Path) -> None:
    report = make_review_report()
    support = dataclasses.replace(report.support, sla_compliance=Metric(95.0, 90.0))
    better = make_review_report(streams=[support, *report.streams[1:]])
    deck = _render(better, tmp_path, "en")
    card = _shape(deck.slides[2], "KPI SLA")
    assert _coloured(card) == {GOOD: "▲ +5.0 pp vs. previous period"}
    assert card.text_frame.paragraphs[3].text == ""  # no target configured: nothing said

    targets = SummarySettings(targets={"sla": 90, "nps": 30})
    report = dataclasses.replace(report, summary=summarize(report, targets))
    summary = _render(report, tmp_path).slides[2]
    assert _shape(summary, "KPI SLA").text_frame.paragraphs[3].text == (
        "Meta 90,0% · não atingida")  # 89.7 %
    assert _shape(summary, "KPI NPS").text_frame.paragraphs[3].text == "Meta 30 · atingida"


def test_thin_data_becomes_a_sentence_not_a_chart(tmp_path: Path) -> None:
    report = make_review_report()
    support = dataclasses.replace(
        report.support, created=Metric(3, 1), by_category=[Count("Erro", 2), Count("Dúvida", 1)],
        sla=[SlaRow("category", "Erro", None, 4.0, 24.0, 0, 0, None)],
        sla_compliance=Metric(None),
    )
    nps = NpsReport(Metric(100), 2, 2, 0, 0, [])
    deck = _render(make_review_report(streams=[support, *report.streams[1:]], nps=nps), tmp_path)
    names = {s.name for slide in deck.slides for s in slide.shapes}
    assert "chart: support.category_chart | term" not in names
    assert not [n for n in names if n.startswith("chart: nps")]
    text = "\n".join(t for slide in deck.slides for t in slide_texts(slide))
    assert "3 chamados de Suporte no período: Erro (2), Dúvida (1)" in text
    assert "Por urgência: Urgente 3 · Alta 8 · Média 21 · Baixa 12" in text  # no chart lost
    assert "2 respostas de NPS no período: 2 promotores, 0 neutros, 0 detratores" in text
    # SLA rows without a closed ticket: one line with the real reason, no all-zero table
    assert "table: support.sla" not in names
    assert "Nenhum chamado de Suporte fechado no período" in text


@pytest.mark.parametrize("language", ["pt-BR", "en"])
def test_action_plan_has_one_coloured_word_per_action(tmp_path: Path, language: str) -> None:
    deck = _render(make_review_report(), tmp_path, language)
    table = next(s.table for slide in deck.slides for s in slide.shapes
                 if s.name == "table: actions")
    words = {}
    for row in list(table.rows)[1:]:
        runs = [r for r in row.cells[3].text_frame.paragraphs[0].runs if r.text]
        assert len(runs) == 1, row.cells[3].text_frame.text
        words[runs[0].text] = str(runs[0].font.color.rgb)
    done, late = ("Concluída", "Atrasada") if language == "pt-BR" else ("Done", "Overdue")
    assert (words[done], words[late]) == (GOOD, BAD)
    assert not [w for w in words if "·" in w]
