"""Pacing under HubSpot's rate limits, HubSpot's real 429s, patience, and terminal progress."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_hubspot import PORTAL_CONFIG, TOKEN, FakeHubSpot
from test_hubspot_client import Clock

from deckgen.cli import main
from deckgen.errors import PublishError
from deckgen.hubspot.client import HubSpotClient, HubSpotError, Pacing
from deckgen.hubspot.terminal import ERASE, TerminalStatus

COMPANY = "/crm/v3/objects/companies/101"
PACED = PORTAL_CONFIG + """
[hubspot.pacing]
requests = {requests}
window_seconds = {window}
patience_seconds = {patience}
"""


def portal(fake: FakeHubSpot) -> None:
    """Enough records, one per page, for a pull of about thirty requests."""
    fake.page_size = 1
    for number in range(10):
        fake.tickets[str(600 + number)] = {
            "properties": {"subject": f"Chamado {number}", "hs_pipeline": "0",
                           "hs_pipeline_stage": "1", "createdate": "2026-05-10T12:00:00Z"},
            "companies": ["101"]}
        fake.feedback[str(900 + number)] = {
            "properties": {"hs_survey_type": "NPS", "hs_value": "9",
                           "hs_submission_timestamp": "2026-05-02T10:00:00Z"},
            "companies": ["101"]}
    fake.pipelines = [{"id": "0", "label": "Suporte", "stages": [{"id": "1", "label": "Novo"}]}]


def workspace(tmp_path: Path, requests: int = 100, window: float = 10,
              patience: float = 300) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "deckgen.toml").write_text(
        PACED.format(requests=requests, window=window, patience=patience), encoding="utf-8")
    return folder


@pytest.mark.parametrize("announce", [True, False], ids=["with-headers", "without-headers"])
def test_a_full_pull_against_a_rate_limited_portal_is_never_refused(
        fake: FakeHubSpot, tmp_path: Path, announce: bool) -> None:
    portal(fake)
    # HubSpot's 100 requests / 10 s, scaled down to keep the test fast.
    fake.limit(10, 1.0, announce=announce)
    data = workspace(tmp_path, requests=10, window=1)
    result = CliRunner().invoke(main, ["pull", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert len(fake.log) > 20  # the limit was reached twice over
    assert fake.refused == []


def test_the_burst_window_makes_the_next_request_wait(fake: FakeHubSpot) -> None:
    clock = Clock()
    hub = HubSpotClient(fake.url, TOKEN, retry=clock.policy(), pacing=Pacing(3, 10.0))
    for _ in range(7):
        hub.get(COMPANY)
    assert clock.sleeps == [10.0, 10.0]


def test_search_requests_are_paced_per_second(fake: FakeHubSpot) -> None:
    clock = Clock()
    hub = HubSpotClient(fake.url, TOKEN, retry=clock.policy(),
                        pacing=Pacing(100, 10.0, search_per_second=2))
    for _ in range(3):
        with pytest.raises(HubSpotError):  # the fake has no search; only the pace matters
            hub.post("/crm/v3/objects/notes/search", {"filterGroups": []})
        hub.get(COMPANY)  # other requests do not count against the search limit
    assert clock.sleeps == [1.0]


def test_a_portals_lower_limit_is_respected(fake: FakeHubSpot) -> None:
    fake.limit(2, 0.3)
    hub = HubSpotClient(fake.url, TOKEN, pacing=Pacing(100, 0.3))
    for _ in range(5):
        hub.get(COMPANY)  # HubSpot says Max 2 a window: every third waits for a free slot
    assert fake.refused == []


def test_hubspots_429_body_is_waited_out(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("429", times=8, retry_after="3")
    hub = HubSpotClient(fake.url, TOKEN, retry=clock.policy(max_attempts=2))
    assert hub.get(COMPANY)["id"] == "101"  # 8 refusals, not counted as failed attempts
    assert clock.sleeps == [3.0] * 8


def test_rate_limited_longer_than_the_patience_is_one_line(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("429", times=50, retry_after="4")
    hub = HubSpotClient(fake.url, TOKEN, retry=clock.policy(), pacing=Pacing(patience=10))
    with pytest.raises(PublishError) as caught:
        hub.get(COMPANY)
    assert str(caught.value) == (
        f"HubSpot kept refusing GET {COMPANY} for its rate limit (TEN_SECONDLY_ROLLING) longer "
        "than [hubspot.pacing] patience_seconds = 10; stopped, try again later")
    assert clock.sleeps == [4.0, 4.0]


def test_the_daily_limit_stops_at_once(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("429", policy="DAILY", retry_after=None)
    with pytest.raises(PublishError, match=r"daily API limit is used up \(policy DAILY\)"):
        HubSpotClient(fake.url, TOKEN, retry=clock.policy()).get(COMPANY)
    assert clock.sleeps == []


def test_a_pull_out_of_patience_leaves_the_exports_untouched(fake: FakeHubSpot,
                                                              tmp_path: Path) -> None:
    portal(fake)
    data = workspace(tmp_path, patience=0.5)
    previous = data / f"hubspot-crm-exports-all-tickets-{date.today().isoformat()}.csv"
    previous.write_text("hs_object_id,subject\n1,Old\n", encoding="utf-8")
    fake.fail("429", path="/crm/v3/objects/tickets", times=50, retry_after="1")
    result = CliRunner().invoke(main, ["pull", "--data", str(data)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: HubSpot kept refusing GET /crm/v3/objects/tickets for its rate limit "
        "(TEN_SECONDLY_ROLLING) longer than [hubspot.pacing] patience_seconds = 0.5; stopped, "
        "try again later")
    # No new export (the portal's schema, read first, is kept).
    assert sorted(p.name for p in data.iterdir()) == ["deckgen.toml", previous.name,
                                                      "hubspot-schema.json"]
    assert previous.read_text(encoding="utf-8") == "hs_object_id,subject\n1,Old\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_and_erased(fake: FakeHubSpot) -> None:
    clock = Clock()
    screen = Terminal()
    hub = HubSpotClient(fake.url, TOKEN, retry=clock.policy(), pacing=Pacing(1, 10.0),
                        status=TerminalStatus(screen))
    hub.get(COMPANY)
    hub.get(COMPANY)
    drawn = screen.getvalue()
    assert f"{ERASE}HubSpot: request 1, GET {COMPANY}" in drawn
    assert f"{ERASE}HubSpot: 1 requests so far; waiting 10 s to stay under 1 requests / 10 s" in (
        drawn)
    assert drawn.endswith(ERASE)  # nothing is left on the line


def test_no_progress_when_standard_error_is_not_a_terminal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert TerminalStatus.on_stderr() is None
