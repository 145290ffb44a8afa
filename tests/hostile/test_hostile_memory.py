"""Running out of memory anywhere in a command: one located line, exit 1, nothing half-written."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hostile_runner import run, snapshot

import deckgen
import deckgen.hubspot.pull
import deckgen.pipelines.review
import deckgen.pipelines.template_kinds
import deckgen.sources.reader


def _no_memory(*args: Any, **kwargs: Any) -> Any:
    raise MemoryError


def _out(workspace: Path) -> list[str]:
    return ["--data", str(workspace), "--out", str(workspace.parent / "out")]


# (what runs out of memory, the command, what the line must name)
CASES: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], list[str], str]] = {
    "reading-an-export": (
        lambda m: m.setattr(deckgen.sources.reader, "read_table", _no_memory),
        ["build", "101"], "companies.csv: not enough memory to read this file"),
    "computing-the-indicators": (
        lambda m: m.setattr(deckgen.pipelines.review, "compute_review", _no_memory),
        ["build", "101"], "deckgen build: not enough memory"),
    "writing-the-workbook": (
        lambda m: m.setattr(xlsxwriter.Workbook, "close", _no_memory),
        ["build", "101"], "padaria-pao-quente/indicadores.xlsx: not enough memory to produce it; "
                          "nothing was written"),
    "writing-the-minutes": (
        lambda m: m.setattr("docx.document.Document.save", _no_memory),
        ["minutes", "101"], "-ata-revisao.docx: not enough memory to produce it; nothing was "
                            "written"),
    "checking-a-template": (
        lambda m: m.setattr(deckgen.pipelines.template_kinds, "check_template", _no_memory),
        ["template", "check", "TEMPLATE"], "deckgen template: not enough memory"),
    "pulling": (
        lambda m: m.setattr(deckgen.hubspot.pull, "pull", _no_memory),
        ["pull"], "deckgen pull: not enough memory"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_memory_error_is_one_located_line(workspace: Path, monkeypatch: pytest.MonkeyPatch,
                                          case: str) -> None:
    patch, args, expected = CASES[case]
    if args[0] == "template":
        args = ["template", "check", str(Path(deckgen.__file__).parent.parent / "templates"
                                         / "review.pptx")]
    elif args[0] == "pull":
        monkeypatch.setenv("HUBSPOT_TOKEN", "pat-na1-test")
        args = ["pull", "--data", str(workspace)]
    else:
        args = [*args, *_out(workspace)]
    before = snapshot(workspace.parent)
    patch(monkeypatch)  # the forked child inherits it
    line = run(args).error_line()
    assert expected in line, line
    assert snapshot(workspace.parent) == before  # no partial file, no empty folder


def test_a_previous_set_survives_running_out_of_memory(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["build", "101", *_out(workspace)]).exit_code == 0
    before = snapshot(workspace.parent)
    monkeypatch.setattr(xlsxwriter.Workbook, "close", _no_memory)
    line = run(["build", "101", *_out(workspace)]).error_line()
    assert "indicadores.xlsx: not enough memory to produce it; nothing was written" in line
    after = snapshot(workspace.parent)
    assert {k: v for k, v in after.items() if "." in k} == \
        {k: v for k, v in before.items() if "." in k}


def test_a_real_allocation_over_the_memory_cap(workspace: Path) -> None:
    """A text a template may build (limits raised on purpose) that the process cannot hold."""
    config = workspace / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8") + "[limits]\ntemplate_output_mb = "
                      "1024\n", encoding="utf-8")
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))
    from pptx_builder import TemplateBuilder

    builder = TemplateBuilder()
    builder.text(builder.slide(), "Body", "{{ ('x' * 400000000)|length }}")
    template = builder.save(workspace.parent / "greedy.pptx")
    before = snapshot(workspace.parent)
    line = run(["build", "101", "--template", str(template), *_out(workspace)],
               memory_mb=128).error_line()
    assert line.startswith("Error: greedy.pptx, slide 1, shape 'Body': not enough memory to "
                           "render {{ ('x' * 400000000)|length }}"), line
    assert snapshot(workspace.parent) == before


def test_reading_a_large_file_to_publish_without_memory(workspace: Path) -> None:
    big = workspace.parent / "big.pdf"
    with open(big, "wb") as stream:
        stream.truncate(200 << 20)  # sparse: 200 MB that costs no disk
    line = run(["publish", "101", str(big), "--dry-run", "--data", str(workspace)],
               memory_mb=64).error_line()
    assert f"{big}" in line and "not enough memory" in line, line
    assert os.path.getsize(big) == 200 << 20


def test_a_client_out_of_memory_in_a_batch_fails_alone_and_named(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deckgen.pipelines.review, "compute_review", _no_memory)
    outcome = run(["build", "--all", "--jobs", "1", *_out(workspace)])
    assert outcome.exit_code == 1 and "Traceback" not in outcome.stdout + outcome.stderr
    assert "failed  Padaria Pão Quente: not enough memory to build this client's review" in \
        outcome.stdout.splitlines()
    assert not (workspace.parent / "out").exists()
