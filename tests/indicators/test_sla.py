"""SLA target matching and compliance, with and without HubSpot's SLA status column."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest
from tables import TZ, frame, make_config

from deckgen.indicators import sla, tickets
from deckgen.model.review import Period, SlaRow

AUGUST = Period(date(2026, 8, 1), date(2026, 8, 31))
TARGETS = [
    {"stream": "suporte", "category": "*", "first_response_hours": 4, "resolution_hours": 24},
    {"stream": "suporte", "category": "Erro", "first_response_hours": 2, "resolution_hours": 8},
    {"stream": "suporte", "category": "erro", "priority": "urgent", "resolution_hours": 4},
    {"stream": "implantacao", "category": "Implantação", "resolution_hours": 480},
]


def config(clock: str = "calendar") -> Any:
    return make_config(sla={"clock": clock, "targets": TARGETS})


def closed(hours: float, category: str | None, priority: str | None = None,
           status: str | None = None) -> dict[str, Any]:
    """A ticket closed on 2026-08-03 after ``hours`` calendar hours."""
    created = pd.Timestamp("2026-08-03 08:00", tz=TZ)
    return {"ticket_id": f"{category}-{hours}", "created_at": created,
            "closed_at": created + pd.Timedelta(hours=hours),
            "status": "Closed", "category": category, "priority": priority, "sla_status": status}


@pytest.mark.parametrize(
    ("category", "priority", "expected"),
    [
        ("Erro", "urgent", 2),  # category and priority named
        ("ERRO", "high", 1),  # category named (case-insensitive), any priority
        ("Dúvida", "urgent", 0),  # only "*" applies
        (None, None, 0),  # uncategorized: "*"
    ],
)
def test_most_specific_target(category: str | None, priority: str | None, expected: int) -> None:
    cfg = config()
    targets = sla.stream_targets(cfg, "suporte")
    assert sla.target_for(targets, category, priority) is cfg.sla.targets[expected]


def test_no_target_when_none_applies() -> None:
    targets = sla.stream_targets(config(), "implantacao")
    assert sla.target_for(targets, "Visita Técnica", None) is None


SUPPORT = [
    closed(6, "Erro", "high"),  # S1: Erro target 8 h → within
    closed(6, "Erro", "urgent"),  # S2: Erro/urgent target 4 h → missed
    closed(20, "Dúvida"),  # S3: * 24 h → within
    closed(30, "Dúvida"),  # S4: * 24 h → missed
    closed(10, None),  # S5: * 24 h → within
    closed(12, "Erro;Dúvida"),  # S6: Erro 8 h → missed; * 24 h → within; overall 8 h → missed
]


def compliance(rows: list[dict[str, Any]], stream: str = "suporte", *, use_status: bool,
               clock: str = "calendar") -> sla.SlaResult:
    cfg = config(clock)
    table = tickets.closed_in(frame("tickets", rows, cfg), AUGUST, TZ)
    return sla.sla_compliance(table, sla.stream_targets(cfg, stream), cfg,
                              use_status=use_status)


def test_compliance_from_targets() -> None:
    result = compliance(SUPPORT, use_status=False)
    assert result.rows == [
        # *: S3 ✓ S4 ✗ S5 ✓ S6 ✓ → 3 of 4
        SlaRow("other_categories", None, None, 4.0, 24.0, 4, 3, 75.0),
        # Erro: S1 ✓ S6 ✗ → 1 of 2
        SlaRow("category", "Erro", None, 2.0, 8.0, 2, 1, 50.0),
        # Erro, urgent: S2 ✗ → 0 of 1
        SlaRow("category", "erro", "urgent", None, 4.0, 1, 0, 0.0),
    ]
    # overall: S1 ✓ S2 ✗ S3 ✓ S4 ✗ S5 ✓ S6 ✗ → 3 of 6
    assert (result.closed, result.within, result.compliance) == (6, 3, 50.0)


def test_hubspot_status_is_the_source_of_truth() -> None:
    rows = [dict(t) for t in SUPPORT]
    rows[0]["sla_status"] = "Completed late"  # S1 within by hours, HubSpot says missed
    rows[3]["sla_status"] = "Concluído no prazo"  # S4 missed by hours, HubSpot says met
    rows[5]["sla_status"] = "COMPLETED_ON_TIME"  # S6 met in every row
    rows[4]["sla_status"] = "Active SLA"  # S5: not a verdict, hours decide (within)
    result = compliance(rows, use_status=True)
    # *: S3 ✓ S4 ✓ S5 ✓ S6 ✓ · Erro: S1 ✗ S6 ✓ · Erro/urgent: S2 ✗ (no status, 6 h > 4 h)
    assert [(r.closed, r.within, r.compliance) for r in result.rows] == [
        (4, 4, 100.0), (2, 1, 50.0), (1, 0, 0.0),
    ]
    # overall: S1 ✗ S2 ✗ S3 ✓ S4 ✓ S5 ✓ S6 ✓ → 4 of 6 = 66.67 → 66.7
    assert (result.closed, result.within, result.compliance) == (6, 4, 66.7)
    # the column ignored when the export does not have it
    assert compliance(rows, use_status=False).compliance == 50.0


def test_status_without_a_target_gets_a_row_of_its_category() -> None:
    rows = [
        {**closed(100, "Implantação"), "ticket_id": "I1"},  # 100 h ≤ 480 h → within
        {**closed(5, "Visita Técnica", status="Completed on time"), "ticket_id": "I2"},
        {**closed(5, "Visita Técnica"), "ticket_id": "I3"},  # no target, no status: not counted
    ]
    result = compliance(rows, "implantacao", use_status=True)
    assert result.rows == [
        SlaRow("category", "Implantação", None, None, 480.0, 1, 1, 100.0),
        SlaRow("category", "Visita Técnica", None, None, None, 1, 1, 100.0),
    ]
    assert (result.closed, result.within) == (2, 2)


def test_business_clock_changes_the_verdict() -> None:
    # Fri 2026-08-07 17:00 → Mon 2026-08-10 09:30: 64.5 calendar hours, 2.5 business hours
    weekend = {"ticket_id": "W", "created_at": "2026-08-07 17:00",
               "closed_at": "2026-08-10 09:30", "status": "Closed", "category": "Dúvida"}
    assert compliance([weekend], use_status=False).compliance == 0.0  # 64.5 > 24
    assert compliance([weekend], use_status=False, clock="business").compliance == 100.0


def test_no_closed_ticket_leaves_compliance_unknown() -> None:
    result = compliance([], use_status=False)
    assert result.compliance is None
    assert [r.compliance for r in result.rows] == [None, None, None]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Completed on time", True), ("concluído no prazo", True), ("3", True),
     ("Completed late", False), ("Overdue", False), ("Concluído com atraso", False),
     ("Due soon", None), ("", None), (None, None)],
)
def test_hubspot_status_values(value: str | None, expected: bool | None) -> None:
    assert sla.sla_status(value) is expected
