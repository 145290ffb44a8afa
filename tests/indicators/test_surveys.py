"""NPS, its comments and CSAT (5-point and HubSpot's 3-point) against hand counts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tables import TZ, frame, make_config

from deckgen.indicators import surveys
from deckgen.indicators.rounding import percent
from deckgen.model.review import Count, Period

AUGUST = Period(date(2026, 8, 1), date(2026, 8, 31))


def answer(value: float | None, *, kind: str = "NPS", day: int = 10, comment: str | None = None,
           contact: str | None = None) -> dict[str, Any]:
    return {"survey_type": kind, "value": value, "submitted_at": f"2026-08-{day:02d} 10:00",
            "comment": comment, "contact": contact}


def nps_of(values: list[float]) -> surveys.NpsCounts:
    table = frame("surveys", [answer(v) for v in values])
    return surveys.nps_counts(surveys.nps_answers(table))


@pytest.mark.parametrize(
    ("values", "split", "score"),
    [
        # promoters 9, 10 · passives 7, 7, 8, 8, 7 · detractor 3 → 100 × (2 − 1) / 8 = 12.5 → 13
        ([9, 10, 7, 7, 8, 8, 7, 3], (2, 5, 1), 13),
        # promoter 10 · passives 7, 8, 8, 7, 7 · detractors 6, 0 → 100 × (1 − 2) / 8 = −12.5 → −13
        ([10, 7, 8, 8, 7, 7, 6, 0], (1, 5, 2), -13),
        # 10, 9 promoters · 5 detractor → 100 × 1 / 3 = 33.3 → 33
        ([10, 9, 5], (2, 0, 1), 33),
        # 10, 9 promoters · 8 passive → 100 × 2 / 3 = 66.7 → 67
        ([10, 9, 8], (2, 1, 0), 67),
        # 9 promoter, 6 detractor → 0
        ([9, 6], (1, 0, 1), 0),
    ],
)
def test_nps_rounds_half_away_from_zero(
    values: list[float], split: tuple[int, int, int], score: int
) -> None:
    counts = nps_of(values)
    assert (counts.promoters, counts.passives, counts.detractors) == split
    assert counts.score == score


def test_nps_without_answers_has_no_score() -> None:
    counts = nps_of([])
    assert counts.answers == 0
    assert counts.score is None


def test_nps_answers_are_nps_scores_of_the_period() -> None:
    table = frame("surveys", [
        answer(10), answer(0, day=31),
        {**answer(10), "submitted_at": "2026-07-31 23:00"},  # July
        answer(5, kind="CSAT"),  # not NPS
        answer(11), answer(None), answer(7.5),  # off the scale, blank, not whole
    ])
    answers = surveys.nps_answers(surveys.in_period(table, AUGUST, TZ))
    # 10 (promoter) and 0 (detractor): NPS 0 over 2 answers
    assert list(answers["value"]) == [10.0, 0.0]


def test_comments_newest_first_with_class_and_blank_ones_dropped() -> None:
    table = frame("surveys", [
        answer(10, day=3, comment="Ótimo suporte", contact="Ana"),
        answer(6, day=20, comment="  Lento no fechamento  "),
        answer(8, day=12, comment="   "),
        answer(7, day=15, comment="Bom"),
        answer(9, day=25),
    ])
    comments = surveys.nps_comments(surveys.nps_answers(table))
    assert [(c.text, c.score, c.klass) for c in comments] == [
        ("Lento no fechamento", 6, "detractor"),  # Aug 20
        ("Bom", 7, "passive"),  # Aug 15
        ("Ótimo suporte", 10, "promoter"),  # Aug 3
    ]
    assert comments[2].contact == "Ana"
    assert comments[0].submitted.isoformat() == "2026-08-20T10:00:00-03:00"


def test_csat_five_point() -> None:
    table = frame("surveys", [answer(v, kind="CSAT") for v in (5, 5, 4, 3, 1, 2, 4)]
                  + [answer(6, kind="CSAT"), answer(10, kind="NPS")])  # off scale, not CSAT
    result = surveys.csat_figures(table, make_config())
    # 4 or 5: 5, 5, 4, 4 = 4 of 7 = 57.14 → 57.1 · mean 24 / 7
    assert (result.count, result.satisfied, result.three_point) == (7, 57.1, 0)
    assert result.mean == pytest.approx(24 / 7)
    assert result.distribution == [
        Count("1", 1), Count("2", 1), Count("3", 1), Count("4", 2), Count("5", 2),
    ]


def test_csat_three_point_maps_to_one_three_five() -> None:
    config = make_config(surveys={"csat_three_point_types": ["csat suporte"]})
    table = frame("surveys", [
        answer(3, kind="CSAT Suporte"), answer(3, kind="CSAT Suporte"),  # satisfied → 5, 5
        answer(2, kind="CSAT Suporte"), answer(1, kind="CSAT Suporte"),  # neutral 3, dissat. 1
        answer(4, kind="CSAT Suporte"),  # off the 3-point scale: left out
        answer(4, kind="CSAT"),  # a 5-point answer: 4
    ], config)
    result = surveys.csat_figures(table, config)
    # scores 5, 5, 3, 1, 4: 4–5 = 3 of 5 = 60.0 · mean 18 / 5 = 3.6 · 4 mapped from 3-point
    assert (result.count, result.satisfied, result.mean, result.three_point) == (5, 60.0, 3.6, 4)
    assert result.distribution == [
        Count("1", 1), Count("2", 0), Count("3", 1), Count("4", 1), Count("5", 2),
    ]


def test_csat_without_answers_is_unknown() -> None:
    result = surveys.csat_figures(frame("surveys", []), make_config())
    assert (result.count, result.satisfied, result.mean) == (0, None, None)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(1, 16, 6.3), (1, 8, 12.5), (2, 3, 66.7), (1, 3, 33.3), (3, 3, 100.0), (0, 4, 0.0),
     (1, 0, None)],
)
def test_percent_one_decimal_half_away_from_zero(part: int, whole: int,
                                                 expected: float | None) -> None:
    # 100 / 16 = 6.25 → 6.3 (banker's rounding would give 6.2)
    assert percent(part, whole) == expected
