"""``deckgen init``: the configuration it writes for the sample workspaces and an unseen one
gives the numbers of the shipped configurations (indicators compared, not pixels)."""

from __future__ import annotations

import dataclasses
import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.config import Config, load_config
from deckgen.indicators.review import compute_review
from deckgen.model.review import Period, ReviewReport
from deckgen.pipelines.init import init_workspace
from deckgen.sources.workspace import load_workspace
from tests.init import english_workspace

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
SISMETRO_STREAMS = (
    "csm:support=Erro,Dúvida,Cadastro,Personalização",
    "csi:implementation=Implantação,Visita Técnica",
    "desenvolvimento:technology=Adequação,Chamado,Integração",
)


def _copy(name: str, tmp_path: Path) -> Path:
    folder = tmp_path / name
    shutil.copytree(SAMPLES / name, folder)
    (folder / "deckgen.toml").unlink()
    return folder


def _period(name: str) -> Period:
    start, end = (SAMPLES / name / "review-period.txt").read_text("utf-8").strip().split("..")
    return Period(date.fromisoformat(start), date.fromisoformat(end))


def _reports(config: Config, period: Period) -> dict[str, ReviewReport]:
    tables = load_workspace(config)
    return {str(cid): compute_review(tables, str(cid), period, today=period.end)
            for cid in tables.companies["company_id"]}


def _numbers(report: ReviewReport) -> dict[str, object]:
    """Everything a client sees in the review, but the configured company name; streams by
    key (their order is the configuration's, not a number)."""
    numbers = {k: v for k, v in dataclasses.asdict(report).items() if k != "company"}
    numbers["streams"] = {s["key"]: s for s in numbers["streams"]}
    return numbers


def _assert_same_numbers(folder: Path, name: str) -> None:
    """The init configuration, with the shipped [sla] and [summary] (targets and clock:
    decisions no export states), gives the shipped configuration's review of every client."""
    shipped = load_config(SAMPLES / name)
    written = load_config(folder)
    written = written.model_copy(
        update={"sla": shipped.sla, "summary": shipped.summary, "data_dir": folder})
    period = _period(name)
    expected, got = _reports(shipped, period), _reports(written, period)
    assert expected.keys() == got.keys()
    for cid, report in expected.items():
        assert _numbers(got[cid]) == _numbers(report), cid


