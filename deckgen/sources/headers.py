"""Mapping an export's headers onto the canonical columns of one source.

A header matches a canonical column when its :func:`~deckgen.sources.names.header_key`
equals the key of the column's name, of one of its built-in aliases or of one of the
workspace's headers (``Column.headers``: ``[columns.<source>]``, a declared field's
``headers``, a ``[hubspot]`` property name). Workspace headers win over built-in aliases,
built-in ones over the canonical name itself, and earlier aliases over later ones, so a file
holding both "Ticket status" and "Status" uses the first. Two headers with the same key that
both map to a column are an error (which one holds the data?); duplicates among ignored
columns are only reported.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from deckgen.errors import InputError
from deckgen.sources.names import fold, header_key
from deckgen.sources.schema import Column


@dataclass(frozen=True)
class HeaderMap:
    """Which file column feeds each canonical column, and what was left over."""

    positions: dict[str, int]
    headers: dict[str, str]
    unmapped: list[str]

    def missing(self, columns: list[str]) -> list[str]:
        """The given canonical columns that no header feeds."""
        return [c for c in columns if c not in self.positions]


def _keys(texts: list[str] | tuple[str, ...]) -> list[str]:
    keys: list[str] = []
    for text in texts:
        key = header_key(text)
        if key and key not in keys:
            keys.append(key)
    return keys


def map_headers(headers: list[str], columns: dict[str, Column], file: str) -> HeaderMap:
    """Map ``headers`` (as written in ``file``) onto the canonical ``columns`` of a source."""
    keys = [header_key(h) for h in headers]
    rounds = [
        {name: _keys(column.headers) for name, column in columns.items()},
        {name: _keys((*column.aliases, name)) for name, column in columns.items()},
    ]
    positions: dict[str, int] = {}
    claimed: set[str] = set()
    for accepted_by_column in rounds:
        for name, accepted in accepted_by_column.items():
            if name in positions:
                continue
            for key in accepted:
                if key in claimed or key not in keys:
                    continue
                found = [i for i, k in enumerate(keys) if k == key]
                if len(found) > 1:
                    written = " and ".join(repr(headers[i]) for i in found)
                    raise InputError(
                        file,
                        f"duplicated header {written} (both would feed '{name}'); "
                        "rename or remove one",
                        column=headers[found[1]],
                    )
                positions[name] = found[0]
                claimed.add(key)
                break
    used = set(positions.values())
    unmapped = [h for i, h in enumerate(headers) if i not in used and h]
    mapped_headers = {name: headers[i] for name, i in positions.items()}
    return HeaderMap(positions, mapped_headers, unmapped)


def require(
    header_map: HeaderMap, source: str, columns: dict[str, Column], file: str, headers: list[str]
) -> None:
    """Raise when a column that identifies rows is missing, listing the headers found."""
    required = [name for name, column in columns.items() if column.required]
    missing = header_map.missing(required)
    if source in ("tickets", "surveys", "actions") and not (
        {"company_id", "company_name"} & set(header_map.positions)
    ):
        missing.append("company_id or company_name")
    if not missing:
        return
    name = missing[0]
    accepted = columns[name].aliases if name in columns else (
        columns["company_id"].aliases[:1] + columns["company_name"].aliases[:1]
    )
    found = ", ".join(repr(h) for h in headers if h) or "none"
    expected = ", ".join(repr(a) for a in accepted[:3])
    raise InputError(
        file,
        f"missing required column '{name}' (a header such as {expected}, or an alias in "
        f"[columns.{source}]); headers found: {found}"
    )


# Words of help-desk and CRM exports that stand for a word of the built-in headers, by key:
# an "SS" (solicitação de serviço) is a ticket, an "ISM"/"CSI" the implementation analyst.
_SYNONYMS = {
    "ss": "ticket",
    "solicitacao": "ticket",
    "numero": "id",
    "ism": "analista de implantacao",
    "csi": "analista de implantacao",
}
_BRACKETED = re.compile(r"^\s*[\[(][^\])]*[\])]\s*")
_WORD = re.compile(r"\w+")
# How alike two header keys must be (difflib's ratio) to be proposed as the same column.
CLOSE_ENOUGH = 0.85
# A known header that an unknown one begins with must be this long to count ("priorizado").
PREFIX_LENGTH = 6


@dataclass(frozen=True)
class Resemblance:
    """An ignored ``header`` that looks like canonical ``column``: it resembles ``known``."""

    header: str
    column: str
    known: str
    score: float


def _variants(header: str) -> list[str]:
    """The keys a header is compared by: as written, without a "[CS]"-style prefix, and with
    the words of :data:`_SYNONYMS` replaced."""
    stripped = _BRACKETED.sub("", header)
    words = [_SYNONYMS.get(w, w) for w in _WORD.findall(fold(stripped).replace("_", " "))]
    keys = [header_key(header), header_key(stripped), header_key(" ".join(words))]
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def resemblance(header: str, columns: dict[str, Column],
                taken: frozenset[str] = frozenset()) -> Resemblance | None:
    """The canonical column (not in ``taken``) whose known headers ``header`` most resembles:
    equal once a bracketed prefix is dropped or synonyms replaced, beginning with a known
    header, or alike by :data:`CLOSE_ENOUGH`; None when nothing is close."""
    best: Resemblance | None = None
    for variant in _variants(header):
        for name, column in columns.items():
            if name in taken:
                continue
            for known in (*column.headers, *column.aliases, name):
                key = header_key(known)
                if not key:
                    continue
                if key == variant:
                    score = 1.0
                elif len(key) >= PREFIX_LENGTH and variant.startswith(key):
                    score = 0.9
                else:
                    score = difflib.SequenceMatcher(None, variant, key).ratio()
                if score >= CLOSE_ENOUGH and (best is None or score > best.score):
                    best = Resemblance(header, name, known, score)
    return best


def resemblances(unmapped: list[str], columns: dict[str, Column],
                 mapped: set[str]) -> list[Resemblance]:
    """For each ignored header, the unfed column it resembles (each column proposed once,
    to the header most like it)."""
    found: dict[str, Resemblance] = {}
    for header in unmapped:
        match = resemblance(header, columns, frozenset(mapped))
        if match and (match.column not in found or match.score > found[match.column].score):
            found[match.column] = match
    return sorted(found.values(), key=lambda r: unmapped.index(r.header))
