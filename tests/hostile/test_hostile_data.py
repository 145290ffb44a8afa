"""Hostile exports: each is one located error line, exit 1, bounded time and memory, no file.

Every case prepares the workspace, runs ``deckgen check`` (or ``build``) in a forked child
under a memory cap and a deadline (see conftest), and checks the one error line and that
nothing in the data folder changed.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_runner import run, snapshot

Setup = Callable[[Path], None]


def _config(extra: str) -> Setup:
    def setup(folder: Path) -> None:
        path = folder / "deckgen.toml"
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return setup


def _source(name: str, target: str, extra: str = "") -> Setup:
    """Point ``[sources] name`` at ``target`` (by rewriting the line)."""
    def setup(folder: Path) -> None:
        path = folder / "deckgen.toml"
        text = path.read_text(encoding="utf-8")
        lines = [f'{name} = "{target}"' if line.startswith(f"{name} = ") else line
                 for line in text.splitlines()]
        path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return setup


def _both(*steps: Setup) -> Setup:
    def setup(folder: Path) -> None:
        for step in steps:
            step(folder)
    return setup


Content = bytes | str | Callable[[], bytes]


def _write(name: str, data: Content) -> Setup:
    """Write ``data`` (made by calling it, for the large ones) as ``name``."""
    def setup(folder: Path) -> None:
        made = data() if callable(data) else data
        (folder / name).write_bytes(made.encode("utf-8") if isinstance(made, str) else made)
    return setup


def _folder_named(name: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / name).unlink(missing_ok=True)
        (folder / name).mkdir()
    return setup


def _fifo(name: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / name).unlink()
        os.mkfifo(folder / name)
    return setup


def _link(name: str, target: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / name).unlink(missing_ok=True)
        (folder / name).symlink_to(target)
    return setup


def _loop(name: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / name).unlink()
        (folder / "a.csv").symlink_to(folder / "b.csv")
        (folder / "b.csv").symlink_to(folder / "a.csv")
        (folder / name).symlink_to(folder / "a.csv")
    return setup


def _zipped(member: str, data: bytes, *, level: int = 9) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


def _zipped_two() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", HEADER)
        archive.writestr("b.csv", HEADER)
    return buffer.getvalue()


def _tickets_zip(data: Content) -> Setup:
    return _both(_source("tickets", "tickets.zip"), _write("tickets.zip", data))


def _xlsx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (300 << 20))
    return buffer.getvalue()


HEADER = "Ticket ID,Associated Company IDs,Pipeline,Create date,Estimativa HH\n"
# Nine levels of nine aliases: 387 million cells if each alias were copied into the text.
YAML_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True))
YAML_BOMB += "releases:\n- {date: 2026-05-01, title: *i}\n"


def _releases(name: str, text: str) -> Setup:
    def setup(folder: Path) -> None:
        config = folder / "deckgen.toml"
        config.write_text(config.read_text("utf-8").replace(
            "[sources]\n", f'[sources]\nreleases = "{name}"\n'), "utf-8")
        (folder / name).write_text(text, encoding="utf-8")
    return setup


def _tickets(*rows: str) -> Setup:
    return _write("tickets.csv", HEADER + "".join(row + "\n" for row in rows))


DATA_CASES: dict[str, tuple[Setup, str]] = {
    # 6: what is not a regular file is never a silent "no file"
    "tickets-is-a-folder": (_folder_named("tickets.csv"), "tickets.csv: a folder, not an export"),
    "tickets-is-a-fifo": (_fifo("tickets.csv"), "tickets.csv: a named pipe (FIFO)"),
    "tickets-is-a-symlink-loop": (_loop("tickets.csv"), "tickets.csv: cannot read the file: a "
                                  "symbolic link loop"),
    "tickets-links-to-dev-zero": (
        _both(_link("tickets.csv", "/dev/zero"), _config("[paths]\nallow_outside_workspace = "
                                                         "true\n")),
        "tickets.csv: a device, not an export file"),
    "glob-matches-a-folder": (
        _both(_source("tickets", "tickets-*.csv"), _folder_named("tickets-2026.csv")),
        "tickets-2026.csv: a folder, not an export file"),
    "companies-is-a-folder": (_folder_named("companies.csv"), "companies.csv: a folder"),
    "tickets-over-the-size-cap": (
        _both(_config("[limits]\ntable_mb = 0.0001\n"), _tickets(*["1,101,Suporte,2026-05-02,1"]
                                                                 * 20)),
        "tickets.csv: cannot read the file: 608 bytes, over the limit of 104 bytes"),
    "zip-bomb-by-ratio": (
        _tickets_zip(lambda: _zipped("t.csv", HEADER.encode() + b" " * (200 << 20))),
        "more than 100 times"),
    "zip-member-over-absolute-cap": (
        _both(_config("[limits]\nzip_member_mb = 0.01\n"),
              _tickets_zip(lambda: _zipped("t.csv", HEADER.encode() + os.urandom(20_000).hex()
                                           .encode(), level=0))),
        "over the limit of 10,485 bytes"),
    "zip-with-two-members": (
        _tickets_zip(_zipped_two),
        "tickets.zip: expected one CSV or XLSX file in the ZIP, found a.csv, b.csv"),
    "xlsx-bomb": (_both(_source("tickets", "tickets.xlsx"), _write("tickets.xlsx", _xlsx_bomb)),
                  "workbook part xl/worksheets/sheet1.xml unpacks to"),
    "not-a-zip": (_tickets_zip(b"PK\x03\x04 not really"), "tickets.zip: not a readable ZIP"),
    # 3: sources stay inside the workspace
    "source-climbs-out": (_source("tickets", "../../etc/passwd"),
                          "sources.tickets: '../../etc/passwd' lies outside the data folder"),
    "source-is-absolute": (_source("tickets", "/etc/shadow"),
                           "sources.tickets: '/etc/shadow' lies outside the data folder"),
    "source-links-out": (_link("tickets.csv", "/etc/passwd"),
                         "sources.tickets: 'tickets.csv' is a symbolic link leading outside"),
    "glob-match-links-out": (
        _both(_source("tickets", "tickets-*.csv"), _link("tickets-2026.csv", "/etc/passwd")),
        "tickets-2026.csv: is a symbolic link leading outside the data folder"),
    "glob-climbs-out": (_source("tickets", "../*.csv"), "'../*.csv' lies outside"),
    # 11-13: silent wrong answers become errors at their row
    "duplicate-company-record-id": (
        _write("companies.csv", "Record ID,Company name\n101,Padaria\n102,Transportes\n"
               "101,Construtora Horizonte\n"),
        "companies.csv, row 4, column 'Record ID': Record ID 101 appears in rows 2 and 4"),
    "duplicate-ticket-id": (
        _tickets("1,101,Suporte,2026-05-02,1", "2,101,Suporte,2026-05-02,1",
                 "1,102,Suporte,2026-05-03,1"),
        "tickets.csv, row 4, column 'Ticket ID': ticket 1 appears in rows 2 and 4"),
    "day-month-order-contradicts": (
        _tickets("1,101,Suporte,13/09/2026,1", "2,101,Suporte,09/13/2026,1"),
        "row 3, column 'Create date': expected a date written DD/MM/YYYY"),
    "day-first-configured-contradicted": (
        _both(_source("tickets", "tickets.csv", ""), _tickets("1,101,Suporte,02/09/2026,1",
                                                               "2,101,Suporte,09/13/2026,1"),
              lambda folder: (folder / "deckgen.toml").write_text(
                  (folder / "deckgen.toml").read_text().replace(
                      'tickets = "tickets.csv"',
                      'tickets = { path = "tickets.csv", day_first = true }'))),
        "row 3, column 'Create date': expected a date written DD/MM/YYYY (the configured"),
    "year-1600": (_tickets("1,101,Suporte,1600-01-01 10:00,1"),
                  "row 2, column 'Create date': expected a date between 1900 and 2100"),
    "year-9999": (_tickets("1,101,Suporte,2026-05-01 10:00,1", "2,101,Suporte,9999-12-31,1"),
                  "row 3, column 'Create date': expected a date between 1900 and 2100"),
    "year-1-slash": (_tickets("1,101,Suporte,01/01/0001,1"),
                     "row 2, column 'Create date': expected a date between 1900 and 2100"),
    "excel-serial-zero": (_tickets("1,101,Suporte,00000,1"),
                          "row 2, column 'Create date': expected a date between 1900 and 2100"),
    "year-2150": (_tickets("1,101,Suporte,2150-01-01T00:00:00Z,1"),
                  "expected a date between 1900 and 2100, found '2150-01-01T00:00:00Z'"),
    "hours-infinite": (_tickets("1,101,Suporte,2026-05-02,1", "2,101,Suporte,2026-05-02,inf"),
                       "row 3, column 'Estimativa HH': expected a finite number, found 'inf'"),
    "nps-nan": (_write("surveys.csv", "Survey type,Response value,Submission date,Cliente\n"
                       "NPS,NaN,2026-05-05,Padaria\n"),
                "surveys.csv, row 2, column 'Response value': expected a finite number"),
    # 14-15: encoding problems name the real row and byte
    "one-cp1252-row-in-utf8": (
        _write("tickets.csv", HEADER.encode() + b"".join(
            f"{i},101,Suporte,2026-05-02,1\n".encode() for i in range(1, 300))
            + "300,101,Implantação,2026-05-02,1\n".encode("cp1252")
            + "301,101,Suporte Técnico,2026-05-02,1\n".encode()),
        "tickets.csv, row 301: mixes encodings: UTF-8 text, but byte 0xE7"),
    "utf16-without-bom": (_write("tickets.csv", HEADER.encode("utf-16-le")),
                          "looks like UTF-16 text without a byte-order mark; set encoding = "
                          "\"utf-16-le\""),
    "undefined-cp1252-byte": (_write("tickets.csv", HEADER.encode() + b"1,101,Sup\x81,x,1\n"),
                              "tickets.csv, row 2: not UTF-8 or Windows-1252 text: byte 0x81"),
    "empty-tickets": (_write("tickets.csv", b"\xef\xbb\xbf \n\n"), "tickets.csv: file is empty"),
    "one-20-mb-cell": (_write("tickets.csv", HEADER.encode() + b"1,101,Suporte,"
                              + b"x" * (20 << 20) + b",1\n"),
                       "row 2, column 'Create date': expected a date (YYYY-MM-DD HH:MM, ISO 8601, "
                       "DD/MM/YYYY [HH:MM] or an Excel serial number), found 'xxxxxxxx"),
    "ragged-row-20-mb-cell": (_write("tickets.csv", HEADER.encode() + b"1,101,Suporte,"
                                     + b"x" * (20 << 20) + b"\n"),
                              "found 'xxxxxxxx"),
    "yaml-nested-too-deeply": (_releases("rel.yaml", "[" * 50_000 + "]" * 50_000),
                               "rel.yaml: not valid YAML: nested too deeply"),
    "yaml-impossible-date": (_releases("rel.yaml", "- date: 2026-13-45\n  title: x\n"),
                             "rel.yaml: not valid YAML: month must be in 1..12"),
    "yaml-alias-bomb": (_releases("rel.yaml", YAML_BOMB),
                        "rel.yaml, row 1, column 'title': expected a text, number or date, "
                        "found a list"),
    "yaml-python-object": (_releases("rel.yaml", "!!python/object/apply:os.system ['id']\n"),
                           "rel.yaml: not valid YAML at line 1"),
    "releases-over-text-cap": (
        _both(_config('[limits]\ntext_mb = 0.001\n'),
              lambda folder: (folder / "deckgen.toml").write_text(
                  (folder / "deckgen.toml").read_text().replace(
                      '[sources]\n', '[sources]\nreleases = "releases.md"\n')),
              _write("releases.md", "## 2026-05-01 Big\n" + "x" * 5000)),
        "releases.md: cannot read the file: 5,018 bytes, over the limit of 1,048 bytes"),
}


@pytest.mark.parametrize("case", sorted(DATA_CASES))
def test_hostile_data_with_check(workspace: Path, case: str) -> None:
    setup, expected = DATA_CASES[case]
    setup(workspace)
    before = snapshot(workspace.parent)
    outcome = run(["check", "--data", str(workspace)])
    line = outcome.error_line()
    assert expected in line
    assert snapshot(workspace.parent) == before


@pytest.mark.parametrize("case", ["tickets-is-a-folder", "tickets-is-a-fifo",
                                  "duplicate-company-record-id", "zip-bomb-by-ratio",
                                  "year-1600", "hours-infinite"])
def test_hostile_data_with_build_writes_nothing(workspace: Path, case: str) -> None:
    setup, expected = DATA_CASES[case]
    setup(workspace)
    before = snapshot(workspace.parent)
    outcome = run(["build", "Padaria", "--data", str(workspace), "--period",
                   "2026-05-01..2026-05-31"])
    assert expected in outcome.error_line()
    assert snapshot(workspace.parent) == before


def test_an_empty_create_date_column_is_a_warning_in_build_too(workspace: Path) -> None:
    _tickets("1,101,Suporte,,1", "2,101,Suporte,,1")(workspace)
    outcome = run(["build", "Padaria", "--data", str(workspace), "--period",
                   "2026-05-01..2026-05-31", "--out", str(workspace.parent / "out")])
    assert outcome.exit_code == 0, outcome.stderr
    assert "  warning: tickets: tickets.csv: 2 of 2 rows have no 'Create date'" in (
        outcome.stderr.splitlines())



def test_off_scale_survey_answers_are_named_by_check_and_shown_in_the_workbook(
    workspace: Path,
) -> None:
    import openpyxl

    valid = ("NPS,9,2026-05-05 10:00,101\nNPS,3,2026-05-06 10:00,101\n"
             "CSAT,4,2026-05-06 10:00,101\n")
    off = "NPS,11,2026-05-07 10:00,101\nNPS,-1,2026-05-08 10:00,101\n" \
          "NPS,\"7,5\",2026-05-09 10:00,101\nCSAT,0,2026-05-10 10:00,101\n"
    header = "Survey type,Response value,Submission date,Associated Company IDs\n"
    period = ["--period", "2026-05-01..2026-05-31"]

    def workbook(rows: str, out: str) -> dict[str, list[tuple[object, ...]]]:
        (workspace / "surveys.csv").write_text(header + rows, encoding="utf-8")
        outcome = run(["build", "101", "--data", str(workspace), *period, "--out",
                       str(workspace.parent / out)])
        assert outcome.exit_code == 0, outcome.stderr
        book = openpyxl.load_workbook(next((workspace.parent / out).rglob("*.xlsx")))
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}

    clean, dirty = workbook(valid, "clean"), workbook(valid + off, "dirty")
    for title, rows in clean.items():  # what valid answers count does not change
        if title != "Resumo":
            assert dirty[title] == rows, title
    assert dirty["Resumo"][:len(clean["Resumo"])] == clean["Resumo"]
    assert dirty["Resumo"][-1] == ("Respostas de pesquisa fora da escala (não contadas)", 4,
                                   None, None)
    assert [row[1:3] for row in dirty["Respostas inválidas"][1:]] == [
        ("NPS", 11), ("NPS", -1), ("NPS", 7.5), ("CSAT", 0)]
    assert dirty["Respostas inválidas"][0][-2:] == ("Arquivo", "Linha")
    assert [row[-2:] for row in dirty["Respostas inválidas"][1:]] == [  # as `check` names them
        ("surveys.csv", 5), ("surveys.csv", 6), ("surveys.csv", 7), ("surveys.csv", 8)]
    check = run(["check", "--data", str(workspace)])
    assert "4 answers outside their scale" in check.stdout + check.stderr
    assert "row 5 (NPS 11)" in check.stdout + check.stderr
