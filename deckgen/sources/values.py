"""Parsing one column of text cells into its canonical kind, vectorised over the column.

Every parser takes a string Series (NA where the cell is empty) and a :class:`Cells` that
says where it came from, so a value it cannot read becomes one
:class:`~deckgen.errors.InputError` naming file, spreadsheet row, column and value.

Choices made here:

* Dates: ``YYYY-MM-DD[ HH:MM[:SS]]`` (and ``T``), ISO 8601 with ``Z`` or an offset,
  ``DD/MM/YYYY[ HH:MM[:SS]]`` (also with ``.`` or ``-``, optional AM/PM), and Excel serial
  numbers (5 digits, optional fraction). Naive values are in the company time zone; aware
  ones are converted to it. ``03/04/2026`` is day-first unless ``day_first = false``; when
  the option is not set and the column holds ``MM/DD`` values only (a second part above 12,
  never a first part above 12), the column is read month-first. One order holds for the
  whole column: a cell that contradicts it (``13/09/2026`` beside ``09/13/2026``, or against
  the configured ``day_first``) is an error naming its row. Dates before 1900 or after 2100
  (Excel's serial 0 or ``00000`` among them) are errors, not 1899-12-30.
* Numbers: infinities and NaN written as text (``inf``, ``nan``) are errors.
* Decimals: the last of ``.``/``,`` is the decimal mark when both occur ("1.234,5",
  "1,234.5"); a lone comma is a decimal comma ("12,5"); a lone dot is a decimal point
  ("1.234" is 1.234); repeated groups are thousands ("1.234.567").
* Ids: Excel's "123.0" becomes "123"; "123;456" (several associated companies) keeps the
  first id, and the caller is told how many rows had several.

Speed: a column that repeats its values (status, pipeline, priority, category, company ids)
is parsed once per distinct value and the results spread back over the rows
(:func:`per_distinct`): ids, numbers, priorities, yes/no, multi-select, and text when the file
holds characters XML forbids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from deckgen.errors import InputError
from deckgen.sources.names import arrow_strings, fold, map_unique

ILLEGAL_XML = (
    "[" + "".join(map(chr, range(0x00, 0x09))) + "\x0b\x0c" + "\x0e-\x1f" + "\ufffe\uffff]"
)
DATE_FORMATS = "YYYY-MM-DD HH:MM, ISO 8601, DD/MM/YYYY [HH:MM] or an Excel serial number"
FIRST_DAY = pd.Timestamp("1900-01-01")
END_DAY = pd.Timestamp("2101-01-01")  # exclusive: dates run to the end of 2100

PRIORITIES = {
    "low": "low", "baixa": "low", "baixo": "low",
    "medium": "medium", "media": "medium", "medio": "medium", "normal": "medium",
    "high": "high", "alta": "high", "alto": "high",
    "urgent": "urgent", "urgente": "urgent", "critica": "urgent", "critico": "urgent",
    "critical": "urgent",
}
BOOLEANS = {
    "true": True, "false": False, "verdadeiro": True, "falso": False,
    "yes": True, "no": False, "y": True, "n": False,
    "sim": True, "nao": False, "s": True,
    "1": True, "0": False, "x": True,
}

_ISO_NAIVE = r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
_ISO_AWARE = (
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)$"
)
_SLASH = (
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?)?$"
)
_SERIAL = r"^\d{5}(?:\.\d+)?$"
_USUAL_LENGTHS = pa.array([10, 16, 19], pa.int64())  # YYYY-MM-DD, then HH:MM, then :SS
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_PT_THOUSANDS = r"^[+-]?\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|(?:\.\d{3})+,\d+)$"
_EN_THOUSANDS = r"^[+-]?\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|(?:,\d{3})+\.\d+)$"
_COMMA_DECIMAL = r"^[+-]?\d*,\d+$"
_SAMPLE_ROWS = 10_000
QUOTED_CHARS = 80


@dataclass(frozen=True)
class Cells:
    """Where a column of cells came from: file, header as written, row of the first cell."""

    file: str
    header: str
    first_row: int = 2
    controls: bool = True

    def fail(self, values: pd.Series, bad: pd.Series, expected: str) -> NoReturn:
        """Raise for the first ``bad`` cell, quoting its value."""
        position = int(np.argmax(bad.to_numpy(dtype=bool)))
        found = values.iloc[position]
        shown = repr(found)
        if len(shown) > QUOTED_CHARS:  # one line, not a megabyte of it
            shown = f"{str(found)[:QUOTED_CHARS]!r}… ({len(str(found)):,} characters)"
        raise InputError(
            self.file,
            f"expected {expected}, found {shown}",
            row=self.first_row + position,
            column=self.header,
        )


def per_distinct(values: pd.Series, parse: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``parse(values)``, computed once per distinct cell when the column repeats its values
    (at most one distinct value per two rows), else over the whole column.

    ``parse`` must treat each cell on its own, or decide by the set of values only (as the
    number parser does), so both ways give the same result. A cell it rejects is reported
    from the whole column, so the error names the first such row.
    """
    cells = arrow_strings(values)
    sample = cells.slice(0, _SAMPLE_ROWS).unique()  # so a column of unique ids is not hashed whole
    if 2 * len(sample) > min(len(cells), _SAMPLE_ROWS):
        return parse(values)
    encoded = cells.dictionary_encode()
    if 2 * len(encoded.dictionary) > len(cells):
        return parse(values)
    distinct = pa.concat_arrays([encoded.dictionary, pa.nulls(1, pa.large_string())])
    codes = encoded.indices.fill_null(len(encoded.dictionary)).to_numpy()
    try:
        parsed = parse(pd.Series(pd.arrays.ArrowStringArray(distinct)))
    except InputError:
        return parse(values)
    return parsed.take(codes).set_axis(values.index)


