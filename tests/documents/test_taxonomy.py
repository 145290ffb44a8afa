"""A third company's taxonomy, declared only in its own files, flows into its documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import main
from documents.readback import all_text, row_with, tables

# A veterinary-clinic software house: none of its fields is built in or in the shipped playbook.
CONFIG = """\
[company]
name = "VetNuvem"

[sources]
companies = "empresas.csv"

[[streams]]
key = "suporte"
label = "Suporte"
role = "support"
match = ["Suporte"]

[fields.clinics]
kind = "int"
headers = ["Número de clínicas"]

[fields.specialties]
kind = "list"
headers = ["Especialidades atendidas"]

[fields.previous_system]
headers = ["Sistema anterior"]

[fields.data_migrated]
kind = "bool"
headers = ["Dados migrados"]

[fields.vet_training_on]
kind = "date"
headers = ["Treinamento veterinário"]

[documents]
playbook = "playbook.{language}.toml"
playbook_fields = false  # its own taxonomy only: the shipped playbook's fields are not read
"""

PLAYBOOK = """\
[[kickoff.checklist]]
title = "Rede do cliente"
items = [
  { label = "Clínicas na rede", field = "clinics" },
  { label = "Especialidades", field = "specialties" },
  { label = "Sistema que substituímos", field = "previous_system" },
]

[[kickoff.actions]]
text = "Conferir a migração do histórico dos pacientes"
field = "data_migrated"

[client_kickoff]  # the shipped objectives, scope and client team name shipped fields
objectives = [{ label = "Especialidades", field = "specialties" }]
scope = []
client_team = []

[[client_kickoff.meetings]]
title = "Treinamento da equipe veterinária"
field = "vet_training_on"

[review.record]  # what the review minutes show from the record: nothing of the shipped playbook
expansion = "specialties"
second_wave = ""

[[handoff.actions]]
text = "Mudar a fase do cliente para Cliente ativo"
field = "phase"
expect = "Cliente ativo"
"""

COMPANIES = (
    "Record ID,Company name,Número de clínicas,Especialidades atendidas,Sistema anterior,"
    "Dados migrados,Treinamento veterinário,Cor favorita\n"
    "7,Rede Patas Felizes,12,Felinos;Exóticos,Planilhas,Sim,15/01/2027,azul\n"
    "8,Clínica Bem-te-vi,,,,não,,verde\n"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "deckgen.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "playbook.pt-BR.toml").write_text(PLAYBOOK, encoding="utf-8")
    (tmp_path / "empresas.csv").write_text(COMPANIES, encoding="utf-8")
    return tmp_path


def _run(data_dir: Path, *args: str) -> Path:
    out = data_dir / "out"
    result = CliRunner().invoke(
        main, [*args, "--data", str(data_dir), "--out", str(out), "--date", "2026-11-20"]
    )
    assert result.exit_code == 0, result.output
    (path,) = [p for p in out.rglob("*") if p.suffix in (".docx", ".pptx")]
    return path


def test_declared_fields_fill_the_kickoff_minutes(data_dir: Path) -> None:
    path = _run(data_dir, "kickoff", "Patas Felizes")
    assert row_with(path, "1.1")[1:] == ["Clínicas na rede", "12"]
    assert row_with(path, "1.2")[1:] == ["Especialidades", "Felinos, Exóticos"]
    assert row_with(path, "1.3")[1:] == ["Sistema que substituímos", "Planilhas"]
    (action,) = tables(path)[-1][1:]
    assert action[0] == "☑" and action[1] == "Conferir a migração do histórico dos pacientes"
    text = all_text(path)
    assert "azul" not in text  # an undeclared column is ignored
    assert "Objetivo de contratação" not in text  # the shipped checklist was replaced


def test_blank_declared_fields_are_left_to_fill_in(data_dir: Path) -> None:
    path = _run(data_dir, "kickoff", "Bem-te-vi")
    assert row_with(path, "1.1")[2] == "__________ (preencher na reunião)"
    (action,) = tables(path)[-1][1:]
    assert action[0] == "☐"


def test_a_declared_date_field_schedules_a_client_kickoff_meeting(data_dir: Path) -> None:
    path = _run(data_dir, "kickoff", "Patas Felizes", "--client-deck")
    rows = [
        [cell.text for cell in row.cells]
        for slide in Presentation(str(path)).slides
        for shape in slide.shapes
        if shape.has_table and shape.name == "table: timeline"
        for row in list(shape.table.rows)[1:]
    ]
    assert rows[-1] == ["Treinamento da equipe veterinária", "15 de janeiro de 2027", "Agendado"]


def test_the_review_minutes_show_the_fields_the_playbook_names(data_dir: Path) -> None:
    path = _run(data_dir, "minutes", "Patas Felizes", "--period", "2026-08-01..2026-10-31")
    text = all_text(path)
    assert "Potencial de expansão: Felinos, Exóticos" in text


def test_check_knows_only_this_taxonomy(data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  columns ignored: Cor favorita" in lines
    (absent,) = [line for line in lines if line.startswith("  optional columns absent: ")]
    assert "hiring_goal" not in absent and "clinics" not in absent


def test_the_shipped_playbook_still_needs_its_fields(data_dir: Path) -> None:
    playbook = data_dir / "playbook.pt-BR.toml"
    playbook.write_text(PLAYBOOK.split("[[handoff.actions]]")[0], encoding="utf-8")
    result = CliRunner().invoke(main, ["handoff", "Patas", "--data", str(data_dir)])
    assert result.exit_code == 1
    assert ("handoff.actions.1.field: unknown company column 'handoff_registered'"
            in result.output)


def test_a_playbook_naming_an_undeclared_field_is_a_one_line_error(data_dir: Path) -> None:
    playbook = data_dir / "playbook.pt-BR.toml"
    playbook.write_text(PLAYBOOK.replace('field = "clinics"', 'field = "clinicas"'),
                        encoding="utf-8")
    result = CliRunner().invoke(main, ["kickoff", "Patas", "--data", str(data_dir)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert ("kickoff.checklist.0.items.0.field: unknown company column 'clinicas' "
            "(did you mean 'clinics'?)") in result.output
