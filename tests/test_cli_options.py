"""The options every command shares: defined once, languages from the labels, all documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import deckgen
from deckgen.cli import main
from deckgen.locale import languages_in

ROOT = Path(__file__).resolve().parents[1]
SHARED = ("--data", "--config", "--out", "--period", "--since", "--lang", "--template",
          "--owner", "--on", "--dry-run", "--publish")


def _commands() -> dict[str, click.Command]:
    """Every command by its full name (``hubspot set-phase``), groups expanded."""
    ctx = click.Context(main)
    found: dict[str, click.Command] = {}
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                inner = command.get_command(ctx, sub)
                assert inner is not None
                found[f"{name} {sub}"] = inner
        else:
            found[name] = command
    return found


def _option(command: click.Command, flag: str) -> click.Option | None:
    return next((p for p in command.params if isinstance(p, click.Option) and flag in p.opts),
                None)


def test_languages_are_the_locale_files_without_a_topic() -> None:
    folder = ROOT / "deckgen" / "locale"
    assert deckgen.languages() == tuple(sorted(
        p.stem for p in folder.glob("*.toml") if "." not in p.stem))
    assert deckgen.languages() == ("en", "pt-BR")


def test_a_topic_file_adds_labels_not_a_language(tmp_path: Path) -> None:
    for name in ("pt-BR.toml", "en.toml", "es.toml", "review.pt-BR.toml", "hubspot.fr.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert languages_in(tmp_path) == ("en", "es", "pt-BR")


def test_every_lang_option_offers_the_languages() -> None:
    offering = {name: _option(command, "--lang") for name, command in _commands().items()}
    with_lang = sorted(name for name, option in offering.items() if option is not None)
    assert with_lang == ["build", "handoff", "init", "kickoff", "minutes", "portfolio"]
    for name in with_lang:
        option = offering[name]
        assert option is not None and isinstance(option.type, click.Choice), name
        assert tuple(option.type.choices) == deckgen.languages(), name


def test_a_shared_option_is_defined_in_one_place_only() -> None:
    pattern = re.compile(r"""click\.option\(\s*["'](--[a-z-]+)["']""")
    defined: dict[str, list[str]] = {}
    for path in sorted((ROOT / "deckgen" / "cli").glob("*.py")):
        for flag in pattern.findall(path.read_text(encoding="utf-8")):
            defined.setdefault(flag, []).append(path.name)
    for flag in SHARED:
        assert defined.get(flag) == ["options.py"], (flag, defined.get(flag))


@pytest.mark.parametrize("flag", ["--data", "--config", "--out", "--template", "--owner"])
def test_a_shared_option_has_one_destination_and_type(flag: str) -> None:
    found = {name: _option(c, flag) for name, c in _commands().items()}
    options = [o for o in found.values() if o is not None]
    assert len(options) >= 2, flag
    assert len({o.name for o in options}) == 1, flag
    assert len({repr(o.type) for o in options}) == 1, flag


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        result = CliRunner().invoke(main, [*name.split(), "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert f"`deckgen {name}" in readme, name


def test_an_unknown_language_is_a_usage_line() -> None:
    result = CliRunner().invoke(main, ["build", "X", "--lang", "fr"])
    assert result.exit_code == 1
    assert result.output == ("Error: Invalid value for '--lang': 'fr' is not one of 'en', "
                             "'pt-BR'. (see 'main build --help')\n")
