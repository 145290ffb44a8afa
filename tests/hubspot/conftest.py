"""Fixtures: a fake HubSpot on a free local port and a data folder that points deckgen at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_hubspot import PORTAL_CONFIG, FakeHubSpot, running

CONFIG = ('[sources]\ncompanies = "companies.csv"\n\n' + PORTAL_CONFIG
          + 'folder = "deckgen/{client_slug}"\n')


@pytest.fixture
def fake() -> Iterator[FakeHubSpot]:
    """A running fake account with two companies, and the environment pointing at it."""
    server = FakeHubSpot()
    server.companies.update({
        "101": {"name": "Padaria Pão Quente", "fase_do_cliente": "adocao",
                "cs_dias_entre_reunioes": "30", "proprietario_cs": "7"},
        "102": {"name": "Transportes Rápidos", "fase_do_cliente": "cliente_ativo"},
    })
    with running(server):
        yield server


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with a configuration and a companies export naming both companies."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "deckgen.toml").write_text(CONFIG, encoding="utf-8")
    (folder / "companies.csv").write_text(
        "Record ID,Company name\n101,Padaria Pão Quente\n102,Transportes Rápidos\n",
        encoding="utf-8")
    return folder


@pytest.fixture
def deliverables(tmp_path: Path) -> list[Path]:
    """A deck and a workbook to upload."""
    deck = tmp_path / "2026-05-10-revisao.pptx"
    deck.write_bytes(b"PK\x03\x04 deck bytes")
    workbook = tmp_path / "indicadores.xlsx"
    workbook.write_bytes(b"PK\x03\x04 workbook bytes")
    return [deck, workbook]
