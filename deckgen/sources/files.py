"""Finding an export on disk and opening it (CSV, XLSX or a ZIP holding one) as text cells.

Encoding: a byte-order mark decides (UTF-8, UTF-16); otherwise the file is read as strict
UTF-8, then as Windows-1252. Bytes that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
0x90, 0x9D) are an :class:`~deckgen.errors.InputError` naming the byte, its offset and its
line: such a file is neither, and guessing would put wrong letters in a client's deck.
``encoding = "latin-1"`` in the source's configuration reads it anyway.

Delimiter: ``,``, ``;`` or tab. The header line decides when one of them occurs there more
often than the others (header names seldom hold a delimiter, whereas values do: decimal
commas, free text); otherwise :class:`csv.Sniffer`, restricted to those three, decides on a
sample; ``,`` when it cannot.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from deckgen.config import Config, LimitSettings, SourceSpec
from deckgen.errors import InputError
from deckgen.reading import (
    ReadRefused,
    check_regular,
    describe_kind,
    os_reason,
    read_capped,
    read_zip_member,
)
from deckgen.sources import release_notes
from deckgen.sources.raw import RawTable

DELIMITERS = (",", ";", "\t")
TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
_GLOB = re.compile(r"[*?\[]")
_DIGITS = re.compile(r"(\d+)")
_SAMPLE_BYTES = 64 * 1024
# A well-formed UTF-8 letter of two or three bytes (Latin accents, punctuation, symbols).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
# Any byte besides blanks, NUL and those of a UTF-8 byte-order mark: the file has content.
_CONTENT = re.compile(rb"[^ \t\r\n\x00\xef\xbb\xbf]")
# Every byte except the XML-illegal controls and 0xEF, the lead byte of U+FFFE and U+FFFF.
_ORDINARY = bytes(b for b in range(256) if b in (0x09, 0x0A, 0x0D) or 0x20 <= b != 0xEF)


def _natural_key(path: Path) -> list[int | str]:
    return [int(part) if part.isdigit() else part.lower() for part in _DIGITS.split(path.name)]


def locate(config: Config, spec: SourceSpec) -> list[Path]:
    """Files matching a configured path or glob, oldest first by name (the last one wins).

    Whatever matches must be a regular file inside the data folder (unless
    ``[paths] allow_outside_workspace``): a folder, FIFO, device, symlink loop or a link
    leading out is an :class:`~deckgen.errors.InputError`, never a silent "no file".
    """
    pattern = config.resolve(spec.path)
    if not _GLOB.search(spec.path):
        matches = [pattern] if os.path.lexists(pattern) else []
    else:
        try:
            matches = sorted(pattern.parent.glob(pattern.name), key=_natural_key)
        except OSError as exc:
            raise InputError(spec.path, f"cannot list the folder: {exc.strerror}") from None
    for path in matches:
        _check_match(config, path)
    return matches


def _check_match(config: Config, path: Path) -> None:
    file = display_name(config, path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise InputError(file, f"cannot read the file: {os_reason(exc)}") from None
    if not stat.S_ISREG(mode):
        raise InputError(file, f"{describe_kind(mode)}, not an export file")
    problem = config.outside(path)
    if problem:
        raise InputError(file, f"{problem}; set [paths] allow_outside_workspace = true to read it")


def display_name(config: Config, path: Path) -> str:
    """How messages name a file: relative to the data folder when it lies inside it."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(config.data_dir)))
    except ValueError:
        return str(path)


