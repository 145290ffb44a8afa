"""A small synthetic portfolio on disk (HubSpot-style exports), shared by the module's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synthetic import make_portfolio
from deckgen.config import load_config
from deckgen.sources.workspace import Workspace, load_workspace

TODAY_EPOCH = "1795176000"  # 2026-11-20 12:00 UTC, the synthetic exports' date


@pytest.fixture(scope="session")
def portfolio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight clients, 400 tickets, 120 answers, 30 actions; every run the same files."""
    return make_portfolio(tmp_path_factory.mktemp("portfolio"), clients=8, tickets=400,
                          surveys=120, actions=30, seed=3)


@pytest.fixture(scope="session")
def portfolio_workspace(portfolio_dir: Path) -> Workspace:
    return load_workspace(load_config(portfolio_dir))


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
