"""Hostile HubSpot answers and addresses, against the fake server on 127.0.0.1.

The token goes to the configured origin only; endless paging stops; nothing is written
when a pull or publish fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fake_hubspot import TOKEN, FakeHubSpot
from hostile_runner import run, snapshot

COMPANY = "/crm/v3/objects/companies/101"


@pytest.fixture
def portal(workspace: Path) -> Path:
    """The workspace naming its portal's phase property, which ``set-phase`` writes."""
    config = workspace / "deckgen.toml"
    text = config.read_text(encoding="utf-8") + '\n[hubspot]\nphase_property = "fase_do_cliente"\n'
    config.write_text(text, encoding="utf-8")
    return workspace


def _exports(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("hubspot-crm-exports-*"))


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_server_is_refused_and_the_token_stays(
        portal: Path, fake: FakeHubSpot, other_server: FakeHubSpot, status: int) -> None:
    fake.fail("redirect", path=COMPANY, location=f"{other_server.url}{COMPANY}", status=status)
    line = run(["hubspot", "set-phase", "101", "Cliente ativo", "--data",
                str(portal)]).error_line()
    assert line == (f"Error: HubSpot answered GET {COMPANY} with a redirect (HTTP {status}) to "
                    f"another server, {other_server.url.replace('http://', 'http://')}; refused, "
                    "the token is sent to the configured address only")
    assert other_server.log == []
    assert fake.companies["101"]["fase_do_cliente"] == "Adoção"


def test_a_redirect_to_another_host_is_refused_before_connecting(
        portal: Path, fake: FakeHubSpot) -> None:
    fake.fail("redirect", path=COMPANY, location="https://collector.example/steal")
    line = run(["hubspot", "set-phase", "101", "X", "--data", str(portal)]).error_line()
    assert "to another server, https://collector.example:443; refused" in line


def test_an_upload_redirected_elsewhere_stores_nothing(
        workspace: Path, fake: FakeHubSpot, other_server: FakeHubSpot, tmp_path: Path) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK\x03\x04 deck")
    fake.fail("redirect", path="/files/v3/files", status=307,
              location=f"{other_server.url}/files/v3/files")
    before = snapshot(workspace)
    line = run(["publish", "101", str(deck), "--data", str(workspace)]).error_line()
    assert "POST /files/v3/files with a redirect (HTTP 307) to another server" in line
    assert other_server.authorizations == []
    assert fake.files == {} and fake.notes == {}
    assert snapshot(workspace) == before  # no ledger entry for a file that was never stored


def test_a_repeated_paging_cursor_stops_the_pull(workspace: Path, fake: FakeHubSpot) -> None:
    fake.repeat_cursor = "same"
    before = snapshot(workspace)
    line = run(["pull", "--data", str(workspace)]).error_line()
    assert line == ("Error: HubSpot repeated the paging cursor 'same' on GET /crm/v3/owners "
                    "after 2 pages; stopped (the list would never end)")
    assert len(fake.log) == 2
    assert snapshot(workspace) == before


def test_a_repeated_cursor_on_companies_stops_the_pull(workspace: Path,
                                                        fake: FakeHubSpot) -> None:
    fake.owners.clear()
    fake.companies.update({str(200 + i): {"name": f"C{i}"} for i in range(5)})
    fake.page_size = 2

    original = fake.list_objects

    def looping(kind: str, query: dict[str, str]) -> dict[str, object]:
        answer = original(kind, query)
        if answer.get("paging"):
            answer["paging"] = {"next": {"after": "2"}}
        return answer

    fake.list_objects = looping  # type: ignore[method-assign]
    line = run(["pull", "--data", str(workspace)]).error_line()
    assert "repeated the paging cursor '2' on GET /crm/v3/objects/companies after 2 pages" in line
    assert _exports(workspace) == []


def test_more_pages_than_the_bound_stop_the_pull(workspace: Path, fake: FakeHubSpot) -> None:
    fake.companies.update({str(200 + i): {"name": f"C{i}"} for i in range(10)})
    fake.page_size = 1
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text("utf-8") + "[limits]\nhubspot_pages = 3\n", "utf-8")
    line = run(["pull", "--data", str(workspace)]).error_line()
    assert line == ("Error: GET /crm/v3/objects/companies has more than 3 pages; stopped "
                    "(raise [limits] hubspot_pages if the account really holds that many "
                    "records)")
    assert _exports(workspace) == []


def test_an_endless_answer_is_refused(workspace: Path, fake: FakeHubSpot) -> None:
    fake.fail("huge", path="/crm/v3/owners")
    line = run(["pull", "--data", str(workspace)], memory_mb=512).error_line()
    assert line == "Error: HubSpot's answer to GET /crm/v3/owners is larger than 64 MB; refused"
    assert _exports(workspace) == []


