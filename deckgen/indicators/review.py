"""Build one client's ReviewReport from a loaded workspace: every indicator, every section."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from deckgen.config import Config, Stream
from deckgen.errors import ClientNotFound
from deckgen.indicators import sla, surveys, tickets
from deckgen.indicators.cells import day, plain, text
from deckgen.indicators.comments import comment_groups
from deckgen.indicators.period import dates_within, within
from deckgen.indicators.sections import plan_sections
from deckgen.indicators.summary import next_meeting, summarize
from deckgen.model.review import (
    Action,
    Client,
    CsatReport,
    Durations,
    Metric,
    Note,
    NpsReport,
    Period,
    Release,
    ReviewReport,
    StreamReport,
    Ticket,
)
from deckgen.sources.clients import client_slug
from deckgen.sources.names import fold
from deckgen.sources.needs import column_gap, gaps
from deckgen.sources.schema import source_columns
from deckgen.sources.workspace import Workspace

CLIENT_FIELDS = (
    "company_id", "name", "owner_cs", "owner_sales", "owner_implementation", "phase",
    "meeting_interval_days", "last_meeting",
)
_NO_DURATION = Durations(None, None, 0)
_NONE: Any = None  # na_value for to_numpy (the stubs do not admit None)


def _property(value: Any, kind: str) -> object:
    if kind == "date":
        return day(value)
    value = plain(value)
    if kind == "int" and value is not None:
        return int(value)
    if kind == "bool" and value is not None:
        return bool(value)
    return value


# The ticket and survey columns the indicators read.
TICKET_COLUMNS = (
    "ticket_id", "subject", "stream", "categories", "priority", "status", "owner", "created_at",
    "closed_at", "first_response_at", "estimated_hours", "sla_status", "prioritized", "is_closed",
)
SURVEY_COLUMNS = ("submitted_at", "survey_type", "kind", "value", "comment", "contact")


def compact(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """One client's rows with only ``columns``, text held as Python objects (``None`` for NA).

    Same values, fewer and consolidated columns, labels in a plain object index: every later
    selection is one cheap copy and every column lookup a dictionary hit.
    """
    return pd.DataFrame(
        {name: _plain_column(frame[name]) for name in columns},
        columns=pd.Index(columns, dtype=object),
    )


def _plain_column(column: pd.Series) -> pd.Series:
    if isinstance(column.dtype, pd.StringDtype):
        return pd.Series(column.to_numpy(dtype=object, na_value=_NONE), dtype=object)
    return column.reset_index(drop=True)


def make_client(row: pd.Series, kinds: Mapping[str, str]) -> Client:
    """The client record of one companies row; next meeting = last meeting + interval.

    ``kinds`` gives each company column's kind (built-in and declared fields alike)."""
    interval = plain(row["meeting_interval_days"])
    interval = None if interval is None else int(interval)
    last = day(row["last_meeting"])
    name = str(row["name"])
    return Client(
        id=str(row["company_id"]),
        name=name,
        slug=client_slug(name),
        owner_cs=text(row["owner_cs"]),
        owner_sales=text(row["owner_sales"]),
        owner_implementation=text(row["owner_implementation"]),
        phase=text(row["phase"]),
        meeting_interval_days=interval,
        last_meeting=last,
        next_meeting=last + timedelta(days=interval) if last and interval else None,
        properties={
            column: _property(row[column], kinds.get(column, ""))
            for column in row.index
            if column not in CLIENT_FIELDS
        },
    )


@dataclass
class _Review:
    """What every section of one review shares, and the warnings they collect."""

    workspace: Workspace
    period: Period
    notes: list[Note] = field(default_factory=list)

    @property
    def config(self) -> Config:
        return self.workspace.config

    @property
    def zone(self) -> str:
        return self.config.company.timezone

    def lacks(self, indicator: str, stream: str | None = None) -> bool:
        """Whether the exports cannot feed ``indicator`` (the one table in sources.needs)."""
        return bool(gaps(self.workspace, indicator, stream=stream, empty=False))

    def has(self, column: str) -> bool:
        """Whether the tickets export has ``column``."""
        return column_gap(self.workspace, "tickets", column, empty=False) is None

    def lacks_file(self, source: str) -> bool:
        """Whether there is no ``source`` export at all."""
        return source in self.workspace.unavailable

    def note(self, section: str, missing: list[str], reason: str) -> None:
        """Record a missing-data reason for a section, and a note for the user (once each)."""
        if reason not in missing:
            missing.append(reason)
            self.notes.append(Note(section, reason))


