"""Ticket indicators against hand counts: categories, urgency, prioritized, open demands, HH."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from tables import TZ, frame, make_config

from deckgen.config import SlaSettings
from deckgen.indicators import tickets
from deckgen.model.review import Count, Period

AUGUST = Period(date(2026, 8, 1), date(2026, 8, 31))
CALENDAR = SlaSettings()

# Support tickets around August 2026 (local time, America/Sao_Paulo = UTC-3).
CREATED = [
    {"ticket_id": "1", "created_at": "2026-08-03 10:00", "category": "Erro", "priority": "urgent"},
    {"ticket_id": "2", "created_at": "2026-08-04 10:00", "category": "Erro;Dúvida",
     "priority": "high"},
    {"ticket_id": "3", "created_at": "2026-08-05 10:00", "category": None, "priority": None},
    {"ticket_id": "4", "created_at": "2026-08-06 10:00", "category": "Dúvida", "priority": "high"},
    {"ticket_id": "5", "created_at": "2026-08-07 10:00", "category": "Cadastro", "priority": "low",
     "prioritized": True},
    {"ticket_id": "6", "created_at": "2026-08-10 10:00", "category": "Erro", "priority": None,
     "prioritized": False},
    # 2026-08-01 01:00 UTC is 2026-07-31 22:00 in São Paulo: July, outside the period.
    {"ticket_id": "7", "created_at": pd.Timestamp("2026-08-01 01:00", tz="UTC"),
     "category": "Erro", "priority": "urgent"},
    {"ticket_id": "8", "created_at": "2026-09-01 00:10", "category": "Erro", "priority": "urgent"},
    {"ticket_id": "9", "created_at": "2026-08-31 23:59", "category": "Cadastro",
     "priority": "medium"},
]


@pytest.fixture
def created() -> pd.DataFrame:
    return tickets.created_in(frame("tickets", CREATED), AUGUST, TZ)


def test_created_in_the_period_uses_local_calendar_dates(created: pd.DataFrame) -> None:
    # in August (local): 1, 2, 3, 4, 5, 6, 9 = 7 tickets; 7 is July 31 local, 8 is September 1
    assert list(created["ticket_id"]) == ["1", "2", "3", "4", "5", "6", "9"]


def test_by_category_counts_multi_select_once_per_category(created: pd.DataFrame) -> None:
    # Erro: 1, 2, 6 = 3 · Cadastro: 5, 9 = 2 · Dúvida: 2, 4 = 2 · Sem categoria: 3 = 1
    # ties at 2 by name: Cadastro before Dúvida; None is "no category"
    assert tickets.by_category(created) == [
        Count("Erro", 3), Count("Cadastro", 2), Count("Dúvida", 2), Count(None, 1),
    ]


def test_no_category_comes_after_named_categories_of_the_same_count() -> None:
    table = frame("tickets", [
        {"ticket_id": "1", "created_at": "2026-08-03", "category": "Zeladoria"},
        {"ticket_id": "2", "created_at": "2026-08-03"},
        {"ticket_id": "3", "created_at": "2026-08-03", "category": "Acesso"},
    ])
    # the same order in every language: the uncategorized bucket has no name to sort by
    assert tickets.by_category(table) == [Count("Acesso", 1), Count("Zeladoria", 1), Count(None, 1)]


def test_by_urgency_in_fixed_order_with_no_priority_last(created: pd.DataFrame) -> None:
    # urgent: 1 · high: 2, 4 · medium: 9 · low: 5 · none: 3, 6
    assert tickets.by_urgency(created) == [
        Count("urgent", 1), Count("high", 2), Count("medium", 1), Count("low", 1), Count(None, 2),
    ]


def test_by_urgency_keeps_zero_levels_and_omits_empty_no_priority() -> None:
    table = frame("tickets", [{"ticket_id": "1", "created_at": "2026-08-03", "priority": "low"}])
    assert tickets.by_urgency(table) == [
        Count("urgent", 0), Count("high", 0), Count("medium", 0), Count("low", 1),
    ]


def test_prioritized_by_priority_and_by_flag(created: pd.DataFrame) -> None:
    config = make_config()
    by_priority = tickets.prioritized(created, config, use_priority=True, use_flag=False)
    # urgent or high: 1, 2, 4
    assert list(by_priority["ticket_id"]) == ["1", "2", "4"]
    both = tickets.prioritized(created, config, use_priority=True, use_flag=True)
    # plus 5, flagged prioritized (priority low)
    assert list(both["ticket_id"]) == ["1", "2", "4", "5"]
    only_urgent = make_config(tickets={"prioritized_priorities": ["urgent"]})
    assert list(tickets.prioritized(created, only_urgent, use_priority=True,
                                    use_flag=False)["ticket_id"]) == ["1"]


OPEN = [
    {"ticket_id": "O1", "created_at": "2026-07-10 09:00", "status": "Em andamento",
     "estimated_hours": 10.5, "stream": "suporte"},
    {"ticket_id": "O2", "created_at": "2026-08-05 09:00", "status": "Fechado",
     "closed_at": "2026-09-02 12:00", "stream": "suporte"},
    {"ticket_id": "O3", "created_at": "2026-08-10 09:00", "status": "Closed",
     "closed_at": "2026-08-20 12:00", "estimated_hours": 99.0, "stream": "suporte"},
    {"ticket_id": "O4", "created_at": "2026-09-03 09:00", "status": "Novo",
     "estimated_hours": 99.0, "stream": "suporte"},
    {"ticket_id": "O5", "created_at": "2026-08-30 09:00", "status": "Fechado",
     "closed_at": None, "stream": "suporte"},
    {"ticket_id": "O6", "created_at": "2026-08-31 23:00", "status": "Novo",
     "estimated_hours": 4.0, "stream": "suporte"},
]


def test_open_demands_at_period_end() -> None:
    table = frame("tickets", OPEN)
    still_open = tickets.open_at_end(table, AUGUST, TZ)
    # O1 open · O2 closed on Sep 2, after the end · O3 closed Aug 20 · O4 created after the end
    # O5 closed status without a close date counts as closed · O6 created on the last day
    assert list(still_open["ticket_id"]) == ["O1", "O2", "O6"]
    rows = tickets.ticket_rows(still_open, age_on=AUGUST.end)
    # ages at Aug 31: O1 Jul 10 → 21 days to Jul 31 + 31 = 52 · O2 Aug 5 → 26 · O6 → 0
    assert [(t.id, t.age_days, t.stream) for t in rows] == [
        ("O1", 52, "suporte"), ("O2", 26, "suporte"), ("O6", 0, "suporte"),
    ]
    assert rows[0].categories == [None]
    assert rows[1].closed == date(2026, 9, 2)
    # HH: O1 10.5 + O2 (no estimate) + O6 4.0 = 14.5
    assert tickets.estimated_hours(still_open) == 14.5


def test_hh_without_any_estimate_is_unknown_and_without_open_demands_zero() -> None:
    table = frame("tickets", [{"ticket_id": "1", "created_at": "2026-08-01", "status": "Novo"}])
    assert tickets.estimated_hours(table) is None
    assert tickets.estimated_hours(table.iloc[0:0]) == 0.0


DURATIONS = [
    # created → first response / closed, in hours
    {"ticket_id": "D1", "created_at": "2026-08-03 08:00", "first_response_at": "2026-08-03 09:00",
     "closed_at": "2026-08-03 10:00", "status": "Closed"},  # 1 h / 2 h
    {"ticket_id": "D2", "created_at": "2026-08-04 08:00", "first_response_at": "2026-08-04 11:00",
     "closed_at": "2026-08-04 12:00", "status": "Closed"},  # 3 h / 4 h
    {"ticket_id": "D3", "created_at": "2026-08-05 08:00", "first_response_at": None,
     "closed_at": "2026-08-05 18:00", "status": "Closed"},  # — / 10 h
    {"ticket_id": "D4", "created_at": "2026-08-06 08:00", "first_response_at": "2026-08-06 13:00",
     "closed_at": "2026-08-07 14:00", "status": "Closed"},  # 5 h / 30 h
    # closed in July: not in the period
    {"ticket_id": "D5", "created_at": "2026-07-01 08:00", "first_response_at": "2026-07-01 09:00",
     "closed_at": "2026-07-20 08:00", "status": "Closed"},
    # close date in August but reopened (status not closed): not closed in the period
    {"ticket_id": "D6", "created_at": "2026-08-01 08:00", "first_response_at": "2026-08-01 09:00",
     "closed_at": "2026-08-02 08:00", "status": "Reaberto"},
]


def test_durations_median_and_p90_of_tickets_closed_in_the_period() -> None:
    closed = tickets.closed_in(frame("tickets", DURATIONS), AUGUST, TZ)
    assert list(closed["ticket_id"]) == ["D1", "D2", "D3", "D4"]
    resolution = tickets.durations(closed, "created_at", "closed_at", CALENDAR)
    # 2, 4, 10, 30: median (4 + 10) / 2 = 7; p90 at rank 0.9 × 3 = 2.7 → 10 + 0.7 × 20 = 24
    assert (resolution.median, resolution.p90, resolution.count) == (7.0, pytest.approx(24.0), 4)
    response = tickets.durations(closed, "created_at", "first_response_at", CALENDAR)
    # 1, 3, 5 (D3 has none): median 3; p90 at rank 0.9 × 2 = 1.8 → 3 + 0.8 × 2 = 4.6
    assert (response.median, response.p90, response.count) == (3.0, pytest.approx(4.6), 3)


def test_durations_without_tickets_are_unknown() -> None:
    empty = frame("tickets", [])
    result = tickets.durations(empty, "created_at", "closed_at", CALENDAR)
    assert (result.median, result.p90, result.count) == (None, None, 0)
