"""Fixtures of the hostile-input suite: a small valid workspace and fake HubSpot servers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hubspot"))

from fake_hubspot import FakeHubSpot, running  # noqa: E402
from hostile_runner import COMPANIES, CONFIG, SURVEYS, TICKETS  # noqa: E402


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A small valid data folder (companies, tickets, surveys) under ``tmp_path/data``."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "deckgen.toml").write_text(CONFIG, encoding="utf-8")
    (folder / "companies.csv").write_text(COMPANIES, encoding="utf-8")
    (folder / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    (folder / "surveys.csv").write_text(SURVEYS, encoding="utf-8")
    return folder


@pytest.fixture
def fake() -> Iterator[FakeHubSpot]:
    """A running fake HubSpot with two companies; the environment points deckgen at it."""
    server = FakeHubSpot()
    server.companies.update({
        "101": {"name": "Padaria Pão Quente", "fase_do_cliente": "Adoção"},
        "102": {"name": "Transportes Rápidos", "fase_do_cliente": "Cliente ativo"},
    })
    server.owners.append({"id": "7", "firstName": "Ana", "lastName": "Souza"})
    with running(server):
        yield server


@pytest.fixture
def other_server() -> Iterator[FakeHubSpot]:
    """A second server on another port, standing for a host that must never get the token."""
    server = FakeHubSpot(token="not-the-token")
    server.start()
    yield server
    server.stop()