@dataclass(frozen=True)
class _Windows:
    """Which of one client's tickets fall in each window of the review, computed once."""

    stream: np.ndarray
    created: np.ndarray
    created_before: np.ndarray
    closed: np.ndarray
    closed_before: np.ndarray
    prioritized: np.ndarray

    @classmethod
    def of(cls, frame: pd.DataFrame, review: _Review) -> _Windows:
        zone, period, config = review.zone, review.period, review.config
        closed = frame["is_closed"].to_numpy(dtype=bool)
        before = period.previous()
        return cls(
            stream=frame["stream"].to_numpy(dtype=object),
            created=within(frame["created_at"], period, zone),
            created_before=within(frame["created_at"], before, zone),
            closed=closed & within(frame["closed_at"], period, zone),
            closed_before=closed & within(frame["closed_at"], before, zone),
            prioritized=tickets.prioritized_mask(
                frame, config,
                use_priority=review.has("priority"),
                use_flag=review.has("prioritized"),
            ),
        )


def _stream_report(
    review: _Review,
    stream: Stream,
    client_tickets: pd.DataFrame,
    windows: _Windows,
    open_demands: tuple[list[Ticket], pd.DataFrame],
) -> StreamReport:
    config = review.config
    missing: list[str] = []
    if review.lacks_file("tickets"):
        review.note(stream.key, missing, "tickets")
        return StreamReport(
            stream.key, stream.role, Metric(None), [], [], [], Metric(None), [],
            Metric(None), _NO_DURATION, _NO_DURATION, [], None, missing,
        )
    mine = windows.stream == stream.key
    created = client_tickets[mine & windows.created]

    if review.lacks("tickets_by_category"):
        review.note(stream.key, missing, "category")
        by_category = []
    else:
        by_category = tickets.by_category(created)

    use_priority, use_flag = review.has("priority"), review.has("prioritized")
    by_urgency = tickets.by_urgency(created) if use_priority else []
    if review.lacks("tickets_by_urgency"):
        review.note(stream.key, missing, "priority")
    prioritized: list[Ticket] = []
    prioritized_count = Metric(None)
    if use_priority or use_flag:
        now = tickets.prioritized(created, config, use_priority=use_priority, use_flag=use_flag)
        prioritized = tickets.ticket_rows(now, age_on=None)
        then = int((mine & windows.created_before & windows.prioritized).sum())
        prioritized_count = Metric(len(now), then)

    targets = sla.stream_targets(config, stream.key)
    use_status, has_close = review.has("sla_status"), review.has("closed_at")
    sla_gaps = gaps(review.workspace, "sla_compliance", stream=stream.key, empty=False)
    if sla_gaps:  # no close date, else no target and no HubSpot SLA status
        closing = any(g.column == "closed_at" for g in sla_gaps)
        review.note(stream.key, missing, "sla" if closing else "sla_targets")
    closed = client_tickets[mine & windows.closed]
    result = sla.sla_compliance(closed, targets, config, use_status=use_status)
    earlier = sla.sla_compliance(
        client_tickets[mine & windows.closed_before], targets, config, use_status=use_status,
    )

    first_response = resolution = _NO_DURATION
    if not has_close:
        review.note(stream.key, missing, "closed_at")
    else:
        resolution = tickets.durations(closed, "created_at", "closed_at", config.sla)
        if review.lacks("first_response_time"):  # the close date is there, not the first reply
            review.note(stream.key, missing, "first_response")
        else:
            first_response = tickets.durations(
                closed, "created_at", "first_response_at", config.sla
            )

    open_rows, open_mine = open_demands
    open_hours: float | None = None
    if review.lacks("hours_estimate"):
        review.note(stream.key, missing, "hours")
    else:
        open_hours = tickets.estimated_hours(open_mine)
    return StreamReport(
        key=stream.key,
        role=stream.role,
        created=Metric(len(created), int((mine & windows.created_before).sum())),
        by_category=by_category,
        by_urgency=by_urgency,
        prioritized=prioritized,
        prioritized_count=prioritized_count,
        sla=result.rows,
        sla_compliance=Metric(result.compliance, earlier.compliance),
        first_response=first_response,
        resolution=resolution,
        open_demands=open_rows,
        open_hours=open_hours,
        missing=missing,
        prioritized_levels=list(config.tickets.prioritized_priorities),
    )


