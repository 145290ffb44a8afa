"""Sample workspaces loaded once, and a fixed meeting date."""

from __future__ import annotations

import dataclasses

import pytest

from deckgen.config import DocumentSettings, load_config
from deckgen.sources.workspace import Workspace, load_workspace
from documents.samples import SAMPLES

# The SISMETRO playbook's configuration review, as a workspace would add it to the shipped one.
ONBOARDING = """
[[client_kickoff.onboarding_checklist]]
title = "Menu Configurações"
items = ["Empresa", "Filial", "Categorias", "Tipos de Tecnologia",
         "Parâmetros de SS: Tipo de SS, Tipo de Atendimento, Tipo de Evolução, Categorias",
         "Biblioteca de Respostas"]

[[client_kickoff.onboarding_checklist]]
title = "Menu Cadastro"
items = ["Solicitante", "Localização", "Patrimônios"]
"""


def _load(name: str) -> Workspace:
    if not (SAMPLES / name / "deckgen.toml").is_file():
        pytest.skip(f"sample workspace sample_data/{name} is not present")
    return load_workspace(load_config(SAMPLES / name))


@pytest.fixture(scope="session")
def gcertifica() -> Workspace:
    return _load("gcertifica")


@pytest.fixture(scope="session")
def sismetro(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """SISMETRO's workspace with its onboarding checklist in a workspace playbook file."""
    workspace = _load("sismetro")
    folder = tmp_path_factory.mktemp("sismetro-playbook")
    (folder / "playbook.pt-BR.toml").write_text(ONBOARDING, encoding="utf-8")
    settings = DocumentSettings(playbook=str(folder / "playbook.{language}.toml"))
    config = workspace.config.model_copy(update={"documents": settings})
    return dataclasses.replace(workspace, config=config)


@pytest.fixture(scope="session")
def workspaces(gcertifica: Workspace, sismetro: Workspace) -> dict[str, Workspace]:
    return {"gcertifica": gcertifica, "sismetro": sismetro}
