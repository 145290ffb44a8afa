"""Looking at a folder of exports as ``deckgen init`` does: which file is which source (by
its headers), which header feeds which column, and the values a configuration must sort.

Files are opened with the readers ``build`` uses (:func:`~deckgen.sources.files.read_table`:
CSV in any accepted encoding and delimiter, XLSX, ZIP, release notes), headers are matched
by :func:`~deckgen.sources.headers.map_headers` and, for the rest,
:func:`~deckgen.sources.headers.resemblances`. Nothing here decides a configuration; it
describes what the files hold (language-neutral), for ``deckgen.pipelines.init`` to decide.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from deckgen.config import SourceSpec
from deckgen.errors import DeckgenError
from deckgen.sources.files import TABLE_SUFFIXES, read_table
from deckgen.sources.headers import Resemblance, map_headers, resemblances
from deckgen.sources.names import fold
from deckgen.sources.raw import RawTable
from deckgen.sources.schema import SOURCES, Column, playbook_fields
from deckgen.sources.values import PRIORITIES

SUFFIXES = (*TABLE_SUFFIXES, ".zip", ".yaml", ".yml", ".md", ".markdown")
# A date in a file name (HubSpot names exports ...-2026-11-20.csv): the glob puts * there.
_DATED = re.compile(r"\d{4}-\d{2}-\d{2}|\d{8}")
_SLASH_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}")
_DIGITS = re.compile(r"(\d+)")
# The ticket columns whose distinct values a configuration sorts into streams, statuses...
VALUE_COLUMNS = {"tickets": ("pipeline", "ticket_type", "status", "priority"),
                 "surveys": ("survey_type",), "actions": ("status",)}


@dataclass
class Detected:
    """One source found in the folder: its newest file and what its headers and cells say.

    ``mapped`` is canonical column → header (built-in aliases); ``proposed`` the ignored
    headers that resemble an unfed column; ``values`` the distinct values of
    :data:`VALUE_COLUMNS` with their row counts, most frequent first; ``closed_share`` the
    share of each status's rows that have a close date; ``day_first`` what the slash dates
    say (None: there are none), with ``day_first_sure`` False when every one fits both orders.
    """

    source: str
    file: str
    pattern: str
    raw: RawTable
    mapped: dict[str, str]
    proposed: list[Resemblance]
    ignored: list[str]
    missing: list[str]
    values: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    closed_share: dict[str, float] = field(default_factory=dict)
    unknown_priorities: list[str] = field(default_factory=list)
    day_first: bool | None = None
    day_first_sure: bool = True

    def header(self, column: str) -> str | None:
        """The header that feeds ``column``, built-in or proposed."""
        if column in self.mapped:
            return self.mapped[column]
        return next((r.header for r in self.proposed if r.column == column), None)


@dataclass
class Detection:
    """Every source found in ``folder``, and the files left out with the reason."""

    folder: Path
    sources: dict[str, Detected]
    skipped: list[tuple[str, str]]


def columns_of(source: str) -> dict[str, Column]:
    """The built-in columns of ``source`` (for companies, the shipped playbook's fields too)."""
    columns = dict(SOURCES[source])
    if source == "companies":
        for name, spec in playbook_fields().items():
            columns[name] = Column(name, spec.kind, headers=tuple(spec.headers))
    return columns


def _natural(name: str) -> list[int | str]:
    return [int(p) if p.isdigit() else p.lower() for p in _DIGITS.split(name)]


def _pattern(name: str) -> str:
    return _DATED.sub("*", name)


def _match(raw: RawTable, source: str) -> Detected:
    columns = columns_of(source)
    header_map = map_headers(raw.headers, columns, raw.file)
    proposed = resemblances(header_map.unmapped, columns, set(header_map.positions))
    fed = set(header_map.positions) | {r.column for r in proposed}
    required = [n for n, c in SOURCES[source].items() if c.required and n not in fed]
    if source in ("tickets", "surveys", "actions") and not {"company_id", "company_name"} & fed:
        required.append("company_id")
    taken = {r.header for r in proposed}
    return Detected(
        source, raw.file, raw.file, raw, header_map.headers, proposed,
        [h for h in header_map.unmapped if h not in taken], required,
    )


def _score(found: Detected) -> tuple[int, int]:
    """Complete sources first, then the one most of whose columns the file feeds."""
    fed = len(found.mapped) + len(found.proposed)
    return (0 if found.missing else 1, fed)


def detect(folder: Path) -> Detection:
    """Open every export in ``folder`` and decide which source each one is."""
    groups: dict[str, list[Path]] = {}
    skipped: list[tuple[str, str]] = []
    for path in sorted(folder.iterdir(), key=lambda p: _natural(p.name)):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        if path.suffix.lower() not in SUFFIXES:
            skipped.append((path.name, "not an export (CSV, XLSX, ZIP, YAML or Markdown)"))
            continue
        groups.setdefault(_pattern(path.name), []).append(path)
    candidates: list[tuple[tuple[int, int], str, Detected]] = []
    for pattern, paths in groups.items():
        newest = paths[-1]
        try:
            raw = read_table(newest, SourceSpec(path=newest.name), newest.name)
        except DeckgenError as exc:
            skipped.append((newest.name, str(exc)))
            continue
        for source in SOURCES:
            try:
                found = _match(raw, source)
            except DeckgenError:
                continue
            found.pattern = pattern if len(paths) > 1 or pattern != newest.name else newest.name
            if found.mapped or found.proposed:
                candidates.append((_score(found), pattern, found))
    chosen: dict[str, Detected] = {}
    used: set[str] = set()
    for _, pattern, found in sorted(candidates, key=lambda c: c[0], reverse=True):
        if found.source in chosen or pattern in used or found.missing:
            continue
        chosen[found.source] = found
        used.add(pattern)
    best = {pattern: found for _, pattern, found in sorted(candidates, key=lambda c: c[0])}
    for pattern, paths in groups.items():
        if pattern in used or any(s[0] == paths[-1].name for s in skipped):
            continue
        near = best.get(pattern)
        why = (f"looks like {near.source} but lacks {', '.join(near.missing)}"
               if near is not None and near.missing and near.source not in chosen
               else "its headers fit no source, or another file of that source fits better")
        skipped.append((paths[-1].name, why))
    for found in chosen.values():
        _describe(found)
    return Detection(folder, {s: chosen[s] for s in SOURCES if s in chosen}, skipped)


def _column(found: Detected, column: str) -> pd.Series | None:
    header = found.header(column)
    if header is None:
        return None
    position = found.raw.headers.index(header)
    cells = found.raw.frame[position].dropna().astype(str).str.strip()
    return cells[cells != ""]


def _describe(found: Detected) -> None:
    """Distinct values, close-date shares, unknown priorities and the order of slash dates."""
    for column in VALUE_COLUMNS.get(found.source, ()):
        cells = _column(found, column)
        if cells is not None and len(cells):
            found.values[column] = Counter(cells.tolist()).most_common()
    if found.source == "tickets":
        _closed_shares(found)
        found.unknown_priorities = [
            value for value, _ in found.values.get("priority", [])
            if fold(value).rstrip(".") not in PRIORITIES
        ]
    _day_order(found)


def _closed_shares(found: Detected) -> None:
    status, closed = found.header("status"), found.header("closed_at")
    if status is None or closed is None:
        return
    frame = found.raw.frame
    statuses = frame[found.raw.headers.index(status)].astype("string").str.strip()
    has_date = frame[found.raw.headers.index(closed)].astype("string").str.strip().fillna("") != ""
    for value, _ in found.values.get("status", []):
        rows = (statuses == value).fillna(False).to_numpy(dtype=bool)
        found.closed_share[value] = float(has_date[rows].mean()) if rows.any() else 0.0


def _day_order(found: Detected) -> None:
    """Whether the slash dates (03/04/2026) of the date columns are day-first."""
    columns = columns_of(found.source)
    first_big = second_big = seen = False
    for name, column in columns.items():
        if column.kind not in ("date", "datetime"):
            continue
        cells = _column(found, name)
        if cells is None:
            continue
        parts = cells.str.extract(_SLASH_DATE).dropna().astype(int)
        if parts.empty:
            continue
        seen = True
        first_big |= bool((parts[0] > 12).any())
        second_big |= bool((parts[1] > 12).any())
    if not seen:
        return
    found.day_first = first_big or not second_big
    found.day_first_sure = first_big != second_big
