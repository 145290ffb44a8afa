"""The README as a path: its first commands and CI script are true, the install makes a
``deckgen`` command, and "Your own data" runs as shown on the sample exports (each command,
and the first lines of output the README prints)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DECEMBER = str(int(datetime(2026, 12, 1, 12, tzinfo=UTC).timestamp()))


def _section(title: str) -> str:
    start = README.index(f"### {title}\n")
    return README[start:README.index("\n##", start + 4)]


def _blocks(text: str, kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", text, flags=re.S)


def _commands(block: str) -> list[list[str]]:
    return [shlex.split(line.split("  #")[0]) for line in block.splitlines() if line.strip()]


def test_the_first_screen_commands_and_ci_script_are_true() -> None:
    first = _blocks(README, "sh")[0]
    assert [c[:2] for c in _commands(first)] == [["make", "samples"], ["make", "test"],
                                                  ["make", "quick"]]
    targets = re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text("utf-8"), flags=re.M)
    assert {"samples", "test", "quick"} <= set(targets)
    steps = [line for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
             if line.startswith("make ")]
    assert steps == ["make test", "make samples"]
    assert "CI runs `bash .ci/run`: `make test`, then `make samples`." in README


def test_the_install_gives_a_deckgen_command() -> None:
    install = _section("Install")
    commands = [c for block in _blocks(install, "sh") for c in _commands(block)]
    assert ["pipx", "install", "."] in commands
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts == {"deckgen": "deckgen.cli:main"}


@pytest.mark.pdf
def test_your_own_data_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed (the README's build asks for --pdf)")
    home = tmp_path / "home"
    exports = home / "exports"
    shutil.copytree(ROOT / "sample_data" / "gcertifica", exports)
    (exports / "deckgen.toml").unlink()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    section = _section("Your own data")
    commands = _commands(_blocks(section, "sh")[0])
    assert [c[:2] for c in commands] == [["deckgen", "init"], ["deckgen", "check"],
                                         ["deckgen", "build"]]
    outputs = []
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": DECEMBER})
    for command in commands:
        args = [os.path.expanduser(a) for a in command[1:]]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (command, result.output)
        outputs.append(result.output.replace(str(home), "~"))
    shown_init, shown_build = _blocks(section, "text")
    assert "`deckgen init ~/exports --yes` begins" in section
    assert outputs[0].startswith(shown_init), outputs[0]
    assert outputs[2].startswith(shown_build), outputs[2]
    assert "ok: every source can be read" in outputs[1]
    assert (exports / "out" / "construtora-horizonte-azul-s-a" / "2026-11-20-revisao.pdf").exists()


def test_the_init_output_shown_is_what_yes_prints(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    exports = home / "exports"
    shutil.copytree(ROOT / "sample_data" / "gcertifica", exports)
    (exports / "deckgen.toml").unlink()
    monkeypatch.setenv("HOME", str(home))
    result = CliRunner().invoke(main, ["init", str(exports), "--yes"])
    assert result.exit_code == 0, result.output
    shown = _blocks(_section("Your own data"), "text")[0]
    assert result.output.replace(str(home), "~").startswith(shown)


HUBSPOT = ("pull", "hubspot", "publish")


@pytest.mark.pdf
def test_a_week_runs_on_the_sample_but_for_the_hubspot_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"A week with deckgen" on the G-Certifica sample: every command that needs no HubSpot
    account (those are run against a fake HubSpot in tests/hubspot) succeeds as written."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed (the week's build asks for --pdf)")
    start = README.index("## A week with deckgen")
    block = _blocks(README[start:], "sh")[0]
    commands = [c for c in _commands(block) if c[0] == "deckgen"]
    offline = [c for c in commands if c[1] not in HUBSPOT and "--publish" not in c]
    assert len(offline) >= 6
    shutil.copytree(ROOT / "sample_data" / "gcertifica", tmp_path / "acme")
    monkeypatch.chdir(tmp_path / "acme")
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": DECEMBER})
    for command in offline:
        result = runner.invoke(main, command[1:])
        assert result.exit_code == 0, (command, result.output)
