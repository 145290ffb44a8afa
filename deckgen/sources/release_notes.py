"""Release lists kept as YAML or as a Markdown changelog, read into the same raw table as CSV.

YAML: a list of mappings (or a mapping whose ``releases`` key holds that list), one per
release, with the same headers a CSV would have (``date``, ``version``, ``title``,
``description``, ``product``...). Markdown: one level-2 heading per release holding its date
(``YYYY-MM-DD`` or ``DD/MM/YYYY``) and optionally its version (``[2.3.0]`` or ``v2.3.0``);
the rest of the heading is the title (else the body's first line), the body the description:

    ## [2026.11.0] - 2026-11-12 - Conector SAP Ariba
    - Sincronização incremental de fornecedores.

Row numbers in errors count releases: "row 2" is the second release of the file.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pandas as pd

from deckgen.errors import InputError
from deckgen.sources.raw import RawTable

RELEASE_HEADERS = ["Date", "Version", "Title", "Description"]
_HEADING = re.compile(r"^##(?!#)\s*(.+?)\s*#*\s*$")
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4})\b")
_VERSION = re.compile(r"\[([^\]]+)\]|\b(v\d[\w.\-]*)", re.IGNORECASE)
_SEPARATORS = " -–—:|·"


def _table(file: str, headers: list[str], rows: list[list[str | None]]) -> RawTable:
    frame = pd.DataFrame(rows, columns=range(len(headers)), dtype="string")
    return RawTable(file, headers, frame, first_row=1)


def _cell(value: object, file: str, row: int, key: str) -> str | None:
    """A scalar as text; a list or mapping (an alias could make it any size) is an error."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | dict | set | tuple | bytes):
        raise InputError(file, f"expected a text, number or date, found a "
                         f"{type(value).__name__}", row=row, column=key)
    text = str(value).strip()
    return text or None


def read_yaml_releases(text: str, file: str) -> RawTable:
    """A YAML list of releases as a raw table (headers = every key, in first-seen order)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(file, f"not valid YAML{where}") from None
    except RecursionError:
        raise InputError(file, "not valid YAML: nested too deeply") from None
    except ValueError as exc:  # a value YAML reads as a date but no calendar has: 2026-13-45
        raise InputError(file, f"not valid YAML: {exc}") from None
    if isinstance(data, dict) and "releases" in data:
        data = data["releases"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError(file, "expected a list of releases, each a mapping of keys to values")
    headers: list[str] = []
    for item in data:
        headers.extend(str(k) for k in item if str(k) not in headers)
    rows = [[_cell(item.get(h), file, number, h) for h in headers]
            for number, item in enumerate(data, start=1)]
    return _table(file, headers, rows)


def _split_heading(heading: str, body: list[str]) -> list[str | None]:
    found = _DATE.search(heading)
    day = found.group(1) if found else None
    rest = _DATE.sub("", heading)
    version_match = _VERSION.search(rest)
    version = None
    if version_match:
        version = version_match.group(1) or version_match.group(2)
        rest = rest[: version_match.start()] + rest[version_match.end():]
    title = re.sub(r"\s{2,}", " ", rest).strip(_SEPARATORS) or None
    lines = [re.sub(r"^\s*[-*+]\s+", "", line).strip() for line in body]
    lines = [line for line in lines if line]
    if title is None and lines:
        title, lines = lines[0], lines[1:]
    return [day, version, title, " ".join(lines) or None]


def read_markdown_releases(text: str, file: str) -> RawTable:
    """A Markdown changelog (one ``##`` heading per release) as a raw table."""
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            sections.append((match.group(1), []))
        elif sections:
            sections[-1][1].append(line)
    if not sections:
        raise InputError(file, "no release found: write one '## DATE VERSION TITLE' heading each")
    return _table(file, RELEASE_HEADERS, [_split_heading(h, body) for h, body in sections])
