"""The internal kickoff minutes of every sample client, read back as a reader sees them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from deckgen.pipelines.kickoff import write_kickoff
from deckgen.playbook import load_playbook
from deckgen.sources.workspace import Workspace
from documents.readback import TAGS, all_text, highlighted, row_with, tables
from documents.samples import TODAY

BLANK = "__________ (preencher na reunião)"


def expected(row: pd.Series, field: str) -> str | None:
    """What the checklist must show for a column, computed straight from the export row."""
    value = row[field]
    if isinstance(value, tuple):
        return ", ".join(value) or None
    return None if pd.isna(value) else str(value)


@pytest.mark.parametrize("name", ["gcertifica", "sismetro"])
def test_every_client_checklist_is_filled_from_the_export(
    workspaces: dict[str, Workspace], tmp_path: Path, name: str
) -> None:
    workspace = workspaces[name]
    playbook = load_playbook(workspace.config)
    for _, row in workspace.companies.iterrows():
        path = write_kickoff(workspace, str(row["company_id"]), tmp_path, today=TODAY)
        assert path.name == "2026-11-20-kickoff-interno.docx"
        text = all_text(path)
        assert not any(tag in text for tag in TAGS), text
        assert str(row["name"]) in text
        missing = 0
        for number, section in enumerate(playbook.kickoff.checklist, start=1):
            assert f"{number}. {section.title}" in text
            for index, item in enumerate(section.items, start=1):
                cells = row_with(path, f"{number}.{index}")
                assert cells[1] == item.label
                value = expected(row, item.field)
                assert cells[2] == (value if value is not None else BLANK), (row["name"], item)
                missing += value is None
        assert len([t for t in highlighted(path) if t == BLANK]) >= missing


@pytest.mark.parametrize("name", ["gcertifica", "sismetro"])
def test_every_client_action_state_follows_the_record(
    workspaces: dict[str, Workspace], tmp_path: Path, name: str
) -> None:
    workspace = workspaces[name]
    for _, row in workspace.companies.iterrows():
        path = write_kickoff(workspace, str(row["company_id"]), tmp_path, today=TODAY)
        actions = tables(path)[-1][1:]
        states = [
            row["proposal_attached"] is True,
            not pd.isna(row["owner_cs"]),
            row["kickoff_registered"] is True,
        ]
        assert [cells[0] for cells in actions] == ["☑" if s else "☐" for s in states]
        assert [cells[2] for cells in actions] == ["Feita" if s else "Pendente" for s in states]
        if not pd.isna(row["owner_cs"]):
            assert actions[1][1].endswith(f"— {row['owner_cs']}")


def test_participants_name_sales_ism_and_cs(gcertifica: Workspace, tmp_path: Path) -> None:
    path = write_kickoff(gcertifica, "Rede Farmavida", tmp_path, today=TODAY)
    assert row_with(path, "Vendas") == ["Vendas", "Juliana Prado"]
    assert row_with(path, "Analista de negócios (ISM)")[1] == BLANK  # not in the export
    assert row_with(path, "Customer Success (CS)") == ["Customer Success (CS)", "Rafael Andrade"]


def test_english_minutes(gcertifica: Workspace, tmp_path: Path) -> None:
    path = write_kickoff(gcertifica, "Mineração Serra Dourada", tmp_path, today=TODAY,
                         language="en")
    assert path.name == "2026-11-20-internal-kickoff.docx"
    text = all_text(path)
    assert "Internal kickoff minutes" in text and "November 20, 2026" in text
    assert row_with(path, "4.3")[1:] == ["Proposal accepted by the client",
                                         "Sim — aguardando assinatura do aditivo"]
    assert "__________ (fill in at the meeting)" in highlighted(path)
    actions = tables(path)[-1][1:]
    assert [cells[2] for cells in actions] == ["Pending", "Done", "Done"]


def test_same_inputs_give_identical_bytes(gcertifica: Workspace, tmp_path: Path) -> None:
    first = write_kickoff(gcertifica, "Tucano", tmp_path / "a", today=TODAY).read_bytes()
    second = write_kickoff(gcertifica, "Tucano", tmp_path / "b", today=TODAY).read_bytes()
    assert first == second