def _nps(review: _Review, answers: tuple[pd.DataFrame, pd.DataFrame]) -> NpsReport:
    """NPS of the answers of the period and of the previous period (``answers``)."""
    missing: list[str] = []
    if review.lacks("nps"):
        review.note("nps", missing, "surveys")
        return NpsReport(Metric(None), 0, 0, 0, 0, [], missing)
    now = surveys.nps_answers(answers[0])
    counts = surveys.nps_counts(now)
    before = surveys.nps_counts(surveys.nps_answers(answers[1]))
    comments = surveys.nps_comments(now)
    return NpsReport(
        score=Metric(counts.score, before.score),
        answers=counts.answers,
        promoters=counts.promoters,
        passives=counts.passives,
        detractors=counts.detractors,
        comments=comments,
        missing=missing,
        groups=comment_groups(comments, review.config.review.comment_chars),
    )


def _csat(review: _Review, answers: tuple[pd.DataFrame, pd.DataFrame]) -> CsatReport:
    """CSAT of the answers of the period and of the previous period (``answers``)."""
    missing: list[str] = []
    if review.lacks("csat"):
        review.note("csat", missing, "surveys")
        return CsatReport(Metric(None), Metric(None), 0, [], missing)
    now = surveys.csat_figures(answers[0], review.config)
    before = surveys.csat_figures(answers[1], review.config)
    return CsatReport(
        satisfied=Metric(now.satisfied, before.satisfied),
        mean=Metric(now.mean, before.mean),
        count=now.count,
        distribution=now.distribution,
        missing=missing,
        three_point=now.three_point,
    )


def _releases(review: _Review) -> list[Release]:
    if review.lacks("releases"):
        review.note("releases", [], "releases")
        return []
    table = review.workspace.releases
    chosen = table[dates_within(table["released_on"], review.period)]
    releases = [
        Release(
            released_on=day(r["released_on"]) or review.period.end,
            title=str(r["title"]),
            version=text(r["version"]),
            description=text(r["description"]),
            product=text(r["product"]),
        )
        for r in chosen.to_dict("records")
    ]
    releases.sort(key=lambda r: (-r.released_on.toordinal(), fold(r.title)))
    return releases


def _side(owner: str | None, vendor: set[str], client: set[str]) -> str | None:
    """Whose action it is: "vendor" for the vendor's people (the company's CS, sales and
    implementation owners, ticket owners), "client" for the client's survey contacts."""
    if owner is None:
        return None
    key = fold(owner)
    return "vendor" if key in vendor else "client" if key in client else None


def _actions(
    review: _Review, client: Client, vendor: set[str], contacts: set[str]
) -> list[Action]:
    if review.lacks("next_steps"):
        review.note("actions", [], "actions")
        return []
    period = review.period
    config = review.config
    done_words = {fold(s) for s in (*config.actions.done_statuses, *config.tickets.closed_statuses)}
    actions: list[Action] = []
    for r in review.workspace.company_rows("actions", client.id, client.name).to_dict("records"):
        status = text(r["status"])
        done = status is not None and fold(status) in done_words
        due, agreed = day(r["due_on"]), day(r["agreed_on"])
        when = due or agreed
        if done and (when is None or when not in period):
            continue
        actions.append(
            Action(
                action=str(r["action"]),
                owner=text(r["owner"]),
                due_on=due,
                status=status,
                done=done,
                overdue=not done and due is not None and due < period.end,
                agreed_on=agreed,
                side=_side(text(r["owner"]), vendor, contacts),
            )
        )
    actions.sort(key=lambda a: (a.done, a.due_on or date.max, fold(a.action)))
    return actions