def read_table(path: Path, spec: SourceSpec, file: str,
               limits: LimitSettings | None = None) -> RawTable:
    """Open one export by its suffix: CSV-like text, XLSX, or a ZIP holding exactly one.

    Only a regular file is read, up to the ``[limits]`` caps (``table_mb``; ``text_mb`` for
    YAML/Markdown release notes; ``zip_member_mb`` and ``zip_ratio`` inside a ZIP).
    """
    limits = limits or LimitSettings()
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(file, "the old Excel .xls format is not supported; save as .xlsx or CSV")
    notes = suffix in (".yaml", ".yml", ".md", ".markdown")
    try:
        if suffix in (".zip", ".xlsx", ".xlsm"):
            check_regular(path, limits.bytes("table"))
            data = b""
        else:
            data = read_capped(path, limits.bytes("text" if notes else "table"))
    except ReadRefused as exc:
        raise InputError(file, f"cannot read the file: {exc}") from None
    if suffix == ".zip":
        member, data = _zip_member(path, file, limits)
        inner = f"{file}:{member}"
        if member.lower().endswith((".xlsx", ".xlsm")):
            _check_workbook(io.BytesIO(data), inner, limits)
            return _read_xlsx(io.BytesIO(data), spec, inner)
        return _read_text_table(data, spec, inner)
    if suffix in (".xlsx", ".xlsm"):
        _check_workbook(path, file, limits)
        return _read_xlsx(path, spec, file)
    if notes:
        utf8, _ = decode(data, file, spec.encoding)
        read = (release_notes.read_yaml_releases if suffix in (".yaml", ".yml")
                else release_notes.read_markdown_releases)
        return read(utf8.decode("utf-8"), file)
    return _read_text_table(data, spec, file)


