"""Which folder of the output a client's documents go to: one per client, never shared."""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping
from typing import Any

import pandas as pd

from deckgen.sources.clients import client_slug
from deckgen.sources.names import strip_accents

_LATIN = re.compile("[A-Za-z]")


def folder_name(companies: pd.DataFrame, client_id: str, name: str) -> str:
    """The client's folder name: its slug; ``<slug>-<Record ID>`` when another company's name
    gives the same slug; the Record ID alone when the name has no Latin letter to slug."""
    slug = client_slug(name)
    if not _LATIN.search(strip_accents(name)):
        return client_slug(client_id)
    if len(_slug_owners(companies).get(slug, ())) > 1:
        return f"{slug}-{client_slug(client_id)}"
    return slug


def row_folder(companies: pd.DataFrame, row: Mapping[str, Any] | pd.Series) -> str:
    """:func:`folder_name` of a companies row."""
    return folder_name(companies, str(row["company_id"]), str(row["name"]))


# The slugs of the last companies table seen (a batch builds every client from one table).
_OWNERS: list[tuple[weakref.ref[pd.DataFrame], dict[str, set[str]]]] = []


def _slug_owners(companies: pd.DataFrame) -> dict[str, set[str]]:
    """Slug → the Record IDs whose names give it (worked out once per companies table)."""
    for table, known in _OWNERS:
        if table() is companies:
            return known
    owners: dict[str, set[str]] = {}
    for cid, name in zip(companies["company_id"].astype(str), companies["name"], strict=True):
        if isinstance(name, str):
            owners.setdefault(client_slug(name), set()).add(cid)
    _OWNERS[:] = [(weakref.ref(companies), owners)]
    return owners