def _people(values: Iterable[object]) -> set[str]:
    """Folded names of a column's non-blank values."""
    names = (text(value) for value in values)
    return {fold(name) for name in names if name}


def compute_review(
    workspace: Workspace, client_id: str, period: Period, *, today: date,
    next_meeting_on: date | None = None, internal: bool = False,
) -> ReviewReport:
    """Every indicator of one client (by HubSpot Record ID) for ``period``; the next
    meeting is ``next_meeting_on`` or ``today`` plus the cadence."""
    config = workspace.config
    rows = workspace.company_rows("companies", client_id)
    if rows.empty:
        raise ClientNotFound(f"no client with Record ID {client_id} in the companies export")
    kinds = {name: c.kind for name, c in source_columns(config, "companies").items()}
    client = make_client(rows.iloc[0], kinds)
    review = _Review(workspace, period)
    client_tickets = compact(
        workspace.company_rows("tickets", client.id, client.name), TICKET_COLUMNS
    )
    if review.lacks_file("tickets"):
        client_tickets = client_tickets.iloc[0:0]
    names = [s.key for s in config.streams]
    open_all = tickets.open_at_end(client_tickets, period, review.zone)
    open_all = open_all[open_all["stream"].isin(names).to_numpy(bool, na_value=False)]
    open_all = open_all.sort_values(["created_at", "ticket_id"], kind="stable")
    open_rows = tickets.ticket_rows(open_all, age_on=period.end)
    keys = open_all["stream"].to_numpy(dtype=object)
    windows = _Windows.of(client_tickets, review)
    streams = [
        _stream_report(
            review, s, client_tickets, windows,
            ([t for t, key in zip(open_rows, keys, strict=True) if key == s.key],
             open_all[keys == s.key]),
        )
        for s in config.streams
    ]
    rows = workspace.company_rows("surveys", client.id, client.name)
    # ``row`` (the export row) names off-scale answers; tables built in code may lack it
    answers = compact(rows, (*SURVEY_COLUMNS, "row") if "row" in rows.columns else SURVEY_COLUMNS)
    answered = (
        surveys.in_period(answers, period, review.zone),
        surveys.in_period(answers, period.previous(), review.zone),
    )
    nps = _nps(review, answered)
    off_scale = (surveys.off_scale(answered[0], config, workspace.files.get("surveys"))
                 if len(answered[0]) else [])
    csat = _csat(review, answered)
    releases = _releases(review)
    vendor = _people([client.owner_cs, client.owner_sales, client.owner_implementation])
    vendor |= _people(client_tickets["owner"].dropna().unique())
    actions = _actions(
        review, client, vendor, _people(answers["contact"].dropna().unique()) - vendor
    )
    hours = [s.open_hours for s in streams if s.open_hours is not None]
    before = tickets.open_at_end(client_tickets, period.previous(), review.zone)
    open_before = int(before["stream"].isin(names).to_numpy(bool, na_value=False).sum())
    report = ReviewReport(
        company=config.company.name,
        client=client,
        period=period,
        previous_period=period.previous(),
        generated_on=today,
        streams=streams,
        nps=nps,
        csat=csat,
        releases=releases,
        open_demands=open_rows,
        open_hours=sum(hours) if hours else None,
        actions=actions,
        notes=review.notes,
        off_scale=off_scale,
        next_meeting=next_meeting(today, client.meeting_interval_days, next_meeting_on),
        internal=internal,
        open_before=open_before if not review.lacks_file("tickets") else None,
    )
    return with_story(report, config)


def with_story(report: ReviewReport, config: Config) -> ReviewReport:
    """``report`` with its executive summary and section plan."""
    return replace(
        report,
        summary=summarize(report, config.summary),
        sections=plan_sections(report, config.review.sections),
    )
