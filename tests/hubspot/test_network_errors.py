"""Network failures read as sentences; missing tokens and scopes name what needs them."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_hubspot import TOKEN, FakeHubSpot
from test_hubspot_client import Clock

from deckgen.cli import main
from deckgen.errors import PublishError
from deckgen.hubspot.client import HubSpotClient

COMPANY = "/crm/v3/objects/companies/101"


def test_offline_is_a_sentence_and_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    clock = Clock()
    with pytest.raises(PublishError) as caught:
        HubSpotClient("https://api.hubapi.com", TOKEN, retry=clock.policy()).get(COMPANY)
    assert str(caught.value) == ("could not reach HubSpot at api.hubapi.com: name resolution "
                                 "failed — are you offline?")
    assert clock.sleeps == []


def test_pull_offline_says_so_in_one_line(data_dir: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    monkeypatch.setenv("HUBSPOT_TOKEN", TOKEN)
    monkeypatch.delenv("DECKGEN_HUBSPOT_URL", raising=False)
    result = CliRunner().invoke(main, ["pull", "--data", str(data_dir)])
    assert result.exit_code == 1
    assert result.output == ("Error: could not reach HubSpot at api.hubapi.com: name "
                             "resolution failed — are you offline?\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_refused_is_a_sentence() -> None:
    port = free_port()
    clock = Clock()
    with pytest.raises(PublishError) as caught:
        HubSpotClient(f"http://127.0.0.1:{port}", TOKEN,
                      retry=clock.policy(max_attempts=2)).get(COMPANY)
    assert str(caught.value) == (
        f"HubSpot did not complete GET {COMPANY} after 2 attempts in 1 s (last: could not "
        f"reach HubSpot at 127.0.0.1:{port}: connection refused); try again later")


def test_a_timeout_is_a_sentence(fake: FakeHubSpot) -> None:
    fake.fail("slow", times=2, delay=0.5)
    with pytest.raises(PublishError) as caught:
        HubSpotClient(fake.url, TOKEN,
                      retry=Clock().policy(max_attempts=2, timeout=0.1)).get(COMPANY)
    assert str(caught.value).endswith("(last: no answer within 0.1 s); try again later")


def test_a_tls_failure_is_a_sentence(fake: FakeHubSpot) -> None:
    port = fake.url.rsplit(":", 1)[1]  # a plain-HTTP server spoken to over TLS
    with pytest.raises(PublishError) as caught:
        HubSpotClient(f"https://127.0.0.1:{port}", TOKEN,
                      retry=Clock().policy(max_attempts=1)).get(COMPANY)
    message = str(caught.value)
    assert f"(last: could not reach HubSpot at 127.0.0.1:{port}: the TLS handshake failed (" in (
        message)
    assert "Error" not in message.split("(last:")[0]


def test_dry_run_without_a_token_warns(fake: FakeHubSpot, data_dir: Path,
                                       deliverables: list[Path],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUBSPOT_TOKEN")
    result = CliRunner().invoke(main, ["publish", "Padaria", str(deliverables[0]), "--dry-run",
                                       "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "warning: no HubSpot token ($HUBSPOT_TOKEN is not set and the keyring has none): this "
        "dry run sends nothing, but the real run would stop here (docs/hubspot.md)")
    assert fake.log == []


def test_set_phase_dry_run_without_a_token_warns(fake: FakeHubSpot, data_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUBSPOT_TOKEN")
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "101", "Cliente ativo",
                                       "--dry-run", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "warning: no HubSpot token ($HUBSPOT_TOKEN is not set" in result.output


def test_a_missing_scope_named_by_hubspot_names_the_command(
        fake: FakeHubSpot, data_dir: Path, deliverables: list[Path]) -> None:
    fake.fail("403", path="/files/v3/files", scope="files")
    result = CliRunner().invoke(main, ["publish", "Padaria", str(deliverables[0]),
                                       "--data", str(data_dir)])
    assert result.exit_code == 1
    assert result.output == (
        "Error: HubSpot refused POST /files/v3/files (HTTP 403): the private app is missing the "
        "scope 'files', which deckgen publish needs; add it to the app and paste the new "
        "token\n")
