"""A lost answer, a crash before the ledger write, a re-rendered deck: no twin, no stale file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fake_hubspot import FakeHubSpot

from deckgen.cli import main
from deckgen.hubspot.files import stored_name
from deckgen.hubspot.ledger import Ledger

LEDGER = Path(".deckgen") / "hubspot-ledger.json"


def run(data_dir: Path, *args: str | Path) -> Result:
    return CliRunner().invoke(main, ["publish", *map(str, args), "--data", str(data_dir)])


@pytest.mark.parametrize(("kind", "path"), [("note", "/crm/v3/objects/notes"),
                                            ("meeting", "/crm/v3/objects/meetings")])
def test_a_lost_answer_to_a_create_does_not_duplicate_it(
        fake: FakeHubSpot, data_dir: Path, deliverables: list[Path], kind: str,
        path: str) -> None:
    fake.fail("drop_after", path=path)  # HubSpot creates it; the answer never arrives
    result = run(data_dir, "Padaria", *deliverables, "--as", kind)
    assert result.exit_code == 0, result.output
    store = fake.notes if kind == "note" else fake.meetings
    (created,) = store
    assert len(fake.requests("POST", path)) == 2  # the create, then the batch read that found it
    assert f"created {kind} {created} on company 101" in result.output
    ledger = json.loads((data_dir / LEDGER).read_text(encoding="utf-8"))
    assert [e["id"] for e in ledger["engagements"].values()] == [created]


def test_a_lost_answer_when_nothing_was_created_creates_it_once(
        fake: FakeHubSpot, data_dir: Path, deliverables: list[Path]) -> None:
    fake.fail("drop", path="/crm/v3/objects/notes")  # hung up before doing anything
    result = run(data_dir, "Padaria", *deliverables)
    assert result.exit_code == 0, result.output
    assert len(fake.notes) == 1


def test_a_crash_between_create_and_ledger_write_is_recovered(
        fake: FakeHubSpot, data_dir: Path, deliverables: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(Ledger, "record_engagement", crash)
        first = run(data_dir, "Padaria", *deliverables)
    assert first.exit_code != 0 and len(fake.notes) == 1
    second = run(data_dir, "Padaria", *deliverables)
    assert second.exit_code == 0, second.output
    (note_id,) = fake.notes
    assert (f"found note {note_id} on company 101, created by a run that stopped before "
            "recording it") in second.output
    assert len(fake.requests("POST", "/crm/v3/objects/notes")) == 2  # one create, one read
    ledger = Ledger.load(data_dir / LEDGER)
    assert [ledger.engagement_id(key) for key in ledger.engagements] == [note_id]


def test_a_re_rendered_deck_never_attaches_the_previous_upload(
        fake: FakeHubSpot, data_dir: Path, deliverables: list[Path]) -> None:
    fake.files_match_by_name = True  # the worst reading of RETURN_EXISTING: by name alone
    deck = deliverables[0]
    assert run(data_dir, "Padaria", deck).exit_code == 0
    deck.write_bytes(b"PK\x03\x04 re-rendered deck with other numbers")
    result = run(data_dir, "Padaria", deck)
    assert result.exit_code == 0, result.output
    latest = max(fake.notes.values(), key=lambda n: int(n["id"]))
    (attached,) = latest["properties"]["hs_attachment_ids"].split(";")
    assert fake.files[attached]["content"] == deck.read_bytes()
    assert fake.files[attached]["filename"] == stored_name(deck.name, deck.read_bytes())


def test_a_returned_file_of_another_size_is_refused(
        fake: FakeHubSpot, data_dir: Path, deliverables: list[Path]) -> None:
    fake.files_match_by_name = True
    deck = deliverables[0]
    name = stored_name(deck.name, deck.read_bytes())
    fake.files["77"] = {"folder": "/deckgen/padaria-pao-quente", "filename": name, "sha": "",
                        "content": b"older", "public": {"id": "77", "size": 5}}
    result = run(data_dir, "Padaria", deck)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: HubSpot answered the upload of {deck.name} (15 bytes) with file 77 of 5 bytes "
        "in /deckgen/padaria-pao-quente; not attached, it may be an older file (move it away "
        "in the file manager, then publish again)\n")
    assert not fake.notes


@pytest.mark.parametrize(("name", "stored"), [
    ("2026-05-10-revisao.pptx", "2026-05-10-revisao-{}.pptx"),
    ("ata", "ata-{}"),
    (".hidden", ".hidden-{}"),
])
def test_stored_names_carry_a_short_content_hash(name: str, stored: str) -> None:
    import hashlib

    assert stored_name(name, b"abc") == stored.format(hashlib.sha256(b"abc").hexdigest()[:8])


def test_a_lost_answer_to_an_upload_stores_the_file_once(
        fake: FakeHubSpot, data_dir: Path, deliverables: list[Path]) -> None:
    fake.fail("drop_after", path="/files/v3/files")
    result = run(data_dir, "Padaria", *deliverables)
    assert result.exit_code == 0, result.output
    assert len(fake.requests("POST", "/files/v3/files")) == 3
    assert len(fake.files) == 2  # the retry got the stored file back, by its hashed name
    (note,) = fake.notes.values()
    assert set(note["properties"]["hs_attachment_ids"].split(";")) == set(fake.files)
