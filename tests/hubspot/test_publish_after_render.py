"""``--publish`` on the rendering commands: render a sample client, then attach it in HubSpot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_hubspot import FakeHubSpot

from deckgen.cli import main
from deckgen.hubspot.files import stored_name

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "gcertifica"
CLIENT_ID = "21457893011"  # Construtora Horizonte Azul S.A. in the sample companies export
PERIOD = "2026-08-18..2026-11-15"


@pytest.fixture
def workspace(tmp_path: Path, fake: FakeHubSpot) -> Path:
    folder = tmp_path / "gcertifica"
    shutil.copytree(SAMPLE, folder)
    fake.companies[CLIENT_ID] = {"name": "Construtora Horizonte Azul S.A."}
    return folder


def test_build_publish_uploads_deck_and_workbook_and_logs_a_note(
    fake: FakeHubSpot, workspace: Path, tmp_path: Path
) -> None:
    args = ["build", "Horizonte", "--data", str(workspace), "--period", PERIOD,
            "--out", str(tmp_path / "out"), "--publish"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    stored = sorted(fake.files.values(), key=lambda f: f["filename"])
    assert [f["filename"] for f in stored] == [
        stored_name("2026-11-15-revisao.pptx", stored[0]["content"]),
        stored_name("indicadores.xlsx", stored[1]["content"])]
    (note,) = fake.notes.values()
    assert note["associations"][0]["to"]["id"] == CLIENT_ID
    assert set(note["properties"]["hs_attachment_ids"].split(";")) == set(fake.files)

    again = CliRunner().invoke(main, args)  # same deck, same bytes: nothing new in HubSpot
    assert again.exit_code == 0, again.output
    assert len(fake.files) == 2 and len(fake.notes) == 1


def test_minutes_publish_uses_the_html_minutes_as_note_body(
    fake: FakeHubSpot, workspace: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(main, [
        "minutes", CLIENT_ID, "--data", str(workspace), "--period", PERIOD,
        "--out", str(tmp_path / "out"), "--publish"])
    assert result.exit_code == 0, result.output
    (note,) = fake.notes.values()
    body = note["properties"]["hs_note_body"]
    assert "Construtora Horizonte Azul" in body and "<script" not in body
    (stored,) = fake.files.values()
    assert stored["filename"] == stored_name("2026-11-15-ata-revisao.docx", stored["content"])


def test_publish_dry_run_sends_nothing(fake: FakeHubSpot, workspace: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [
        "handoff", CLIENT_ID, "--data", str(workspace), "--out", str(tmp_path / "out"),
        "--publish", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "POST" in result.output and "/crm/v3/objects/notes" in result.output
    assert not fake.files and not fake.notes
