"""What a new user met walking README → init → check → build → preview, each fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main

GCERTIFICA = Path(__file__).resolve().parents[2] / "sample_data" / "gcertifica"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    shutil.copytree(GCERTIFICA, folder)
    (folder / "deckgen.toml").unlink()
    return folder


def test_on_a_terminal_the_company_name_is_asked_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    monkeypatch.setattr("deckgen.cli.init._on_a_terminal", lambda: True)
    result = CliRunner().invoke(main, ["init", str(folder)], input="G-Certifica\n" + "\n" * 40)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Your company's name, shown on every deck? [exports]: ")
    assert '\nname = "G-Certifica"\n' in (folder / "deckgen.toml").read_text("utf-8")


def test_init_ends_with_the_next_command(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    result = CliRunner().invoke(main, ["init", str(folder), "--yes"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        f"next: deckgen build CLIENT --data {folder}  (CLIENT: a Record ID or company name "
        "of the companies export, e.g. 'Construtora Horizonte Azul S.A.'; --all for every "
        "client)")
