"""Mapping headers: English, Portuguese and internal names, aliases, duplicates, missing ids;
declared company fields."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from deckgen.config import Config
from deckgen.errors import ConfigError, InputError
from deckgen.sources.headers import map_headers, require
from deckgen.sources.reader import read_source
from deckgen.sources.schema import Column, source_columns

STREAMS = [{"key": "support", "label": "Suporte", "role": "support", "match": ["Suporte"]}]


def columns(source: str, **settings: Any) -> dict[str, Column]:
    """The canonical columns of ``source`` in a workspace configured with ``settings``."""
    config = Config.model_validate({"company": {"name": "Acme"}, "streams": STREAMS, **settings})
    return source_columns(config, source)


@pytest.mark.parametrize(
    "headers",
    [
        ["Ticket ID", "Create Date", "Close date", "Priority", "Category",
         "Associated Company IDs"],
        ["ID do ticket", "Data de criação", "Data de fechamento", "Prioridade", "Categoria",
         "IDs de empresas associadas"],
        ["hs_object_id", "createdate", "closed_date", "hs_ticket_priority", "hs_ticket_category",
         "associated_company_ids"],
        ["  TICKET-ID ", "data de criacao", "DATA DE FECHAMENTO", "prioridade:", "CATEGORIA",
         "Associated company IDs"],
    ],
)
def test_english_portuguese_and_internal_headers_map_alike(headers):
    mapping = map_headers(headers, columns("tickets"), "t.csv")
    assert mapping.positions == {
        "ticket_id": 0, "company_id": 5, "priority": 3, "category": 4, "created_at": 1,
        "closed_at": 2,
    }
    assert mapping.headers["created_at"] == headers[1]


def test_a_configured_hubspot_property_is_a_header_punctuation_aside():
    portal = columns("companies", hubspot={"interval_property": "cs_dias_entre_reunioes"})
    for header in ("[CS] Dias entre reuniões", "cs_dias_entre_reunioes"):
        mapping = map_headers(["hs_object_id", "name", header], portal, "c.csv")
        assert mapping.positions == {"company_id": 0, "name": 1, "meeting_interval_days": 2}


def test_portal_and_help_desk_names_are_not_built_in():
    mapping = map_headers(["Record ID", "Name", "[CS] Dias entre reuniões", "etapa_cs"],
                          columns("companies"), "c.csv")
    assert mapping.unmapped == ["[CS] Dias entre reuniões", "etapa_cs"]
    portal = columns("companies", hubspot={"phase_property": "etapa_cs"})
    assert map_headers(["Record ID", "etapa_cs"], portal, "c.csv").positions["phase"] == 1
    mapping = map_headers(["Número da SS", "Tipo de SS", "Create date"], columns("tickets"), "t")
    assert mapping.unmapped == ["Número da SS", "Tipo de SS"]


def test_unmapped_headers_are_reported():
    mapping = map_headers(["Ticket ID", "Create date", "Cliente", "Cor favorita"],
                          columns("tickets"), "t")
    assert mapping.unmapped == ["Cor favorita"]


def test_workspace_aliases_win_over_built_in_ones():
    aliases = {"tickets": {"ticket_type": ["Status"], "company_name": ["Conta"]}}
    mapping = map_headers(["Nº", "Status", "Conta", "Aberto em"],
                          columns("tickets", columns=aliases), "t.csv")
    assert mapping.positions["ticket_type"] == 1
    assert "status" not in mapping.positions
    assert mapping.positions["company_name"] == 2
    assert mapping.unmapped == ["Nº", "Aberto em"]


def test_first_alias_wins_when_two_headers_match_one_column():
    mapping = map_headers(["Status", "Ticket status", "Ticket ID"], columns("tickets"), "t.csv")
    assert mapping.positions["status"] == 1
    assert mapping.unmapped == ["Status"]


def test_duplicated_header_is_an_error():
    with pytest.raises(InputError) as caught:
        map_headers(["Ticket ID", "Create date", "create  date"], columns("tickets"), "t.csv")
    assert str(caught.value) == (
        "t.csv, column 'create  date': duplicated header 'Create date' and 'create  date' "
        "(both would feed 'created_at'); rename or remove one"
    )


def test_duplicated_ignored_header_is_not_an_error():
    mapping = map_headers(["Ticket ID", "Create date", "Cliente", "Notas", "Notas"],
                          columns("tickets"), "t")
    assert mapping.unmapped == ["Notas", "Notas"]


def test_missing_identifying_column_lists_headers_found():
    headers = ["Ticket name", "Create date", "Cliente"]
    tickets = columns("tickets")
    mapping = map_headers(headers, tickets, "t.csv")
    with pytest.raises(InputError) as caught:
        require(mapping, "tickets", tickets, "t.csv", headers)
    assert str(caught.value) == (
        "t.csv: missing required column 'ticket_id' (a header such as 'Ticket ID', "
        "'ID do ticket', 'hs_object_id', or an alias in [columns.tickets]); "
        "headers found: 'Ticket name', 'Create date', 'Cliente'"
    )


def test_rows_must_name_their_client():
    headers = ["Ticket ID", "Create date"]
    with pytest.raises(InputError, match=r"missing required column 'company_id or company_name'"):
        tickets = columns("tickets")
        require(map_headers(headers, tickets, "t.csv"), "tickets", tickets, "t.csv", headers)


def test_configured_alias_is_used_when_reading(workspace):
    config = workspace(
        {"tickets.csv": "Número;Aberto em;Conta\n7;20/11/2026;Gama\n"},
        extra='[columns.tickets]\nticket_id = ["Número"]\ncreated_at = ["Aberto em"]\n'
        'company_name = ["Conta"]\n',
    )
    item = read_source(config, "tickets")
    assert item.table["ticket_id"].tolist() == ["7"]
    assert item.headers["created_at"] == "Aberto em"


CUSTOM = (
    "Record ID,Company name,Funcionários,Renovação,Tem app,Módulos,Cor\n"
    "101,Açaí Indústria Ltda,1250,05/03/2027,Sim,Estoque;App,azul\n"
    "102,Beta Serviços SA,,,não,,verde\n"
)
FIELDS = """
[fields.employees]
kind = "int"
headers = ["Funcionários", "Employees"]

