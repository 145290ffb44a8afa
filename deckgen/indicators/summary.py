"""The executive summary of a review: cards with direction and target, headline, health."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from deckgen.config import HealthSettings, SummarySettings
from deckgen.model.review import (
    Card,
    Health,
    HealthFactor,
    Metric,
    ReviewReport,
    StreamReport,
    Summary,
)

# Which way is better for each card, unless ``[summary] better`` says otherwise.
BETTER = {"created": "down", "prioritized": "down", "sla": "up", "csat": "up", "nps": "up",
          "open": "down", "hours": "down"}
# The smallest change worth a headline: p.p. (sla, csat), points (nps), percent (counts).
NOTABLE = {"created": 20.0, "prioritized": 25.0, "sla": 2.0, "csat": 2.0, "nps": 5.0,
           "open": 20.0, "hours": 20.0}
RELATIVE = frozenset({"created", "prioritized", "open", "hours"})


def _get(mapping: Mapping[Any, float], key: str, default: float | None = None) -> float | None:
    """``mapping[key]`` of a configuration table keyed by names, else ``default``."""
    return mapping.get(key, default)


def _reason(missing: list[str], *keys: str) -> str | None:
    """The first of ``keys`` the section's missing list holds."""
    return next((k for k in keys if k in missing), None)


def _stream_cards(stream: StreamReport | None, settings: SummarySettings) -> list[Card]:
    """The support stream's cards: tickets created and SLA compliance."""
    if stream is None:
        return [_card("created", Metric(None), "count", settings, missing="no_stream"),
                _card("sla", Metric(None), "percent", settings, missing="no_stream")]
    created_missing = None if stream.created.known else (
        _reason(stream.missing, "tickets") or "tickets")
    sla_missing = None
    if not stream.sla_compliance.known:
        sla_missing = (_reason(stream.missing, "tickets", "closed_at", "sla", "sla_targets")
                       or ("no_tickets" if not stream.created.value else "no_closed"))
    return [_card("created", stream.created, "count", settings, missing=created_missing),
            _card("sla", stream.sla_compliance, "percent", settings, missing=sla_missing)]


def _card(key: str, metric: Metric, unit: str, settings: SummarySettings,
          missing: str | None = None) -> Card:
    directions: Mapping[Any, str] = settings.better
    better = directions.get(key, BETTER[key])
    target = _get(settings.targets, key)
    return Card(key, metric.value, metric.previous, unit, None if better == "none" else better,
                target, missing if metric.value is None else None)


def cards(report: ReviewReport, settings: SummarySettings) -> list[Card]:
    """The six cards of the summary, in slide order."""
    csat, nps = report.csat, report.nps
    known = report.has_ticket_data
    open_metric = (Metric(float(len(report.open_demands)), report.open_before) if known
                   else Metric(None))
    hours_missing = "tickets" if not known else (
        "hours" if any("hours" in s.missing for s in report.streams) else "no_estimates")
    return [
        *_stream_cards(report.support, settings),
        _card("csat", csat.satisfied, "percent", settings,
              missing="surveys" if "surveys" in csat.missing else "no_answers"),
        _card("nps", nps.score, "score", settings,
              missing="surveys" if "surveys" in nps.missing else "no_answers"),
        _card("open", open_metric, "count", settings, missing="tickets"),
        _card("hours", Metric(report.open_hours), "hours", settings, missing=hours_missing),
    ]


def size(card: Card, settings: SummarySettings) -> float | None:
    """How notable a card's change is: its change over the notable change (None: none)."""
    delta = card.delta
    if delta is None or delta == 0:
        return None
    change = abs(delta)
    if card.key in RELATIVE:  # from nothing to something counts as doubling
        change = 100 * change / abs(card.previous) if card.previous else 100.0
    notable = _get(settings.notable, card.key, NOTABLE[card.key]) or NOTABLE[card.key]
    ratio = change / notable
    return ratio if ratio >= 1 else None


def headline(all_cards: list[Card], settings: SummarySettings) -> list[Card]:
    """The most notable changes, biggest first (at most ``headline_size``)."""
    sized = [(size(c, settings), i, c) for i, c in enumerate(all_cards)]
    ranked = sorted(((s, i, c) for s, i, c in sized if s is not None), key=lambda t: (-t[0], t[1]))
    return [c for _, _, c in ranked[: settings.headline_size]]


def _gap_factor(key: str, value: float | None, target: float | None,
                settings: HealthSettings) -> HealthFactor:
    """A factor scored by how far ``value`` is below its target (or the reference)."""
    weight = _get(settings.weights, key, 0.0) or 0.0
    reference = target if target is not None else _get(settings.references, key)
    if value is None or reference is None:
        return HealthFactor(key, weight, None, value, reference)
    gap = reference - value
    score = 100.0 if gap <= 0 else max(0.0, 100 - settings.points_per_unit * gap)
    return HealthFactor(key, weight, score, value, reference,
                        f"{key}_below" if gap > 0 else None)


def _share_factor(key: str, bad: int, total: int | None, reference: float,
                  settings: HealthSettings) -> HealthFactor:
    """A factor scored by the share of items that are not fine (old demands, late actions)."""
    weight = _get(settings.weights, key, 0.0) or 0.0
    if total is None:
        return HealthFactor(key, weight, None, None, reference)
    score = 100.0 if total == 0 else 100 * (1 - bad / total)
    return HealthFactor(key, weight, score, float(bad), reference, key if bad else None)


def health(report: ReviewReport, settings: SummarySettings) -> Health:
    """The green / yellow / red signal of docs/indicators.md ("Health signal")."""
    rules = settings.health
    support = report.support
    sla_value = support.sla_compliance.value if support else None
    old_days = rules.old_demand_days
    open_total = len(report.open_demands) if report.has_ticket_data else None
    old = sum(1 for t in report.open_demands if (t.age_days or 0) > old_days)
    lacks_actions = not report.actions and any(n.reason == "actions" for n in report.notes)
    pending = [a for a in report.actions if not a.done]
    overdue = sum(1 for a in pending if a.overdue)
    factors = [
        _gap_factor("sla", sla_value, settings.targets.get("sla"), rules),
        _gap_factor("csat", report.csat.satisfied.value, settings.targets.get("csat"), rules),
        _gap_factor("nps", report.nps.score.value, settings.targets.get("nps"), rules),
        _share_factor("open_age", old, open_total, float(old_days), rules),
        _share_factor("overdue", overdue, None if lacks_actions else len(pending), 0.0, rules),
    ]
    scored = [f for f in factors if f.score is not None and f.weight > 0]
    total = sum(f.weight for f in scored)
    if not scored or total == 0:
        return Health(None, None, factors)
    score = sum(f.weight * (f.score or 0.0) for f in scored) / total
    level = "green" if score >= rules.green else "yellow" if score >= rules.yellow else "red"
    return Health(level, score, factors)


def summarize(report: ReviewReport, settings: SummarySettings) -> Summary:
    """Cards, headline and health of one review."""
    all_cards = cards(report, settings)
    return Summary(all_cards, headline(all_cards, settings), health(report, settings))


def next_meeting(meeting: date, interval_days: int | None, given: date | None) -> date | None:
    """The next review: the date given, else this meeting plus the agreed cadence."""
    if given is not None:
        return given
    if not interval_days:
        return None
    return meeting + timedelta(days=interval_days)
