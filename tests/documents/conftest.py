"""Sample workspaces loaded once, and a fixed meeting date."""

from __future__ import annotations

import pytest

from deckgen.config import load_config
from deckgen.sources.workspace import Workspace, load_workspace
from documents.samples import SAMPLES


def _load(name: str) -> Workspace:
    if not (SAMPLES / name / "deckgen.toml").is_file():
        pytest.skip(f"sample workspace sample_data/{name} is not present")
    return load_workspace(load_config(SAMPLES / name))


@pytest.fixture(scope="session")
def gcertifica() -> Workspace:
    return _load("gcertifica")


@pytest.fixture(scope="session")
def sismetro() -> Workspace:
    """SISMETRO's workspace, whose playbook files add the onboarding checklist (seed 001),
    its channels and what its clients provide."""
    return _load("sismetro")


@pytest.fixture(scope="session")
def workspaces(gcertifica: Workspace, sismetro: Workspace) -> dict[str, Workspace]:
    return {"gcertifica": gcertifica, "sismetro": sismetro}
