"""Plain typed objects describing one client's review; no pandas, no output format.

Templates read these by attribute (``nps.score.value``, ``support.by_category``). Missing
data is ``None`` (shown as "—"), never 0. ``missing`` lists say why an indicator is absent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class Period:
    """A closed date interval [start, end] in the company time zone."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length just before this one."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class Metric:
    """A figure with its value in the previous period; ``None`` means no data."""

    value: float | None
    previous: float | None = None

    @property
    def delta(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Count:
    """One bar of a breakdown: a label and how many."""

    label: str
    count: int


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]


@dataclass(frozen=True)
class ChartData:
    """Categories and series for a native chart.

    ``number_format`` is "count", "percent" or "hours".
    """

    categories: list[str]
    series: list[Series]
    number_format: str = "count"

    @property
    def empty(self) -> bool:
        return not self.categories or all(
            v in (None, 0) for s in self.series for v in s.values
        )

    def relabel(self, *labels: str) -> ChartData:
        """The same data with display labels for the categories (e.g. localized by a template)."""
        if len(labels) != len(self.categories):
            raise ValueError(f"relabel: {len(labels)} labels for {len(self.categories)} categories")
        return ChartData(list(labels), self.series, self.number_format)

    @classmethod
    def from_counts(cls, name: str, counts: list[Count]) -> ChartData:
        return cls([c.label for c in counts], [Series(name, [float(c.count) for c in counts])])


@dataclass(frozen=True)
class Durations:
    """Median and 90th percentile in hours, over ``count`` tickets; ``None`` without data."""

    median: float | None
    p90: float | None
    count: int


@dataclass(frozen=True)
class SlaRow:
    """One line of "nossos SLAs": the targets of a category and the compliance achieved."""

    category: str
    priority: str | None
    first_response_hours: float | None
    resolution_hours: float | None
    closed: int
    within: int
    compliance: float | None  # percent, one decimal; None when no closed ticket has a target


@dataclass(frozen=True)
class Ticket:
    """A ticket as listed on a slide (prioritized tickets, open demands)."""

    id: str
    subject: str
    stream: str
    categories: list[str]
    priority: str | None  # display label, e.g. "Alta"
    status: str
    owner: str | None
    created: date
    closed: date | None
    age_days: int | None
    estimated_hours: float | None

    @property
    def category(self) -> str:
        return ", ".join(self.categories)


@dataclass(frozen=True)
class StreamReport:
    """Every ticket indicator of one stream for the period."""

    key: str
    label: str
    role: str
    created: Metric
    by_category: list[Count]
    by_urgency: list[Count]
    prioritized: list[Ticket]
    prioritized_count: Metric
    sla: list[SlaRow]
    sla_compliance: Metric  # overall, percent
    first_response: Durations
    resolution: Durations
    open_demands: list[Ticket]
    open_hours: float | None
    missing: list[str] = field(default_factory=list)

    @property
    def category_chart(self) -> ChartData:
        return ChartData.from_counts(self.label, self.by_category)

    @property
    def urgency_chart(self) -> ChartData:
        return ChartData.from_counts(self.label, self.by_urgency)

    @property
    def sla_chart(self) -> ChartData:
        rows = [r for r in self.sla if r.compliance is not None]
        return ChartData(
            [r.category for r in rows],
            [Series(self.label, [r.compliance for r in rows])],
            "percent",
        )


@dataclass(frozen=True)
class Comment:
    text: str
    score: int
    klass: str  # "promoter" | "passive" | "detractor"
    klass_label: str
    submitted: datetime
    contact: str | None = None


@dataclass(frozen=True)
class NpsReport:
    score: Metric  # integer NPS, None without answers
    answers: int
    promoters: int
    passives: int
    detractors: int
    comments: list[Comment]
    missing: list[str] = field(default_factory=list)

    @property
    def chart(self) -> ChartData:
        return ChartData(
            ["promoters", "passives", "detractors"],
            [Series("NPS", [float(self.promoters), float(self.passives), float(self.detractors)])],
        )


@dataclass(frozen=True)
class CsatReport:
    satisfied: Metric  # percent of 4–5 answers, one decimal
    mean: Metric  # 1–5
    count: int
    distribution: list[Count]  # "1".."5"
    missing: list[str] = field(default_factory=list)
    three_point: int = 0  # answers given on HubSpot's 3-point scale, counted as 1 / 3 / 5

    @property
    def chart(self) -> ChartData:
        return ChartData.from_counts("CSAT", self.distribution)


@dataclass(frozen=True)
class Release:
    released_on: date
    title: str
    version: str | None
    description: str | None
    product: str | None


@dataclass(frozen=True)
class Action:
    action: str
    owner: str | None
    due_on: date | None
    status: str | None
    done: bool
    overdue: bool
    agreed_on: date | None


@dataclass(frozen=True)
class Client:
    """The client's company record, as the deck and minutes show it."""

    id: str
    name: str
    slug: str
    owner_cs: str | None
    owner_sales: str | None
    owner_implementation: str | None
    phase: str | None
    meeting_interval_days: int | None
    last_meeting: date | None
    next_meeting: date | None
    properties: dict[str, object]  # every other canonical company column, None when blank


@dataclass(frozen=True)
class ReviewReport:
    """Everything one review deck (and its minutes) shows about one client and period."""

    company: str
    language: str
    client: Client
    period: Period
    previous_period: Period
    generated_on: date
    streams: list[StreamReport]
    nps: NpsReport
    csat: CsatReport
    releases: list[Release]
    open_demands: list[Ticket]  # every stream, oldest first
    open_hours: float | None
    actions: list[Action]
    warnings: list[str] = field(default_factory=list)

    @property
    def has_ticket_data(self) -> bool:
        """True when some stream could count its tickets (else open demands are unknown, not 0)."""
        return any(s.created.known for s in self.streams) or bool(self.open_demands)

    def stream_for(self, role: str) -> StreamReport | None:
        """The first stream playing this role ("support", "implementation", "technology")."""
        return next((s for s in self.streams if s.role == role), None)

    @property
    def support(self) -> StreamReport | None:
        return self.stream_for("support")

    @property
    def implementation(self) -> StreamReport | None:
        return self.stream_for("implementation")

    @property
    def technology(self) -> StreamReport | None:
        return self.stream_for("technology")
