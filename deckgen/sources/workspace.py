"""A workspace: the configuration plus every source read and normalised once.

Table contract (what indicators may rely on):

* Every table has exactly the canonical columns of its source in this workspace
  (:func:`deckgen.sources.schema.source_columns`: the built-in ones, and for companies the
  declared company fields after them), in that order; an optional column absent from the
  export is present and all-NA and its name is listed in ``Workspace.absent[source]``.
* dtypes: ``id`` → pandas ``string``; ``text`` → ``string`` (NA when blank, XML-illegal
  control characters removed); ``int`` → ``Int64``; ``float`` → ``float64``;
  ``datetime`` → ``datetime64[ns, <company tz>]``; ``date`` → ``datetime64[ns]`` (naive,
  midnight, local calendar date); ``bool`` → ``boolean``; ``priority`` → ``string`` holding
  ``urgent``/``high``/``medium``/``low`` or NA; ``list`` → ``object`` holding tuples of str
  (empty tuple when blank).
* ``tickets`` additionally has ``stream`` (``string``: the configured stream key, NA when the
  pipeline / type matches no stream), ``categories`` (``object`` tuples: the configured
  category column, ``tickets.category_from``) and ``is_closed`` (``bool``: status in
  ``tickets.closed_statuses``, compared case- and accent-insensitively; without that
  setting, a close date).
* ``surveys`` additionally has ``row`` (``int64``: the answer's row in its export, as a
  spreadsheet numbers it) and ``kind`` (``string``: ``nps``, ``csat`` or NA by
  ``surveys.nps_types`` / ``csat_types``).
* A source that is not configured (or whose file is absent when optional) is an empty table
  with the canonical columns, and is named in ``Workspace.unavailable`` with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from deckgen.config import Config
from deckgen.sources.names import fold
from deckgen.sources.reader import SourceTable, empty_table, read_source
from deckgen.sources.schema import SOURCES
from deckgen.sources.taxonomy import (
    action_status_warnings,
    add_survey_kind,
    add_ticket_columns,
    resolve_company_ids,
    unattributed_surveys_warning,
)


@dataclass
class Workspace:
    """Every source of one data folder, normalised."""

    config: Config
    companies: pd.DataFrame
    tickets: pd.DataFrame
    surveys: pd.DataFrame
    releases: pd.DataFrame
    actions: pd.DataFrame
    absent: dict[str, list[str]] = field(default_factory=dict)
    unavailable: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # source → the file read, as shown
    _by_company: dict[str, tuple[pd.DataFrame, _CompanyIndex]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _data_end: list[date | None] = field(default_factory=list, init=False, repr=False,
                                         compare=False)

    def data_end(self) -> date | None:
        """The exports' last day: the latest ticket creation, close or first reply and survey
        answer, as a local calendar day (None when there is none); computed once."""
        if not self._data_end:
            stamps = [table[column].max() for table, column in (
                (self.tickets, "created_at"), (self.tickets, "closed_at"),
                (self.tickets, "first_response_at"), (self.surveys, "submitted_at"))]
            known = [s for s in stamps if not pd.isna(s)]
            self._data_end.append(max(known).date() if known else None)
        return self._data_end[0]

    def company_rows(self, source: str, company_id: str, name: str | None = None) -> pd.DataFrame:
        """The rows of ``source`` that belong to one company, in table order.

        A row belongs to the company by ``company_id``, or, when the row has no id, by
        ``company_name`` equal to ``name`` (case- and accent-insensitive). Each table is
        indexed by company on first use, so a call touches only that company's rows.
        """
        table: pd.DataFrame = getattr(self, source)
        cached = self._by_company.get(source)
        if cached is None or cached[0] is not table:
            cached = (table, _CompanyIndex.of(table))
            self._by_company[source] = cached
        index = cached[1]
        keys = [company_id, _NAME_KEY + fold(name)] if name else [company_id]
        found = [index.spans[k] for k in keys if k in index.spans]
        if len(found) == 1:  # the usual case: one contiguous slice, no copy of the columns
            return index.grouped.iloc[found[0]]
        if not found:
            return table.iloc[0:0]
        positions = np.sort(np.concatenate([index.order[span] for span in found]))
        return table.take(positions)


_NAME_KEY = "\x00name:"


@dataclass(frozen=True)
class _CompanyIndex:
    """A table's rows grouped by company (table order within a company) and each group's span.

    Rows without a company id are grouped by their folded company name (``_NAME_KEY``).
    """

    grouped: pd.DataFrame
    order: np.ndarray
    spans: dict[str, slice]

    @classmethod
    def of(cls, table: pd.DataFrame) -> _CompanyIndex:
        if "company_id" not in table.columns or table.empty:
            return cls(table, np.arange(len(table)), {})
        keys = table["company_id"].astype(object).to_numpy(copy=True)
        no_id = pd.isna(keys)
        if no_id.any() and "company_name" in table.columns:
            names = table["company_name"].to_numpy(dtype=object)[no_id]
            codes, uniques = pd.factorize(names, use_na_sentinel=True)
            folded = np.array([_NAME_KEY + fold(str(u)) for u in uniques] + [None], dtype=object)
            keys[no_id] = folded[codes]
        codes, uniques = pd.factorize(keys, use_na_sentinel=True)
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
        spans = {str(u): slice(int(bounds[i]), int(bounds[i + 1])) for i, u in enumerate(uniques)}
        return cls(table.take(order), order, spans)


def read_sources(config: Config, sources: Iterable[str] | None = None) -> dict[str, SourceTable]:
    """Every source read and normalised (only ``sources`` and companies, when given)."""
    wanted = set(SOURCES) if sources is None else {"companies", *sources}
    unknown = wanted - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown sources {sorted(unknown)}; known: {', '.join(SOURCES)}")
    return {
        source: read_source(config, source)
        if source in wanted
        else SourceTable(source, empty_table(config, source), unavailable="not read")
        for source in SOURCES
    }


def assemble(config: Config, read: dict[str, SourceTable]) -> Workspace:
    """The workspace of sources already read: derived columns, client ids, warnings."""
    warnings: list[str] = []
    tables = {source: item.table for source, item in read.items()}
    companies = tables["companies"]
    for source in ("tickets", "surveys", "actions"):
        tables[source], found = resolve_company_ids(tables[source], companies, source)
        warnings += found
    tables["tickets"], found = add_ticket_columns(tables["tickets"], config)
    warnings += found
    tables["surveys"] = add_survey_kind(tables["surveys"], config)
    if not read["surveys"].unavailable:
        warnings += unattributed_surveys_warning(tables["surveys"], companies)
    warnings += action_status_warnings(tables["actions"], config)
    for item in read.values():
        warnings += [f"{item.source}: {note}" for note in item.notes]
    return Workspace(
        config=config,
        companies=companies,
        tickets=tables["tickets"],
        surveys=tables["surveys"],
        releases=tables["releases"],
        actions=tables["actions"],
        absent={
            s: list(item.table.columns) if item.unavailable else item.absent
            for s, item in read.items()
        },
        unavailable={s: item.unavailable for s, item in read.items() if item.unavailable},
        warnings=warnings,
        gaps=[f"{item.source}: {gap}" for item in read.values() for gap in item.gaps],
        files={s: item.file for s, item in read.items() if item.file},
    )


def load_workspace(config: Config, sources: Iterable[str] | None = None) -> Workspace:
    """Read every configured source of the data folder into one :class:`Workspace`.

    ``sources`` limits reading to those sources (companies is always read); the others are
    empty tables named in ``unavailable``. Raises :class:`~deckgen.errors.InputError` for a
    file that cannot be read as expected.
    """
    return assemble(config, read_sources(config, sources))
