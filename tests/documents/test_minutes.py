"""Review-meeting minutes (DOCX and HubSpot-note HTML) for the sample clients and the factories."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from factories import make_empty_review_report, make_labels, make_review_report

from deckgen.config import Config
from deckgen.pipelines.minutes import minutes_context, write_minutes
from deckgen.playbook import load_playbook
from deckgen.render.docx import render_docx
from deckgen.render.formatting import make_filters
from deckgen.render.html import ALLOWED_TAGS, NOTE_LIMIT, docx_to_html
from deckgen.sources.workspace import Workspace
from deckgen.templates import default_template
from documents.readback import TAGS, all_text, row_with
from documents.samples import TODAY, review_period


class _Reader(HTMLParser):
    """Collects tags and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_html(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


@pytest.mark.parametrize("name", ["gcertifica", "sismetro"])
def test_sample_clients(workspaces: dict[str, Workspace], tmp_path: Path, name: str) -> None:
    workspace = workspaces[name]
    playbook = load_playbook(workspace.config)
    start, end = review_period(name)
    active = workspace.companies[workspace.companies["phase"] == "Cliente ativo"]
    number = make_filters("pt-BR")["number"]
    percent = make_filters("pt-BR")["percent"]
    for client_id in active["company_id"].head(3):
        written = write_minutes(workspace, str(client_id), tmp_path, today=TODAY,
                                start=start, end=end)
        report = written.report
        assert written.docx.name == f"{end.isoformat()}-ata-revisao.docx"
        assert written.html == written.docx.with_suffix(".html")
        text = all_text(written.docx)
        data = [a.action for a in report.actions] + [c.text for c in report.nps.comments]
        template_text = text
        for value in data:  # data is shown literally, even when it looks like a tag
            assert value in text
            template_text = template_text.replace(value, "")
        assert not any(tag in template_text for tag in TAGS)
        html = written.html.read_text(encoding="utf-8")
        assert len(html) <= NOTE_LIMIT
        reader = read_html(html)
        assert reader.tags <= ALLOWED_TAGS and not reader.attrs
        html_text = " ".join(reader.text)
        labels = workspace.config.labels_in()
        for stream in report.streams:
            name = labels.term("stream", stream.key)
            cells = row_with(written.docx, name)
            assert cells[1] == number(stream.created.value)
            assert cells[3] == percent(stream.sla_compliance.value)
            assert name in html_text
        if report.nps.score.known:
            assert f"NPS: {number(report.nps.score.value)} ({report.nps.answers} respostas" in text
        for action in report.actions:
            assert row_with(written.docx, action.action)[1] == (action.owner or "—")
            assert action.action in html_text
        for prompt in playbook.review.feedback_prompts + playbook.review.opportunity_prompts:
            assert prompt in text and prompt in html_text
        for comment in report.nps.comments:
            assert f"“{comment.text}”" in text


def _render(report_language: str, tmp_path: Path, empty: bool = False) -> Path:
    config = Config.model_validate({
        "company": {"name": "SISMETRO"},
        "streams": [{"key": "s", "label": "Suporte", "role": "support", "match": ["x"]}],
    })
    report = make_empty_review_report() if empty else make_review_report()
    out = tmp_path / f"ata.{report_language}.docx"
    context = minutes_context(report, load_playbook(config, report_language),
                              make_labels(report_language))
    render_docx(default_template("ata-revisao", ".docx"),
                {**context, "labels": make_labels(report_language)}, out,
                language=report_language)
    return out


def test_factory_report(tmp_path: Path) -> None:
    path = _render("pt-BR", tmp_path)
    text = all_text(path)
    report = make_review_report()
    assert ("Ata da reunião de acompanhamento — Metalúrgica Horizonte S.A.\n"
            "SISMETRO · 5 de novembro de 2026") in text
    assert row_with(path, "Período analisado")[1] == "01/08/2026 a 31/10/2026"
    assert row_with(path, "Próxima reunião")[1] == "03/02/2027"  # 5/11/2026 + 90 days
    for release in report.releases:
        assert release.title in text
    assert "Potencial de expansão: Planta de Sete Lagoas" in text
    assert "Produtos da segunda onda: Monitoramento, BGC, Avaliação de fornecedores" in text


def test_empty_report_says_so(tmp_path: Path) -> None:
    path = _render("pt-BR", tmp_path, empty=True)
    text = all_text(path)
    assert "NPS: sem respostas no período" in text
    assert "CSAT: sem avaliações no período" in text
    assert "Nenhum lançamento no período." in text
    assert "Nenhum comentário de NPS no período." in text
    assert "Potencial de expansão: __________ (preencher na reunião)" in text
    html = docx_to_html(path)
    assert "<td></td>" not in html  # the blank action rows are left out of the note


def test_english(tmp_path: Path) -> None:
    text = all_text(_render("en", tmp_path))
    assert "Review meeting minutes" in text
    assert "How does the team rate its use of the platform over the last months?" in text
