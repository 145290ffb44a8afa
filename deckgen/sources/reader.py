"""Reading one configured source into its canonical table, with what was found on the way."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from deckgen.config import Config, SourceSpec
from deckgen.errors import InputError
from deckgen.sources.files import display_name, locate, read_table
from deckgen.sources.headers import map_headers, require
from deckgen.sources.names import arrow_strings, fold, map_unique
from deckgen.sources.raw import RawTable
from deckgen.sources.schema import Column, source_columns
from deckgen.sources.values import (
    Cells,
    DateOrder,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_float,
    parse_id,
    parse_int,
    parse_list,
    parse_priority,
    parse_text,
)

# The column that identifies a record, where a repeated value is an error.
UNIQUE_KEYS = {"companies": "company_id", "tickets": "ticket_id"}
UNIQUE_WHAT = {"companies": "Record ID", "tickets": "ticket"}

# HubSpot's 3-point CSAT answers, on the 1–5 scale the CSAT indicator uses.
CSAT_WORDS = {
    "satisfied": "5", "satisfeito": "5", "very satisfied": "5", "muito satisfeito": "5",
    "neutral": "3", "neutro": "3",
    "dissatisfied": "1", "insatisfeito": "1", "very dissatisfied": "1", "muito insatisfeito": "1",
}


@dataclass
class SourceTable:
    """One source, normalised, with its file and what ``deckgen check`` reports about it.

    ``unavailable`` holds the reason when there is no file to read (the table is then empty);
    ``dates`` each date column's header as written and how its slash dates were read (None:
    it has none, so no order had to be chosen);
    ``gaps`` the notes (also in ``notes``) about required cells left blank, which every
    command that builds from the data shows, not only ``check``.
    """

    source: str
    table: pd.DataFrame
    file: str | None = None
    unmapped: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    unavailable: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    dates: dict[str, DateOrder | None] = field(default_factory=dict)


def column_dtype(kind: str, tz: str) -> str | pd.DatetimeTZDtype:
    """The pandas dtype of a canonical column kind (see the workspace table contract)."""
    if kind == "datetime":
        return pd.DatetimeTZDtype("ns", tz)
    return {
        "id": "string", "text": "string", "priority": "string", "int": "Int64",
        "float": "float64", "date": "datetime64[ns]", "bool": "boolean", "list": "object",
    }[kind]


def empty_column(column: Column, length: int, tz: str) -> pd.Series:
    """An all-NA column of the right dtype."""
    dtype = column_dtype(column.kind, tz)
    if dtype == "object":
        return pd.Series(np.full(length, None, dtype=object), dtype=object)
    return pd.Series(index=pd.RangeIndex(length), dtype=dtype)


def empty_table(config: Config, source: str) -> pd.DataFrame:
    """The canonical columns of ``source`` with no rows."""
    tz = config.company.timezone
    columns = source_columns(config, source)
    table = pd.DataFrame({name: empty_column(c, 0, tz) for name, c in columns.items()})
    if source == "surveys":
        table["row"] = np.empty(0, dtype=np.int64)
    return table


def _parse(column: Column, values: pd.Series, cells: Cells, tz: str, spec: SourceSpec,
           notes: list[str], orders: list[DateOrder]) -> pd.Series:
    kind = column.kind
    if kind == "id":
        ids, several = parse_id(values)
        if several:
            notes.append(f"{several} rows list several ids in '{cells.header}'; the first was used")
        return ids
    if kind == "text":
        return parse_text(values, cells.controls)
    if kind == "int":
        return parse_int(values, cells)
    if kind == "float":
        return parse_float(values, cells)
    if kind == "datetime":
        return parse_datetime(values, cells, tz, spec.day_first, orders)
    if kind == "date":
        return parse_date(values, cells, tz, spec.day_first, orders)
    if kind == "bool":
        return parse_bool(values, cells)
    if kind == "priority":
        return parse_priority(values, cells)
    return parse_list(values, cells.controls)


def normalise(raw: RawTable, source: str, config: Config, spec: SourceSpec) -> SourceTable:
    """Map headers and parse every canonical column of one opened export."""
    canonical = source_columns(config, source)
    header_map = map_headers(raw.headers, canonical, raw.file)
    require(header_map, source, canonical, raw.file, raw.headers)
    tz = config.company.timezone
    length = len(raw.frame)
    notes: list[str] = []
    gaps: list[str] = []
    columns: dict[str, pd.Series] = {}
    dates: dict[str, DateOrder | None] = {}
    for name, column in canonical.items():
        position = header_map.positions.get(name)
        if position is None:
            columns[name] = empty_column(column, length, tz)
            continue
        values = raw.frame[position].reset_index(drop=True)
        if source == "surveys" and name == "value":
            values = _csat_words(values)
        cells = Cells(raw.file, raw.headers[position], raw.first_row, raw.controls)
        orders: list[DateOrder] = []
        columns[name] = _parse(column, values, cells, tz, spec, notes, orders)
        if column.kind in ("date", "datetime"):
            dates[cells.header] = orders[0] if orders else None
        if UNIQUE_KEYS.get(source) == name:  # first of all: the other columns are not parsed yet
            _refuse_duplicates(columns[name], raw, cells.header, source)
        if column.required and length:
            blank = int(columns[name].isna().sum())
            if blank:
                gaps.append(f"{raw.file}: {blank} of {length} rows have no "
                            f"'{raw.headers[position]}'")
                notes.append(gaps[-1])
    table = pd.DataFrame(columns)
    if source == "surveys":  # the export row of each answer, to name an off-scale one
        table["row"] = np.arange(raw.first_row, raw.first_row + length, dtype=np.int64)
    if source == "surveys" and length:
        off = _off_scale(table, config, raw.first_row)
        if off:
            gaps.append(off)
            notes.append(off)
    absent = [name for name in canonical if name not in header_map.positions]
    return SourceTable(
        source, table, raw.file, header_map.unmapped, absent, header_map.headers, notes, gaps,
        encoding=raw.encoding, delimiter=raw.delimiter, sheet=raw.sheet, dates=dates,
    )


def _refuse_duplicates(ids: pd.Series, raw: RawTable, header: str, source: str) -> None:
    """An id that two rows share is an error naming both (one record must be one row)."""
    if not _has_repeats(ids):
        return
    repeated = ids.duplicated(keep=False).to_numpy(dtype=bool) & ids.notna().to_numpy(dtype=bool)
    if not repeated.any():  # "01" and "1": one integer, two ids
        return
    positions = np.flatnonzero(repeated)
    value = ids.iloc[positions[0]]
    same = positions[(ids.iloc[positions] == value).to_numpy(dtype=bool)]
    first, second = (raw.first_row + int(p) for p in same[:2])
    raise InputError(raw.file, f"{UNIQUE_WHAT[source]} {value} appears in rows {first} and "
                     f"{second}; each must appear once (remove or merge the duplicate)",
                     row=second, column=header)


def _has_repeats(ids: pd.Series) -> bool:
    """Whether a value occurs twice; numeric ids are compared as integers, which is quicker
    (distinct integers are distinct strings, so "no repeat" is exact either way)."""
    cells = arrow_strings(ids).drop_null()
    try:
        values = pc.cast(cells, pa.int64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        values = cells
    return bool(pc.count_distinct(values).as_py() != len(values))


def _off_scale(table: pd.DataFrame, config: Config, first_row: int) -> str | None:
    """A note naming the survey answers outside their scale (not counted), or None.

    NPS answers are whole numbers 0–10; CSAT 1–5, or 1–3 for the 3-point types.
    """
    types = map_unique(table["survey_type"], fold).fillna("")
    nps = types.isin({fold(t) for t in config.surveys.nps_types})
    three = types.isin({fold(t) for t in config.surveys.csat_three_point_types})
    csat = types.isin({fold(t) for t in config.surveys.csat_types}) & ~nps & ~three
    values = table["value"]
    whole = values == values.round()
    bad = values.notna() & (
        (nps & ~(whole & values.between(0, 10)))
        | (csat & ~(whole & values.between(1, 5)))
        | (three & ~nps & ~(whole & values.between(1, 3)))
    )
    if not bad.any():
        return None
    positions = np.flatnonzero(bad.to_numpy(dtype=bool))
    shown = ", ".join(f"row {first_row + int(p)} ({table['survey_type'].iloc[p]} "
                      f"{values.iloc[p]:g})" for p in positions[:5])
    more = f" and {len(positions) - 5} more" if len(positions) > 5 else ""
    return (f"{len(positions)} answers outside their scale (NPS 0–10, CSAT 1–5, whole numbers) "
            f"are not counted: {shown}{more}")


def _csat_words(values: pd.Series) -> pd.Series:
    text = values.astype("string")
    uniques = text.dropna().unique()
    mapping = {v: CSAT_WORDS.get(fold(str(v)), v) for v in uniques}
    return text.map(mapping).astype("string") if mapping else text


def read_source(config: Config, source: str) -> SourceTable:
    """Read one source as configured; a source without a file is returned unavailable.

    The companies file is required: without it no client can be found.
    """
    spec: SourceSpec | None = getattr(config.sources, source)
    if spec is None:
        reason = f"not configured ([sources] {source} = \"...\")"
        if source == "companies":
            raise InputError(str(config.config_path), f"sources.companies: {reason}")
        return SourceTable(source, empty_table(config, source), unavailable=reason)
    matches = locate(config, spec)
    if not matches:
        reason = f"no file matches '{spec.path}' in {config.data_dir}"
        if source == "companies":
            raise InputError(spec.path, f"companies file not found: {reason}")
        return SourceTable(source, empty_table(config, source), absent=[], unavailable=reason)
    path = matches[-1]
    file = display_name(config, path)
    try:
        result = normalise(read_table(path, spec, file, config.limits), source, config, spec)
    except MemoryError:
        raise InputError(file, "not enough memory to read this file; free memory, or split "
                         "the export (the [limits] table_mb cap bounds the file size)") from None
    if len(matches) > 1:
        result.notes.append(f"{len(matches)} files match '{spec.path}'; using the newest, {file}")
    return result
