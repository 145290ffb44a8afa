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


def test_a_mistyped_answer_is_asked_again_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    monkeypatch.setattr("deckgen.cli.init._on_a_terminal", lambda: True)
    answers = ["G-Certifica", "", "", "", "", "", "",  # name, language, the five headers
               "pipelines", "pipeline",  # streams from
               "Fechad", "Fechado, Concluído, Entregue",  # closed statuses
               "suporte:helpdesk", "suporte:support"]  # the first pipeline's stream
    result = CliRunner().invoke(main, ["init", str(folder)],
                                input="\n".join(answers) + "\n" * 20)
    assert result.exit_code == 0, result.output
    assert ("'pipelines' is neither 'pipeline' nor 'ticket_type'. Streams (deck sections) "
            "from 'pipeline' or 'ticket_type'? [pipeline]: pipeline") in result.output
    assert "no ticket has the status 'Fechad'. Ticket statuses that mean closed" in result.output
    assert ("'helpdesk' is not a role (support, implementation, technology, other). "
            "Stream for pipeline 'Suporte'") in result.output
    text = (folder / "deckgen.toml").read_text("utf-8")
    assert 'closed_statuses = ["Fechado", "Concluído", "Entregue"]' in text
    assert 'key = "suporte"\nlabel = "Suporte"\nrole = "support"' in text


def test_an_answer_wrong_three_times_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    monkeypatch.setattr("deckgen.cli.init._on_a_terminal", lambda: True)
    answers = ["", "", "", "", "", "", "", "x", "y", "z"]
    result = CliRunner().invoke(main, ["init", str(folder)], input="\n".join(answers) + "\n")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: deckgen init: 'z' is neither 'pipeline' nor 'ticket_type' (asked three times: "
        "Streams (deck sections) from 'pipeline' or 'ticket_type'?)")
    assert not (folder / "deckgen.toml").exists()


def test_on_a_terminal_the_language_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    monkeypatch.setattr("deckgen.cli.init._on_a_terminal", lambda: True)
    result = CliRunner().invoke(main, ["init", str(folder)], input="\nfr\nen\n" + "\n" * 40)
    assert result.exit_code == 0, result.output
    assert ("'fr' is not one of en, pt-BR. Language of the documents (en, pt-BR)? [pt-BR]: en"
            in result.output)
    assert '\nlanguage = "en"\n' in (folder / "deckgen.toml").read_text("utf-8")


def test_with_yes_a_company_named_after_the_folder_is_noted(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    result = CliRunner().invoke(main, ["init", str(folder), "--yes"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "  note: the company name shown on every deck is the folder's, 'exports': give --name "
        "or edit [company] name")
    named = tmp_path / "named"
    named.mkdir()
    for path in folder.glob("*.*"):
        if path.name != "deckgen.toml":
            shutil.copy(path, named / path.name)
    result = CliRunner().invoke(main, ["init", str(named), "--yes", "--name", "G-Certifica"])
    assert result.exit_code == 0, result.output
    assert "note:" not in result.output