def blank_to_na(values: pd.Series) -> pd.Series:
    """Strip every cell; empty cells become NA. Always returns a ``string`` Series."""
    text = values.astype("string").str.strip()
    return text.mask(text == "")


def parse_text(values: pd.Series, controls: bool = True) -> pd.Series:
    """Free text: stripped, NA when blank, without characters XML forbids.

    ``controls=False`` says the file holds no such character (checked once per file): the
    stripping alone is one quick pass, whereas the search for them pays per distinct value.
    """
    if not controls:
        return blank_to_na(values)
    return per_distinct(values, _clean_text)


def _clean_text(values: pd.Series) -> pd.Series:
    text = blank_to_na(values)
    dirty = text.str.contains(ILLEGAL_XML, regex=True).fillna(False).to_numpy(dtype=bool)
    if dirty.any():
        text = blank_to_na(text.str.replace(ILLEGAL_XML, "", regex=True))
    return text


def _flag(matches: pd.Series) -> np.ndarray:
    return matches.fillna(False).to_numpy(dtype=bool)


def parse_id(values: pd.Series) -> tuple[pd.Series, int]:
    """Identifiers as strings, and how many cells held several ``;``-joined ids."""
    several = int(_flag(values.astype("string").str.contains(";", regex=False)).sum())
    return per_distinct(values, _ids), several


def _ids(values: pd.Series) -> pd.Series:
    text = blank_to_na(values)
    several = _flag(text.str.contains(";", regex=False))
    if several.any():
        text = _replace_where(text, several, text[several].str.replace(r";.*$", "", regex=True))
        text = blank_to_na(text)
    if _flag(text.str.contains(".", regex=False)).any():
        excel = _flag(text.str.match(r"^\d+\.0+$"))
        text = _replace_where(text, excel, text[excel].str.replace(r"\.0+$", "", regex=True))
    return text


def _replace_where(text: pd.Series, where: np.ndarray, replacements: pd.Series) -> pd.Series:
    """``text`` with the cells flagged by ``where`` replaced, in order, by ``replacements``."""
    cells = pc.replace_with_mask(
        arrow_strings(text), pa.array(where), arrow_strings(replacements)
    )
    return pd.Series(pd.arrays.ArrowStringArray(cells), index=text.index)


