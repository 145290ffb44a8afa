"""The client kickoff deck: the slides a client keeps, in both languages, nothing internal."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from deckgen.pipelines.client_kickoff import timeline, write_client_kickoff
from deckgen.playbook import load_playbook
from deckgen.sources.workspace import Workspace
from documents.samples import TODAY

# The slide titles of each sample client's deck, in order (Frigorífico is in implementation,
# Horizonte is an active client; both have objectives on record).
SLIDES = {
    ("sismetro", "pt-BR"): [
        "Frigorífico Campo Bom S.A.", "Objetivos e escopo", "Cronograma da implantação",
        "Nosso time", "Seu time", "Canais de atendimento", "Nossos prazos de atendimento (SLA)",
        "O que precisamos de você", "Plano de onboarding", "Próximos passos", "Obrigado!"],
    ("sismetro", "en"): [
        "Frigorífico Campo Bom S.A.", "Goals and scope", "Implementation timeline", "Our team",
        "Your team", "Support channels", "Our response times (SLA)", "What we need from you",
        "Onboarding plan", "Next steps", "Thank you!"],
    ("gcertifica", "pt-BR"): [
        "Construtora Horizonte Azul S.A.", "Objetivos e escopo", "Cronograma da implantação",
        "Nosso time", "Seu time", "Canais de atendimento", "Nossos prazos de atendimento (SLA)",
        "O que precisamos de você", "Próximos passos", "Obrigado!"],
    ("gcertifica", "en"): [
        "Construtora Horizonte Azul S.A.", "Goals and scope", "Implementation timeline",
        "Our team", "Your team", "Support channels", "Our response times (SLA)",
        "What we need from you", "Next steps", "Thank you!"],
}
CLIENT = {"sismetro": "Frigorífico", "gcertifica": "Horizonte"}
INTERNAL = ("Participação do CS", "CS participation", "Recomendada", "Opcional", "bastão",
            "ISM", "HubSpot", "KickOff", "Potencial", "Previsão de aumento")


def titles(path: Path) -> list[str]:
    """Each slide's title (cover: the client's name; closing: the thanks)."""
    found = []
    for slide in Presentation(str(path)).slides:
        names = {shape.name: shape for shape in slide.shapes}
        shape = names.get("Title") or names.get("Client") or names["Thanks"]
        found.append(shape.text_frame.text)
    return found


def all_text(path: Path) -> str:
    parts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
    return "\n".join(parts)


def table_rows(path: Path, name: str) -> list[list[str]]:
    rows = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_table and shape.name == name:
                rows += [[c.text for c in row.cells] for row in list(shape.table.rows)[1:]]
    return rows


@pytest.mark.parametrize(("name", "language"), sorted(SLIDES))
def test_slide_list_of_a_sample_client(
    workspaces: dict[str, Workspace], tmp_path: Path, name: str, language: str
) -> None:
    path, result = write_client_kickoff(workspaces[name], CLIENT[name], tmp_path, today=TODAY,
                                        language=language)
    assert result.warnings == []
    assert titles(path) == SLIDES[name, language]
    assert 8 <= len(SLIDES[name, language]) <= 12
    text = all_text(path)
    assert "{{" not in text and "{%" not in text
    assert not [word for word in INTERNAL if re.search(rf"\b{word}\b", text)]


def test_every_content_slide_is_numbered_and_has_no_shadow(
    gcertifica: Workspace, tmp_path: Path
) -> None:
    path, _ = write_client_kickoff(gcertifica, "Horizonte", tmp_path, today=TODAY)
    deck = Presentation(str(path))
    numbered = [any(shape.name == "Slide number" for shape in slide.shapes)
                for slide in deck.slides]
    assert numbered == [False] + [True] * (len(numbered) - 2) + [False]
    theme = next(p for p in deck.part.package.iter_parts() if p.partname.endswith("theme1.xml"))
    assert b"outerShdw" not in theme.blob


def test_sismetro_onboarding_plan_and_channels(sismetro: Workspace, tmp_path: Path) -> None:
    path, _ = write_client_kickoff(sismetro, "Frigorífico", tmp_path, today=TODAY)
    items = [cells[1] for cells in table_rows(path, "table: onboarding")]
    assert items == ["Empresa", "Filial", "Categorias", "Tipos de Tecnologia",
                     "Parâmetros de SS: Tipo de SS, Tipo de Atendimento, Tipo de Evolução, "
                     "Categorias", "Biblioteca de Respostas", "Solicitante", "Localização",
                     "Patrimônios"]
    assert [cells[0] for cells in table_rows(path, "table: channels")] == [
        "Central de SS", "Telefone", "E-mail"]
    sla = table_rows(path, "table: sla")
    assert sla[0] == ["Erro", "até 4 h", "até 48 h"]  # [sla.targets] of the csm stream
    assert len(sla) == 4  # support stream only, not implementation or development


def test_teams_name_people_from_the_record(sismetro: Workspace, tmp_path: Path) -> None:
    path, _ = write_client_kickoff(sismetro, "Frigorífico", tmp_path, today=TODAY)
    row = sismetro.companies[sismetro.companies["name"].str.startswith("Frigor")].iloc[0]
    vendor = table_rows(path, "table: vendor_team")
    assert [cells[:2] for cells in vendor] == [
        ["Analista de implantação", row["owner_implementation"]],
        ["Customer Success", "a definir" if pd.isna(row["owner_cs"]) else row["owner_cs"]],
        ["Suporte", "Central de suporte"], ["Comercial", row["owner_sales"]]]
    client = table_rows(path, "table: client_team")
    assert client[0][1] == row["focal_operational"]


def test_timeline_never_shows_a_past_date_as_upcoming(sismetro: Workspace) -> None:
    playbook = load_playbook(sismetro.config)
    record = {"documentation_meeting_on": date(2026, 10, 14), "training_on": None,
              "go_live": date(2027, 1, 20)}
    rows = timeline(record, playbook, date(2026, 11, 20))  # a Friday
    assert [(r.state, r.day, r.week) for r in rows] == [
        ("today", date(2026, 11, 20), 1),
        ("done", date(2026, 10, 14), None),
        ("planned", date(2026, 12, 21), 6),  # the Monday of week 6 from the kickoff's week
        ("scheduled", date(2027, 1, 20), None),
    ]


def test_timeline_slide_in_the_deck(sismetro: Workspace, tmp_path: Path) -> None:
    path, _ = write_client_kickoff(sismetro, "Frigorífico", tmp_path, today=TODAY)
    assert table_rows(path, "table: timeline") == [
        ["Kickoff", "20 de novembro de 2026", "Hoje"],
        ["Validação da documentação", "14 de outubro de 2026", "Realizado"],
        ["Treinamento da plataforma", "Semana 6 (a partir de 21 de dezembro de 2026)", "Previsto"],
        ["Go-Live", "Semana 8 (a partir de 4 de janeiro de 2027)", "Previsto"],
    ]


def test_english_sla_table_names_ticket_types_in_english(
    sismetro: Workspace, tmp_path: Path
) -> None:
    """The SLA targets are configured with the data's ticket types ("Erro"); the English deck
    shows the workspace's English words for them ([values.category]), as the review deck does."""
    path, _ = write_client_kickoff(sismetro, "Frigorífico", tmp_path, today=TODAY, language="en")
    assert [cells[0] for cells in table_rows(path, "table: sla")] == [
        "Error", "Question", "Data entry", "Customization"]
