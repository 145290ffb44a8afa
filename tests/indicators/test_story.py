"""The review's story on the hand-counted workspace of test_review: summary cards, headline,
health, section plan, action state and side, next meeting."""

from __future__ import annotations

from datetime import date

import pytest
from tables import make_config, make_workspace

from deckgen.config import SummarySettings
from deckgen.indicators.review import compute_review
from deckgen.indicators.sections import plan_sections
from deckgen.indicators.summary import summarize
from deckgen.model.review import ReviewReport, Section
from indicators.test_review import ACTIONS, AUGUST, CLIENT, OTHER, SURVEYS, TARGETS, TICKETS, TODAY


def _workspace(**config: object) -> object:
    settings = make_config(company={"name": "SISMETRO"}, sla={"targets": TARGETS}, **config)
    return make_workspace(settings, companies=[CLIENT, OTHER], tickets=TICKETS,
                          surveys=SURVEYS, actions=ACTIONS, absent={"tickets": ["sla_status"]})


@pytest.fixture(scope="module")
def report() -> ReviewReport:
    return compute_review(_workspace(), "9876", AUGUST, today=TODAY)  # type: ignore[arg-type]


def test_cards_are_the_report_figures_with_their_direction(report: ReviewReport) -> None:
    cards = {c.key: c for c in report.summary.cards}
    assert list(cards) == ["created", "sla", "csat", "nps", "open", "hours"]
    # support created 3 (Aug: S1, S2, S5) vs 2 (Jul: S3, S4): more tickets is worse
    created = cards["created"]
    assert (created.value, created.previous, created.tone) == (3, 2, "bad")
    # SLA: S1 within 8 h, S5 over 24 h = 50.0 % · July: S3 within = 100.0 %
    assert (cards["sla"].value, cards["sla"].previous, cards["sla"].tone) == (50.0, 100.0, "bad")
    # NPS: 10, 9, 6 → (2 − 1) / 3 = 33 · July: 10, 3 → 0
    assert (cards["nps"].value, cards["nps"].previous, cards["nps"].arrow) == (33, 0, "up")
    assert cards["nps"].tone == "good"
    # CSAT 5, 4, 2 → 66.7 %; no July answers: no comparison, no tone
    assert (cards["csat"].value, cards["csat"].previous, cards["csat"].tone) == (66.7, None, None)
    # open at Aug 31: S2, S4, I1, I2, X1 · at Jul 31: S4, I2 (closed Sep 2), X1
    assert (cards["open"].value, cards["open"].previous) == (5, 3)
    assert report.open_before == 3 and len(report.open_demands) == 5
    assert cards["sla"].value == report.support.sla_compliance.value  # type: ignore[union-attr]
    assert cards["hours"].value == report.open_hours


def test_headline_is_the_biggest_changes_biggest_first(report: ReviewReport) -> None:
    # sla −50 p.p. (25× notable), nps +33 (6.6×), open +66.7 % (3.3×), created +50 % (2.5×)
    assert [c.key for c in report.summary.headline] == ["sla", "nps", "open"]
    settings = SummarySettings(headline_size=2, notable={"sla": 60})
    assert [c.key for c in summarize(report, settings).headline] == ["nps", "open"]


def test_targets_and_direction_come_from_the_configuration(report: ReviewReport) -> None:
    settings = SummarySettings(targets={"sla": 40, "nps": 50}, better={"created": "none"})
    summary = summarize(report, settings)
    assert (summary.card("sla").target, summary.card("sla").on_target) == (40, True)
    assert (summary.card("nps").target, summary.card("nps").on_target) == (50, False)
    assert summary.card("created").tone == "neutral"


def test_health_weighs_each_factor_against_its_reference(report: ReviewReport) -> None:
    health = report.summary.health
    scores = {f.key: f.score for f in health.factors}
    # sla 50 vs 90: 40 p.p. × 4 > 100 → 0 · csat 66.7 vs 80 → 100 − 4 × 13.3 = 46.8
    # nps 33 ≥ 30 → 100 · 1 of 5 open demands older than 60 days (I2) → 80
    # 1 of 3 pending actions overdue ("Enviar cronograma", due Aug 15) → 66.7
    assert scores["sla"] == 0 and scores["nps"] == 100 and scores["open_age"] == 80
    assert scores["csat"] == pytest.approx(46.8)
    assert scores["overdue"] == pytest.approx(200 / 3)
    expected = (25 * 46.8 + 20 * 100 + 15 * 80 + 10 * 200 / 3) / 100
    assert health.score == pytest.approx(expected) and health.level == "yellow"
    assert [f.key for f in health.reasons] == ["sla", "csat", "overdue", "open_age"]


