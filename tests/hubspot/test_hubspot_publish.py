"""``deckgen publish`` through the CLI against the fake HubSpot: files, note, meeting, re-runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fake_hubspot import TOKEN, FakeHubSpot

from deckgen.cli import main
from deckgen.hubspot.files import stored_name

MINUTES = ("<html><head><title>Ata</title></head>"
           "<body><h1>Ata</h1><p>Próximos passos</p></body></html>")
FOLDER = "/deckgen/padaria-pao-quente"
LINK = "https://app.hubspot.com/contacts/4242/record/0-2/101"


def run(data_dir: Path, *args: str | Path) -> Result:
    return CliRunner().invoke(main, ["publish", *map(str, args), "--data", str(data_dir)])


def minutes_file(tmp_path: Path) -> Path:
    path = tmp_path / "ata.html"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def test_publish_uploads_files_and_logs_a_note(fake: FakeHubSpot, data_dir: Path,
                                               deliverables: list[Path], tmp_path: Path) -> None:
    result = run(data_dir, "Padaria", *deliverables, "--minutes", minutes_file(tmp_path))
    assert result.exit_code == 0, result.output
    stored = sorted(fake.files.values(), key=lambda f: f["filename"])
    deck_name = stored_name("2026-05-10-revisao.pptx", deliverables[0].read_bytes())
    workbook_name = stored_name("indicadores.xlsx", deliverables[1].read_bytes())
    assert [(f["folder"], f["filename"], f["public"]["access"]) for f in stored] == [
        (FOLDER, deck_name, "PRIVATE"),
        (FOLDER, workbook_name, "PRIVATE"),
    ]
    assert stored[0]["content"] == deliverables[0].read_bytes()
    (note,) = fake.notes.values()
    deck_id, workbook_id = (f["public"]["id"] for f in stored)
    assert note["properties"]["hs_attachment_ids"] == f"{deck_id};{workbook_id}"
    body = note["properties"]["hs_note_body"]
    assert re.fullmatch(r"<h1>Ata</h1><p>Próximos passos</p>"
                        r"<p><small>deckgen-ref-[0-9a-f]{16}</small></p>", body)
    assert note["associations"][0]["to"]["id"] == "101"
    assert result.output.splitlines() == [
        f"uploaded 2026-05-10-revisao.pptx to {FOLDER} as {deck_name} (file {deck_id})",
        f"uploaded indicadores.xlsx to {FOLDER} as {workbook_name} (file {workbook_id})",
        f"created note {note['id']} on company 101",
        f"  {LINK}",
    ]


def test_publish_as_meeting(fake: FakeHubSpot, data_dir: Path, deliverables: list[Path],
                            tmp_path: Path) -> None:
    result = run(data_dir, "101", deliverables[0], "--minutes", minutes_file(tmp_path),
                 "--as", "meeting", "--meeting-date", "2026-05-10 14:00")
    assert result.exit_code == 0, result.output
    (meeting,) = fake.meetings.values()
    properties = meeting["properties"]
    assert properties["hs_meeting_title"] == "Padaria Pão Quente 10/05/2026"
    assert properties["hs_meeting_start_time"] == "2026-05-10T17:00:00.000Z"  # 14:00 in São Paulo
    assert properties["hs_meeting_end_time"] == "2026-05-10T18:00:00.000Z"
    assert properties["hs_meeting_outcome"] == "COMPLETED"
    assert meeting["associations"][0]["types"][0]["associationTypeId"] == 188
    assert not fake.notes


def test_dry_run_prints_requests_and_sends_nothing(fake: FakeHubSpot, data_dir: Path,
                                                   deliverables: list[Path],
                                                   tmp_path: Path) -> None:
    result = run(data_dir, "Padaria", *deliverables, "--minutes", minutes_file(tmp_path),
                 "--dry-run")
    assert result.exit_code == 0, result.output
    assert fake.log == []
    lines = result.output.splitlines()
    assert lines[0] == f"POST {fake.url}/files/v3/files"
    assert lines[1] == "  Authorization: Bearer ***"
    deck_name = stored_name("2026-05-10-revisao.pptx", deliverables[0].read_bytes())
    assert lines[2].startswith(f"  multipart: file={deck_name} (15 bytes, "
                               "application/vnd.openxmlformats-officedocument.presentationml")
    assert f"folderPath={FOLDER}" in lines[2]
    assert '"access": "PRIVATE"' in lines[2]
    assert lines[6] == f"POST {fake.url}/crm/v3/objects/notes"
    body = json.loads(lines[8])
    assert body["properties"]["hs_attachment_ids"] == (
        "<id of 2026-05-10-revisao.pptx>;<id of indicadores.xlsx>")
    assert body["associations"][0]["types"] == [
        {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 190}]
    assert TOKEN not in result.output
    assert not (data_dir / ".deckgen").exists()


def test_dry_run_needs_no_token(fake: FakeHubSpot, data_dir: Path, deliverables: list[Path],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUBSPOT_TOKEN")
    result = run(data_dir, "Padaria", deliverables[0], "--dry-run")
    assert result.exit_code == 0, result.output
    assert "POST" in result.output


def test_second_run_creates_nothing_new(fake: FakeHubSpot, data_dir: Path,
                                        deliverables: list[Path], tmp_path: Path) -> None:
    minutes = minutes_file(tmp_path)
    assert run(data_dir, "Padaria", *deliverables, "--minutes", minutes).exit_code == 0
    again = run(data_dir, "Padaria", *deliverables, "--minutes", minutes)
    assert again.exit_code == 0, again.output
    assert len(fake.files) == 2
    assert len(fake.notes) == 1
    assert len(fake.requests("POST", "/files/")) == 2
    (note_id,) = fake.notes
    assert f"note {note_id} already on company 101" in again.output
    assert "already in HubSpot" in again.output
    ledger = json.loads((data_dir / ".deckgen" / "hubspot-ledger.json").read_text())
    assert len(ledger["files"]) == 2 and len(ledger["engagements"]) == 1


def test_changed_minutes_make_a_new_note_but_reuse_files(fake: FakeHubSpot, data_dir: Path,
                                                         deliverables: list[Path],
                                                         tmp_path: Path) -> None:
    minutes = minutes_file(tmp_path)
    assert run(data_dir, "Padaria", *deliverables, "--minutes", minutes).exit_code == 0
    minutes.write_text("<p>Ata corrigida</p>", encoding="utf-8")
    assert run(data_dir, "Padaria", *deliverables, "--minutes", minutes).exit_code == 0
    assert len(fake.files) == 2
    assert len(fake.notes) == 2


def test_interrupted_publish_completes_without_duplicates(fake: FakeHubSpot, data_dir: Path,
                                                          deliverables: list[Path]) -> None:
    fake.fail("403", path="/crm/v3/objects/notes")
    first = run(data_dir, "Padaria", *deliverables)
    assert first.exit_code == 1
    assert "uploaded indicadores.xlsx" in first.output
    assert first.output.splitlines()[-1] == (
        "Error: HubSpot refused POST /crm/v3/objects/notes (HTTP 403): the private app is "
        "probably missing the scope 'crm.objects.contacts.write', which deckgen publish needs; "
        "add it to the app and paste the new token")
    assert len(fake.files) == 2 and not fake.notes
    second = run(data_dir, "Padaria", *deliverables)
    assert second.exit_code == 0, second.output
    assert len(fake.requests("POST", "/files/")) == 2
    (note,) = fake.notes.values()
    assert len(note["properties"]["hs_attachment_ids"].split(";")) == 2


def test_lost_ledger_still_stores_each_file_once(fake: FakeHubSpot, data_dir: Path,
                                                 deliverables: list[Path]) -> None:
    assert run(data_dir, "Padaria", *deliverables).exit_code == 0
    (data_dir / ".deckgen" / "hubspot-ledger.json").unlink()
    assert run(data_dir, "Padaria", *deliverables).exit_code == 0
    assert len(fake.files) == 2  # HubSpot's RETURN_EXISTING answered with the stored files


def test_rejected_token(fake: FakeHubSpot, data_dir: Path, deliverables: list[Path],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_TOKEN", "pat-na1-revoked-secret")
    result = run(data_dir, "Padaria", *deliverables)
    assert result.exit_code == 1
    assert result.output == (
        "Error: HubSpot rejected the token in $HUBSPOT_TOKEN (HTTP 401 on POST /files/v3/files): "
        "it is invalid, expired or revoked; create a new private-app token (docs/hubspot.md)\n")


def test_missing_token(fake: FakeHubSpot, data_dir: Path, deliverables: list[Path],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUBSPOT_TOKEN")
    result = run(data_dir, "Padaria", *deliverables)
    assert result.exit_code == 1
    assert result.output == (
        "Error: no HubSpot token: set the environment variable HUBSPOT_TOKEN to a private-app "
        "access token (see docs/hubspot.md)\n")
    assert fake.log == []


def test_unknown_client(fake: FakeHubSpot, data_dir: Path, deliverables: list[Path]) -> None:
    result = run(data_dir, "Padoca", *deliverables)
    assert result.exit_code == 1
    assert result.output.startswith("Error: no client matches 'Padoca'")


def test_rate_limited_note_is_retried(fake: FakeHubSpot, data_dir: Path,
                                      deliverables: list[Path]) -> None:
    fake.fail("429", path="/crm/v3/objects/notes", retry_after="0")
    result = run(data_dir, "Padaria", *deliverables)
    assert result.exit_code == 0, result.output
    assert len(fake.requests("POST", "/crm/v3/objects/notes")) == 2
    assert len(fake.notes) == 1


def test_publish_gives_up_on_a_failing_server_and_keeps_what_it_stored(
        fake: FakeHubSpot, tmp_path: Path, deliverables: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from deckgen.config import HubSpotSettings
    from deckgen.errors import PublishError
    from deckgen.hubspot.client import RetryPolicy
    from deckgen.hubspot.ledger import Ledger
    from deckgen.hubspot.publish import publish_files

    slept: list[float] = []
    policy = RetryPolicy(max_attempts=3, sleep=slept.append, jitter=lambda: 1.0)
    fake.fail("500", path="/crm/v3/objects/notes", times=10)
    ledger = tmp_path / "ledger.json"
    with pytest.raises(PublishError) as caught:
        publish_files(HubSpotSettings(), "101", "padaria", deliverables, ledger_path=ledger,
                      retry=policy, echo=lambda line: None)
    assert str(caught.value).startswith(
        "HubSpot did not complete POST /crm/v3/objects/notes after 3 attempts")
    assert slept == [1.0, 2.0]
    assert len(Ledger.load(ledger).files) == 2
