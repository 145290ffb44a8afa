"""The CS Ops portfolio report: churn, scores per CSM and client, SLA and volumes, reviews due."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from deckgen.errors import ClientNotFound
from deckgen.indicators import portfolio, sla, surveys, tickets
from deckgen.indicators.cells import text
from deckgen.indicators.period import bounds, within
from deckgen.indicators.rounding import percent
from deckgen.indicators.selection import owned_by
from deckgen.indicators.surveys import CsatFigures, NpsCounts
from deckgen.model.portfolio import (
    ClientFigures,
    CsmFigures,
    PortfolioReport,
    StreamTrend,
    Thresholds,
)
from deckgen.model.review import Metric, Period
from deckgen.sources.names import fold
from deckgen.sources.workspace import Workspace

SOURCES = ("tickets", "surveys", "actions")
# The columns the portfolio indicators read (plus the company keys rows are matched by).
COLUMNS = {
    "tickets": ("company_id", "company_name", "stream", "categories", "priority", "status",
                "created_at", "closed_at", "is_closed", "sla_status"),
    "surveys": ("company_id", "company_name", "survey_type", "value", "kind", "submitted_at"),
}


def compact_workspace(workspace: Workspace, period: Period) -> Workspace:
    """The workspace cut down to what the report of ``period`` (and the one before) reads.

    Only the ticket and survey columns the indicators use, text columns as categories (so
    selecting one client's rows is a cheap integer take, not an Arrow one), and only the rows
    that can count: answers of the two periods; tickets created by the end that were created
    in the two periods, are still open or were closed after the previous period began.
    """
    zone = workspace.config.company.timezone
    both = Period(period.previous().start, period.end)
    low, high = bounds(both, zone)
    tickets_ = workspace.tickets
    created = tickets_["created_at"]
    keep_tickets = (created < high) & (
        (created >= low) | ~tickets_["is_closed"] | (tickets_["closed_at"] >= low)
    )
    keep = {
        "tickets": keep_tickets.to_numpy(dtype=bool),
        "surveys": within(workspace.surveys["submitted_at"], both, zone),
    }
    tables: dict[str, pd.DataFrame] = {}
    for source, columns in COLUMNS.items():
        table = getattr(workspace, source)[keep[source]]
        tables[source] = pd.DataFrame({
            c: table[c].astype("category") if isinstance(table[c].dtype, pd.StringDtype)
            else table[c]
            for c in columns
        })
    return dataclasses.replace(workspace, tickets=tables["tickets"], surveys=tables["surveys"])


def owner_workspace(workspace: Workspace, owner: str | None) -> Workspace:
    """The workspace limited to one CSM's clients and their rows (itself without ``owner``)."""
    if not owner:
        return workspace
    companies = workspace.companies[owned_by(workspace.companies, owner).to_numpy(dtype=bool)]
    if companies.empty:
        known = sorted({str(o) for o in workspace.companies["owner_cs"].dropna()}, key=fold)
        raise ClientNotFound(f"no client has the CSM {owner!r}; CSMs: {', '.join(known) or 'none'}")
    tables: dict[str, pd.DataFrame] = {}
    for source in SOURCES:
        parts = [workspace.company_rows(source, str(cid), text(name))
                 for cid, name in zip(companies["company_id"], companies["name"], strict=True)]
        joined = pd.concat(parts)
        tables[source] = joined[~joined.index.duplicated()]
    return dataclasses.replace(workspace, companies=companies, tickets=tables["tickets"],
                               surveys=tables["surveys"], actions=tables["actions"])


def _active(companies: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Clients for some part of the period: customers by its end, not churned before it."""
    since, churned = companies["customer_since"], companies["churned_on"]
    keep = (since.isna() | (since <= pd.Timestamp(period.end))) & (
        churned.isna() | (churned >= pd.Timestamp(period.start))
    )
    return companies[keep.to_numpy(dtype=bool)]


@dataclasses.dataclass
class _Scores:
    """Survey and ticket tallies of one client (or the whole portfolio) in one period."""

    nps: NpsCounts
    csat: CsatFigures
    sla_closed: int
    sla_within: int
    created: int


def _scores(workspace: Workspace, answers: pd.DataFrame, mine: pd.DataFrame,
            streams: list[tuple[str, pd.DataFrame]], period: Period) -> _Scores:
    config = workspace.config
    zone = config.company.timezone
    in_period = surveys.in_period(answers, period, zone)
    use_status = "sla_status" not in workspace.absent.get("tickets", [])
    closed = within = 0
    for key, rows in streams:
        result = sla.sla_compliance(
            tickets.closed_in(rows, period, zone), sla.stream_targets(config, key),
            config, use_status=use_status,
        )
        closed, within = closed + result.closed, within + result.within
    return _Scores(
        nps=surveys.nps_counts(surveys.nps_answers(in_period)),
        csat=surveys.csat_figures(in_period, config),
        sla_closed=closed,
        sla_within=within,
        created=len(tickets.created_in(mine, period, zone)),
    )


def _total(scores: list[_Scores]) -> _Scores:
    return _Scores(
        nps=NpsCounts(sum(s.nps.promoters for s in scores), sum(s.nps.passives for s in scores),
                      sum(s.nps.detractors for s in scores)),
        csat=CsatFigures([v for s in scores for v in s.csat.scores],
                         sum(s.csat.three_point for s in scores)),
        sla_closed=sum(s.sla_closed for s in scores),
        sla_within=sum(s.sla_within for s in scores),
        created=sum(s.created for s in scores),
    )


def client_flags(nps: Metric, csat: Metric, sla: Metric, churned: bool,
                 limits: Thresholds) -> list[str]:
    """The flags a client's figures raise against the configured thresholds: an NPS or
    CSAT fall of at least the threshold, SLA compliance below it; none for a churned client."""
    if churned:
        return []
    return [flag for flag, limit, past in (
        ("nps_down", limits.nps_drop, lambda t: nps.delta is not None and -nps.delta >= t),
        ("csat_down", limits.csat_drop,
         lambda t: csat.delta is not None and -csat.delta >= t),
        ("sla_below", limits.sla_below, lambda t: sla.value is not None and sla.value < t),
    ) if limit is not None and past(limit)]


def _client(
    workspace: Workspace, row: Mapping[Any, Any], period: Period, limits: Thresholds
) -> tuple[ClientFigures, _Scores, _Scores]:
    cid, name = str(row["company_id"]), text(row["name"])
    answers = workspace.company_rows("surveys", cid, name)
    mine = workspace.company_rows("tickets", cid, name)
    stream = mine["stream"].to_numpy(dtype=object, na_value="")  # NA: no stream matched
    streams = [(s.key, mine[stream == s.key]) for s in workspace.config.streams]
    mine = mine[np.isin(stream, [s.key for s in workspace.config.streams])]
    now = _scores(workspace, answers, mine, streams, period)
    before = _scores(workspace, answers, mine, streams, period.previous())
    nps = Metric(now.nps.score, before.nps.score)
    csat = Metric(now.csat.satisfied, before.csat.satisfied)
    missed = now.sla_closed - now.sla_within
    sla_compliance = Metric(percent(now.sla_within, now.sla_closed),
                            percent(before.sla_within, before.sla_closed))
    churned_on = row["churned_on"]
    churned = bool(pd.notna(churned_on) and churned_on <= pd.Timestamp(period.end))
    figures = ClientFigures(
        client_id=cid,
        name=name or cid,
        owner_cs=text(row["owner_cs"]),
        phase=text(row["phase"]),
        nps=nps,
        nps_answers=now.nps.answers,
        csat_satisfied=csat,
        csat_answers=now.csat.count,
        sla_compliance=sla_compliance,
        sla_missed=missed,
        tickets_created=Metric(now.created, before.created),
        open_at_end=len(tickets.open_at_end(mine, period, workspace.config.company.timezone)),
        churned=churned,
        flags=client_flags(nps, csat, sla_compliance, churned, limits),
    )
    return figures, now, before


def compute_portfolio(
    workspace: Workspace, period: Period, *, today: date, owner: str | None = None
) -> PortfolioReport:
    """Every figure of the CS Ops report for ``period`` (compared with the one before it).

    With ``owner``, only that CSM's clients count. Per-client figures reuse the review
    indicators (NPS, CSAT, SLA compliance, ticket windows); flags only from the thresholds
    of ``[portfolio]`` (:func:`client_flags`).
    """
    workspace = owner_workspace(compact_workspace(workspace, period), owner)
    config = workspace.config
    limits = Thresholds(config.portfolio.nps_drop, config.portfolio.csat_drop,
                        config.portfolio.sla_below)
    previous = period.previous()
    clients, now, before = [], [], []
    for row in _active(workspace.companies, period).to_dict("records"):
        figures, current, prior = _client(workspace, row, period, limits)
        clients.append(figures)
        now.append(current)
        before.append(prior)
    clients.sort(key=lambda c: (fold(c.name), c.client_id))
    total, total_before = _total(now), _total(before)
    return PortfolioReport(
        company=config.company.name,
        owner=owner or None,
        period=period,
        previous_period=previous,
        generated_on=today,
        churn=portfolio.churn_rate(workspace, period),
        churn_previous=portfolio.churn_rate(workspace, previous),
        nps=Metric(total.nps.score, total_before.nps.score),
        nps_answers=total.nps.answers,
        csat_satisfied=Metric(total.csat.satisfied, total_before.csat.satisfied),
        csat_answers=total.csat.count,
        sla_compliance=Metric(percent(total.sla_within, total.sla_closed),
                              percent(total_before.sla_within, total_before.sla_closed)),
        csms=_csms(workspace, period),
        streams=_streams(workspace, period),
        clients=clients,
        due=portfolio.reviews_due(workspace.companies, today),
        thresholds=limits,
    )


def _csms(workspace: Workspace, period: Period) -> list[CsmFigures]:
    before = {s.csm: s for s in portfolio.scores_per_csm(workspace, period.previous())}
    rows = []
    for s in portfolio.scores_per_csm(workspace, period):
        prior = before.get(s.csm)
        rows.append(CsmFigures(
            csm=s.csm,
            clients=s.clients,
            nps=Metric(s.nps, prior.nps if prior else None),
            nps_answers=s.nps_answers,
            csat_satisfied=Metric(s.csat_satisfied, prior.csat_satisfied if prior else None),
            csat_answers=s.csat_answers,
        ))
    return rows


def _streams(workspace: Workspace, period: Period) -> list[StreamTrend]:
    before = {v.key: v for v in portfolio.stream_volumes(workspace, period.previous())}
    trends = []
    for v in portfolio.stream_volumes(workspace, period):
        prior = before[v.key]
        trends.append(StreamTrend(
            key=v.key,
            created=Metric(v.created, prior.created),
            closed=Metric(v.closed, prior.closed),
            open_at_end=v.open_at_end,
            sla_compliance=Metric(v.sla_compliance, prior.sla_compliance),
        ))
    return trends