def test_health_without_any_data_has_no_level() -> None:
    empty = compute_review(
        make_workspace(make_config(), companies=[CLIENT], unavailable={  # type: ignore[arg-type]
            "tickets": "no file", "surveys": "no file", "actions": "no file"}),
        "9876", AUGUST, today=TODAY)
    assert (empty.summary.health.level, empty.summary.health.score) == (None, None)
    assert {c.key: c.missing for c in empty.summary.cards} == {
        "created": "tickets", "sla": "tickets", "csat": "surveys", "nps": "surveys",
        "open": "tickets", "hours": "tickets"}


def test_a_quiet_section_collapses_and_the_agenda_numbers_the_rest(report: ReviewReport) -> None:
    # technology created nothing in August but X1 is still open: shown; no release in August
    assert [(s.key, s.mode, s.number, s.reason) for s in report.sections] == [
        ("support", "show", 1, None), ("implementation", "show", 2, None),
        ("technology", "show", 3, None), ("releases", "card", None, "no_releases"),
        ("nps", "show", 4, None), ("demands", "show", 5, None), ("feedback", "show", 6, None),
        ("expansion", "show", 7, None), ("actions", "show", 8, None)]
    without = [t for t in TICKETS if t["stream"] != "implantacao"]
    settings = make_config(company={"name": "SISMETRO"})
    quiet = compute_review(make_workspace(settings, companies=[CLIENT], tickets=without),
                           "9876", AUGUST, today=TODAY)
    assert quiet.section("implementation") == Section("implementation", "card", "no_tickets")
    assert quiet.section("nps").reason == "no_answers"


def test_the_policy_forces_or_hides_a_section(report: ReviewReport) -> None:
    plan = plan_sections(report, {"releases": "show", "support": "hide", "feedback": "card"})
    modes = {s.key: s.mode for s in plan}
    assert (modes["releases"], modes["support"], modes["feedback"]) == ("show", "hide", "card")
    assert [s.key for s in plan if s.number] == [
        "implementation", "technology", "releases", "nps", "demands", "expansion", "actions"]
    assert report.section("nowhere") == Section("nowhere", "show")


def test_action_state_side_and_next_meeting() -> None:
    actions = [
        {"company_id": "9876", "action": "A", "owner": "Daielly Lionardo", "due_on": "2026-08-15",
         "status": "Em andamento"},
        {"company_id": "9876", "action": "B", "owner": "lucas", "due_on": "2026-09-15"},
        {"company_id": "9876", "action": "C", "owner": "Fernanda Souza", "status": "Feito",
         "due_on": "2026-08-20"},
        {"company_id": "9876", "action": "D", "owner": "Zé"},
    ]
    surveys = [{**SURVEYS[0], "contact": "Fernanda Souza"}]
    settings = make_config(company={"name": "SISMETRO"})
    workspace = make_workspace(settings, companies=[CLIENT], tickets=TICKETS, surveys=surveys,
                               actions=actions)
    built = compute_review(workspace, "9876", AUGUST, today=TODAY)
    got = {a.action: (a.state, a.side) for a in built.actions}
    # the CSM and a ticket owner are the vendor's; a survey contact is the client's
    assert got == {"A": ("overdue", "vendor"), "B": ("on_track", "vendor"),
                   "C": ("done", "client"), "D": ("on_track", None)}
    assert built.next_meeting == date(2026, 10, 3)  # the meeting (Sep 2) + 31 days
    chosen = compute_review(workspace, "9876", AUGUST, today=TODAY,
                            next_meeting_on=date(2026, 10, 20), internal=True)
    assert (chosen.next_meeting, chosen.internal) == (date(2026, 10, 20), True)


def test_health_thresholds_are_checked_when_loading() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=r"yellow \(80.0\) must not be above green"):
        make_config(summary={"health": {"green": 70, "yellow": 80}})
    with pytest.raises(ValidationError, match="weights must be 0 or more"):
        make_config(summary={"health": {"weights": {"sla": -1}}})
    with pytest.raises(ValidationError):
        make_config(review={"sections": {"nps": "maybe"}})
