"""What ``deckgen check`` reports: each source as read, and the indicators its data cannot feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from deckgen.config import Config
from deckgen.sources.reader import SourceTable
from deckgen.sources.workspace import Workspace, assemble, read_sources

# The date column that gives each source its date range.
DATE_COLUMN = {
    "tickets": "created_at",
    "surveys": "submitted_at",
    "releases": "released_on",
    "actions": "agreed_on",
    "companies": "last_meeting",
}

# How a reason names a column, in the deck languages.
COLUMN_WORDS: dict[str, tuple[str, str]] = {
    "category": ("categoria", "category"),
    "ticket_type": ("tipo de SS", "ticket type"),
    "pipeline": ("pipeline", "pipeline"),
    "priority": ("prioridade", "priority"),
    "prioritized": ("priorizado", "prioritized"),
    "sla_status": ("status de SLA", "SLA status"),
    "closed_at": ("data de fechamento", "close date"),
    "first_response_at": ("primeira resposta", "first response"),
    "status": ("status do ticket", "ticket status"),
    "estimated_hours": ("estimativa de HH", "estimated hours"),
    "comment": ("comentário", "comment"),
    "churned_on": ("data de churn", "churn date"),
    "last_meeting": ("última reunião", "last meeting"),
    "meeting_interval_days": ("dias entre reuniões", "days between meetings"),
}


@dataclass(frozen=True)
class Need:
    """An indicator and the columns it needs: any one alternative, all columns of it."""

    label: tuple[str, str]
    source: str
    alternatives: tuple[tuple[str, ...], ...]


# Indicator → the columns it reads. "@category" and "@stream" stand for the columns chosen by
# [tickets] category_from / stream_from; "@targets" for configured [sla] targets.
NEEDS: tuple[Need, ...] = (
    Need(("chamados por stream", "tickets by stream"), "tickets", (("@stream",),)),
    Need(("chamados por categoria", "tickets by category"), "tickets", (("@category",),)),
    Need(("chamados por urgência", "tickets by urgency"), "tickets", (("priority",),)),
    Need(("chamados priorizados", "prioritized tickets"), "tickets",
         (("priority",), ("prioritized",))),
    Need(("cumprimento de SLA", "SLA compliance"), "tickets",
         (("sla_status",), ("closed_at", "@targets"))),
    Need(("tempo de primeira resposta", "first response time"), "tickets",
         (("first_response_at",),)),
    Need(("tempo de resolução", "resolution time"), "tickets", (("closed_at",),)),
    Need(("demandas em aberto", "open demands"), "tickets", (("status",),)),
    Need(("estimativa de HH", "HH estimate"), "tickets", (("estimated_hours",),)),
    Need(("NPS", "NPS"), "surveys", (("@nps",),)),
    Need(("comentários de NPS", "NPS comments"), "surveys", (("@nps", "comment"),)),
    Need(("CSAT", "CSAT"), "surveys", (("@csat",),)),
    Need(("últimos lançamentos", "latest releases"), "releases", ((),)),
    Need(("próximos passos", "next steps"), "actions", ((),)),
    Need(("churn de logos", "logo churn rate"), "companies", (("churned_on",),)),
    Need(("revisões devidas", "reviews due"), "companies",
         (("last_meeting", "meeting_interval_days"),)),
)


@dataclass
class SourceSummary:
    """One source as ``check`` shows it."""

    source: str
    file: str | None
    rows: int
    clients: int | None
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    unmapped: list[str]
    absent: list[str]
    unavailable: str | None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


@dataclass
class CheckSummary:
    """Every source, the indicators that will be missing (label → reason), warnings."""

    sources: list[SourceSummary]
    missing: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _source_summary(item: SourceTable, table: pd.DataFrame) -> SourceSummary:
    rows = len(table)
    clients = None
    if item.unavailable is None and "company_id" in table.columns:
        clients = int(table["company_id"].nunique(dropna=True))
    dates = table[DATE_COLUMN[item.source]].dropna() if item.unavailable is None else None
    first = dates.min() if dates is not None and len(dates) else None
    last = dates.max() if dates is not None and len(dates) else None
    return SourceSummary(
        item.source, item.file, rows, clients, first, last, item.unmapped, item.absent,
        item.unavailable, item.encoding, item.delimiter, item.sheet,
    )


def _reason(workspace: Workspace, need: Need, english: bool) -> str | None:
    """Why the indicator cannot be computed, or None when it can."""
    source = need.source
    if source in workspace.unavailable:
        what = ("sem arquivo de {0}", "no {0} file")[english]
        return what.format(source)
    table: pd.DataFrame = getattr(workspace, source)
    if table.empty:
        return ("{0} sem linhas", "{0} has no rows")[english].format(source)
    problems: list[str] = []
    for alternative in need.alternatives:
        problem = next(
            (p for p in (_lacks(workspace, source, c, english) for c in alternative) if p), None
        )
        if problem is None:
            return None
        problems.append(problem)
    return (" e ", " and ")[english].join(problems) if problems else None


def _lacks(workspace: Workspace, source: str, column: str, english: bool) -> str | None:
    config = workspace.config
    table: pd.DataFrame = getattr(workspace, source)
    if column == "@targets":
        if config.sla.targets:
            return None
        return ("sem metas em [sla] targets", "no [sla] targets configured")[english]
    if column in ("@nps", "@csat"):
        kind = column[1:]
        if (table["kind"] == kind).any():
            return None
        types = config.surveys.nps_types if kind == "nps" else config.surveys.csat_types
        what = ("nenhuma resposta do tipo {0}", "no answers of type {0}")[english]
        return what.format(", ".join(types))
    if column == "@stream":
        column = config.tickets.stream_from
    elif column == "@category":
        column = config.tickets.category_from
    word = COLUMN_WORDS.get(column, (column, column))[english]
    if column in workspace.absent.get(source, []):
        return ("sem coluna de {0}", "no {0} column")[english].format(word)
    if not table[column].map(_filled).any():
        return ("coluna de {0} vazia", "{0} column is empty")[english].format(word)
    return None


def _filled(value: Any) -> bool:
    if isinstance(value, tuple):
        return bool(value)
    return not pd.isna(value)


def summarise(config: Config) -> CheckSummary:
    """Read every source and describe it; raises the first input error found."""
    read = read_sources(config)
    workspace = assemble(config, read)
    english = config.company.language == "en"
    sources = [
        _source_summary(item, getattr(workspace, source)) for source, item in read.items()
    ]
    missing: dict[str, str] = {}
    for need in NEEDS:
        reason = _reason(workspace, need, english)
        if reason:
            missing[need.label[english]] = reason
    return CheckSummary(sources, missing, workspace.warnings)


def _day(value: pd.Timestamp, english: bool) -> str:
    return value.strftime("%Y-%m-%d" if english else "%d/%m/%Y")


def format_summary(summary: CheckSummary, english: bool = False) -> list[str]:
    """The summary as lines of plain text."""
    delimiters = {",": "','", ";": "';'", "\t": "tab"}
    lines: list[str] = []
    for item in summary.sources:
        if item.unavailable:
            lines.append(f"{item.source}: unavailable: {item.unavailable}")
            continue
        head = f"{item.source}: {item.file}: {item.rows} rows"
        if item.clients is not None:
            head += f", {item.clients} clients"
        if item.first is not None and item.last is not None:
            head += f", {_day(item.first, english)} to {_day(item.last, english)}"
        lines.append(head)
        read_as = [f"encoding {item.encoding}"] if item.encoding else []
        if item.delimiter:
            read_as.append(f"delimiter {delimiters.get(item.delimiter, repr(item.delimiter))}")
        if item.sheet:
            read_as.append(f"sheet {item.sheet!r}")
        if read_as:
            lines.append("  read as " + ", ".join(read_as))
        if item.unmapped:
            lines.append("  columns ignored: " + ", ".join(item.unmapped))
        if item.absent:
            lines.append("  optional columns absent: " + ", ".join(item.absent))
    if summary.missing:
        lines.append("indicators that will be missing:")
        lines += [f"  {label}: {reason}" for label, reason in summary.missing.items()]
    lines += [f"warning: {w}" for w in summary.warnings]
    return lines
