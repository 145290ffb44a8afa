"""SLA targets ("nossos SLAs") and compliance of the tickets closed in a period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from deckgen.config import Config, SlaTarget
from deckgen.indicators.cells import plain, text
from deckgen.indicators.hours import elapsed_hours
from deckgen.indicators.rounding import percent
from deckgen.indicators.tickets import priority_key
from deckgen.model.review import SlaRow
from deckgen.sources.names import fold

# HubSpot's "Time to close SLA status" labels (and codes 3 / 4 / 1), folded; anything else
# (blank, "Active SLA", "Due soon") leaves the decision to the configured targets.
MET = frozenset({
    "completed on time", "concluido no prazo", "concluida no prazo", "no prazo", "dentro do prazo",
    "dentro do sla", "within sla", "met", "sla met", "cumprido", "3",
})
MISSED = frozenset({
    "completed late", "concluido com atraso", "concluida com atraso", "atrasado", "atrasada",
    "fora do prazo", "fora do sla", "overdue", "breached", "missed", "sla missed", "violado",
    "1", "4",
})


def sla_status(value: Any) -> bool | None:
    """HubSpot's SLA status of a closed ticket: met (True), missed (False) or unknown (None)."""
    value = text(value)
    if value is None:
        return None
    folded = " ".join(fold(value).replace("_", " ").split())
    if folded in MET:
        return True
    if folded in MISSED:
        return False
    return None


def stream_targets(config: Config, stream: str) -> list[SlaTarget]:
    """The configured targets of one stream, in configuration order."""
    return [t for t in config.sla.targets if t.stream == stream]


def target_for(
    targets: Sequence[SlaTarget], category: str | None, priority: str | None
) -> SlaTarget | None:
    """The most specific target for a category and priority.

    A target naming the category beats ``*``; then one naming the priority beats one for any
    priority; between equally specific targets the first configured wins.
    """
    best: SlaTarget | None = None
    best_rank = (False, False)
    for target in targets:
        named = target.category != "*"
        if named and (category is None or fold(target.category) != fold(category)):
            continue
        if target.priority is not None and target.priority != priority:
            continue
        rank = (named, target.priority is not None)
        if best is None or rank > best_rank:
            best, best_rank = target, rank
    return best


@dataclass
class _Tally:
    closed: int = 0
    within: int = 0

    def add(self, met: bool) -> None:
        self.closed += 1
        self.within += met


@dataclass(frozen=True)
class _Plan:
    """The target of each category of tickets sharing categories and priority, and the
    strictest resolution target among them: worked out once per such group."""

    matched: list[tuple[str | None, SlaTarget | None]]
    strictest: SlaTarget | None

    @classmethod
    def of(
        cls, targets: Sequence[SlaTarget], categories: tuple[str, ...], priority: str | None
    ) -> _Plan:
        matched = [(c, target_for(targets, c, priority)) for c in (categories or (None,))]
        strictest = min(
            (t for _, t in matched if t is not None and t.resolution_hours is not None),
            key=lambda t: t.resolution_hours or 0.0,
            default=None,
        )
        return cls(matched, strictest)


@dataclass(frozen=True)
class SlaResult:
    """The "nossos SLAs" table of a stream and its overall compliance."""

    rows: list[SlaRow]
    closed: int
    within: int

    @property
    def compliance(self) -> float | None:
        """Percent of counted tickets resolved within target, one decimal."""
        return percent(self.within, self.closed)


def sla_compliance(
    closed: pd.DataFrame,
    targets: Sequence[SlaTarget],
    config: Config,
    *,
    use_status: bool,
) -> SlaResult:
    """Targets and compliance of the tickets closed in the period (``closed``).

    A ticket counts when HubSpot's SLA status says met or missed (``use_status``: the column
    is in the export), else when its target has a resolution time: it is within when its
    resolution hours (on the ``sla.clock``) are at most the target. One row per configured
    target, then one per category that only HubSpot's status covers. Overall, a ticket counts
    once, against the strictest resolution target of its categories.
    """
    hours = elapsed_hours(closed["created_at"], closed["closed_at"], config.sla)
    statuses = closed["sla_status"] if use_status else [None] * len(closed)
    by_target = {id(t): _Tally() for t in targets}
    plans: dict[tuple[tuple[str, ...], str | None], _Plan] = {}
    by_category: dict[str | None, _Tally] = {}
    overall = _Tally()
    for categories, priority, status, spent in zip(
        closed["categories"], closed["priority"], statuses, hours, strict=True
    ):
        verdict = sla_status(status)
        group = (tuple(categories or ()), plain(priority))
        plan = plans.get(group)
        if plan is None:
            plan = plans[group] = _Plan.of(targets, *group)
        seen: set[object] = set()
        for category, target in plan.matched:
            met = verdict if verdict is not None else _within(target, spent)
            if met is None:
                continue
            key: object = id(target) if target is not None else category
            if key in seen:
                continue
            seen.add(key)
            if target is not None:
                by_target[id(target)].add(met)
            else:
                by_category.setdefault(category or None, _Tally()).add(met)
        met = verdict if verdict is not None else _within(plan.strictest, spent)
        if met is not None:
            overall.add(met)
    named = any(t.category != "*" for t in targets)
    every = "other_categories" if named else "all_categories"
    rows = [
        _row(
            "category" if t.category != "*" else every,
            t.category if t.category != "*" else None,
            priority_key(t.priority), t, by_target[id(t)],
        )
        for t in targets
    ]
    for category in sorted(by_category, key=lambda c: (c is None, fold(c or ""), c or "")):
        rows.append(_row("category", category, None, None, by_category[category]))
    return SlaResult(rows, overall.closed, overall.within)


def _within(target: SlaTarget | None, spent: float) -> bool | None:
    if target is None or target.resolution_hours is None or np.isnan(spent):
        return None
    return bool(spent <= target.resolution_hours)


def _row(
    scope: str, category: str | None, priority: str | None, target: SlaTarget | None,
    tally: _Tally,
) -> SlaRow:
    return SlaRow(
        scope=scope,
        category=category,
        priority=priority,
        first_response_hours=None if target is None else target.first_response_hours,
        resolution_hours=None if target is None else target.resolution_hours,
        closed=tally.closed,
        within=tally.within,
        compliance=percent(tally.within, tally.closed),
    )
