"""Hostile conditions around output: planted cache entries, full disks, kills, name collisions."""

from __future__ import annotations

import contextlib
import errno
import marshal
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import xlsxwriter
from docx import Document
from hostile_runner import run, snapshot

from deckgen.render import jinja
from deckgen.render.jinja import cache_key, compile_template, make_environment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))

from pptx_builder import TemplateBuilder  # noqa: E402

# -- the compiled-template cache ----------------------------------------------------------------


def _plant(folder: Path, source: str, marker: Path, header: bool = True) -> Path:
    """A cache entry for ``source`` whose code, if ever run, writes ``marker``."""
    env = make_environment("en")
    key = cache_key(env, "template", source)
    code = compile(f"import pathlib; pathlib.Path({str(marker)!r}).write_text('ran')",
                   "<template>", "exec")
    entry = folder / f"{key}.code"
    prefix = f"deckgen-jinja {key}\n".encode() if header else b""
    entry.write_bytes(prefix + marshal.dumps(code))
    entry.chmod(0o600)
    return entry


def _compile(source: str) -> None:
    # a planted entry that ran fails later (it defines no template), as it may
    with contextlib.suppress(Exception):
        compile_template(make_environment("en"), source)


@pytest.mark.parametrize("tamper", ["entry-world-writable", "entry-group-writable",
                                    "entry-other-owner", "folder-world-writable",
                                    "no-header"])
def test_a_planted_cache_entry_is_not_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               tamper: str) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(folder))
    jinja._cache_dir()  # creates it, 0700
    assert folder.stat().st_mode & 0o777 == 0o700
    source, marker = f"{{{{ 1 }}}} {tamper}", tmp_path / "ran"
    entry = _plant(folder, source, marker, header=tamper != "no-header")
    if tamper == "entry-world-writable":
        entry.chmod(0o666)
    elif tamper == "entry-group-writable":
        entry.chmod(0o620)
    elif tamper == "entry-other-owner":
        if os.geteuid() != 0:
            pytest.skip("only root can give a file to another user")
        os.chown(entry, 65534, 65534)
    elif tamper == "folder-world-writable":
        folder.chmod(0o777)
    _compile(source)
    assert not marker.exists()


def test_a_private_entry_is_used_so_the_test_above_can_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DECKGEN_CACHE_DIR", str(folder))
    jinja._cache_dir()
    source, marker = "{{ 2 }} private", tmp_path / "ran"
    _plant(folder, source, marker)
    _compile(source)
    assert marker.read_text() == "ran"


# -- output sets ---------------------------------------------------------------------------------


def _build(workspace: Path, *extra: str) -> list[str]:
    return ["build", "101", "--data", str(workspace), "--out", str(workspace / "out"), *extra]


def _files(workspace: Path) -> dict[str, tuple[int, int]]:
    """The files under ``workspace`` (folders' times change as temporary files come and go)."""
    return {k: v for k, v in snapshot(workspace).items() if not (workspace / k).is_dir()}


def _folder(workspace: Path) -> Path:
    return workspace / "out" / "padaria-pao-quente"


