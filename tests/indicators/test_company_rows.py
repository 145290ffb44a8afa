"""Workspace.company_rows: one company's rows by id, or by name where a row has no id."""

from __future__ import annotations

from tables import frame, make_workspace


def test_rows_by_id_and_by_folded_name_in_table_order() -> None:
    rows = [
        {"ticket_id": "1", "company_id": "10", "created_at": "2026-08-01"},
        {"ticket_id": "2", "company_id": None, "company_name": "  metalúrgica   HORIZONTE ",
         "created_at": "2026-08-01"},
        {"ticket_id": "3", "company_id": "20", "company_name": "Metalúrgica Horizonte",
         "created_at": "2026-08-01"},  # another id wins over the same name
        {"ticket_id": "4", "company_id": "10", "created_at": "2026-08-01"},
        {"ticket_id": "5", "company_id": None, "company_name": None, "created_at": "2026-08-01"},
    ]
    workspace = make_workspace(tickets=rows)
    found = workspace.company_rows("tickets", "10", "Metalurgica Horizonte")
    assert list(found["ticket_id"]) == ["1", "2", "4"]
    assert list(workspace.company_rows("tickets", "10")["ticket_id"]) == ["1", "4"]
    assert workspace.company_rows("tickets", "99").empty
    assert list(found.columns) == list(workspace.tickets.columns)


def test_a_replaced_table_is_indexed_again() -> None:
    workspace = make_workspace(tickets=[{"ticket_id": "1", "company_id": "10",
                                         "created_at": "2026-08-01"}])
    assert len(workspace.company_rows("tickets", "10")) == 1
    workspace.tickets = frame("tickets", [
        {"ticket_id": "1", "company_id": "10", "created_at": "2026-08-01"},
        {"ticket_id": "2", "company_id": "10", "created_at": "2026-08-02"},
    ])
    assert len(workspace.company_rows("tickets", "10")) == 2

