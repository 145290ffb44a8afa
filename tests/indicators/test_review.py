"""compute_review on a small hand-counted workspace: every section, deltas and missing data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tables import make_config, make_workspace

from deckgen.errors import ClientNotFound
from deckgen.indicators.review import compute_review
from deckgen.locale import Labels
from deckgen.model.review import Count, Note, Period, ReviewReport
from deckgen.render.context import note_lines
from deckgen.sources.workspace import Workspace

AUGUST = Period(date(2026, 8, 1), date(2026, 8, 31))  # previous period: July 2026
TODAY = date(2026, 9, 2)
TARGETS = [
    {"stream": "suporte", "category": "*", "first_response_hours": 4, "resolution_hours": 24},
    {"stream": "suporte", "category": "Erro", "first_response_hours": 2, "resolution_hours": 8},
    {"stream": "implantacao", "category": "Implantação", "resolution_hours": 480},
]
CLIENT = {
    "company_id": "9876", "name": "Metalúrgica Horizonte", "owner_cs": "Daielly Lionardo",
    "phase": "Cliente ativo", "meeting_interval_days": 31, "last_meeting": "2026-07-31",
    "customer_since": "2025-03-10", "second_wave": "Monitoramento;BGC",
    "proposal_attached": True,
}
OTHER = {"company_id": "555", "name": "Outra Empresa"}


def ticket(tid: str, stream: str | None, created: str, **values: Any) -> dict[str, Any]:
    return {"ticket_id": tid, "company_id": "9876", "stream": stream, "created_at": created,
            "status": "Novo", "subject": f"Assunto {tid}", **values}


TICKETS = [
    # suporte
    ticket("S1", "suporte", "2026-08-03 08:00", category="Erro", priority="urgent",
           status="Closed", first_response_at="2026-08-03 09:00",
           closed_at="2026-08-03 14:00"),  # 6 h: Erro 8 h ✓
    ticket("S2", "suporte", "2026-08-04 10:00", category="Dúvida", priority="high",
           estimated_hours=3.0, owner="Lucas"),  # open
    ticket("S3", "suporte", "2026-07-10 10:00", category="Dúvida", priority="low",
           status="Closed", closed_at="2026-07-11 08:00"),  # July, 22 h: * 24 h ✓
    ticket("S4", "suporte", "2026-07-20 10:00", category="Erro", estimated_hours=2.0),  # open
    {**ticket("S5", "suporte", "2026-08-10 10:00", category="Cadastro", priority="medium",
              status="Fechado", closed_at="2026-08-12 10:00"),  # 48 h: * 24 h ✗
     "company_id": None, "company_name": "METALURGICA  horizonte"},  # matched by name
    {**ticket("S6", "suporte", "2026-08-05 10:00", category="Erro"), "company_id": "555"},
    # implantação
    ticket("I1", "implantacao", "2026-08-15 10:00", category="Implantação", priority="high",
           estimated_hours=40.0),
    ticket("I2", "implantacao", "2026-06-01 10:00", category="Implantação", status="Closed",
           closed_at="2026-09-02 10:00"),  # closed after the period: open at its end
    # tecnologia
    ticket("X1", "tecnologia", "2026-07-05 10:00", category="Integração"),
    # a pipeline of no configured stream
    ticket("V1", None, "2026-08-06 10:00", category="Venda"),
]


def survey(kind: str, value: float, submitted: str, comment: str | None = None) -> dict[str, Any]:
    return {"company_id": "9876", "survey_type": kind, "value": value,
            "submitted_at": submitted, "comment": comment}


SURVEYS = [
    survey("NPS", 10, "2026-08-05 10:00", "Ótimo"),
    survey("NPS", 9, "2026-08-06 10:00"),
    survey("NPS", 6, "2026-08-20 10:00", "Lento"),
    survey("NPS", 10, "2026-07-05 10:00"),
    survey("NPS", 3, "2026-07-06 10:00"),
    survey("CSAT", 5, "2026-08-07 10:00"),
    survey("CSAT", 4, "2026-08-08 10:00"),
    survey("CSAT", 2, "2026-08-09 10:00"),
    {**survey("NPS", 0, "2026-08-10 10:00"), "company_id": "555"},
]
RELEASES = [
    {"released_on": "2026-08-20", "title": "Painel", "version": "4.14"},
    {"released_on": "2026-08-02", "title": "Checklist"},
    {"released_on": "2026-07-15", "title": "Julho"},
    {"released_on": "2026-09-01", "title": "Setembro"},
]
ACTIONS = [
    {"company_id": "9876", "action": "Treinar equipe", "due_on": "2026-08-10",
     "status": "Concluído"},
    {"company_id": "9876", "action": "Enviar cronograma", "due_on": "2026-08-15",
     "status": "Em andamento"},
    {"company_id": "9876", "action": "Validar cadastro", "due_on": "2026-07-10", "status": "Feito"},
    {"company_id": "9876", "action": "Apresentar painel", "due_on": "2026-09-20",
     "status": "A fazer"},
    {"company_name": "Metalurgica Horizonte", "action": "Revisar perfis"},
    {"company_id": "555", "action": "De outro cliente"},
]


def workspace(**extra: Any) -> Workspace:
    config = make_config(company={"name": "SISMETRO"}, sla={"targets": TARGETS})
    return make_workspace(config, companies=[CLIENT, OTHER], tickets=TICKETS, surveys=SURVEYS,
                          releases=RELEASES, actions=ACTIONS, **extra)


@pytest.fixture(scope="module")
def report() -> ReviewReport:
    return compute_review(workspace(absent={"tickets": ["sla_status"]}), "9876", AUGUST,
                        today=TODAY)


def test_client_and_period(report: ReviewReport) -> None:
    client = report.client
    assert (client.id, client.name, client.slug) == ("9876", "Metalúrgica Horizonte",
                                                      "metalurgica-horizonte")
    # last meeting Jul 31 + 31 days = Aug 31
    assert (client.last_meeting, client.next_meeting) == (date(2026, 7, 31), date(2026, 8, 31))
    assert client.properties["customer_since"] == date(2025, 3, 10)
    assert client.properties["second_wave"] == ("Monitoramento", "BGC")
    assert client.properties["churned_on"] is None
    assert (report.period, report.previous_period) == (
        AUGUST, Period(date(2026, 7, 1), date(2026, 7, 31)))
    assert (report.company, report.generated_on) == ("SISMETRO", TODAY)


def test_streams_in_config_order_with_role_shortcuts(report: ReviewReport) -> None:
    assert [(s.key, s.role) for s in report.streams] == [
        ("suporte", "support"),
        ("implantacao", "implementation"),
        ("tecnologia", "technology"),
    ]
    assert report.support is report.streams[0]
    assert report.technology is report.streams[2]


def test_support_indicators_and_deltas(report: ReviewReport) -> None:
    support = report.support
    assert support is not None
    # August: S1, S2, S5 (matched by name) = 3 · July: S3, S4 = 2 · S6 is another client's
    assert (support.created.value, support.created.previous, support.created.delta) == (3, 2, 1)
    assert support.by_category == [Count("Cadastro", 1), Count("Dúvida", 1), Count("Erro", 1)]
    assert support.by_urgency == [Count("urgent", 1), Count("high", 1), Count("medium", 1),
                                  Count("low", 0)]
    # urgent/high in August: S1, S2 · in July: none (S3 low, S4 without priority)
    assert [t.id for t in support.prioritized] == ["S1", "S2"]
    assert (support.prioritized_count.value, support.prioritized_count.previous) == (2, 0)
    assert support.prioritized[0].priority == "urgent"
    # closed in August: S1 6 h ≤ Erro 8 h ✓, S5 48 h > * 24 h ✗ → 50.0 · July: S3 22 h ✓ → 100.0
    assert (support.sla_compliance.value, support.sla_compliance.previous) == (50.0, 100.0)
    assert [(r.category_key, r.closed, r.within, r.compliance) for r in support.sla] == [
        ("*other_categories", 1, 0, 0.0), ("Erro", 1, 1, 100.0),
    ]
    # resolution 6 h and 48 h: median 27, p90 6 + 0.9 × 42 = 43.8 · first response: S1 1 h
    assert (support.resolution.median, support.resolution.count) == (27.0, 2)
    assert support.resolution.p90 == pytest.approx(43.8)
    assert (support.first_response.median, support.first_response.count) == (1.0, 1)
    # open on Aug 31: S4 (Jul 20, 42 days), S2 (Aug 4, 27 days) · HH 2 + 3 = 5
    assert [(t.id, t.age_days) for t in support.open_demands] == [("S4", 42), ("S2", 27)]
    assert support.open_hours == 5.0
    assert support.missing == []


def test_declared_fields_keep_their_kind_in_the_properties(report: ReviewReport) -> None:
    assert report.client.properties["proposal_attached"] is True


def test_open_demands_of_every_stream_oldest_first(report: ReviewReport) -> None:
    # I2 Jun 1 (closed Sep 2, after the end) · X1 Jul 5 · S4 Jul 20 · S2 Aug 4 · I1 Aug 15
    # V1 belongs to no configured stream
    assert [(t.id, t.stream, t.age_days) for t in report.open_demands] == [
        ("I2", "implantacao", 91), ("X1", "tecnologia", 57), ("S4", "suporte", 42),
        ("S2", "suporte", 27), ("I1", "implantacao", 16),
    ]
    implementation, technology = report.streams[1], report.streams[2]
    assert implementation.open_hours == 40.0  # I1 40 + I2 no estimate
    assert technology.open_hours is None  # X1 open without an estimate
    assert report.open_hours == 45.0  # 5 + 40; the unknown one is not a 0


def test_surveys(report: ReviewReport) -> None:
    nps = report.nps
    # August: 10, 9 promoters, 6 detractor → 100 × 1 / 3 = 33.3 → 33 · July: 10, 3 → 0
    assert (nps.score.value, nps.score.previous, nps.answers) == (33, 0, 3)
    assert (nps.promoters, nps.passives, nps.detractors) == (2, 0, 1)
    assert [c.text for c in nps.comments] == ["Lento", "Ótimo"]
    csat = report.csat
    # 5, 4, 2: 2 of 3 = 66.7 · mean 11 / 3 · July: none
    assert (csat.satisfied.value, csat.satisfied.previous, csat.count) == (66.7, None, 3)
    assert csat.mean.value == pytest.approx(11 / 3)


def test_releases_of_the_period_newest_first(report: ReviewReport) -> None:
    assert [(r.released_on, r.title, r.version) for r in report.releases] == [
        (date(2026, 8, 20), "Painel", "4.14"), (date(2026, 8, 2), "Checklist", None),
    ]


def test_actions_open_and_done_in_the_period(report: ReviewReport) -> None:
    # open ones by due date (none last), then done in the period; "Validar cadastro" was done
    # before August; the other client's action is not listed
    assert [(a.action, a.done, a.overdue) for a in report.actions] == [
        ("Enviar cronograma", False, True),  # due Aug 15 < Aug 31
        ("Apresentar painel", False, False),
        ("Revisar perfis", False, False),
        ("Treinar equipe", True, False),
    ]


def test_a_stream_without_sla_data_is_a_warning(report: ReviewReport) -> None:
    technology = report.streams[2]
    assert technology.sla == []
    assert technology.sla_compliance.value is None
    assert technology.missing == ["sla_targets"]
    assert report.notes == [Note("tecnologia", "sla_targets")]


def test_missing_columns_and_sources_leave_indicators_out_with_notes() -> None:
    built = compute_review(
        workspace(
            absent={"tickets": ["priority", "prioritized", "estimated_hours",
                                "first_response_at"]},
            unavailable={"surveys": "not configured", "releases": "file not found"},
        ),
        "9876", AUGUST, today=TODAY,
    )
    support = built.support
    assert support is not None
    assert support.by_urgency == []
    assert support.prioritized == []
    assert support.prioritized_count.value is None
    assert support.open_hours is None
    assert support.first_response.median is None
    assert support.resolution.count == 2  # close dates are there
    assert support.missing == ["priority", "first_response", "hours"]
    assert built.open_hours is None
    assert built.nps.score.value is None
    assert built.nps.answers == 0
    assert built.csat.satisfied.value is None
    assert built.releases == []
    # the notes hold keys; the same report reads in either language
    english = built_labels(built, "en")
    assert note_lines(built, english) == [
        "Support: no priority data in this export",
        "Support: no first-response date in this export",
        "Support: no effort estimate in this export",
        "Implementation: no priority data in this export",
        "Implementation: no first-response date in this export",
        "Implementation: no effort estimate in this export",
        "Development: no priority data in this export",
        "Development: no first-response date in this export",
        "Development: no effort estimate in this export",
        "NPS: no survey data in this export",
        "CSAT: no survey data in this export",
        "Releases: no release data in this export",
    ]


def test_no_tickets_export() -> None:
    built = compute_review(workspace(unavailable={"tickets": "not configured"}), "9876", AUGUST,
                         today=TODAY)
    assert all(s.created.value is None and s.missing == ["tickets"] for s in built.streams)
    assert note_lines(built, built_labels(built, "pt-BR"))[0] == (
        "Suporte: sem dados de chamados nesta exportação")
    assert built.open_demands == []


def test_the_report_holds_keys_and_label_overrides_apply_when_rendering() -> None:
    base = workspace()
    config = base.config.model_copy(update={"labels": {"priority.urgent": "Crítica"}})
    base.config = config
    built = compute_review(base, "9876", AUGUST, today=TODAY)
    assert built.support is not None
    assert built.support.by_urgency[0] == Count("urgent", 1)
    assert config.labels_in().term("priority", "urgent") == "Crítica"
    # one string is the word in every language
    assert config.labels_in("en").term("priority", "urgent") == "Crítica"


def built_labels(report: ReviewReport, language: str) -> Labels:
    """The words the pipeline would render ``report`` with, for the test workspace."""
    return workspace().config.labels_in(language)


def test_unknown_client() -> None:
    with pytest.raises(ClientNotFound, match="42"):
        compute_review(workspace(), "42", AUGUST, today=TODAY)

