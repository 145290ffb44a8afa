"""Mapping headers: English, Portuguese and internal names, aliases, duplicates, missing ids."""

from __future__ import annotations

import pytest

from deckgen.errors import InputError
from deckgen.sources.headers import map_headers, require
from deckgen.sources.reader import read_source


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
    mapping = map_headers(headers, "tickets", "t.csv")
    assert mapping.positions == {
        "ticket_id": 0, "company_id": 5, "priority": 3, "category": 4, "created_at": 1,
        "closed_at": 2,
    }
    assert mapping.headers["created_at"] == headers[1]


def test_punctuation_in_hubspot_property_labels():
    mapping = map_headers(["Record ID", "Name", "[CS] Dias entre reuniões"], "companies", "c.csv")
    assert mapping.positions == {"company_id": 0, "name": 1, "meeting_interval_days": 2}
    mapping = map_headers(["hs_object_id", "name", "cs_dias_entre_reunioes"], "companies", "c.csv")
    assert mapping.positions == {"company_id": 0, "name": 1, "meeting_interval_days": 2}


def test_unmapped_headers_are_reported():
    mapping = map_headers(["Ticket ID", "Create date", "Cliente", "Cor favorita"], "tickets", "t")
    assert mapping.unmapped == ["Cor favorita"]


def test_workspace_aliases_win_over_built_in_ones():
    aliases = {"ticket_type": ["Status"], "company_name": ["Conta"]}
    mapping = map_headers(["Nº", "Status", "Conta", "Aberto em"], "tickets", "t.csv", aliases)
    assert mapping.positions["ticket_type"] == 1
    assert "status" not in mapping.positions
    assert mapping.positions["company_name"] == 2
    assert mapping.unmapped == ["Nº", "Aberto em"]


def test_first_alias_wins_when_two_headers_match_one_column():
    mapping = map_headers(["Status", "Ticket status", "Ticket ID"], "tickets", "t.csv")
    assert mapping.positions["status"] == 1
    assert mapping.unmapped == ["Status"]


def test_duplicated_header_is_an_error():
    with pytest.raises(InputError) as caught:
        map_headers(["Ticket ID", "Create date", "create  date"], "tickets", "t.csv")
    assert str(caught.value) == (
        "t.csv, column 'create  date': duplicated header 'Create date' and 'create  date' "
        "(both would feed 'created_at'); rename or remove one"
    )


def test_duplicated_ignored_header_is_not_an_error():
    mapping = map_headers(["Ticket ID", "Create date", "Cliente", "Notas", "Notas"], "tickets", "t")
    assert mapping.unmapped == ["Notas", "Notas"]


def test_missing_identifying_column_lists_headers_found():
    headers = ["Ticket name", "Create date", "Cliente"]
    mapping = map_headers(headers, "tickets", "t.csv")
    with pytest.raises(InputError) as caught:
        require(mapping, "tickets", "t.csv", headers)
    assert str(caught.value) == (
        "t.csv: missing required column 'ticket_id' (a header such as 'Ticket ID', "
        "'ID do ticket', 'hs_object_id', or an alias in [columns.tickets]); "
        "headers found: 'Ticket name', 'Create date', 'Cliente'"
    )


def test_rows_must_name_their_client():
    headers = ["Ticket ID", "Create date"]
    with pytest.raises(InputError, match=r"missing required column 'company_id or company_name'"):
        require(map_headers(headers, "tickets", "t.csv"), "tickets", "t.csv", headers)


def test_configured_alias_is_used_when_reading(workspace):
    config = workspace(
        {"tickets.csv": "Número;Aberto em;Conta\n7;20/11/2026;Gama\n"},
        extra='[columns.tickets]\nticket_id = ["Número"]\ncreated_at = ["Aberto em"]\n'
        'company_name = ["Conta"]\n',
    )
    item = read_source(config, "tickets")
    assert item.table["ticket_id"].tolist() == ["7"]
    assert item.headers["created_at"] == "Aberto em"
