"""Portfolio indicators against hand counts: churn rate, NPS/CSAT per CSM, reviews due, volumes."""

from __future__ import annotations

from datetime import date

from tables import frame, make_config, make_workspace

from deckgen.indicators import portfolio
from deckgen.model.portfolio import DueReview
from deckgen.model.review import Period

Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))

COMPANIES = [
    {"company_id": "1", "name": "Alfa", "owner_cs": "Lucas", "customer_since": "2025-01-10"},
    {"company_id": "2", "name": "Beta", "owner_cs": "Lucas", "customer_since": "2025-03-01",
     "churned_on": "2026-08-15"},  # active on Jul 1, lost in Q3
    {"company_id": "3", "name": "Gama", "owner_cs": "Daielly", "customer_since": "2026-08-01",
     "churned_on": "2026-09-10"},  # joined during Q3: not active at its start, not counted
    {"company_id": "4", "name": "Delta", "owner_cs": "Daielly", "customer_since": "2024-05-05",
     "churned_on": "2026-05-20"},  # lost before Q3: not active at its start
    {"company_id": "5", "name": "Épsilon", "owner_cs": None, "customer_since": None},
    {"company_id": "6", "name": "Zeta", "owner_cs": "Lucas", "customer_since": "2024-01-01",
     "churned_on": "2026-07-01"},  # churned on the first day: active at the start, lost
]


def test_logo_churn_rate() -> None:
    result = portfolio.churn_rate(make_workspace(companies=COMPANIES), Q3)
    # active on Jul 1: Alfa, Beta, Épsilon (no start date), Zeta = 4 · lost: Beta, Zeta = 2
    assert (result.lost, result.active_at_start, result.rate) == (2, 4, 50.0)
    assert result.clients_lost == ["Beta", "Zeta"]


def test_churn_rate_without_active_clients_or_churn_dates_is_unknown() -> None:
    result = portfolio.churn_rate(make_workspace(), Q3)  # no company, so no churn date at all
    assert (result.lost, result.active_at_start, result.rate) == (None, None, None)
    never_filled = [{**row, "churned_on": None} for row in COMPANIES]
    result = portfolio.churn_rate(make_workspace(companies=never_filled), Q3)
    assert (result.lost, result.active_at_start, result.rate) == (None, None, None)
    no_column = make_workspace(companies=COMPANIES, absent={"companies": ["churned_on"]})
    result = portfolio.churn_rate(no_column, Q3)
    assert (result.lost, result.active_at_start, result.rate) == (None, None, None)


def test_nps_and_csat_per_csm() -> None:
    answers = [
        # Lucas's clients (Alfa, Beta, Zeta): NPS 10, 9, 6, 3 → 2 promoters, 2 detractors → 0
        {"company_id": "1", "survey_type": "NPS", "value": 10, "submitted_at": "2026-07-02"},
        {"company_id": "2", "survey_type": "NPS", "value": 9, "submitted_at": "2026-08-02"},
        {"company_id": "6", "survey_type": "NPS", "value": 6, "submitted_at": "2026-09-02"},
        {"company_name": "ALFA", "survey_type": "NPS", "value": 3,
         "submitted_at": "2026-09-03"},  # no id: matched by name
        {"company_id": "1", "survey_type": "NPS", "value": 0,
         "submitted_at": "2026-06-30"},  # before Q3
        # Lucas CSAT 5, 4, 2 → 2 of 3 = 66.7
        {"company_id": "1", "survey_type": "CSAT", "value": 5, "submitted_at": "2026-07-05"},
        {"company_id": "2", "survey_type": "CSAT", "value": 4, "submitted_at": "2026-07-05"},
        {"company_id": "2", "survey_type": "CSAT", "value": 2, "submitted_at": "2026-07-06"},
        # Daielly (Gama, Delta): NPS 10, 10, 8 → 2 promoters of 3 = 66.7 → 67; no CSAT
        {"company_id": "3", "survey_type": "NPS", "value": 10, "submitted_at": "2026-08-20"},
        {"company_id": "4", "survey_type": "NPS", "value": 10, "submitted_at": "2026-08-21"},
        {"company_id": "4", "survey_type": "NPS", "value": 8, "submitted_at": "2026-08-22"},
    ]
    workspace = make_workspace(companies=COMPANIES, surveys=answers)
    rows = portfolio.scores_per_csm(workspace, Q3)
    assert [(r.csm, r.clients, r.nps, r.nps_answers, r.csat_satisfied, r.csat_answers)
            for r in rows] == [
        ("Daielly", 2, 67, 3, None, 0),
        ("Lucas", 3, 0, 4, 66.7, 3),
        (None, 1, None, 0, None, 0),  # without a CSM: last
    ]


