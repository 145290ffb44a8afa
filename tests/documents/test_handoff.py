"""The hand-over minutes: roles from the playbook, meeting recurrence and next dates, actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from deckgen.pipelines.handoff import next_meeting_dates, write_handoff
from deckgen.playbook import load_playbook
from deckgen.sources.workspace import Workspace
from documents.readback import TAGS, all_text, highlighted, row_with, tables
from documents.samples import TODAY


@pytest.mark.parametrize(
    ("start", "interval", "count", "dates"),
    [
        (date(2026, 11, 20), 30, 4,  # 20/12 and 18/04 are Sundays: moved to Monday
         [date(2026, 12, 21), date(2027, 1, 19), date(2027, 2, 18), date(2027, 3, 22)]),
        (date(2026, 11, 20), 7, 2, [date(2026, 11, 27), date(2026, 12, 4)]),
        (date(2026, 11, 20), None, 4, []),
        (date(2026, 11, 20), 0, 4, []),
    ],
)
def test_next_meeting_dates(start: date, interval: int | None, count: int,
                            dates: list[date]) -> None:
    assert next_meeting_dates(start, interval, count) == dates


@pytest.mark.parametrize("name", ["gcertifica", "sismetro"])
def test_every_client(workspaces: dict[str, Workspace], tmp_path: Path, name: str) -> None:
    workspace = workspaces[name]
    playbook = load_playbook(workspace.config)
    for _, row in workspace.companies.iterrows():
        path = write_handoff(workspace, str(row["company_id"]), tmp_path, today=TODAY)
        assert path.name == "2026-11-20-passagem-de-bastao.docx"
        text = all_text(path)
        assert not any(tag in text for tag in TAGS)
        for role in playbook.handoff.roles:
            cells = row_with(path, role.area)
            assert cells[1].split("\n") == role.responsibilities
        interval = row["meeting_interval_days"]
        if pd.isna(interval):
            assert "__________ (preencher na reunião)" in highlighted(path)
            assert "As datas serão definidas" in text
        else:
            assert f"a cada {interval} dias" in text
            dates = [cells[1] for cells in tables(path)[-2][1:]]
            assert len(dates) == 4
        actions = tables(path)[-1][1:]
        states = [row["phase"] == "Cliente ativo", row["handoff_registered"] is True]
        assert [cells[0] for cells in actions] == ["☑" if s else "☐" for s in states]
        if not pd.isna(row["phase"]):
            assert actions[0][1].endswith(f"— {row['phase']}")


def test_next_dates_are_written_in_full(gcertifica: Workspace, tmp_path: Path) -> None:
    path = write_handoff(gcertifica, "Tucano", tmp_path, today=TODAY)  # every 30 days
    assert [cells[1] for cells in tables(path)[-2][1:]] == [
        "21 de dezembro de 2026", "19 de janeiro de 2027", "18 de fevereiro de 2027",
        "22 de março de 2027",
    ]
    assert row_with(path, "CS")[0] == "CS"
    assert "CS responsável pela conta: Rafael Andrade" in all_text(path)


def test_english_minutes_give_the_clients_phase_in_english(
    sismetro: Workspace, tmp_path: Path
) -> None:
    """The phase comes from the data ("Implantação"); the English minutes show the workspace's
    English word for it ([values.phase]), as the English decks do."""
    path = write_handoff(sismetro, "Frigorífico", tmp_path, today=TODAY, language="en")
    assert row_with(path, "Client phase") == ["Client phase", "Implementation"]
