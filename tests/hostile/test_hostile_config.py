"""Hostile configuration: each is one line naming the file and key, exit 1, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_runner import run, snapshot

# (what is appended to or replaced in deckgen.toml, the expected part of the error line)
APPENDED: dict[str, tuple[str, str]] = {
    "encoding-rot13": ('[sources.actions]\npath = "a.csv"\nencoding = "rot13"\n',
                       "sources.actions.encoding: 'rot13' is not a text encoding"),
    "encoding-unknown": ('[sources.actions]\npath = "a.csv"\nencoding = "klingon"\n',
                         "sources.actions.encoding: unknown encoding 'klingon'"),
    "encoding-base64": ('[sources.actions]\npath = "a.csv"\nencoding = "base64"\n',
                        "sources.actions.encoding: 'base64' is not a text encoding"),
    "min-font-huge": ("[review]\nmin_font_pt = 1e308\n",
                      "review.min_font_pt: Input should be less than or equal to 96"),
    "min-font-nan": ("[review]\nmin_font_pt = nan\n", "review.min_font_pt:"),
    "min-font-zero": ("[review]\nmin_font_pt = 0\n",
                      "review.min_font_pt: Input should be greater than or equal to 1"),
    "period-days-huge": ("[review]\ndefault_period_days = 1000000000\n",
                         "review.default_period_days: Input should be less than or equal to "
                         "3660"),
    "sla-hours-infinite": ('[[sla.targets]]\nstream = "support"\nresolution_hours = inf\n',
                           "sla.targets.0.resolution_hours: Input should be less than or equal"),
    "folder-attribute": ('[hubspot]\nfolder = "{client_slug.__class__.__mro__}"\n',
                         "hubspot.folder: '{client_slug.__class__.__mro__}': only {client_slug}"),
    "folder-index": ('[hubspot]\nfolder = "{client_slug[0]}"\n', "only {client_slug}"),
    "folder-conversion": ('[hubspot]\nfolder = "{client_slug!r}"\n', "only {client_slug}"),
    "folder-format-spec": ('[hubspot]\nfolder = "{client_slug:>999999999}"\n',
                           "only {client_slug}"),
    "folder-positional": ('[hubspot]\nfolder = "deckgen/{0}"\n', "only {client_slug}"),
    "folder-unbalanced": ('[hubspot]\nfolder = "deckgen/{client_slug"\n', "hubspot.folder:"),
    "label-attribute": ('[labels]\n"warning.section" = "{section.__class__.__mro__}"\n',
                        "labels.warning.section: '{section.__class__.__mro__}': only {name}"),
    "label-padding": ('[labels]\n"warning.section" = { pt-BR = "{note:>999999999}" }\n',
                      "labels.warning.section: '{note:>999999999}': only {name} may be"),
    "label-index": ('[labels]\n"warning.section" = "{section[0]}"\n', "only {name}"),
    "limits-ratio-zero": ("[limits]\nzip_ratio = 0\n", "limits.zip_ratio: Input should be "
                          "greater than or equal to 1"),
    "limits-table-negative": ("[limits]\ntable_mb = -1\n", "limits.table_mb: Input should be "
                              "greater than 0"),
    "limits-pages-zero": ("[limits]\nhubspot_pages = 0\n", "limits.hubspot_pages:"),
    "limits-unknown-key": ("[limits]\nrows = 5\n", "limits.rows: unknown key"),
    "source-path-empty": ('[sources.actions]\npath = ""\n',
                          "sources.actions.path: String should have at least 1 character"),
    "source-path-nul": ('[sources.actions]\npath = "a\\u0000b"\n',
                        "sources.actions: 'a\\x00b' holds a NUL character, which no path can"),
    "output-climbs-out": ('[review]\noutput = "../../escaped-out"\n',
                          "review.output: '../../escaped-out' lies outside the data folder"),
    "template-absolute": ('[review]\ntemplate = "/etc/passwd"\n',
                          "review.template: '/etc/passwd' lies outside the data folder"),
    "playbook-climbs-out": ('[documents]\nplaybook = "../playbook.{language}.toml"\n',
                            "documents.playbook: '../playbook.{language}.toml' lies outside"),
    "logo-climbs-out": ('[brand]\nlogo = "../../../root/.ssh/id_rsa"\n',
                        "brand.logo: '../../../root/.ssh/id_rsa' lies outside the data folder"),
    "client-logos-absolute": ('[brand]\nclient_logos = "/etc"\n',
                              "brand.client_logos: '/etc' lies outside the data folder"),
}
LOGO = ('name = "Acme"', 'name = "Acme"\nlogo = "logo.png"',
        "company: logo moved to [brand] logo (the vendor's logo)")


@pytest.mark.parametrize("case", sorted(APPENDED))
def test_hostile_configuration(workspace: Path, case: str) -> None:
    extra, expected = APPENDED[case]
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    before = snapshot(workspace.parent)
    line = run(["check", "--data", str(workspace)]).error_line()
    assert line.startswith(f"Error: {config}: ")
    assert expected in line
    assert snapshot(workspace.parent) == before


def test_company_logo_names_its_new_place(workspace: Path) -> None:
    old, new, expected = LOGO
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert expected in run(["check", "--data", str(workspace)]).error_line()


def test_output_outside_builds_nothing_anywhere(workspace: Path) -> None:
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8") + '[review]\noutput = "../escaped"\n',
                      encoding="utf-8")
    before = snapshot(workspace.parent)
    line = run(["build", "Padaria", "--data", str(workspace)]).error_line()
    assert "review.output: '../escaped' lies outside the data folder" in line
    assert snapshot(workspace.parent) == before


def test_allowing_outside_paths_is_explicit(workspace: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text((workspace / "tickets.csv").read_text(encoding="utf-8"), "utf-8")
    config = workspace / "deckgen.toml"
    text = config.read_text(encoding="utf-8").replace('tickets = "tickets.csv"',
                                                      f'tickets = "{elsewhere}"')
    config.write_text(text, encoding="utf-8")
    assert "lies outside" in run(["check", "--data", str(workspace)]).error_line()
    config.write_text(text + "[paths]\nallow_outside_workspace = true\n", encoding="utf-8")
    outcome = run(["check", "--data", str(workspace)])
    assert outcome.exit_code == 0, outcome.stderr
    assert f"tickets: {elsewhere}: 3 rows" in outcome.stdout


@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "oversized", "nested", "binary"])
def test_hostile_configuration_file(workspace: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "hostile.toml"
    if kind == "device":
        path = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "oversized":
        path.write_text("# padding\n" * 200_000, encoding="utf-8")
    elif kind == "nested":
        path.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    else:
        path.write_bytes(b"\xff\xfe\x00garbage")
    expected = {
        "device": "/dev/zero: a device, not a file",
        "fifo": "hostile.toml: a named pipe (FIFO), not a file",
        "folder": "hostile.toml: a folder, not a file",
        "oversized": "hostile.toml: 1.9 MB, over the limit of 1.0 MB",
        "nested": "hostile.toml: not valid TOML",
        "binary": "hostile.toml: not UTF-8 text (byte at offset 0)",
    }[kind]
    outcome = run(["check", "--data", str(workspace), "--config", str(path)])
    if kind == "folder":  # Click refuses a folder for --config before deckgen runs
        assert outcome.exit_code == 1 and "is a directory" in outcome.stderr
        return
    assert expected in outcome.error_line()


@pytest.mark.parametrize("allowed", [False, True])
def test_a_playbook_that_is_a_device(workspace: Path, allowed: bool) -> None:
    (workspace / "pb.toml").symlink_to("/dev/zero")
    config = workspace / "deckgen.toml"
    switch = "[paths]\nallow_outside_workspace = true\n" if allowed else ""
    config.write_text(config.read_text("utf-8") + '[documents]\nplaybook = "pb.toml"\n' + switch,
                      "utf-8")
    before = snapshot(workspace.parent)
    line = run(["kickoff", "Padaria", "--data", str(workspace)]).error_line()
    if allowed:
        playbook = workspace / "pb.toml"
        assert line == f"Error: {playbook}: cannot read the playbook: a device, not a file"
    else:
        assert "documents.playbook: 'pb.toml' is a symbolic link leading outside" in line
    assert snapshot(workspace.parent) == before