@pytest.mark.parametrize(("url", "expected"), [
    ("http://api.hubapi.com", "only https:// is allowed (http:// only on localhost"),
    ("http://10.0.0.8:8080", "only https:// is allowed"),
    ("ftp://api.hubapi.com", "only https:// is allowed"),
    ("https://user:secret@api.hubapi.com", "is not a plain https://host[:port][/path] URL"),
    ("https://api.hubapi.com:99999", "is not a plain https://host[:port][/path] URL"),
    ("api.hubapi.com", "is not a plain https://host[:port][/path] URL"),
])
def test_an_unsafe_api_address_is_refused_before_any_request(
        workspace: Path, fake: FakeHubSpot, url: str, expected: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECKGEN_HUBSPOT_URL", url)
    line = run(["pull", "--data", str(workspace)]).error_line()
    assert expected in line
    assert TOKEN not in line
    assert fake.log == []


def test_a_pull_into_a_file_is_one_line(workspace: Path, fake: FakeHubSpot) -> None:
    blocker = workspace / "exports"
    blocker.write_text("not a folder", encoding="utf-8")
    line = run(["pull", "--data", str(workspace), "--out", str(blocker / "x")]).error_line()
    assert line.startswith(f"Error: {blocker / 'x'}: cannot create the folder (")
    assert _exports(workspace) == []


@pytest.mark.parametrize("kind", ["device", "fifo", "oversized"])
def test_publish_refuses_what_it_cannot_read(workspace: Path, fake: FakeHubSpot,
                                              tmp_path: Path, kind: str) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK\x03\x04 deck")
    target = tmp_path / "bad.pptx"
    if kind == "device":
        target = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.write_bytes(b"x" * 5000)
        config = workspace / "deckgen.toml"
        config.write_text(config.read_text("utf-8") + "[limits]\npublish_mb = 0.001\n", "utf-8")
    for dry in ([], ["--dry-run"]):
        line = run(["publish", "101", str(deck), str(target), "--data", str(workspace),
                    *dry]).error_line()
        reason = {"device": "a device, not a file", "fifo": "a named pipe (FIFO), not a file",
                  "oversized": "5,000 bytes, over the limit of 1,048 bytes"}[kind]
        assert line.startswith(f"Error: {target}: cannot publish: {reason}")
    assert fake.files == {} and fake.log == []


@pytest.mark.parametrize("kind", ["device", "fifo", "binary"])
def test_publish_minutes_that_cannot_be_read(workspace: Path, fake: FakeHubSpot,
                                              tmp_path: Path, kind: str) -> None:
    minutes = tmp_path / "minutes.html"
    if kind == "device":
        minutes = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(minutes)
    else:
        minutes.write_bytes(b"<p>Reuni\xe3o</p>")
    line = run(["publish", "101", "--minutes", str(minutes), "--dry-run", "--data",
                str(workspace)]).error_line()
    reason = {"device": "cannot read the minutes: a device, not a file",
              "fifo": "cannot read the minutes: a named pipe (FIFO), not a file",
              "binary": "the minutes are not UTF-8 text (byte 0xE3 at offset 8)"}[kind]
    assert line == f"Error: {minutes}: {reason}"
    assert fake.log == []


@pytest.mark.parametrize("args", [
    ["build", "Padaria", "--period", "0001-01-01..0001-01-31"],
    ["build", "Padaria", "--period", "9999-12-01..9999-12-31"],
    ["build", "Padaria", "--since", "0001-01-01"],
    ["pull", "--since", "31/12/9999"],
])
def test_dates_out_of_range_on_the_command_line(workspace: Path, fake: FakeHubSpot,
                                                args: list[str]) -> None:
    before = snapshot(workspace)
    line = run([*args, "--data", str(workspace)]).error_line()
    assert "is not between 1900 and 2100" in line
    assert snapshot(workspace) == before
    assert fake.log == []


@pytest.mark.parametrize("answer", [{"results": [{"properties": {}}]}, {"results": ["101"]},
                                    {"results": [{"id": "1", "properties": ["x"]}]},
                                    {"results": {"id": "1"}}])
def test_a_list_in_an_unknown_shape_writes_nothing(workspace: Path, fake: FakeHubSpot,
                                                    answer: dict[str, object]) -> None:
    fake.list_objects = lambda kind, query: answer  # type: ignore[method-assign,assignment]
    line = run(["pull", "--data", str(workspace)]).error_line()
    assert "HubSpot answered" in line and ("shape deckgen does not know" in line
                                           or "'results' that is not a list" in line)
    assert _exports(workspace) == []


def test_a_company_id_cannot_reach_another_endpoint(portal: Path, fake: FakeHubSpot) -> None:
    (portal / "companies.csv").write_text(
        "Record ID,Company name\n../../../files/v3/files,Padaria\n", encoding="utf-8")
    run(["hubspot", "set-phase", "Padaria", "X", "--data", str(portal)]).error_line()
    assert [path for _, path, _ in fake.log if not path.startswith("/crm/v3/properties/")] == [
        "/crm/v3/objects/companies/..%2F..%2F..%2Ffiles%2Fv3%2Ffiles"]


@pytest.mark.parametrize(("content", "reason"), [
    (None, "a device, not a file"), (b"[1, 2]", "unreadable HubSpot ledger"),
    (b"[" * 100_000, "unreadable HubSpot ledger"), (b'{"files": [1]}', "unreadable HubSpot"),
])
def test_a_hostile_ledger_is_one_line(workspace: Path, fake: FakeHubSpot, tmp_path: Path,
                                      content: bytes | None, reason: str) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK\x03\x04 deck")
    ledger = workspace / ".deckgen" / "hubspot-ledger.json"
    ledger.parent.mkdir()
    if content is None:
        ledger.symlink_to("/dev/zero")
    else:
        ledger.write_bytes(content)
    line = run(["publish", "101", str(deck), "--data", str(workspace)]).error_line()
    assert line.startswith(f"Error: {ledger}: ") and reason in line
    assert fake.files == {}
