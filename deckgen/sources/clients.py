"""Finding one client in the companies table from what a user typed, and naming its folder."""

from __future__ import annotations

import difflib
import re

import pandas as pd

from deckgen.errors import ClientNotFound
from deckgen.sources.names import fold, strip_accents

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _names(candidates: pd.DataFrame, limit: int = 5) -> str:
    names = [f"{row['name']} ({row['company_id']})" for _, row in candidates.head(limit).iterrows()]
    more = len(candidates) - limit
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def find_client(companies: pd.DataFrame, query: str) -> pd.Series:
    """The company row whose Record ID or name matches ``query``.

    Tried in order: the Record ID; the name, case- and accent-insensitively; a unique name
    starting with the query; a unique name containing it. Raises
    :class:`~deckgen.errors.ClientNotFound` naming the closest names or the candidates.
    """
    wanted = fold(query)
    if not wanted:
        raise ClientNotFound("no client given: type a HubSpot Record ID or a company name")
    ids = companies["company_id"].astype("string").str.strip()
    names = companies["name"].astype("string").fillna("").map(fold)
    for mask in (ids == query.strip(), names == wanted):
        hits = companies[mask.fillna(False).to_numpy(dtype=bool)]
        if len(hits) == 1:
            return hits.iloc[0]
        if len(hits) > 1:
            raise ClientNotFound(
                f"{query!r} matches {len(hits)} clients: {_names(hits)}; use the Record ID"
            )
    for mask in (names.str.startswith(wanted), names.str.contains(wanted, regex=False)):
        hits = companies[mask.fillna(False).to_numpy(dtype=bool)]
        if len(hits) == 1:
            return hits.iloc[0]
        if len(hits) > 1:
            raise ClientNotFound(
                f"{query!r} matches {len(hits)} clients: {_names(hits)}; be more specific"
            )
    originals = companies["name"].astype("string").tolist()
    scores = [_likeness(wanted, name) for name in names.tolist()]
    ranked = sorted((score, i) for i, score in enumerate(scores) if score >= 0.5)
    suggestions = [originals[i] for _, i in sorted(ranked, key=lambda p: -p[0])[:3]]
    hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
    raise ClientNotFound(f"no client matches {query!r} among {len(companies)} companies{hint}")


def _likeness(query: str, name: str) -> float:
    """How alike a typed query is to a folded name (0–1, 0.5 counts as close): to the whole
    name, or (by 0.75) to the run of as many of its words as the query has ("horizontee" is
    close to "horizonte", "zebra" is not to "serra")."""
    words, size = name.split(), max(len(query.split()), 1)
    parts = [" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 1))]
    whole = difflib.SequenceMatcher(None, query, name).ratio()
    part = max(difflib.SequenceMatcher(None, query, p).ratio() for p in parts)
    return max(whole, part - 0.25)  # a part must be much closer than a whole name


def export_client(companies: pd.DataFrame, query: str) -> tuple[str, str] | None:
    """Record ID and name of the client ``query`` names in the companies export.

    None when ``query`` is a numeric Record ID the export does not hold (a company only
    HubSpot knows); any other query that matches no client raises like :func:`find_client`.
    """
    ids = companies["company_id"].astype("string").str.strip()
    if query.strip().isdigit() and not (ids == query.strip()).fillna(False).any():
        return None
    row = find_client(companies, query)
    return str(row["company_id"]), str(row["name"])


def client_slug(name: str) -> str:
    """A folder name for a client: ASCII lowercase words joined by hyphens, never empty."""
    slug = _NOT_SLUG.sub("-", strip_accents(name).lower()).strip("-")
    return slug[:80].rstrip("-") or "cliente"
