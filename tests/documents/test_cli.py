"""``deckgen kickoff`` / ``handoff`` / ``minutes`` on the sample workspaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main
from documents.samples import SAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def data() -> str:
    if not (SAMPLES / "gcertifica" / "deckgen.toml").is_file():
        pytest.skip("sample workspace sample_data/gcertifica is not present")
    return str(SAMPLES / "gcertifica")


def test_kickoff_and_client_deck(data: str, tmp_path: Path) -> None:
    code, out, _ = run("kickoff", "Tucano", "--data", data, "--out", str(tmp_path),
                       "--date", "2026-11-20")
    folder = tmp_path / "tucano-logistica-e-transportes-ltda"
    assert code == 0
    assert out == f"wrote {folder / '2026-11-20-kickoff-interno.docx'}\n"
    code, out, _ = run("kickoff", "Tucano", "--client-deck", "--data", data, "--out",
                       str(tmp_path), "--date", "2026-11-20", "--lang", "en")
    assert code == 0
    assert out == f"wrote {folder / '2026-11-20-client-kickoff.pptx'}\n"


def test_handoff(data: str, tmp_path: Path) -> None:
    code, out, _ = run("handoff", "21457895530", "--data", data, "--out", str(tmp_path),
                       "--date", "20/11/2026")
    assert code == 0
    assert out.strip().endswith("tucano-logistica-e-transportes-ltda/"
                                "2026-11-20-passagem-de-bastao.docx")


def test_minutes_writes_docx_and_html(data: str, tmp_path: Path) -> None:
    code, out, _ = run("minutes", "Construtora Horizonte", "--data", data, "--out",
                       str(tmp_path), "--period", "2026-08-18..2026-11-15", "--date",
                       "2026-11-20")
    folder = tmp_path / "construtora-horizonte-azul-s-a"
    assert code == 0
    assert out.splitlines() == [f"wrote {folder / '2026-11-15-ata-revisao.docx'}",
                                f"wrote {folder / '2026-11-15-ata-revisao.html'}"]


def test_unknown_client_is_one_line_and_exit_1(data: str, tmp_path: Path) -> None:
    code, _, err = run("handoff", "Nenhuma Empresa", "--data", data, "--out", str(tmp_path))
    assert code == 1
    assert err.startswith("Error: no client matches 'Nenhuma Empresa'")
    assert len(err.strip().splitlines()) == 1


def test_missing_template(data: str, tmp_path: Path) -> None:
    code, _, err = run("kickoff", "Tucano", "--data", data, "--out", str(tmp_path),
                       "--template", str(tmp_path / "x.docx"))
    assert code == 1
    assert err == f"Error: {tmp_path / 'x.docx'}: template not found\n"