def test_gcertifica_without_its_configuration_gets_the_same_numbers(tmp_path: Path) -> None:
    folder = _copy("gcertifica", tmp_path)
    result = CliRunner().invoke(main, ["init", str(folder), "--yes"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {folder / 'deckgen.toml'}\n")
    assert "ok: every source can be read" in result.output
    text = (folder / "deckgen.toml").read_text("utf-8")
    assert 'prioritized = ["Priorizado pelo cliente"]' in text
    assert 'closed_statuses = ["Fechado", "Concluído", "Entregue"]' in text
    _assert_same_numbers(folder, "gcertifica")


def test_sismetro_gets_one_stream_per_ticket_type_and_a_todo(tmp_path: Path) -> None:
    folder = _copy("sismetro", tmp_path)
    result = init_workspace(folder)
    config = tomllib.loads(result.text)
    types = {"Implantação", "Erro", "Dúvida", "Cadastro", "Visita Técnica", "Personalização",
             "Integração", "Chamado", "Adequação"}
    assert [s["match"] for s in config["streams"]] == [[t] for t in _by_count(folder, types)]
    assert any("business decision" in todo and "ticket type" in todo for todo in result.todos)
    assert "# TODO: which ticket types form which team's stream" in result.text
    loaded = load_config(folder)
    reports = _reports(loaded, _period("sismetro"))
    for report in reports.values():
        assert report.support is not None and report.implementation is not None
        assert report.technology is not None


def _by_count(folder: Path, types: set[str]) -> list[str]:
    config = tomllib.loads((folder / "deckgen.toml").read_text("utf-8"))
    order = [s["match"][0] for s in config["streams"]]
    assert set(order) == types
    return order


def test_sismetro_with_the_stream_option_gets_the_shipped_numbers(tmp_path: Path) -> None:
    folder = _copy("sismetro", tmp_path)
    args = ["init", str(folder), "--yes"]
    for stream in SISMETRO_STREAMS:
        args += ["--stream", stream]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "business decision" not in result.output
    _assert_same_numbers(folder, "sismetro")


def test_sismetro_answered_through_the_prompts_gets_the_shipped_numbers(tmp_path: Path) -> None:
    folder = _copy("sismetro", tmp_path)
    teams = {"Erro": "csm:support", "Dúvida": "csm:support", "Cadastro": "csm:support",
             "Personalização": "csm:support", "Implantação": "csi:implementation",
             "Visita Técnica": "csi:implementation", "Adequação": "desenvolvimento:technology",
             "Chamado": "desenvolvimento:technology", "Integração": "desenvolvimento:technology"}
    asked: list[str] = []

    def ask(question: str, default: str) -> str:
        asked.append(question)
        for value, answer in teams.items():
            if f"ticket type {value!r}" in question:
                return answer
        return default

    init_workspace(folder, ask=ask)
    assert sum("Stream for ticket type" in q for q in asked) == len(teams)
    _assert_same_numbers(folder, "sismetro")


def test_an_unseen_english_hubspot_workspace_gets_a_deck_with_no_todo(tmp_path: Path) -> None:
    folder = english_workspace.write(tmp_path / "acme")
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(folder), "--yes", "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = (folder / "deckgen.toml").read_text("utf-8")
    assert "# TODO" not in text and "TODO:" not in result.output
    assert 'sla_status = ["Time to close SLA status"]' in text
    roles = {s["key"]: s["role"] for s in tomllib.loads(text)["streams"]}
    assert roles == {"support_pipeline": "support", "onboarding": "implementation",
                     "engineering": "technology"}
    built = runner.invoke(main, ["build", "Northwind", "--data", str(folder),
                                 "--period", "2026-08-01..2026-10-31"])
    assert built.exit_code == 0, built.output
    from pptx import Presentation

    deck = next((folder / "out").rglob("*.pptx"))
    words = " ".join(shape.text_frame.text for slide in Presentation(str(deck)).slides
                     for shape in slide.shapes if shape.has_text_frame)
    assert "TODO" not in words
    assert "Northwind Logistics" in words


def test_an_existing_configuration_is_kept_without_force(tmp_path: Path) -> None:
    folder = _copy("gcertifica", tmp_path)
    (folder / "deckgen.toml").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(folder), "--yes"])
    assert result.exit_code == 1
    assert result.output == (f"Error: {folder / 'deckgen.toml'}: a configuration exists "
                             "already; give --force to replace it\n")
    assert (folder / "deckgen.toml").read_text("utf-8") == "mine"
    assert CliRunner().invoke(main, ["init", str(folder), "--yes", "--force"]).exit_code == 0


@pytest.mark.parametrize("text", ["csm", "csm=", "csm:boss=Erro"])
def test_a_bad_stream_option_is_one_line(tmp_path: Path, text: str) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--yes", "--stream", text])
    assert result.exit_code != 0
    assert "--stream" in result.output and "Traceback" not in result.output


def test_a_file_missing_an_identifying_column_is_named_with_what_it_lacks(
    tmp_path: Path,
) -> None:
    folder = english_workspace.write(tmp_path / "acme")
    tickets = folder / "hubspot-crm-exports-all-tickets-2026-11-02.csv"
    tickets.write_text(tickets.read_text("utf-8-sig").replace("Create date", "Opened"),
                       encoding="utf-8")
    result = init_workspace(folder)
    assert "tickets = " not in result.text
    assert ("# not used: hubspot-crm-exports-all-tickets-2026-11-02.csv: looks like tickets "
            "but lacks created_at") in result.text


def test_a_missing_folder_is_said_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "nope"), "--yes"])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope'}: folder not found\n"


def test_on_a_terminal_each_guess_is_asked_with_its_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy("gcertifica", tmp_path)
    monkeypatch.setattr("deckgen.cli.init._on_a_terminal", lambda: True)
    answers = "n\n" + "\n" * 40  # refuse the first proposal (ISM), accept the rest
    result = CliRunner().invoke(main, ["init", str(folder)], input=answers)
    assert result.exit_code == 0, result.output
    assert ("hubspot-crm-exports-all-companies-2026-11-20.xlsx: read 'ISM' as "
            "owner_implementation (it resembles 'Analista de implantação')? (y/n) [y]: n"
            ) in result.output
    assert "Ticket statuses that mean closed (comma-separated)? [Fechado, Concluído, Entregue]:" \
        in result.output
    text = (folder / "deckgen.toml").read_text("utf-8")
    assert "owner_implementation" not in text and "go_live = " in text


def test_a_folder_without_a_companies_export_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("Title,Text\na,b\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--yes"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path}: no companies export found (a file "
                                    "with headers such as 'Record ID' and 'Company name'); ")
    assert len(result.output.splitlines()) == 1
    assert not (tmp_path / "deckgen.toml").exists()