def test_disk_full_while_writing_the_workbook_keeps_the_previous_set(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(_build(workspace)).exit_code == 0
    before = snapshot(workspace)

    def full(self: object) -> None:
        raise xlsxwriter.exceptions.FileCreateError(OSError(errno.ENOSPC, "No space left"))

    monkeypatch.setattr(xlsxwriter.Workbook, "close", full)  # the forked child inherits it
    line = run(_build(workspace)).error_line()
    assert line == f"Error: {_folder(workspace)}: the disk is full; nothing was written"
    assert _files(workspace) == {k: v for k, v in before.items() if "." in k}  # whole, alone


def test_disk_full_on_a_real_tiny_disk(workspace: Path, tmp_path: Path) -> None:
    disk = tmp_path / "tiny"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        line = run(["build", "101", "--data", str(workspace), "--out", str(disk)]).error_line()
        assert line.startswith(f"Error: {disk}/padaria-pao-quente: the disk is full"), line
        assert list(disk.iterdir()) == []  # no half deck, no temporary file, no empty folder
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_failed_build_leaves_the_previous_set_whole(workspace: Path) -> None:
    assert run(_build(workspace)).exit_code == 0
    before = snapshot(workspace)
    builder = TemplateBuilder()
    builder.text(builder.slide(), "Body", "{{ nothing.here }}")
    template = builder.save(workspace.parent / "broken.pptx")
    run(_build(workspace, "--template", str(template))).error_line()
    assert _files(workspace) == {k: v for k, v in before.items() if "." in k}


def test_a_build_removes_stale_temporary_files_of_killed_runs(workspace: Path) -> None:
    folder = _folder(workspace)
    folder.mkdir(parents=True)
    dead = folder / ".2026-05-31-revisao.pptx.deckgen-999999999-abc123.tmp"
    legacy = folder / ".indicadores.xlsx.k3j2h1g0.tmp"
    alive = folder / f".indicadores.xlsx.deckgen-{os.getppid()}-live.tmp"
    for path in (dead, legacy, alive):
        path.write_bytes(b"partial")
    pdf_folder = folder / ".deckgen-pdf-999999999-x1y2"
    pdf_folder.mkdir()
    (pdf_folder / "half.pdf").write_bytes(b"%PDF")
    os.utime(legacy, (time.time() - 7200, time.time() - 7200))
    assert run(_build(workspace)).exit_code == 0
    names = {p.name for p in folder.iterdir()}
    assert dead.name not in names and legacy.name not in names
    assert pdf_folder.name not in names
    assert alive.name in names  # a run still going keeps its file


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_build_cleans_up(workspace: Path, signum: int) -> None:
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8") + "[limits]\ntemplate_iterations = "
                      "100000000\n", encoding="utf-8")
    builder = TemplateBuilder()
    builder.text(builder.slide(), "Body", "{% set n = 9999 %}{% for i in range(n) %}"
                 "{% for j in range(n) %}{% endfor %}{% endfor %}")
    template = builder.save(workspace.parent / "slow.pptx")
    before = snapshot(workspace)
    child = subprocess.Popen([sys.executable, "-m", "deckgen", *_build(workspace, "--template",
                                                                      str(template))],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not any(_folder(workspace).glob(".*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)  # wait until the deck's temporary file exists
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == (143 if signum == signal.SIGTERM else 1), stderr
    assert b"Traceback" not in stderr
    assert snapshot(workspace) == before  # no temporary file, no deck, no empty folder


# -- unique output folders -----------------------------------------------------------------------

COLLIDING = ("Record ID,Company name\n101,Grupo A/B\n102,Grupo A-B\n103,شركة النور\n"
             "104,مؤسسة الأمل\n")


def test_clients_whose_names_slug_alike_get_distinct_folders(workspace: Path) -> None:
    (workspace / "companies.csv").write_text(COLLIDING, encoding="utf-8")
    (workspace / "tickets.csv").write_text(
        "Ticket ID,Associated Company IDs,Pipeline,Create date,Estimativa HH\n"
        + "".join(f"{n},{n + 100},Suporte,2026-05-02 10:00,2\n" for n in range(1, 5)),
        encoding="utf-8")
    outcome = run(["build", "--all", "--data", str(workspace), "--out", str(workspace / "out")])
    assert outcome.exit_code == 0, outcome.stderr
    folders = sorted(p.name for p in (workspace / "out").iterdir())
    assert folders == ["103", "104", "grupo-a-b-101", "grupo-a-b-102"]
    assert all(len(list((workspace / "out" / f).glob("*.pptx"))) == 1 for f in folders)
    minutes = run(["minutes", "102", "--data", str(workspace), "--out", str(workspace / "out")])
    assert minutes.exit_code == 0, minutes.stderr
    assert len(list((workspace / "out" / "grupo-a-b-102").glob("*.docx"))) == 1  # beside its deck


# -- templates that are no template ---------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["template", "check", "/dev/zero"],
    ["build", "101", "--template", "/dev/zero"],
    ["minutes", "101", "--template", "/dev/zero"],
])
def test_a_device_as_template_is_one_line(workspace: Path, args: list[str]) -> None:
    before = snapshot(workspace)
    extra = [] if args[0] == "template" else ["--data", str(workspace), "--out",
                                              str(workspace / "out")]
    line = run([*args, *extra]).error_line()
    assert line == "Error: /dev/zero: a device, not a file"
    assert snapshot(workspace) == before


def test_a_fifo_as_template_is_one_line(workspace: Path) -> None:
    fifo = workspace.parent / "review.pptx"
    os.mkfifo(fifo)
    line = run(["template", "check", str(fifo)]).error_line()
    assert line == f"Error: {fifo}: a named pipe (FIFO), not a file"


def test_a_word_template_dotx_writes_a_document(workspace: Path) -> None:
    document = Document()
    document.add_paragraph("Ata de {{ client.name }}")
    docx = workspace.parent / "ata.docx"
    document.save(str(docx))
    import zipfile
    dotx = workspace.parent / "ata.dotx"
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(dotx, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, data)
    outcome = run(["minutes", "101", "--data", str(workspace), "--template", str(dotx),
                   "--out", str(workspace / "out")])
    assert outcome.exit_code == 0, outcome.stderr
    written = next((workspace / "out").rglob("*.docx"))
    assert Document(str(written)).paragraphs[0].text == "Ata de Padaria Pão Quente"


def test_the_pdf_of_a_replaced_deck_goes_with_it_and_stays_when_the_build_fails(
    workspace: Path,
) -> None:
    assert run(_build(workspace)).exit_code == 0
    deck = next(_folder(workspace).glob("*.pptx"))
    old_pdf = deck.with_suffix(".pdf")
    old_pdf.write_bytes(b"%PDF of the previous deck")
    builder = TemplateBuilder()
    builder.text(builder.slide(), "Body", "{{ nothing.here }}")
    broken = builder.save(workspace.parent / "broken.pptx")
    run(_build(workspace, "--template", str(broken))).error_line()
    assert old_pdf.is_file()  # the failed build changed nothing of the set
    assert run(_build(workspace)).exit_code == 0
    assert not old_pdf.exists()  # it showed the deck the new one replaced


# -- the PDF inside the output set ---------------------------------------------------------------

FAKE_SOFFICE = """#!/bin/sh
# A stand-in for LibreOffice: writes OUTDIR/STEM.pdf for each document, or fails as told.
outdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) outdir="$2"; shift 2;;
    -*) shift;;
    *) doc="$1"; shift
       case "{mode}" in
         fail) echo "Error: source file could not be loaded" >&2; exit 1;;
         nothing) ;;
         *) name=$(basename "$doc"); mkdir -p "$outdir"
            printf '%%PDF-1.4 of %s' "$name" > "$outdir/${{name%.*}}.pdf";;
       esac;;
  esac
done
"""


def _fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """A fake ``soffice`` first on PATH (the forked child inherits the environment)."""
    folder = tmp_path / f"bin-{mode}"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(FAKE_SOFFICE.format(mode=mode), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


def test_build_pdf_appears_with_its_deck_and_workbook(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch, "ok")
    outcome = run(_build(workspace, "--pdf"))
    assert outcome.exit_code == 0, outcome.stderr
    deck = next(_folder(workspace).glob("*.pptx"))
    pdf = deck.with_suffix(".pdf")
    assert pdf.read_bytes() == f"%PDF-1.4 of {deck.name}".encode()  # converted under its name
    assert f"  wrote {pdf}" in outcome.stdout.splitlines()
    assert sorted(p.name for p in _folder(workspace).iterdir()) == sorted(
        [deck.name, pdf.name, "indicadores.xlsx"])  # no temporary file or folder left


@pytest.mark.parametrize("mode", ["fail", "nothing"])
def test_a_failed_pdf_conversion_keeps_the_previous_set_whole(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    assert run(_build(workspace)).exit_code == 0
    deck = next(_folder(workspace).glob("*.pptx"))
    deck.with_suffix(".pdf").write_bytes(b"%PDF of the previous deck")
    before = _files(workspace)
    _fake_soffice(tmp_path, monkeypatch, mode)
    line = run(_build(workspace, "--pdf")).error_line()
    assert line.startswith(f"Error: {deck}: LibreOffice "), line
    assert _files(workspace) == before  # deck, workbook and PDF of the previous build, as they were


def test_a_failed_pdf_conversion_in_a_batch_fails_that_client_only(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch, "fail")
    outcome = run(["build", "--all", "--data", str(workspace), "--out", str(workspace / "out"),
                   "--pdf", "--jobs", "1"])
    assert outcome.exit_code == 1
    assert "failed  Padaria Pão Quente: " in outcome.stdout
    assert "LibreOffice failed to convert it to PDF" in outcome.stdout
    assert not (workspace / "out").exists() or not any((workspace / "out").rglob("*.*"))


def test_batch_pdfs_are_written_inside_each_clients_set(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch, "ok")
    outcome = run(["build", "--all", "--data", str(workspace), "--out", str(workspace / "out"),
                   "--pdf", "--jobs", "2"])
    assert outcome.exit_code == 0, outcome.stdout + outcome.stderr
    for folder in (workspace / "out").iterdir():
        names = sorted(p.name for p in folder.iterdir())
        assert [Path(n).suffix for n in names] == [".pdf", ".pptx", ".xlsx"], names


def test_portfolio_pdf_failure_leaves_no_report(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch, "fail")
    args = ["portfolio", "--data", str(workspace), "--out", str(workspace / "out"),
            "--period", "2026-05-01..2026-05-31", "--pdf"]
    line = run(args).error_line()
    assert "portfolio.pptx: LibreOffice failed to convert it to PDF" in line, line
    assert not (workspace / "out").exists()
    _fake_soffice(tmp_path, monkeypatch, "ok")
    assert run(args).exit_code == 0
    assert sorted(p.suffix for p in (workspace / "out" / "portfolio").iterdir()) == [
        ".pdf", ".pptx", ".xlsx"]


def test_a_powerpoint_template_potx_writes_a_presentation(workspace: Path) -> None:
    import zipfile

    from pptx import Presentation

    builder = TemplateBuilder()
    builder.text(builder.slide(), "Body", "{{ client.name }}")
    source = builder.save(workspace.parent / "plain.pptx")
    main = b"presentationml.presentation.main+xml"
    potx = workspace.parent / "review.potx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(potx, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(main, b"presentationml.template.main+xml")
            zout.writestr(item, data)
    outcome = run(_build(workspace, "--template", str(potx)))
    assert outcome.exit_code == 0, outcome.stderr
    deck = next(_folder(workspace).glob("*.pptx"))
    with zipfile.ZipFile(deck) as written:
        assert main in written.read("[Content_Types].xml")
    assert Presentation(str(deck)).slides[0].shapes[0].text_frame.text == "Padaria Pão Quente"
