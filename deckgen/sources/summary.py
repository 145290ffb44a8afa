"""What ``deckgen check`` reports: each source as read, and the indicators its data cannot feed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from deckgen.config import Config
from deckgen.locale import default_labels
from deckgen.sources.needs import NEEDS, Gap, gaps
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
    """Every source, the indicators that will be missing (indicator key → its gaps), the
    survey types each kind of answer is read from, and warnings."""

    sources: list[SourceSummary]
    missing: dict[str, tuple[Gap, ...]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    survey_types: dict[str, list[str]] = field(default_factory=dict)


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


def summarise(config: Config) -> CheckSummary:
    """Read every source and describe it; raises the first input error found."""
    read = read_sources(config)
    workspace: Workspace = assemble(config, read)
    sources = [
        _source_summary(item, getattr(workspace, source)) for source, item in read.items()
    ]
    missing = {key: found for key in NEEDS if (found := gaps(workspace, key))}
    types = {"nps": config.surveys.nps_types, "csat": config.surveys.csat_types}
    return CheckSummary(sources, missing, workspace.warnings, types)


def _day(value: pd.Timestamp, english: bool) -> str:
    return value.strftime("%Y-%m-%d" if english else "%d/%m/%Y")


def explain(gap: Gap, labels: Mapping[str, str], survey_types: dict[str, list[str]]) -> str:
    """One gap in words: "sem coluna de prioridade", "no [sla] targets configured"..."""
    column = gap.column or ""
    return labels[f"check.reason.{gap.reason}"].format(
        source=gap.source,
        column=labels.get(f"check.column.{column}", column),
        types=", ".join(survey_types.get(column, [])),
    )


def format_summary(summary: CheckSummary, language: str = "pt-BR") -> list[str]:
    """The summary as lines of plain text; the missing indicators in ``language``."""
    labels = default_labels(language)
    english = language == "en"
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
        for key, found in summary.missing.items():
            reasons = [explain(gap, labels, summary.survey_types) for gap in found]
            lines.append(f"  {labels[f'check.indicator.{key}']}: "
                         + labels["check.reason.and"].join(reasons))
    lines += [f"warning: {w}" for w in summary.warnings]
    return lines
