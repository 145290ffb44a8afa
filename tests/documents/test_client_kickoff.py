"""The client kickoff deck: who is who, meetings with dates, onboarding plan when configured."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from deckgen.pipelines.client_kickoff import write_client_kickoff
from deckgen.sources.workspace import Workspace
from documents.samples import TODAY

SLIDE_TITLES = ("Quem é quem", "Próximos passos", "Reuniões de implantação")


def slides_text(path: Path) -> list[str]:
    texts = []
    for slide in Presentation(str(path)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
        texts.append("\n".join(parts))
    return texts


def table_rows(path: Path, name: str) -> list[list[str]]:
    rows = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_table and shape.name == name:
                rows += [[c.text for c in row.cells] for row in list(shape.table.rows)[1:]]
    return rows


@pytest.mark.parametrize("name", ["gcertifica", "sismetro"])
def test_sample_clients(workspaces: dict[str, Workspace], tmp_path: Path, name: str) -> None:
    workspace = workspaces[name]
    for _, row in workspace.companies.head(4).iterrows():
        path, result = write_client_kickoff(workspace, str(row["company_id"]), tmp_path,
                                            today=TODAY)
        assert path.name == "2026-11-20-kickoff-cliente.pptx"
        assert result.warnings == []
        text = "\n".join(slides_text(path))
        assert "{{" not in text and "{%" not in text
        assert str(row["name"]) in text
        for title in SLIDE_TITLES:
            assert title in text
        people = table_rows(path, "table: people")
        for cells, field in zip(people, ("owner_sales", "owner_implementation", "owner_cs"),
                                strict=True):
            assert cells[1] == ("a definir" if pd.isna(row[field]) else row[field])
        meetings = table_rows(path, "table: meetings")
        day = row["documentation_meeting_on"]
        assert meetings[0][0] == "Reunião de validação da documentação com o cliente"
        assert meetings[0][1] == ("a agendar" if pd.isna(day)
                                  else f"{day.day} de {MONTHS[day.month - 1]} de {day.year}")
        assert [cells[2] for cells in meetings] == ["Recomendada", "Recomendada", "Opcional"]
        onboarding = table_rows(path, "table: onboarding")
        if name == "sismetro":
            items = [cells[1] for cells in onboarding]
            for item in ("Empresa", "Filial", "Categorias", "Tipos de Tecnologia",
                         "Biblioteca de Respostas", "Solicitante", "Localização", "Patrimônios"):
                assert item in items
            assert all(cells[2] == "☐" for cells in onboarding)
            assert "Plano de onboarding" in text
        else:
            assert onboarding == [] and "Plano de onboarding" not in text


MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
          "setembro", "outubro", "novembro", "dezembro")
