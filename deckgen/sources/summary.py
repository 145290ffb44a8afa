"""What ``deckgen check`` finds: each source as read, and the indicators its data cannot feed
(language-neutral: ``deckgen.pipelines.check`` puts it in words)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from deckgen.config import Config
from deckgen.sources.headers import Resemblance, resemblances
from deckgen.sources.needs import NEEDS, Gap, gaps
from deckgen.sources.reader import SourceTable
from deckgen.sources.schema import source_columns
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
    resembling: list[Resemblance] = field(default_factory=list)
    day_first: bool | None = None


@dataclass
class CheckSummary:
    """Every source, the indicators that will be missing (indicator key → its gaps), the
    survey types each kind of answer is read from, and warnings."""

    sources: list[SourceSummary]
    missing: dict[str, tuple[Gap, ...]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    survey_types: dict[str, list[str]] = field(default_factory=dict)


def _source_summary(item: SourceTable, table: pd.DataFrame, config: Config) -> SourceSummary:
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
        resemblances(item.unmapped, source_columns(config, item.source), set(item.headers)),
        spec.day_first if (spec := getattr(config.sources, item.source)) else None,
    )


def summarise(config: Config) -> CheckSummary:
    """Read every source and describe it; raises the first input error found."""
    read = read_sources(config)
    workspace: Workspace = assemble(config, read)
    sources = [
        _source_summary(item, getattr(workspace, source), config) for source, item in read.items()
    ]
    missing = {key: found for key in NEEDS if (found := gaps(workspace, key))}
    types = {"nps": config.surveys.nps_types, "csat": config.surveys.csat_types}
    return CheckSummary(sources, missing, workspace.warnings, types)
