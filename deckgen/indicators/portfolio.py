"""Portfolio indicators (CS Ops): logo churn, NPS/CSAT per CSM, reviews due, stream volumes."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from deckgen.indicators import sla, surveys, tickets
from deckgen.indicators.cells import day, plain, text
from deckgen.indicators.period import dates_within
from deckgen.indicators.rounding import percent
from deckgen.model.portfolio import ChurnRate, CsmScores, DueReview, StreamVolume
from deckgen.model.review import Period
from deckgen.sources.names import fold
from deckgen.sources.workspace import Workspace


def churn_rate(workspace: Workspace, period: Period) -> ChurnRate:
    """Clients lost in ``period`` / clients active at its start, in percent.

    Active at the start: customer since on or before the start (or unknown) and not churned
    before it. Lost: active at the start and churned on a date of the period. Without churn
    dates (no column, or a column nobody fills) the numbers are unknown (``None``), never 0:
    ``deckgen check`` reports the indicator as missing in both cases.
    """
    companies = workspace.companies
    if (
        "companies" in workspace.unavailable
        or "churned_on" in workspace.absent.get("companies", [])
        or companies["churned_on"].isna().all()
    ):
        return ChurnRate(None, None, None, [])
    start = pd.Timestamp(period.start)
    since, churned = companies["customer_since"], companies["churned_on"]
    active = (since.isna() | (since <= start)) & (churned.isna() | (churned >= start))
    active_mask = active.to_numpy(dtype=bool)
    lost_mask = active_mask & dates_within(churned, period)
    names = sorted(str(n) for n in companies["name"][lost_mask])
    active_count, lost = int(active_mask.sum()), int(lost_mask.sum())
    return ChurnRate(lost, active_count, percent(lost, active_count), names)


def scores_per_csm(workspace: Workspace, period: Period) -> list[CsmScores]:
    """NPS and CSAT of the period over each CSM's clients; clients without a CSM last."""
    config = workspace.config
    zone = config.company.timezone
    groups: dict[str | None, list[pd.DataFrame]] = {}
    for row in workspace.companies.to_dict("records"):
        rows = workspace.company_rows("surveys", str(row["company_id"]), text(row["name"]))
        groups.setdefault(text(row["owner_cs"]), []).append(rows)
    scores: list[CsmScores] = []
    for csm, frames in groups.items():
        answers = surveys.in_period(pd.concat(frames), period, zone)
        nps = surveys.nps_counts(surveys.nps_answers(answers))
        csat = surveys.csat_figures(answers, config)
        scores.append(
            CsmScores(
                csm=csm,
                clients=len(frames),
                nps=nps.score,
                nps_answers=nps.answers,
                csat_satisfied=csat.satisfied,
                csat_mean=csat.mean,
                csat_answers=csat.count,
            )
        )
    scores.sort(key=lambda s: (s.csm is None, fold(s.csm or "")))
    return scores


def reviews_due(companies: pd.DataFrame, on: date) -> list[DueReview]:
    """Clients not churned by ``on`` whose last review + interval is on or before ``on``.

    A client without a last review date or an interval is never due. Most overdue first.
    """
    due: list[DueReview] = []
    for row in companies.to_dict("records"):
        last, interval = day(row["last_meeting"]), plain(row["meeting_interval_days"])
        churned = day(row["churned_on"])
        if last is None or interval is None or (churned is not None and churned <= on):
            continue
        due_on = last + timedelta(days=int(interval))
        if due_on <= on:
            due.append(
                DueReview(
                    client_id=str(row["company_id"]),
                    name=str(row["name"]),
                    owner_cs=text(row["owner_cs"]),
                    last_meeting=last,
                    interval_days=int(interval),
                    due_on=due_on,
                    days_overdue=(on - due_on).days,
                )
            )
    due.sort(key=lambda d: (d.due_on, fold(d.name)))
    return due


def stream_volumes(workspace: Workspace, period: Period) -> list[StreamVolume]:
    """Per stream, across every client: created, closed and open at the end; SLA compliance."""
    config = workspace.config
    zone = config.company.timezone
    use_status = "sla_status" not in workspace.absent.get("tickets", [])
    volumes: list[StreamVolume] = []
    for stream in config.streams:
        mine = workspace.tickets[
            (workspace.tickets["stream"] == stream.key).to_numpy(bool, na_value=False)
        ]
        closed = tickets.closed_in(mine, period, zone)
        result = sla.sla_compliance(
            closed, sla.stream_targets(config, stream.key), config, use_status=use_status
        )
        volumes.append(
            StreamVolume(
                key=stream.key,
                created=len(tickets.created_in(mine, period, zone)),
                closed=len(closed),
                open_at_end=len(tickets.open_at_end(mine, period, zone)),
                sla_compliance=result.compliance,
            )
        )
    return volumes
