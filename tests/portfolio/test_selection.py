"""Choosing clients: owner, phase, due date (the indicator's definition) and stable shards."""

from __future__ import annotations

from datetime import date

import pytest
from tables import frame

from deckgen.indicators.portfolio import reviews_due
from deckgen.indicators.selection import Shard, due_clients, select_clients

COMPANIES = frame("companies", [
    {"company_id": "1", "name": "Beta", "owner_cs": "Lúcas", "phase": "Cliente ativo",
     "last_meeting": "2026-07-31", "meeting_interval_days": 90},  # due Oct 29
    {"company_id": "2", "name": "alfa", "owner_cs": "lucas", "phase": "Implantação",
     "last_meeting": "2026-10-06", "meeting_interval_days": 30},  # due Nov 5
    {"company_id": "3", "name": "Gama", "owner_cs": "Daielly", "phase": "cliente ativo",
     "last_meeting": "2026-10-20", "meeting_interval_days": 30},  # due Nov 19
    {"company_id": "4", "name": "Delta", "owner_cs": "Daielly", "phase": "Adoção",
     "last_meeting": "2026-06-01", "meeting_interval_days": 30,
     "churned_on": "2026-09-01"},  # churned: never due
    {"company_id": "5", "name": "Épsilon", "owner_cs": None, "phase": None,
     "last_meeting": None, "meeting_interval_days": 30},  # no last meeting: never due
])


def names(selected: object) -> list[str]:
    return list(selected["name"])  # type: ignore[index]


def test_owner_and_phase_ignore_case_and_accents_and_order_by_name() -> None:
    assert names(select_clients(COMPANIES)) == ["alfa", "Beta", "Delta", "Épsilon", "Gama"]
    assert names(select_clients(COMPANIES, owner="LUCAS")) == ["alfa", "Beta"]
    assert names(select_clients(COMPANIES, phases=("Cliente Ativo",))) == ["Beta", "Gama"]
    assert names(select_clients(COMPANIES, phases=("implantacao", "adocao"))) == ["alfa", "Delta"]
    assert names(select_clients(COMPANIES, owner="daielly", phases=("adoção",))) == ["Delta"]
    assert names(select_clients(COMPANIES, owner="nobody")) == []


def test_due_selection_is_the_indicator_definition() -> None:
    on = date(2026, 11, 5)
    assert names(select_clients(COMPANIES, due_on=on)) == ["alfa", "Beta"]
    assert {d.client_id for d in reviews_due(COMPANIES, on)} == {"1", "2"}
    assert names(select_clients(COMPANIES, due_on=date(2026, 11, 19))) == ["alfa", "Beta", "Gama"]
    assert names(select_clients(COMPANIES, due_on=date(2026, 10, 28))) == []


def test_due_clients_carry_phase_and_filter_by_owner() -> None:
    found = due_clients(COMPANIES, date(2026, 11, 19))
    assert [(d.review.name, d.phase, d.review.days_overdue) for d in found] == [
        ("Beta", "Cliente ativo", 21), ("alfa", "Implantação", 14), ("Gama", "cliente ativo", 0),
    ]
    assert [d.review.name for d in due_clients(COMPANIES, date(2026, 11, 19), "Daielly")] == [
        "Gama"]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_every_client_is_in_exactly_one_shard(count: int) -> None:
    companies = frame("companies", [{"company_id": str(10_000_000 + 7919 * i), "name": f"C{i}"}
                                    for i in range(60)])
    seen: list[str] = []
    for index in range(1, count + 1):
        seen += list(select_clients(companies, shard=Shard(index, count))["company_id"])
    assert sorted(seen) == sorted(companies["company_id"])
    # stable: the same split on every run, whatever else the portfolio holds
    first = set(select_clients(companies, shard=Shard(1, count))["company_id"])
    fewer = set(select_clients(companies.iloc[::2], shard=Shard(1, count))["company_id"])
    assert fewer == first & set(companies["company_id"].iloc[::2])


@pytest.mark.parametrize("text", ["0/3", "4/3", "1-3", "a/b", "1/0", "/"])
def test_bad_shards_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="shard"):
        Shard.parse(text)


def test_shard_parse() -> None:
    assert Shard.parse("2/4") == Shard(2, 4)
