"""Releases kept as YAML or as a Markdown changelog read like a CSV of releases."""

from __future__ import annotations

import pandas as pd
import pytest

from deckgen.errors import InputError
from deckgen.sources.workspace import load_workspace
from tests.sources.conftest import Write

YAML = """\
releases:
  - date: 2026-11-12
    version: "2026.11.0"
    title: Conector SAP Ariba
    description: Sincronização incremental de fornecedores & pedidos <ERP>.
  - date: 15/09/2026
    title: Portal do Fornecedor renovado
"""

MARKDOWN = """\
# Novidades da plataforma

## [2026.11.0] - 2026-11-12 - Conector SAP Ariba
- Sincronização incremental de fornecedores.
- Pedidos com status em tempo real.

## v2026.9.3 — 15/09/2026
Portal do Fornecedor renovado
Envio de documentos pelo celular.

### Detalhes internos (não é um lançamento)
"""


def _releases(workspace: Write, name: str, text: str) -> pd.DataFrame:
    config = workspace({name: text}, sources={"companies": "companies.csv", "releases": name})
    return load_workspace(config).releases


def test_yaml_releases(workspace: Write) -> None:
    releases = _releases(workspace, "releases.yaml", YAML)
    assert list(releases["title"]) == ["Conector SAP Ariba", "Portal do Fornecedor renovado"]
    assert list(releases["released_on"]) == [pd.Timestamp("2026-11-12"),
                                            pd.Timestamp("2026-09-15")]
    assert releases["version"].iloc[0] == "2026.11.0" and pd.isna(releases["version"].iloc[1])
    assert releases["description"].iloc[0].endswith("& pedidos <ERP>.")


def test_markdown_changelog(workspace: Write) -> None:
    releases = _releases(workspace, "CHANGELOG.md", MARKDOWN)
    assert list(releases["version"]) == ["2026.11.0", "v2026.9.3"]
    assert list(releases["released_on"]) == [pd.Timestamp("2026-11-12"),
                                            pd.Timestamp("2026-09-15")]
    assert list(releases["title"]) == ["Conector SAP Ariba", "Portal do Fornecedor renovado"]
    assert releases["description"].iloc[0] == (
        "Sincronização incremental de fornecedores. Pedidos com status em tempo real.")
    assert releases["description"].iloc[1].startswith("Envio de documentos pelo celular.")


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("releases.yaml", "- date: [unclosed\n", "releases.yaml: not valid YAML at line"),
        ("releases.yaml", "title: only one mapping\n", "expected a list of releases"),
        ("CHANGELOG.md", "# Nothing here\nJust prose.\n", "no release found"),
        ("releases.yaml", "- date: 31/02/2026\n  title: X\n",
         "releases.yaml, row 1, column 'date'"),
    ],
)
def test_bad_release_files_name_the_problem(workspace: Write, name: str, text: str,
                                            says: str) -> None:
    with pytest.raises(InputError, match=None) as caught:
        _releases(workspace, name, text)
    assert says in str(caught.value)
