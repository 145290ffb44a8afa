"""Plain typed objects describing one client's review; no pandas, no output format, no words.

Templates read these by attribute (``nps.score.value``, ``support.by_category``). Missing
data is ``None`` (shown as "—"), never 0. ``missing`` lists say why an indicator is absent, as
keys. Every value a person reads in some language is a key (priority ``"high"``, NPS class
``"promoter"``, stream ``"support"``, missing reason ``"sla_targets"``) or a value from the data
(a category, a status); the renderer turns keys into the deck's words (``deckgen.locale``).
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


def difference(value: float | None, previous: float | None) -> float | None:
    """``value`` minus ``previous``; None when either is unknown."""
    if value is None or previous is None:
        return None
    return value - previous


@dataclass(frozen=True)
class Metric:
    """A figure with its value in the previous period; ``None`` means no data."""

    value: float | None
    previous: float | None = None

    @property
    def delta(self) -> float | None:
        return difference(self.value, self.previous)

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Count:
    """One bar of a breakdown: its key (a data value, or a fixed key such as a priority;
    ``None`` for "none of them") and how many."""

    key: str | None
    count: int


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]


@dataclass(frozen=True)
class ChartData:
    """Categories and series for a native chart.

    ``number_format`` is "count", "percent" or "hours". ``category_terms`` / ``series_terms``
    name the kind of key the categories / series names are ("priority", "stream"...), for the
    renderer to label; ``None`` means they are shown as they are.
    """

    categories: list[str | None]
    series: list[Series]
    number_format: str = "count"
    category_terms: str | None = None
    series_terms: str | None = None

    @property
    def empty(self) -> bool:
        return not self.categories or all(
            v in (None, 0) for s in self.series for v in s.values
        )

    def relabel(self, *labels: str) -> ChartData:
        """The same data with display labels for the categories (e.g. localized by a template)."""
        if len(labels) != len(self.categories):
            raise ValueError(f"relabel: {len(labels)} labels for {len(self.categories)} categories")
        return ChartData(list(labels), self.series, self.number_format, None, self.series_terms)

    @classmethod
    def from_counts(
        cls, name: str, counts: list[Count], terms: str | None, series_terms: str | None = None,
        *, gaps: bool = False,
    ) -> ChartData:
        """One series of ``counts``; categories are the counts' keys, of kind ``terms``.
        With ``gaps`` a count of 0 is drawn as no bar and no label (its category stays)."""
        values = [None if gaps and not c.count else float(c.count) for c in counts]
        return cls(
            [c.key for c in counts], [Series(name, values)],
            category_terms=terms, series_terms=series_terms,
        )


@dataclass(frozen=True)
class Durations:
    """Median and 90th percentile in hours, over ``count`` tickets; ``None`` without data."""

    median: float | None
    p90: float | None
    count: int


@dataclass(frozen=True)
class SlaRow:
    """One line of "nossos SLAs": the targets of a category and the compliance achieved.

    ``scope`` is "category" (``category`` is the data value, ``None`` for uncategorized
    tickets), or "all_categories" / "other_categories" for a target set on every category.
    """

    scope: str
    category: str | None
    priority: str | None  # priority key ("high"), None for every priority
    first_response_hours: float | None
    resolution_hours: float | None
    closed: int
    within: int
    compliance: float | None  # percent, one decimal; None when no closed ticket has a target

    @property
    def category_key(self) -> str | None:
        """The category, or ``"*all_categories"`` / ``"*other_categories"`` for a catch-all."""
        return self.category if self.scope == "category" else f"*{self.scope}"


@dataclass(frozen=True)
class Ticket:
    """A ticket as listed on a slide (prioritized tickets, open demands)."""

    id: str
    subject: str
    stream: str  # stream key
    categories: list[str | None]  # data values; [None] when the ticket has no category
    priority: str | None  # priority key ("high"), None when the ticket has none
    status: str
    owner: str | None
    created: date
    closed: date | None
    age_days: int | None
    estimated_hours: float | None


@dataclass(frozen=True)
class StreamReport:
    """Every ticket indicator of one stream for the period."""

    key: str
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
    missing: list[str] = field(default_factory=list)  # keys of missing reasons
    # The priorities that make a ticket prioritized (besides the export's flag).
    prioritized_levels: list[str] = field(default_factory=lambda: ["urgent", "high"])

    @property
    def flagged(self) -> list[Ticket]:
        """Prioritized tickets listed for the flag alone (their priority is not one of the
        prioritized levels)."""
        return [t for t in self.prioritized if t.priority not in self.prioritized_levels]

    @property
    def category_chart(self) -> ChartData:
        return ChartData.from_counts(self.key, self.by_category, "category", "stream")

    @property
    def urgency_chart(self) -> ChartData:
        return ChartData.from_counts(self.key, self.by_urgency, "priority", "stream", gaps=True)

    @property
    def sla_chart(self) -> ChartData:
        """Compliance per category row; "All categories" rows come as their scope keys."""
        rows = [r for r in self.sla if r.compliance is not None]
        return ChartData(
            [r.category_key for r in rows],
            [Series(self.key, [r.compliance for r in rows])],
            "percent",
            category_terms="sla_category",
            series_terms="stream",
        )


@dataclass(frozen=True)
class Comment:
    text: str
    score: int
    klass: str  # "promoter" | "passive" | "detractor"
    submitted: datetime
    contact: str | None = None


@dataclass(frozen=True)
class OffScaleAnswer:
    """A survey answer whose value is off its scale: counted in neither NPS nor CSAT."""

    survey_type: str
    value: float
    submitted: datetime
    contact: str | None = None
    file: str | None = None  # the export it was read from, and its row there
    row: int | None = None


@dataclass(frozen=True)
class NpsReport:
    score: Metric  # integer NPS, None without answers
    answers: int
    promoters: int
    passives: int
    detractors: int
    comments: list[Comment]
    missing: list[str] = field(default_factory=list)
    groups: list[CommentGroup] = field(default_factory=list)  # what the slides show

    @property
    def shown(self) -> list[ShownComment]:
        """The comments of every group, one list (detractors first), for a slide's table."""
        return [c for g in self.groups for c in g.comments]

    @property
    def chart(self) -> ChartData:
        return ChartData(
            ["promoters", "passives", "detractors"],
            [Series("NPS", [float(self.promoters), float(self.passives), float(self.detractors)])],
            category_terms="nps",
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
        return ChartData.from_counts("CSAT", self.distribution, None, gaps=True)


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
    side: str | None = None  # "client" | "vendor" when the plan says whose it is

    @property
    def state(self) -> str:
        """One status key for the slide: "done", "overdue" or "on_track"."""
        return "done" if self.done else "overdue" if self.overdue else "on_track"


@dataclass(frozen=True)
class ShownComment:
    """A comment as a slide shows it: cut at a word boundary, identical ones counted once."""

    text: str
    score: int
    submitted: datetime
    klass: str
    cut: bool  # the text was shortened; the workbook has it whole
    repeats: int = 1  # how many answers of this group said exactly this
    first: bool = False  # the first comment of its group on the list
    group_size: int = 0  # answers with a comment in its group


@dataclass(frozen=True)
class CommentGroup:
    """The comments of one NPS class ("detractor", "passive", "promoter"), newest first."""

    klass: str
    answers: int  # answers of this class with a comment
    comments: list[ShownComment]


@dataclass(frozen=True)
class Card:
    """One executive-summary card: a figure, its change and whether that change is good.

    ``key`` names the indicator ("created", "sla", "csat", "nps", "open", "hours"); ``unit``
    is "count", "percent", "score" or "hours"; ``better`` is "up", "down" or None (a change
    is neither good nor bad); ``missing`` is the reason key when ``value`` is None.
    """

    key: str
    value: float | None
    previous: float | None
    unit: str
    better: str | None
    target: float | None = None
    missing: str | None = None

    @property
    def delta(self) -> float | None:
        return difference(self.value, self.previous)

    @property
    def arrow(self) -> str | None:
        """ "up", "down" or "flat"; None without a comparison."""
        delta = self.delta
        if delta is None:
            return None
        return "up" if delta > 0 else "down" if delta < 0 else "flat"

    @property
    def tone(self) -> str | None:
        """ "good", "bad" or "neutral" for the change; None without a comparison."""
        arrow = self.arrow
        if arrow is None:
            return None
        if arrow == "flat" or self.better is None:
            return "neutral"
        return "good" if arrow == self.better else "bad"

    @property
    def on_target(self) -> bool | None:
        """Whether the value meets the target (in the better direction); None without one."""
        if self.value is None or self.target is None or self.better is None:
            return None
        return self.value >= self.target if self.better == "up" else self.value <= self.target


@dataclass(frozen=True)
class HealthFactor:
    """One input of the health signal: its score 0–100 (None: no data) and why it is low.

    ``reason`` is a key ("sla_below_target", "old_demands", "overdue_actions"...) with the
    numbers behind it in ``value`` and ``reference``.
    """

    key: str
    weight: float
    score: float | None
    value: float | None
    reference: float | None
    reason: str | None = None


@dataclass(frozen=True)
class Health:
    """The green / yellow / red signal; ``level`` None when no factor has data."""

    level: str | None
    score: float | None
    factors: list[HealthFactor]

    @property
    def reasons(self) -> list[HealthFactor]:
        """The factors that pulled the score down, biggest loss first."""
        low = [f for f in self.factors if f.score is not None and f.reason]
        return sorted(low, key=lambda f: -(f.weight * (100 - (f.score or 0))))


@dataclass(frozen=True)
class Summary:
    """The executive summary: cards, the biggest changes (for the headline) and health."""

    cards: list[Card]
    headline: list[Card]  # the two or three most notable changes, biggest first
    health: Health

    def card(self, key: str) -> Card:
        """The card of one indicator (a card without data when the summary lacks it)."""
        found = next((c for c in self.cards if c.key == key), None)
        return found or Card(key, None, None, "count", None, missing="no_data")


@dataclass(frozen=True)
class Section:
    """One section of the deck and how it is shown: "show", "card" (one line) or "hide".

    ``reason`` is the missing-reason key of a collapsed section ("no_tickets", "no_answers").
    """

    key: str
    mode: str
    reason: str | None = None
    number: int | None = None  # its number in the agenda, when shown


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
class Note:
    """Something the user should know about a review: a section lacks data, and why.

    ``section`` is a stream key or "nps", "csat", "releases", "actions"; ``reason`` a missing
    reason key ("sla_targets").
    """

    section: str
    reason: str


@dataclass(frozen=True)
class ReviewReport:
    """Everything one review deck (and its minutes) shows about one client and period."""

    company: str
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
    notes: list[Note] = field(default_factory=list)
    off_scale: list[OffScaleAnswer] = field(default_factory=list)  # of the period
    summary: Summary = field(default_factory=lambda: Summary([], [], Health(None, None, [])))
    sections: list[Section] = field(default_factory=list)
    next_meeting: date | None = None  # this meeting + the cadence, or the date given
    internal: bool = False  # the deck is for the vendor's team: internal appendix included
    open_before: int | None = None  # open demands at the end of the previous period

    def section(self, key: str) -> Section:
        """How section ``key`` is shown ("show" when the report has no plan for it)."""
        return next((s for s in self.sections if s.key == key), Section(key, "show"))

    def shows(self, key: str) -> bool:
        """Whether section ``key`` gets its full slides."""
        return self.section(key).mode == "show"

    @property
    def agenda(self) -> list[Section]:
        """The sections shown in full, in deck order (numbered)."""
        return [s for s in self.sections if s.mode == "show"]

    @property
    def quiet(self) -> list[Section]:
        """The sections collapsed to one line."""
        return [s for s in self.sections if s.mode == "card"]

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