[fields.renewal_on]
kind = "date"
headers = ["Renovação"]

[fields.has_app]
kind = "bool"
headers = ["Tem app"]

[fields.modules]
kind = "list"
headers = ["Módulos"]
"""


def test_declared_fields_are_read_in_their_kind_and_undeclared_ones_ignored(workspace):
    config = workspace({"companies.csv": CUSTOM}, sources={"companies": "companies.csv"},
                       extra=FIELDS)
    item = read_source(config, "companies")
    row = item.table.set_index("company_id").loc["101"]
    assert row["employees"] == 1250
    assert row["renewal_on"] == pd.Timestamp(date(2027, 3, 5))
    assert bool(row["has_app"]) is True
    assert row["modules"] == ("Estoque", "App")
    assert item.table["has_app"].tolist() == [True, False]
    assert item.unmapped == ["Cor"]
    assert "Cor" not in item.table.columns and "cor" not in item.table.columns


def test_the_shipped_playbook_declares_its_fields():
    companies = columns("companies")
    assert companies["second_wave"].kind == "list"
    assert companies["proposal_attached"].kind == "bool"
    assert "Objetivo da contratação" in companies["hiring_goal"].headers


def test_a_declared_field_with_a_bad_value_is_a_located_error(workspace):
    bad = CUSTOM.replace("1250", "muitos")
    config = workspace({"companies.csv": bad}, sources={"companies": "companies.csv"},
                       extra=FIELDS)
    with pytest.raises(InputError) as caught:
        read_source(config, "companies")
    assert str(caught.value) == (
        "companies.csv, row 2, column 'Funcionários': expected a number such as 12,5 or "
        "1.234,5, found 'muitos'"
    )


def test_a_declared_field_with_a_bad_kind_is_a_configuration_error(workspace):
    with pytest.raises(ConfigError) as caught:
        workspace({}, extra='[fields.employees]\nkind = "number"\n')
    assert str(caught.value).endswith(
        "deckgen.toml: fields.employees.kind: Input should be 'text', 'int', 'float', 'date', "
        "'bool' or 'list'"
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[columns.companies]\nemployes = ["Funcionários"]\n' + FIELDS,
         "columns.companies.employes: unknown column (did you mean 'employees'?)"),
        ('[columns.clients]\nname = ["Cliente"]\n',
         "columns.clients: unknown source; known: companies, tickets, surveys, releases, actions"),
        ('[fields.phase]\nheaders = ["Etapa"]\n',
         "fields.phase: a built-in companies column; give its headers in [columns.companies] "
         "instead"),
    ],
)
def test_columns_and_fields_are_checked_against_the_schema(workspace, extra, message):
    config = workspace({}, sources={"companies": "companies.csv"}, extra=extra)
    with pytest.raises(ConfigError) as caught:
        read_source(config, "companies")
    assert str(caught.value) == f"{config.config_path}: {message}"


def test_headers_of_a_declared_field_may_be_added_in_columns(workspace):
    extra = FIELDS + '[columns.companies]\nemployees = ["Nº de funcionários"]\n'
    data = CUSTOM.replace("Funcionários", "Nº de funcionários")
    config = workspace({"companies.csv": data}, sources={"companies": "companies.csv"},
                       extra=extra)
    assert read_source(config, "companies").table["employees"].tolist() == [1250, pd.NA]
