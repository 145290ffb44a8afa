"""Plain typed objects of the CS Ops portfolio view: churn, scores per CSM, reviews due, volumes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ChurnRate:
    """Logo churn: clients lost in the period over clients active at its start."""

    lost: int | None  # None when the export has no churn date
    active_at_start: int | None
    rate: float | None  # percent, one decimal; None without data
    clients_lost: list[str]


@dataclass(frozen=True)
class CsmScores:
    """NPS and CSAT over every client of one CSM ("Proprietário CS")."""

    csm: str
    clients: int
    nps: int | None
    nps_answers: int
    csat_satisfied: float | None  # percent of 4–5, one decimal
    csat_mean: float | None
    csat_answers: int


@dataclass(frozen=True)
class DueReview:
    """A client whose last review + meeting interval falls on or before the date asked."""

    client_id: str
    name: str
    owner_cs: str | None
    last_meeting: date
    interval_days: int
    due_on: date
    days_overdue: int  # 0 when due on the date asked


@dataclass(frozen=True)
class StreamVolume:
    """One stream's tickets across every client in a period."""

    key: str
    label: str
    created: int
    closed: int
    open_at_end: int
    sla_compliance: float | None  # percent, one decimal
