"""Plain typed objects of the CS Ops portfolio view: churn, scores per CSM, reviews due, volumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from deckgen.model.review import ChartData, Metric, Period, Series


@dataclass(frozen=True)
class ChurnRate:
    """Logo churn: clients lost in the period over clients active at its start."""

    lost: int | None  # None when the export has no churn date
    active_at_start: int | None
    rate: float | None  # percent, one decimal; None without data
    clients_lost: list[str]


@dataclass(frozen=True)
class CsmScores:
    """NPS and CSAT over every client of one CSM ("Proprietário CS")."""

    csm: str | None  # None: the clients without a CS owner
    clients: int
    nps: int | None
    nps_answers: int
    csat_satisfied: float | None  # percent of 4–5, one decimal
    csat_mean: float | None
    csat_answers: int


@dataclass(frozen=True)
class DueReview:
    """A client whose last review + meeting interval falls on or before the date asked."""

    client_id: str
    name: str
    owner_cs: str | None
    last_meeting: date
    interval_days: int
    due_on: date
    days_overdue: int  # 0 when due on the date asked


@dataclass(frozen=True)
class StreamVolume:
    """One stream's tickets across every client in a period."""

    key: str
    created: int
    closed: int
    open_at_end: int
    sla_compliance: float | None  # percent, one decimal


@dataclass(frozen=True)
class CsmFigures:
    """One CSM's NPS and CSAT in the period, with the previous period's for the trend."""

    csm: str | None  # None: the clients without a CS owner
    clients: int
    nps: Metric
    nps_answers: int
    csat_satisfied: Metric  # percent of 4–5, one decimal
    csat_answers: int


@dataclass(frozen=True)
class StreamTrend:
    """One stream's volumes and SLA across the portfolio, this period against the previous."""

    key: str
    created: Metric
    closed: Metric
    open_at_end: int
    sla_compliance: Metric  # percent, one decimal


# Why a client is flagged in the CS Ops report.
FLAGS = ("nps_down", "csat_down", "sla_below")


@dataclass(frozen=True)
class Thresholds:
    """The configured alert thresholds (None: that flag is off): NPS points and CSAT
    percentage points of fall against the previous period, SLA compliance percent."""

    nps_drop: float | None = None
    csat_drop: float | None = None
    sla_below: float | None = None

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.nps_drop, self.csat_drop, self.sla_below))


@dataclass(frozen=True)
class ClientFigures:
    """One client's line of the CS Ops report; ``flags`` hold keys of :data:`FLAGS`."""

    client_id: str
    name: str
    owner_cs: str | None
    phase: str | None
    nps: Metric
    nps_answers: int
    csat_satisfied: Metric
    csat_answers: int
    sla_compliance: Metric  # every stream's closed tickets with a target, percent
    sla_missed: int  # tickets closed in the period outside their target
    tickets_created: Metric
    open_at_end: int
    churned: bool = False  # churned on or before the period's end: never flagged
    flags: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class PortfolioReport:
    """Everything the CS Ops portfolio deck and workbook show, for one period (and owner)."""

    company: str
    owner: str | None  # the CSM the report is limited to; None for the whole portfolio
    period: Period
    previous_period: Period
    generated_on: date
    churn: ChurnRate
    churn_previous: ChurnRate
    nps: Metric  # every answer of the portfolio
    nps_answers: int
    csat_satisfied: Metric
    csat_answers: int
    sla_compliance: Metric  # every stream together
    csms: list[CsmFigures]
    streams: list[StreamTrend]
    clients: list[ClientFigures]  # the active clients (see ``active_clients``), by name
    due: list[DueReview]  # reviews due on or before ``generated_on``, most overdue first
    thresholds: Thresholds = Thresholds()

    @property
    def active_clients(self) -> int:
        """The one count of active clients: clients on at least one day of the period
        (customer since on or before its end, not churned before its start)."""
        return len(self.clients)

    @property
    def churned_in_period(self) -> int:
        """Active clients that churned by the period's end."""
        return sum(c.churned for c in self.clients)

    @property
    def flagged(self) -> list[ClientFigures]:
        """Clients past a configured threshold (never a churned one)."""
        return [c for c in self.clients if c.flags]

    def volume_chart(self, previous: str, current: str) -> ChartData:
        """Tickets created per stream: the previous period and this one, named by the caller."""
        return ChartData(
            [s.key for s in self.streams],
            [Series(previous, [s.created.previous for s in self.streams]),
             Series(current, [s.created.value for s in self.streams])],
            category_terms="stream",
        )

    @property
    def csm_nps_chart(self) -> ChartData:
        """NPS per CSM in the period."""
        rows = [c for c in self.csms if c.nps.known]
        return ChartData(
            [c.csm for c in rows], [Series("NPS", [c.nps.value for c in rows])],
            category_terms="csm",
        )