def _fast_float(text: pd.Series) -> pd.Series | None:
    """Plain numbers ("12", "12.5") through Arrow's parser; None when any cell needs more."""
    try:
        numbers = pc.cast(arrow_strings(text), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return pd.Series(numbers.to_numpy(zero_copy_only=False), index=text.index, dtype="float64")


def parse_float(values: pd.Series, cells: Cells) -> pd.Series:
    """Numbers with a decimal comma or point and optional thousands separators."""
    return per_distinct(values, lambda text: _numbers(text, cells))


def _numbers(values: pd.Series, cells: Cells) -> pd.Series:
    stripped = blank_to_na(values)
    fast = _fast_float(stripped)
    if fast is not None:
        return _finite(fast, stripped, values, cells)
    text = blank_to_na(values).str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    pt = text.str.match(_PT_THOUSANDS).fillna(False)
    en = text.str.match(_EN_THOUSANDS).fillna(False)
    comma = text.str.match(_COMMA_DECIMAL).fillna(False)
    if pt.any():
        text = text.mask(pt, text.str.replace(".", "", regex=False).str.replace(",", "."))
    if en.any():
        text = text.mask(en, text.str.replace(",", "", regex=False))
    if comma.any():
        text = text.mask(comma, text.str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(text, errors="coerce").astype("float64")
    bad = text.notna() & numbers.isna()
    if bad.any():
        cells.fail(values, bad, "a number such as 12,5 or 1.234,5")
    return _finite(numbers, text, values, cells)


def _finite(numbers: pd.Series, text: pd.Series, values: pd.Series, cells: Cells) -> pd.Series:
    """``numbers`` when every written cell (``text``, blanks as NA) is a finite number; else
    an error naming the first that is not."""
    written = text.notna().to_numpy(dtype=bool)
    bad = written & ~np.isfinite(numbers.to_numpy(dtype="float64", na_value=np.nan))
    if bad.any():
        cells.fail(values, pd.Series(bad, index=values.index), "a finite number")
    return numbers


def parse_int(values: pd.Series, cells: Cells) -> pd.Series:
    """Whole numbers (``Int64``), accepting "30", "30.0" and "30,0"."""
    return per_distinct(values, lambda text: _whole_numbers(text, cells))


def _whole_numbers(values: pd.Series, cells: Cells) -> pd.Series:
    numbers = _numbers(values, cells)
    bad = numbers.notna() & (numbers != numbers.round())
    if bad.any():
        cells.fail(values, bad, "a whole number")
    return numbers.round().astype("Int64")


def _by_lookup(
    values: pd.Series, table: dict[str, str], cells: Cells, expected: str
) -> pd.Series:
    return per_distinct(values, lambda text: _looked_up(text, table, cells, expected))


def _looked_up(
    values: pd.Series, table: dict[str, str], cells: Cells, expected: str
) -> pd.Series:
    text = blank_to_na(values)
    mapped = map_unique(text, lambda value: table.get(fold(value).rstrip(".")))
    bad = text.notna() & mapped.isna()
    if bad.any():
        cells.fail(values, bad, expected)
    return mapped


def parse_priority(values: pd.Series, cells: Cells) -> pd.Series:
    """``urgent``/``high``/``medium``/``low`` from HubSpot values or their labels."""
    return _by_lookup(
        values, PRIORITIES, cells,
        "a priority (LOW, MEDIUM, HIGH, URGENT, Baixa, Média, Alta, Urgente, Crítica)",
    )


def parse_bool(values: pd.Series, cells: Cells) -> pd.Series:
    """Yes/no cells: true/false, sim/não, yes/no, 1/0, x (NA when blank)."""
    table = {key: "1" if truth else "" for key, truth in BOOLEANS.items()}
    mapped = _by_lookup(values, table, cells, "yes/no (sim/não, true/false, 1/0, x)")
    return (mapped == "1").astype("boolean").mask(mapped.isna())


def parse_list(values: pd.Series, controls: bool = True) -> pd.Series:
    """``;``-joined multi-select cells as tuples of str (an empty tuple when blank)."""
    return per_distinct(values, lambda cells: _tuples(cells, controls))


def _tuples(values: pd.Series, controls: bool) -> pd.Series:
    text = _clean_text(values) if controls else blank_to_na(values)
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    tuples = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        tuples[i] = tuple(part.strip() for part in str(value).split(";") if part.strip())
    tuples[-1] = ()
    return pd.Series(tuples[codes], index=values.index, dtype=object)


def _localize(naive: pd.Series, tz: str) -> pd.Series:
    return naive.dt.tz_localize(
        tz, ambiguous=np.zeros(len(naive), dtype=bool), nonexistent="shift_forward"
    )


class _BadCell(Exception):
    """A date cell that cannot stand: its order contradicts the column's, or it is implausible."""

    def __init__(self, label: object, expected: str) -> None:
        super().__init__(expected)
        self.label = label
        self.expected = expected


@dataclass(frozen=True)
class DateOrder:
    """How a column's slash dates (``03/04/2026``) were read: ``day_first``, and ``how`` that
    order was chosen: "configured", "detected" (a part above 12 shows it) or "default"."""

    day_first: bool
    how: str


def _slash_dates(parts: pd.DataFrame, day_first: bool | None) -> tuple[pd.Series, DateOrder]:
    first = parts[0].astype("float64")
    second = parts[1].astype("float64")
    day_first_rows = (first > 12) & (second <= 12)  # both above 12: no order reads it
    month_first_rows = (second > 12) & (first <= 12)
    if day_first is None:
        if day_first_rows.any() and month_first_rows.any():
            by_day = int(np.argmax(day_first_rows.to_numpy(dtype=bool)))
            by_month = int(np.argmax(month_first_rows.to_numpy(dtype=bool)))
            earlier, later = sorted((by_day, by_month))
            order = "DD/MM/YYYY" if earlier == by_day else "MM/DD/YYYY"
            written = "/".join(str(parts.iloc[earlier, i]) for i in range(3))
            raise _BadCell(parts.index[later], f"a date written {order} as in the column's "
                           f"earlier value {written}")
        how = "detected" if (day_first_rows.any() or month_first_rows.any()) else "default"
        day_first = not month_first_rows.any()
    else:
        how = "configured"
    contradicting = month_first_rows if day_first else day_first_rows
    if contradicting.any():
        order = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
        raise _BadCell(parts.index[int(np.argmax(contradicting.to_numpy(dtype=bool)))],
                       f"a date written {order} (the configured day_first)")
    hour = parts[3].astype("float64").fillna(0)
    meridiem = parts[6].str.lower()
    hour = hour.mask(meridiem.eq("p").fillna(False) & (hour < 12), hour + 12)
    hour = hour.mask(meridiem.eq("a").fillna(False) & (hour == 12), 0)
    year = parts[2].astype("float64")
    _check_years(year.mask(year.between(1900, 2100)))
    components = pd.DataFrame({
        "year": year,
        "month": second if day_first else first,
        "day": first if day_first else second,
        "hour": hour,
        "minute": parts[4].astype("float64").fillna(0),
        "second": parts[5].astype("float64").fillna(0),
    })
    return pd.to_datetime(components, errors="coerce"), DateOrder(day_first, how)


def _check_years(outside: pd.Series) -> None:
    """Raise for the first cell whose value in ``outside`` is set (not NA)."""
    if outside.notna().any():
        raise _BadCell(outside.index[int(np.argmax(outside.notna().to_numpy()))],
                       "a date between 1900 and 2100")


def _in_range(stamps: pd.Series, zone: str | None) -> pd.Series:
    low, high = FIRST_DAY.tz_localize(zone), END_DAY.tz_localize(zone)
    _check_years(stamps.where((stamps < low) | (stamps >= high)))
    return stamps


def _parse_general(
    text: pd.Series, tz: str, day_first: bool | None
) -> tuple[pd.Series, DateOrder | None]:
    order = None
    out = pd.Series(pd.NaT, index=text.index, dtype=pd.DatetimeTZDtype("ns", tz))
    aware = text.str.match(_ISO_AWARE).fillna(False)
    if aware.any():
        parsed = pd.to_datetime(text[aware], format="ISO8601", utc=True, errors="coerce")
        out[aware] = _in_range(parsed, "UTC").dt.tz_convert(tz)
    naive = text.str.match(_ISO_NAIVE).fillna(False)
    if naive.any():
        parsed = pd.to_datetime(text[naive], format="ISO8601", errors="coerce")
        out[naive] = _localize(_in_range(parsed, None), tz)
    parts = text.str.extract(_SLASH)
    slash = parts[0].notna()
    if slash.any():
        naive, order = _slash_dates(parts[slash], day_first)
        out[slash] = _localize(naive, tz)
    serial = text.str.match(_SERIAL).fillna(False)
    if serial.any():
        days = pd.to_timedelta(text[serial].astype("float64"), unit="D")
        out[serial] = _localize((_EXCEL_EPOCH + days).dt.round("s"), tz)
    return out, order


def _usual_layouts(values: pd.Series) -> pd.Series | None:
    """Naive timestamps when every cell is ``YYYY-MM-DD[ HH:MM[:SS]]`` (HubSpot's layouts;
    ``T`` also separates), else None.

    Arrow's ISO 8601 cast is the fastest parser and rejects impossible dates (30 February);
    the cell lengths keep it to these layouts, which the general path reads the same way.
    A padded or blank cell has another length, and leaves the column to the general path.
    """
    cells = arrow_strings(values)
    lengths = pc.binary_length(cells).drop_null()
    if not pc.all(pc.is_in(lengths, value_set=_USUAL_LENGTHS)).as_py():
        return None
    try:
        parsed = pc.cast(cells, pa.timestamp("s"))
    except pa.ArrowInvalid:
        return None
    bounds = pc.min_max(parsed).as_py()
    if bounds["min"] is not None and not (
        pd.Timestamp(bounds["min"]) >= FIRST_DAY and pd.Timestamp(bounds["max"]) < END_DAY
    ):
        return None  # the general path names the row of the implausible date
    return pd.Series(parsed.to_pandas(), index=values.index)


def parse_datetime(
    values: pd.Series, cells: Cells, tz: str, day_first: bool | None = None,
    orders: list[DateOrder] | None = None,
) -> pd.Series:
    """Timestamps in the company time zone (``datetime64[ns, tz]``); the order the column's
    slash dates were read in, if it has any, is appended to ``orders``."""
    dtype = pd.DatetimeTZDtype("ns", tz)
    usual = _usual_layouts(values)
    if usual is not None:
        return _plausible(_localize(usual, tz).astype(dtype), values, cells, tz)
    text = blank_to_na(values)
    try:
        fast = pd.to_datetime(text, format="ISO8601", errors="coerce")
    except ValueError:  # naive and aware values mixed: the general path sorts them
        parsed = pd.Series(pd.NaT, index=text.index, dtype=dtype)
    else:
        aware = getattr(fast.dtype, "tz", None) is not None
        zone = "UTC" if aware else None
        outside = fast.notna() & (
            (fast < FIRST_DAY.tz_localize(zone)) | (fast >= END_DAY.tz_localize(zone))
        )
        if outside.any():  # before converting: years 1600 or 9999 overflow nanoseconds
            cells.fail(values, outside, "a date between 1900 and 2100")
        parsed = (fast.dt.tz_convert(tz) if aware else _localize(fast, tz)).astype(dtype)
    rest = text.notna() & parsed.isna()
    if rest.any():
        try:
            parsed[rest], order = _parse_general(text[rest], tz, day_first)
        except _BadCell as problem:
            cells.fail(values, pd.Series(text.index == problem.label, index=values.index),
                       problem.expected)
        if order is not None and orders is not None:
            orders.append(order)
    bad = text.notna() & parsed.isna()
    if bad.any():
        cells.fail(values, bad, f"a date ({DATE_FORMATS})")
    return _plausible(parsed, values, cells, tz)


def _plausible(parsed: pd.Series, values: pd.Series, cells: Cells, tz: str) -> pd.Series:
    """``parsed`` when every date lies in 1900–2100; else an error at the first that does not."""
    low, high = FIRST_DAY.tz_localize(tz), END_DAY.tz_localize(tz)
    outside = parsed.notna() & ((parsed < low) | (parsed >= high))
    if outside.any():
        cells.fail(values, outside, "a date between 1900 and 2100")
    return parsed


def parse_date(
    values: pd.Series, cells: Cells, tz: str, day_first: bool | None = None,
    orders: list[DateOrder] | None = None,
) -> pd.Series:
    """Calendar dates (naive ``datetime64[ns]`` at midnight) in the company time zone; the
    order of its slash dates is appended to ``orders`` as by :func:`parse_datetime`."""
    stamps = parse_datetime(values, cells, tz, day_first, orders)
    return stamps.dt.tz_localize(None).dt.normalize().astype("datetime64[ns]")
