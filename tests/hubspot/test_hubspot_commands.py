"""``deckgen hubspot set-phase`` and ``deckgen pull`` (read back by the workspace readers)."""

from __future__ import annotations

import csv
import errno
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_hubspot import PORTAL_CONFIG, PULLED_SOURCES, FakeHubSpot

from deckgen.cli import main
from deckgen.config import load_config
from deckgen.sources.workspace import load_workspace

PULL_CONFIG = PORTAL_CONFIG + PULLED_SOURCES
def test_set_phase_shows_old_and_new_value(fake: FakeHubSpot, data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "Padaria", "Cliente ativo",
                                       "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert result.output == 'Padaria Pão Quente (101): fase_do_cliente "Adoção" → "Cliente ativo"\n'
    assert fake.companies["101"]["fase_do_cliente"] == "cliente_ativo"
    (patch,) = fake.requests("PATCH", "/crm/v3/objects/companies/101")
    assert json.loads(patch) == {"properties": {"fase_do_cliente": "cliente_ativo"}}


def test_set_phase_dry_run_changes_nothing(fake: FakeHubSpot, data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "101", "Cliente ativo",
                                       "--dry-run", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert f"PATCH {fake.url}/crm/v3/objects/companies/101" in result.output
    assert fake.companies["101"]["fase_do_cliente"] == "adocao"
    assert fake.log == []


def test_set_phase_needs_the_portal_property_name(fake: FakeHubSpot, data_dir: Path) -> None:
    config = data_dir / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'phase_property = "fase_do_cliente"\n', ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "Padaria", "Cliente ativo",
                                       "--data", str(data_dir)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {config}: hubspot.phase_property is not set (the internal name of the "
        "company property that holds the phase)\n")
    assert fake.log == []


def seed_crm(fake: FakeHubSpot) -> None:
    fake.page_size = 2
    fake.companies["103"] = {"name": "Clínica Bem Estar", "hubspot_owner_id": "8"}
    fake.owners = [{"id": "7", "firstName": "Ana", "lastName": "Lima", "email": "ana@x.com"},
                   {"id": "8", "firstName": "Bruno", "lastName": "Reis", "email": "b@x.com"}]
    fake.pipelines = [{"id": "0", "label": "Suporte", "stages": [
        {"id": "1", "label": "Novo"}, {"id": "4", "label": "Fechado"}]}]
    for number in range(1, 6):
        fake.tickets[str(500 + number)] = {
            "properties": {
                "subject": f"Chamado {number}", "hs_pipeline": "0",
                "hs_pipeline_stage": "4" if number <= 2 else "1",
                "hs_ticket_priority": "HIGH" if number % 2 else "LOW",
                "hs_ticket_category": "PRODUCT_ISSUE;BILLING_ISSUE" if number == 1 else "",
                "createdate": f"2026-0{number}-10T12:00:00.000Z",
                "closed_date": "2026-05-20T12:00:00.000Z" if number <= 2 else None,
                "hubspot_owner_id": "7",
            },
            "companies": ["101"] if number != 5 else ["102", "102"],
        }
    fake.feedback.update({
        "901": {"properties": {"hs_survey_type": "NPS", "hs_value": "9",
                               "hs_content": "Ótimo, mas \"lento\"; às vezes",
                               "hs_submission_timestamp": "2026-04-02T10:00:00Z"},
                "companies": ["101"]},
        "902": {"properties": {"hs_survey_type": "CSAT", "hs_value": "4", "hs_content": None,
                               "hs_submission_timestamp": "2026-05-02T10:00:00Z"},
                "companies": ["101"]},
        "903": {"properties": {"hs_survey_type": "NPS", "hs_value": "3", "hs_content": "Ruim",
                               "hs_submission_timestamp": "2025-12-02T10:00:00Z"},
                "companies": []},
    })


def test_pull_pages_through_everything_and_build_can_read_it(fake: FakeHubSpot,
                                                             tmp_path: Path) -> None:
    seed_crm(fake)
    data = tmp_path / "pulled"
    data.mkdir()
    (data / "deckgen.toml").write_text(PULL_CONFIG, encoding="utf-8")
    result = CliRunner().invoke(main, ["pull", "--data", str(data)])
    assert result.exit_code == 0, result.output
    day = date.today().isoformat()
    assert f"hubspot-crm-exports-all-tickets-{day}.csv (5 rows)" in result.output
    assert len(fake.requests("GET", "/crm/v3/objects/tickets")) == 3  # pages of 2
    assert len(fake.requests("GET", "/crm/v3/objects/companies")) == 2
    assert "note:" not in result.output

    workspace = load_workspace(load_config(data))
    companies = workspace.companies.set_index("company_id")
    assert companies.loc["101", "name"] == "Padaria Pão Quente"
    assert companies.loc["101", "phase"] == "Adoção"
    assert companies.loc["101", "owner_cs"] == "Ana Lima"
    assert companies.loc["101", "meeting_interval_days"] == 30
    assert companies.loc["103", "owner_sales"] == "Bruno Reis"
    tickets = workspace.tickets.set_index("ticket_id")
    assert len(tickets) == 5
    assert tickets.loc["501", "company_id"] == "101"
    assert tickets.loc["505", "company_id"] == "102"
    assert tickets.loc["501", "status"] == "Fechado"
    assert tickets.loc["501", "priority"] == "high"
    assert tickets.loc["501", "stream"] == "support"
    assert tickets.loc["501", "category"] == ("Product issue", "Billing issue")
    assert tickets.loc["503", "owner"] == "Ana Lima"
    assert bool(tickets.loc["501", "is_closed"]) and not bool(tickets.loc["503", "is_closed"])
    surveys = workspace.surveys.set_index("response_id")
    assert surveys.loc["901", "comment"] == "Ótimo, mas \"lento\"; às vezes"
    assert surveys.loc["901", "value"] == 9
    assert surveys.loc["902", "kind"] == "csat"


def test_pull_says_when_the_configuration_would_not_read_the_files(
        fake: FakeHubSpot, data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["pull", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert ('  note: [sources] companies = "companies.csv" does not match '
            f"hubspot-crm-exports-all-companies-{date.today().isoformat()}.csv; use "
            '"hubspot-crm-exports-all-companies-*.csv"') in result.output
    assert '  note: add  tickets = "hubspot-crm-exports-all-tickets-*.csv"' in result.output


def test_pull_without_feedback_scope_names_it(fake: FakeHubSpot, data_dir: Path,
                                              tmp_path: Path) -> None:
    fake.fail("403", path="/crm/v3/objects/feedback_submissions")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["pull", "--out", str(out), "--data", str(data_dir)])
    assert result.exit_code == 1
    assert "crm.objects.feedback_submissions.read" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_pull_keeps_owner_ids_without_owner_scope(fake: FakeHubSpot, data_dir: Path,
                                                  tmp_path: Path) -> None:
    fake.fail("403", path="/crm/v3/owners")
    result = CliRunner().invoke(main, ["pull", "--out", str(tmp_path / "out"),
                                       "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "warning: owners stay as ids (add the scope crm.objects.owners.read" in result.output
    companies = next((tmp_path / "out").glob("*companies*.csv")).read_text(encoding="utf-8")
    assert "101,Padaria Pão Quente,,,,Adoção,30,7\n" in companies



def test_pull_on_a_full_disk_is_one_line_and_keeps_the_previous_exports(
        fake: FakeHubSpot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_crm(fake)
    data = tmp_path / "pulled"
    data.mkdir()
    (data / "deckgen.toml").write_text(PULL_CONFIG, encoding="utf-8")
    day = date.today().isoformat()
    previous = data / f"hubspot-crm-exports-all-tickets-{day}.csv"
    previous.write_text("hs_object_id,subject\n1,Old\n", encoding="utf-8")
    written = csv.DictWriter.writerows

    def full_at_the_second(self: csv.DictWriter, rows: object) -> None:
        if self.fieldnames[-1] == "Associated Company":  # tickets: companies went well
            raise OSError(errno.ENOSPC, "No space left on device")
        written(self, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(csv.DictWriter, "writerows", full_at_the_second)
    result = CliRunner().invoke(main, ["pull", "--data", str(data)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {previous}: cannot write the export (No space left on "
                             "device)\n")
    # Not today's companies beside an old tickets file: no new export, no temporary file
    # (the portal's schema, read first, is kept).
    assert sorted(p.name for p in data.iterdir()) == ["deckgen.toml", previous.name,
                                                      "hubspot-schema.json"]
    assert previous.read_text(encoding="utf-8") == "hs_object_id,subject\n1,Old\n"
