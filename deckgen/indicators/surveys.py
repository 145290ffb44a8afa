"""Survey indicators: NPS with its comments, and CSAT on a 1–5 scale."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from deckgen.config import Config
from deckgen.indicators.cells import text
from deckgen.indicators.period import within
from deckgen.indicators.rounding import percent, round_half_away
from deckgen.model.review import Comment, Count, OffScaleAnswer, Period
from deckgen.sources.names import fold

THREE_POINT = {1.0: 1, 2.0: 3, 3.0: 5}  # dissatisfied, neutral, satisfied → 1 / 3 / 5


def in_period(surveys: pd.DataFrame, period: Period, timezone: str) -> pd.DataFrame:
    """Answers submitted on a local date of ``period``."""
    return surveys[within(surveys["submitted_at"], period, timezone)]


def nps_answers(surveys: pd.DataFrame) -> pd.DataFrame:
    """NPS answers with a whole score from 0 to 10."""
    values = surveys["value"].to_numpy(dtype=float, na_value=np.nan)
    valid = (values >= 0) & (values <= 10) & (values == np.round(values))
    return surveys[(surveys["kind"] == "nps").to_numpy(dtype=bool, na_value=False) & valid]


def nps_class(score: float) -> str:
    """``promoter`` (9–10), ``passive`` (7–8) or ``detractor`` (0–6)."""
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


@dataclass(frozen=True)
class NpsCounts:
    """The answers of a period split into NPS classes."""

    promoters: int
    passives: int
    detractors: int

    @property
    def answers(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> int | None:
        """100 × (promoters − detractors) / answers, rounded half away from zero; ``None``
        without answers."""
        if not self.answers:
            return None
        value = Decimal(100 * (self.promoters - self.detractors)) / Decimal(self.answers)
        return int(round_half_away(value))


def nps_counts(answers: pd.DataFrame) -> NpsCounts:
    """Promoters, passives and detractors among NPS ``answers``."""
    classes = Counter(nps_class(v) for v in answers["value"])
    return NpsCounts(classes["promoter"], classes["passive"], classes["detractor"])


def nps_comments(answers: pd.DataFrame) -> list[Comment]:
    """Every non-blank comment with its score and class, newest first."""
    comments: list[Comment] = []
    for row in answers.to_dict("records"):
        comment = (text(row["comment"]) or "").strip()
        if not comment:
            continue
        klass = nps_class(row["value"])
        comments.append(
            Comment(
                text=comment,
                score=int(row["value"]),
                klass=klass,
                submitted=row["submitted_at"].to_pydatetime(),
                contact=text(row["contact"]),
            )
        )
    comments.sort(key=lambda c: c.submitted, reverse=True)
    return comments


@dataclass(frozen=True)
class CsatFigures:
    """CSAT of a period on the 1–5 scale."""

    scores: list[int]
    three_point: int

    @property
    def count(self) -> int:
        return len(self.scores)

    @property
    def satisfied(self) -> float | None:
        """Percent of answers of 4 or 5, one decimal; ``None`` without answers."""
        return percent(sum(s >= 4 for s in self.scores), self.count)

    @property
    def mean(self) -> float | None:
        """The mean score (not rounded); ``None`` without answers."""
        return sum(self.scores) / self.count if self.scores else None

    @property
    def distribution(self) -> list[Count]:
        """How many answers of each score, "1" to "5"."""
        counts = Counter(self.scores)
        return [Count(str(s), counts[s]) for s in range(1, 6)]


def off_scale(surveys: pd.DataFrame, config: Config,
              file: str | None = None) -> list[OffScaleAnswer]:
    """The NPS and CSAT answers with a value that neither NPS nor CSAT counts (off their
    scale or not whole), oldest first, each with its ``file`` and export row: they are shown
    as invalid, never dropped silently."""
    three = {fold(t) for t in config.surveys.csat_three_point_types}
    types = surveys["survey_type"].to_numpy(dtype=object).tolist()
    kinds = surveys["kind"].astype(object).where(surveys["kind"].notna(), None).tolist()
    values = surveys["value"].to_numpy(dtype=float, na_value=np.nan).tolist()
    found: list[OffScaleAnswer] = []
    for row, survey_type, kind, value in zip(surveys.to_dict("records"), types, kinds, values,
                                             strict=True):
        three_point = bool(three) and isinstance(survey_type, str) and fold(survey_type) in three
        if value != value or not (three_point or kind in ("nps", "csat")):
            continue
        nps_ok = kind == "nps" and 0 <= value <= 10 and value == round(value)
        csat_ok = value in THREE_POINT if three_point else (
            kind == "csat" and value in (1.0, 2.0, 3.0, 4.0, 5.0))
        if not (nps_ok or csat_ok):
            found.append(OffScaleAnswer(
                survey_type=text(survey_type) or "", value=value,
                submitted=row["submitted_at"].to_pydatetime(), contact=text(row["contact"]),
                file=file, row=None if pd.isna(row.get("row")) else int(row["row"])))
    found.sort(key=lambda answer: answer.submitted)
    return found


def csat_figures(surveys: pd.DataFrame, config: Config) -> CsatFigures:
    """CSAT answers on 1–5; types in ``surveys.csat_three_point_types`` map 1/2/3 to 1/3/5.

    Answers off their scale (or not whole numbers) are left out.
    """
    three = {fold(t) for t in config.surveys.csat_three_point_types}
    types = surveys["survey_type"].to_numpy(dtype=object).tolist()
    is_three = [bool(three) and isinstance(t, str) and fold(t) in three for t in types]
    is_csat = (surveys["kind"] == "csat").to_numpy(dtype=bool, na_value=False)
    values = surveys["value"].to_numpy(dtype=float).tolist()
    scores: list[int] = []
    mapped = 0
    for value, csat, three_point in zip(values, is_csat, is_three, strict=True):
        if three_point:
            if value in THREE_POINT:
                scores.append(THREE_POINT[value])
                mapped += 1
        elif csat and value in (1.0, 2.0, 3.0, 4.0, 5.0):
            scores.append(int(value))
    return CsatFigures(scores, mapped)
