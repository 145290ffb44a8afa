"""A portal shaped unlike our assumptions (issue 13, defects 1-5): labels, survey links,
property names, closed stages, set-phase values, doctor, incremental pulls."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_hubspot import PORTAL_CONFIG, PULLED_SOURCES, FakeHubSpot, _prop

from deckgen.cli import main
from deckgen.config import load_config
from deckgen.sources.workspace import load_workspace

DAY = date.today().isoformat()
CONFIG = (PORTAL_CONFIG + 'ticket_properties = ["tipo_de_ss"]\n' + PULLED_SOURCES
          + '\n[columns.tickets]\nticket_type = ["tipo_de_ss"]\n')


def portal(fake: FakeHubSpot) -> None:
    """A portal storing internal values: option values, owner ids, pipeline and stage ids;
    survey answers linked to a company, to a contact only, to a ticket only, or to nothing."""
    fake.companies["101"].update({"proprietario_cs": "7", "hubspot_owner_id": "8"})
    fake.companies["103"] = {"name": "Clínica Bem Estar", "fase_do_cliente": "onboarding"}
    fake.owners = [{"id": "7", "firstName": "Ana", "lastName": "Lima", "email": "a@x.com"},
                   {"id": "8", "firstName": "Bruno", "lastName": "Reis", "email": "b@x.com"}]
    fake.pipelines = [{"id": "0", "label": "Suporte", "displayOrder": 0, "stages": [
        {"id": "1", "label": "Novo", "metadata": {"ticketState": "OPEN"}},
        {"id": "4", "label": "Resolvido", "metadata": {"ticketState": "CLOSED"}}]}]
    for number, stage in ((1, "4"), (2, "1"), (3, "1")):
        fake.tickets[str(500 + number)] = {"properties": {
            "subject": f"Chamado {number}", "hs_pipeline": "0", "hs_pipeline_stage": stage,
            "hs_ticket_priority": "HIGH", "hs_ticket_category": "PRODUCT_ISSUE;BILLING_ISSUE",
            "tipo_de_ss": "correcao", "createdate": f"2026-0{number}-10T12:00:00.000Z",
            "hubspot_owner_id": "7", "hs_lastmodifieddate": f"2026-0{number}-11T12:00:00.000Z",
        }, "companies": ["103"] if number == 3 else ["101"]}
    fake.contacts.update({
        "301": {"properties": {"email": "c@x.com"}, "companies": ["101", "102"], "primary": "102"},
        "302": {"properties": {"email": "d@x.com"}, "companies": []},
    })
    answer = {"hs_survey_type": "NPS", "hs_value": "9",
              "hs_submission_timestamp": "2026-04-02T10:00:00Z"}
    fake.feedback.update({
        "901": {"properties": answer, "companies": ["101"], "contacts": ["302"]},
        "902": {"properties": answer, "contacts": ["301"]},
        "903": {"properties": answer, "contacts": ["302"], "tickets": ["503"]},
        "904": {"properties": answer, "contacts": ["302"]},
    })


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "pulled"
    folder.mkdir()
    (folder / "deckgen.toml").write_text(CONFIG, encoding="utf-8")
    return folder


def pull(data: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["pull", *args, "--data", str(data)])
    assert result.exit_code == 0, result.output
    return result.output


def rows(data: Path, source: str) -> dict[str, dict[str, str]]:
    path = sorted(data.glob(f"hubspot-crm-exports-all-{source}-*.csv"))[-1]
    with path.open(encoding="utf-8", newline="") as stream:
        return {row["hs_object_id"]: row for row in csv.DictReader(stream)}


def test_surveys_find_their_company_through_contact_and_ticket(fake: FakeHubSpot,
                                                               data: Path) -> None:
    portal(fake)
    output = pull(data)
    assert ("surveys: 4 answers read: 1 by their company link, 1 by their contact's company, "
            "1 by their ticket's company, 1 with no company: 904") in output
    surveys = rows(data, "feedback-submissions")
    assert surveys["901"]["Associated Company IDs"] == "101"
    assert surveys["902"]["Associated Company IDs"] == "102"  # the contact's primary company
    assert surveys["902"]["Associated Company"] == "Transportes Rápidos"
    assert surveys["903"]["Associated Company IDs"] == "103"  # the ticket's company
    assert surveys["904"]["Associated Company IDs"] == ""
    (batch,) = fake.requests("POST", "/crm/v4/associations/contacts/companies/batch/read")
    assert sorted(i["id"] for i in json.loads(batch)["inputs"]) == ["301", "302"]
    workspace = load_workspace(load_config(data))
    by_id = workspace.surveys.set_index("response_id")
    assert by_id.loc["902", "company_id"] == "102"


def test_check_warns_when_no_answer_reaches_a_client(fake: FakeHubSpot, data: Path) -> None:
    portal(fake)
    for entry in fake.feedback.values():
        entry.pop("companies", None)
        entry.pop("tickets", None)
        entry["contacts"] = ["302"]
    pull(data)
    result = CliRunner().invoke(main, ["check", "--data", str(data)])
    assert ("warning: surveys: none of the 4 answers belongs to a client of the companies "
            "export (no company id or name matches); NPS and CSAT will be missing from every "
            "deck") in result.output


def test_pull_writes_labels_owner_names_and_the_closed_stage(fake: FakeHubSpot,
                                                             data: Path) -> None:
    portal(fake)
    pull(data)
    companies = rows(data, "companies")
    assert companies["101"]["fase_do_cliente"] == "Adoção"
    assert companies["101"]["proprietario_cs"] == "Ana Lima"
    assert companies["101"]["hubspot_owner_id"] == "Bruno Reis"
    tickets = rows(data, "tickets")
    assert tickets["501"]["hs_ticket_category"] == "Product issue;Billing issue"
    assert tickets["501"]["hs_ticket_priority"] == "High"
    assert tickets["501"]["tipo_de_ss"] == "Correção"
    assert (tickets["501"]["hs_pipeline"], tickets["501"]["hs_pipeline_stage"]) == (
        "Suporte", "Resolvido")
    assert (tickets["501"]["Closed stage"], tickets["502"]["Closed stage"]) == ("true", "false")

    workspace = load_workspace(load_config(data))  # no [tickets] closed_statuses configured
    by_id = workspace.tickets.set_index("ticket_id")
    assert bool(by_id.loc["501", "is_closed"]) and not bool(by_id.loc["502", "is_closed"])
    assert by_id.loc["501", "priority"] == "high"
    assert by_id.loc["501", "ticket_type"] == "Correção"
    assert not any("closed_statuses" in w for w in workspace.warnings)
    phases = workspace.companies.set_index("company_id")["phase"]
    assert (phases["101"], phases["103"]) == ("Adoção", "Onboarding")


def test_the_portal_schema_is_kept_for_offline_use(fake: FakeHubSpot, data: Path) -> None:
    portal(fake)
    pull(data)
    stored = json.loads((data / "hubspot-schema.json").read_text(encoding="utf-8"))
    phase = stored["properties"]["companies"]["fase_do_cliente"]
    assert ["Adoção", "adocao"] in phase["options"]
    assert stored["pipelines"][0]["stages"][1] == {"id": "4", "label": "Resolvido",
                                                   "closed": True}
    assert stored["owners"] == {"7": "Ana Lima", "8": "Bruno Reis"}


def test_a_property_may_be_configured_by_label(fake: FakeHubSpot, data: Path) -> None:
    portal(fake)
    config = data / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'interval_property = "cs_dias_entre_reunioes"',
        'interval_property = "[CS] Dias entre reuniões"'), encoding="utf-8")
    pull(data)
    assert rows(data, "companies")["101"]["[CS] Dias entre reuniões"] == "30"
    workspace = load_workspace(load_config(data))
    assert workspace.companies.set_index("company_id").loc["101", "meeting_interval_days"] == 30


def test_a_guessed_property_name_names_the_real_one(fake: FakeHubSpot, data: Path) -> None:
    portal(fake)
    fake.properties["companies"] = [p for p in fake.properties["companies"]
                                    if p["name"] != "fase_do_cliente"]
    fake.properties["companies"].append(
        _prop("cs_fase", "Fase do cliente", "enumeration", "select", (("Adoção", "adocao"),)))
    result = CliRunner().invoke(main, ["pull", "--data", str(data)])
    assert result.exit_code == 1
    assert result.stderr == ("Error: [hubspot] phase_property: `fase_do_cliente` does not exist "
                             "in HubSpot's companies; the property labelled 'Fase do cliente' "
                             "is `cs_fase`\n")
    assert not list(data.glob("hubspot-crm-exports-*"))


def test_set_phase_takes_a_label_and_sends_the_internal_value(fake: FakeHubSpot,
                                                              data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "Padaria", "cliente ativo",
                                       "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert result.output == ('Padaria Pão Quente (101): fase_do_cliente "Adoção" → '
                             '"Cliente ativo"\n')
    (patch,) = fake.requests("PATCH", "/crm/v3/objects/companies/101")
    assert json.loads(patch) == {"properties": {"fase_do_cliente": "cliente_ativo"}}
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "Padaria", "adocao",
                                       "--data", str(data_dir)])
    assert result.output.endswith('"Cliente ativo" → "Adoção"\n')


def test_set_phase_refuses_an_unknown_value_listing_the_labels(fake: FakeHubSpot,
                                                               data_dir: Path) -> None:
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "Padaria", "Cliente ativoo",
                                       "--data", str(data_dir)])
    assert result.exit_code == 1
    assert result.stderr == ('Error: "Cliente ativoo" is not an option of \'Fase do cliente\' '
                             '(fase_do_cliente); valid: "Onboarding", "Adoção", '
                             '"Cliente ativo", "Churn"\n')
    assert fake.requests("PATCH", "/crm/v3/objects/companies") == []
    assert fake.companies["101"]["fase_do_cliente"] == "adocao"


def test_the_strict_fake_refuses_a_label_where_an_option_value_belongs(fake: FakeHubSpot,
                                                                       data_dir: Path) -> None:
    from deckgen.hubspot.auth import connect
    from deckgen.hubspot.client import HubSpotError

    hub = connect(load_config(data_dir).hubspot)
    with pytest.raises(HubSpotError, match="INVALID_OPTION"):
        hub.patch("/crm/v3/objects/companies/101", {"properties": {"fase_do_cliente":
                                                                   "Cliente ativo"}})
    with pytest.raises(HubSpotError, match="PROPERTY_DOESNT_EXIST"):
        hub.patch("/crm/v3/objects/companies/101", {"properties": {"fase": "adocao"}})
    with pytest.raises(HubSpotError, match="limit must be at most 100"):
        hub.get("/crm/v3/objects/companies", {"limit": "101"})


def test_set_phase_dry_run_shows_the_value_it_would_send(fake: FakeHubSpot,
                                                         data_dir: Path) -> None:
    assert CliRunner().invoke(main, ["hubspot", "doctor", "--data", str(data_dir)]).exit_code == 0
    fake.log.clear()
    result = CliRunner().invoke(main, ["hubspot", "set-phase", "101", "Cliente ativo",
                                       "--dry-run", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert '"properties": {"fase_do_cliente": "cliente_ativo"}' in result.output
    assert result.output.endswith(
        'Padaria Pão Quente (101): fase_do_cliente would be set to "cliente_ativo" '
        '("Cliente ativo")\n')
    assert fake.log == []


def test_doctor_reports_properties_and_scopes(fake: FakeHubSpot, data_dir: Path) -> None:
    config = data_dir / "deckgen.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'interval_property = "cs_dias_entre_reunioes"',
        'interval_property = "[CS] dias entre reunioes"') + 'ticket_properties = ["hh"]\n',
        encoding="utf-8")
    fake.pipelines = [{"id": "0", "label": "Suporte", "stages": [
        {"id": "4", "label": "Resolvido", "metadata": {"ticketState": "CLOSED"}}]}]
    fake.fail("403", path="/crm/v3/objects/contacts")
    result = CliRunner().invoke(main, ["hubspot", "doctor", "--data", str(data_dir)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "  crm.objects.companies.read: granted; needed by pull, publish, set-phase" in lines
    assert ("  crm.objects.contacts.read: missing (HTTP 403 on GET /crm/v3/objects/contacts); "
            "needed by pull (a survey answer's company through its contact)") in lines
    assert ("  crm.objects.companies.write: not probed (a write; doctor changes nothing); "
            "needed by set-phase") in lines
    assert ('  companies phase_property = "fase_do_cliente": found, enumeration (select), '
            "options: Onboarding [onboarding], Adoção [adocao], Cliente ativo [cliente_ativo], "
            "Churn [churn]") in lines
    assert ('  companies interval_property = "[CS] dias entre reunioes": found by label as '
            "cs_dias_entre_reunioes, number (number)") in lines
    assert ('  companies owner_cs_property = "proprietario_cs": found, enumeration (select), '
            "an owner (written as the owner's name)") in lines
    assert ('  tickets ticket_properties = "hh": missing: `hh` does not exist in HubSpot\'s '
            "tickets (Settings → Properties shows each property's internal name)") in lines
    assert "  pipeline Suporte (0): closed stages: Resolvido" in lines
    assert (data_dir / "hubspot-schema.json").is_file()


def test_a_portal_without_surveys_still_pulls_companies_and_tickets(fake: FakeHubSpot,
                                                                    data: Path) -> None:
    portal(fake)
    fake.missing_objects.add("feedback_submissions")
    output = pull(data)
    assert f"hubspot-crm-exports-all-tickets-{DAY}.csv (3 rows)" in output
    assert ("surveys: unavailable (this portal has no feedback surveys: HTTP 404); companies "
            "and tickets were pulled, the previous surveys export is left as it was") in output
    assert not list(data.glob("hubspot-crm-exports-all-feedback-submissions-*"))


def test_pull_since_merges_changed_records_in_search_windows(
        fake: FakeHubSpot, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import deckgen.hubspot.lists as lists

    portal(fake)
    pull(data)
    for path in data.glob("hubspot-crm-exports-*"):  # yesterday's exports
        path.rename(path.with_name(path.name.replace(DAY, "2000-01-01")))
    monkeypatch.setattr(lists, "SEARCH_PAGE", 2)
    monkeypatch.setattr(lists, "SEARCH_CAP", 4)
    fake.search_cap = 4
    fake.tickets["502"]["properties"] |= {"hs_pipeline_stage": "4",
                                          "hs_lastmodifieddate": "2026-06-01T00:00:00Z"}
    for number in range(4, 11):  # 7 new tickets: two search windows of at most 4
        fake.tickets[str(500 + number)] = {"properties": {
            "subject": f"Novo {number}", "hs_pipeline": "0", "hs_pipeline_stage": "1",
            "createdate": "2026-06-02T00:00:00Z",
            "hs_lastmodifieddate": f"2026-06-{number:02d}T00:00:00Z"}, "companies": ["102"]}
    fake.log.clear()
    output = pull(data, "--since", "2026-05-01")
    assert f"hubspot-crm-exports-all-tickets-{DAY}.csv (10 rows, 8 changed since 2026-05-01)" \
        in output
    assert fake.requests("GET", "/crm/v3/objects/tickets") == []
    searches = [json.loads(b) for b in fake.requests("POST", "/crm/v3/objects/tickets/search")]
    starts = sorted({s["filterGroups"][0]["filters"][0]["value"] for s in searches})
    assert len(starts) >= 2 and all(int(s.get("after", 0)) + 2 <= 4 for s in searches)
    tickets = rows(data, "tickets")
    assert len(tickets) == 10
    assert (tickets["502"]["hs_pipeline_stage"], tickets["502"]["Closed stage"]) == (
        "Resolvido", "true")
    assert tickets["510"]["Associated Company"] == "Transportes Rápidos"
    assert tickets["501"]["subject"] == "Chamado 1"  # unchanged, kept from the previous export


def test_an_interrupted_incremental_pull_keeps_the_previous_exports(fake: FakeHubSpot,
                                                                    data: Path) -> None:
    portal(fake)
    pull(data)
    before = {p.name: p.read_bytes() for p in data.glob("hubspot-crm-exports-*")}
    fake.fail("403", path="/crm/v3/objects/tickets/search")
    result = CliRunner().invoke(main, ["pull", "--since", "2026-05-01", "--data", str(data)])
    assert result.exit_code == 1
    assert "HTTP 403" in result.stderr and "tickets" in result.stderr
    assert {p.name: p.read_bytes() for p in data.glob("hubspot-crm-exports-*")} == before


def test_pull_since_needs_previous_exports(fake: FakeHubSpot, data: Path) -> None:
    result = CliRunner().invoke(main, ["pull", "--since", "2026-05-01", "--data", str(data)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: pull --since merges into the previous exports")


def test_build_names_a_column_whose_property_was_deleted_since_the_last_pull(
        fake: FakeHubSpot, data: Path) -> None:
    from deckgen.api import Workspace

    portal(fake)
    pull(data)
    assert Workspace(data).tables.gaps == []
    fake.properties["tickets"] = [p for p in fake.properties["tickets"]
                                  if p["name"] != "tipo_de_ss"]
    result = CliRunner().invoke(main, ["pull", "--data", str(data)])
    assert result.exit_code == 1
    assert "[hubspot] ticket_properties: `tipo_de_ss` does not exist" in result.stderr
    assert Workspace(data).tables.gaps == [
        "tickets: column 'tipo_de_ss' ([hubspot] ticket_properties) is now missing in HubSpot "
        "(hubspot-schema.json): `tipo_de_ss` does not exist in HubSpot's tickets (Settings → "
        "Properties shows each property's internal name); its values are from an earlier pull"]


def test_the_strict_fake_search_stops_at_its_cap(fake: FakeHubSpot, data_dir: Path) -> None:
    from deckgen.hubspot.auth import connect
    from deckgen.hubspot.client import HubSpotError

    hub = connect(load_config(data_dir).hubspot)
    with pytest.raises(HubSpotError, match=r"HTTP 400, VALIDATION_ERROR"):
        hub.post("/crm/v3/objects/companies/search", {"limit": 200, "after": "9900"})
    with pytest.raises(HubSpotError, match="limit must be at most 200"):
        hub.post("/crm/v3/objects/companies/search", {"limit": 201})


def test_without_the_contacts_scope_contact_answers_stay_unattributed(fake: FakeHubSpot,
                                                                      data: Path) -> None:
    portal(fake)
    fake.fail("403", path="/crm/v4/associations/contacts")
    output = pull(data)
    assert ("warning: answers linked to a contact only stay without a company (add the scope "
            "crm.objects.contacts.read so pull can read the contact's company)") in output
    assert "0 by their contact's company" in output
    assert rows(data, "feedback-submissions")["902"]["Associated Company IDs"] == ""


def test_a_portal_without_tickets_is_one_line(fake: FakeHubSpot, data: Path) -> None:
    fake.missing_objects.add("tickets")
    fake.properties.pop("tickets")
    result = CliRunner().invoke(main, ["pull", "--data", str(data)])
    assert result.exit_code == 1
    assert result.stderr == ("Error: HubSpot has no tickets in this portal (HTTP 404 on GET "
                             "/crm/v3/properties/tickets); nothing was written\n")


def test_open_demands_need_no_closed_statuses_after_a_pull(fake: FakeHubSpot,
                                                           data: Path) -> None:
    portal(fake)
    pull(data)
    result = CliRunner().invoke(main, ["check", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "demandas em aberto" not in result.output


def test_a_phase_filter_takes_the_label_or_the_internal_value(fake: FakeHubSpot,
                                                              data: Path) -> None:
    from deckgen.api import Workspace

    portal(fake)
    pull(data)
    workspace = Workspace(data)
    for phase in ("Cliente ativo", "cliente_ativo"):
        assert list(workspace.select(phases=(phase,))["company_id"]) == ["102"]
