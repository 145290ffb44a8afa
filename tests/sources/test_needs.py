"""The one "indicator needs column" table: the gaps check reports and the report's notes."""

from __future__ import annotations

from typing import Any

import pytest
from tables import make_config, make_workspace

from deckgen.sources.needs import NEEDS, Gap, gaps
from deckgen.sources.workspace import Workspace

TARGETS = {"targets": [{"stream": "suporte", "resolution_hours": 24}]}
TICKET = {"ticket_id": "1", "company_id": "1", "stream": "suporte", "status": "Fechado",
          "created_at": "2026-08-03 10:00", "closed_at": "2026-08-04 10:00"}


def workspace(*absent: str, sla: dict[str, Any] | None = None, **settings: Any) -> Workspace:
    config = make_config(sla=sla or {}, **settings)
    return make_workspace(config, tickets=[TICKET], absent={"tickets": list(absent)})


def test_every_indicator_names_a_source_and_its_alternatives() -> None:
    assert {need.source for need in NEEDS.values()} == {
        "tickets", "surveys", "releases", "actions", "companies"}
    assert all(need.alternatives for need in NEEDS.values())


@pytest.mark.parametrize(
    ("absent", "sla", "expected"),
    [
        # the report's notes: no status and no targets → "sla_targets"; no close date → "sla"
        (("sla_status",), None, (Gap("no_column", "tickets", "sla_status"),
                                 Gap("no_targets", "tickets"))),
        (("sla_status",), TARGETS, ()),
        ((), None, ()),
        (("closed_at",), TARGETS, (Gap("no_column", "tickets", "closed_at"),) * 2),
        (("sla_status", "closed_at"), TARGETS, (Gap("no_column", "tickets", "sla_status"),
                                                Gap("no_column", "tickets", "closed_at"))),
    ],
)
def test_sla_compliance_needs_a_close_date_and_a_status_or_targets(
    absent: tuple[str, ...], sla: dict[str, Any] | None, expected: tuple[Gap, ...]
) -> None:
    assert gaps(workspace(*absent, sla=sla), "sla_compliance", empty=False) == expected


def test_targets_count_for_their_own_stream_only() -> None:
    found = workspace("sla_status", sla=TARGETS)
    assert gaps(found, "sla_compliance", stream="suporte", empty=False) == ()
    assert gaps(found, "sla_compliance", stream="implantacao", empty=False)[1] == Gap(
        "no_targets", "tickets")


def test_report_mode_looks_at_files_and_columns_only() -> None:
    # the first-response column is present but blank: check says so, the report computes
    found = workspace()
    assert gaps(found, "first_response_time") == (
        Gap("empty_column", "tickets", "first_response_at"),)
    assert gaps(found, "first_response_time", empty=False) == ()
    assert gaps(workspace("closed_at"), "first_response_time", empty=False) == (
        Gap("no_column", "tickets", "closed_at"),)


def test_an_unavailable_source_is_one_gap() -> None:
    found = make_workspace(make_config(), unavailable={"surveys": "not configured"})
    assert gaps(found, "nps") == (Gap("no_file", "surveys"),)
    assert gaps(found, "nps", empty=False) == (Gap("no_file", "surveys"),)


def test_open_demands_need_the_status_or_without_closed_statuses_the_close_date() -> None:
    assert gaps(workspace("status"), "open_demands", empty=False) == (
        Gap("no_column", "tickets", "status"),)
    unset = {"closed_statuses": []}
    assert gaps(workspace("status", tickets=unset), "open_demands", empty=False) == ()
    assert gaps(workspace("closed_at", tickets=unset), "open_demands", empty=False) == (
        Gap("no_column", "tickets", "closed_at"),)