def _zip_member(path: Path, file: str, limits: LimitSettings) -> tuple[str, bytes]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and not info.filename.startswith("__MACOSX/")
                and info.filename.lower().endswith(TABLE_SUFFIXES)
            ]
            if len(members) != 1:
                found = ", ".join(info.filename for info in members) or "none"
                raise InputError(file, f"expected one CSV or XLSX file in the ZIP, found {found}")
            data = read_zip_member(archive, members[0], limits.bytes("zip_member"),
                                   limits.zip_ratio)
            return members[0].filename, data
    except ReadRefused as exc:
        raise InputError(file, str(exc)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise InputError(file, f"not a readable ZIP file ({exc})") from None
    except (RuntimeError, ValueError) as exc:  # encrypted or otherwise unreadable member
        raise InputError(file, f"cannot unpack the ZIP file ({exc})") from None


def _check_workbook(source: Path | io.BytesIO, file: str, limits: LimitSettings) -> None:
    """Refuse a workbook whose parts would unpack past the ZIP limits (before opening it)."""
    cap, ratio = limits.bytes("zip_member"), limits.zip_ratio
    try:
        with zipfile.ZipFile(source) as book:
            for info in book.infolist():
                budget = min(cap, int(max(info.compress_size, 1) * ratio) + (1 << 16))
                if info.file_size > budget:
                    raise InputError(file, f"workbook part {info.filename} unpacks to "
                                     f"{info.file_size:,} bytes from {info.compress_size:,}, "
                                     "over the [limits] zip_member_mb / zip_ratio")
    except zipfile.BadZipFile:
        raise InputError(file, "not a readable XLSX workbook (not a ZIP package)") from None


# --- text (CSV) -------------------------------------------------------------------------


def decode(data: bytes, file: str, forced: str | None = None) -> tuple[bytes, str]:
    """The file's bytes re-encoded as UTF-8 without a BOM, and the encoding it was read in.

    Checks the whole file: the fast path of :func:`_read_text_table` lets Arrow check UTF-8
    instead, and comes here only when that fails.
    """
    if forced:
        try:
            codecs.lookup(forced)
        except LookupError:
            raise InputError(file, f"unknown encoding {forced!r} in the configuration") from None
        text = _decode_strict(data, forced, file)
        return text.lstrip("\ufeff").encode("utf-8"), forced
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(data, "utf-16", file).encode("utf-8"), "utf-16"
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return body, "utf-8-sig" if bom else "utf-8"
    utf8_error = _first_invalid_utf8(body)
    if _UTF8_SEQUENCE.search(body):  # valid UTF-8 letters elsewhere: a mixed file, not cp1252
        offset = utf8_error + (len(codecs.BOM_UTF8) if bom else 0)
        raise InputError(
            file,
            f"mixes encodings: UTF-8 text, but byte 0x{data[offset]:02X} at offset {offset} is "
            "not UTF-8 (saved from another program?); re-save the file as UTF-8",
            row=data.count(b"\n", 0, offset) + 1,
        )
    try:
        return data.decode("cp1252").encode("utf-8"), "cp1252"
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise InputError(
            file,
            f"not UTF-8 or Windows-1252 text: byte 0x{byte:02X} at offset {exc.start}; "
            "set encoding (e.g. \"latin-1\") for this source in the configuration",
            row=data.count(b"\n", 0, exc.start) + 1,
        ) from None


def _first_invalid_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return len(data)


def _decode_strict(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            file,
            f"not {encoding} text: byte 0x{data[exc.start]:02X} at offset {exc.start}",
            row=data.count(b"\n", 0, exc.start) + 1,
        ) from None


def _first_record(sample: str) -> str:
    """The header line, joined across line breaks that fall inside quotes."""
    in_quotes = False
    for i, ch in enumerate(sample):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            return sample[:i]
    return sample


def detect_delimiter(sample: str) -> str:
    """``,``, ``;`` or tab: by counting in the header line, else by :class:`csv.Sniffer`."""
    header = _first_record(sample)
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(counts.values())
    winners = [d for d, n in counts.items() if n == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return ","


def _read_text_table(data: bytes, spec: SourceSpec, file: str) -> RawTable:
    if not _CONTENT.search(data):  # a search, not a strip: no copy of a large file
        raise InputError(file, "file is empty")
    if not spec.encoding and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _refuse_utf16_without_bom(data[:_SAMPLE_BYTES], file)
    if spec.delimiter is not None and len(spec.delimiter) != 1:
        raise InputError(file, f"delimiter must be one character, found {spec.delimiter!r}")
    plain = not spec.encoding and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    bom = data.startswith(codecs.BOM_UTF8)
    utf8, encoding = (data[3:] if bom else data, "utf-8-sig" if bom else "utf-8")
    if not plain:
        utf8, encoding = decode(data, file, spec.encoding)
    sample = utf8[:_SAMPLE_BYTES].decode("utf-8", errors="ignore")
    delimiter = spec.delimiter or detect_delimiter(sample)
    header = next(csv.reader(io.StringIO(_first_record(sample)), delimiter=delimiter), [])
    try:
        frame = _parse_arrow(utf8, delimiter, len(header))
    except pa.ArrowInvalid:
        if plain:  # perhaps not UTF-8 after all: check it, else read it as Windows-1252
            utf8, encoding = decode(data, file)
        try:
            frame = _parse_arrow(utf8, delimiter, len(header))
        except pa.ArrowInvalid:
            frame = _parse_lenient(utf8.decode("utf-8"), delimiter, file)
    controls = _has_controls(utf8)
    headers = ["" if pd.isna(h) else str(h).strip() for h in frame.iloc[0]] if len(frame) else []
    body = frame.iloc[1:].reset_index(drop=True)
    return RawTable(file, headers, body, 2, controls, encoding=encoding, delimiter=delimiter)


def _refuse_utf16_without_bom(sample: bytes, file: str) -> None:
    """Text with a NUL in every other byte is UTF-16 without its byte-order mark."""
    even, odd = sample[0::2], sample[1::2]
    for zeros, order in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if len(zeros) >= 2 and zeros.count(0) * 10 >= len(zeros) * 9:
            raise InputError(file, "looks like UTF-16 text without a byte-order mark; set "
                             f"encoding = \"{order}\" for this source in the configuration")


def _has_controls(utf8: bytes) -> bool:
    """Whether UTF-8 text holds a character XML forbids (a byte-level scan, fast)."""
    rare = utf8.translate(None, _ORDINARY)
    if rare.replace(b"\xef", b""):
        return True
    return bool(rare) and (b"\xef\xbf\xbe" in utf8 or b"\xef\xbf\xbf" in utf8)


def _parse_arrow(utf8: bytes, delimiter: str, width: int) -> pd.DataFrame:
    names = [f"f{i}" for i in range(max(width, 1))]
    # One thread: on two cores already busy (other processes, ``--jobs``) Arrow's threads
    # cost a third more CPU time and gain no wall time.
    table = pacsv.read_csv(
        io.BytesIO(utf8),
        read_options=pacsv.ReadOptions(column_names=names, block_size=8 << 20, use_threads=False),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={name: pa.large_string() for name in names},
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            null_values=[""],
        ),
    )
    frame = table.to_pandas(types_mapper=_string_mapper, self_destruct=True)
    frame.columns = pd.RangeIndex(frame.shape[1])
    return frame


def _string_mapper(arrow_type: pa.DataType) -> pd.api.extensions.ExtensionDtype | None:
    # Large strings: what pandas' ``string`` dtype holds, so no column is cast on the way.
    return pd.StringDtype("pyarrow") if arrow_type == pa.large_string() else None


def _parse_lenient(text: str, delimiter: str, file: str) -> pd.DataFrame:
    """The slow path for ragged files: short rows are padded; long rows are an error
    unless the extra fields are blank (a trailing delimiter)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text)))  # a cell may be as long as the file allows
    try:
        rows = [row for row in reader if row]
    except csv.Error as exc:
        raise InputError(file, f"cannot be read as CSV ({exc})", row=reader.line_num) from None
    finally:
        csv.field_size_limit(limit)
    width = len(rows[0])
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > width:
            if any(cell.strip() for cell in row[width:]):
                raise InputError(
                    file, f"expected {width} fields as in the header, found {len(row)}", row=number
                )
            del row[width:]
        elif len(row) < width:
            row.extend([""] * (width - len(row)))
    frame = pd.DataFrame(rows, dtype="string").replace("", pd.NA)
    frame.columns = pd.RangeIndex(width)
    return frame


# --- XLSX -------------------------------------------------------------------------------


def _cell_text(value: object) -> str | None:
    """An XLSX cell as text that the value parsers read like a CSV cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def _read_xlsx(source: Path | io.BytesIO, spec: SourceSpec, file: str) -> RawTable:
    # python-calamine (Rust) reads a workbook in milliseconds; openpyxl's import alone
    # costs a cold build about 0.2 s.
    from python_calamine import CalamineWorkbook

    try:
        if isinstance(source, Path):
            book = CalamineWorkbook.from_path(str(source))
        else:
            book = CalamineWorkbook.from_filelike(source)
    except Exception as exc:  # noqa: BLE001 - calamine raises its own zip/XML error types
        raise InputError(file, f"not a readable XLSX workbook ({exc})") from None
    if spec.sheet is not None and spec.sheet not in book.sheet_names:
        sheets = ", ".join(repr(s) for s in book.sheet_names)
        raise InputError(file, f"no sheet named {spec.sheet!r}; sheets are {sheets}")
    title = spec.sheet if spec.sheet is not None else book.sheet_names[0]
    try:
        cells = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except Exception as exc:  # noqa: BLE001 - as above
        raise InputError(file, f"sheet {title!r} cannot be read ({exc})") from None
    rows = [[_cell_text(v) for v in row] for row in cells]
    start = next((i for i, row in enumerate(rows) if any(v is not None for v in row)), None)
    if start is None:
        raise InputError(file, f"sheet {title!r} is empty")
    while rows and not any(v is not None for v in rows[-1]):
        rows.pop()
    width = max(len(row) for row in rows[start:])
    header = [(h or "").strip() for h in rows[start]] + [""] * (width - len(rows[start]))
    body = [row + [None] * (width - len(row)) for row in rows[start + 1:]]
    frame = pd.DataFrame(body, columns=range(width), dtype="string")
    keep = [i for i in range(width) if header[i] or frame[i].notna().any()]
    frame = frame[keep]
    frame.columns = pd.RangeIndex(len(keep))
    return RawTable(file, [header[i] for i in keep], frame, first_row=start + 2, sheet=title)