def test_reviews_due() -> None:
    companies = [
        # Jul 31 + 90 = Oct 29 ≤ Nov 5: due, 7 days overdue
        {"company_id": "1", "name": "Alfa", "last_meeting": "2026-07-31",
         "meeting_interval_days": 90, "owner_cs": "Lucas"},
        # Oct 6 + 30 = Nov 5: due on the date itself
        {"company_id": "2", "name": "Beta", "last_meeting": "2026-10-06",
         "meeting_interval_days": 30},
        # Oct 7 + 30 = Nov 6: not yet
        {"company_id": "3", "name": "Gama", "last_meeting": "2026-10-07",
         "meeting_interval_days": 30},
        # no interval / no last meeting: never due
        {"company_id": "4", "name": "Delta", "last_meeting": "2026-01-01"},
        {"company_id": "5", "name": "Épsilon", "meeting_interval_days": 30},
        # churned: not due
        {"company_id": "6", "name": "Zeta", "last_meeting": "2026-01-01",
         "meeting_interval_days": 30, "churned_on": "2026-03-01"},
    ]
    due = portfolio.reviews_due(frame("companies", companies), date(2026, 11, 5))
    assert due == [
        DueReview("1", "Alfa", "Lucas", date(2026, 7, 31), 90, date(2026, 10, 29), 7),
        DueReview("2", "Beta", None, date(2026, 10, 6), 30, date(2026, 11, 5), 0),
    ]


def test_stream_volumes_across_clients() -> None:
    config = make_config(sla={"targets": [{"stream": "suporte", "resolution_hours": 24}]})
    rows = [
        # suporte: created in Q3: T1, T2, T3 = 3 · closed in Q3: T1 (2 h ✓), T2 (48 h ✗) = 2
        # open at Sep 30: T3, T4 (created in June) = 2 · SLA 1 of 2 = 50.0
        {"ticket_id": "T1", "company_id": "1", "stream": "suporte", "status": "Closed",
         "created_at": "2026-07-01 10:00", "closed_at": "2026-07-01 12:00"},
        {"ticket_id": "T2", "company_id": "2", "stream": "suporte", "status": "Closed",
         "created_at": "2026-08-01 10:00", "closed_at": "2026-08-03 10:00"},
        {"ticket_id": "T3", "company_id": "2", "stream": "suporte", "status": "Novo",
         "created_at": "2026-09-30 10:00"},
        {"ticket_id": "T4", "company_id": "3", "stream": "suporte", "status": "Novo",
         "created_at": "2026-06-30 10:00"},
        # implantação: one created, still open, no target
        {"ticket_id": "T5", "company_id": "1", "stream": "implantacao", "status": "Novo",
         "created_at": "2026-08-30 10:00"},
    ]
    volumes = portfolio.stream_volumes(make_workspace(config, tickets=rows), Q3)
    assert [(v.key, v.created, v.closed, v.open_at_end, v.sla_compliance)
            for v in volumes] == [
        ("suporte", 3, 2, 2, 50.0),
        ("implantacao", 1, 0, 1, None),
        ("tecnologia", 0, 0, 0, None),
    ]
