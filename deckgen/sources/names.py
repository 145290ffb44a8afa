"""Folding names for comparison: case-, accent- and spacing-insensitive keys."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_NOT_ALNUM = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """``text`` without combining marks: "Média" → "Media"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """A comparison key for names and labels: no accents, case-folded, spaces collapsed."""
    return _SPACES.sub(" ", strip_accents(text).casefold()).strip()


def header_key(text: str) -> str:
    """A comparison key for column headers: :func:`fold` without punctuation or spaces.

    "Data de criação", "data_de_criacao" and "DATA DE CRIAÇÃO:" share the key
    ``datadecriacao``.
    """
    return _NOT_ALNUM.sub("", fold(text))


def arrow_strings(values: pd.Series) -> pa.Array:
    """A string Series as one Arrow ``large_string`` array (nulls where NA).

    ``large_string`` is what pandas' ``string`` dtype holds, so nothing is cast either way.
    """
    cells = pa.array(values.astype("string"), type=pa.large_string())
    return cells.combine_chunks() if isinstance(cells, pa.ChunkedArray) else cells


def map_unique(values: pd.Series, func: Callable[[str], str | None]) -> pd.Series:
    """``func`` over a low-cardinality Series, called once per distinct value (NA stays NA).

    Returns a ``string`` Series; cheap on a million rows holding a few hundred values.
    """
    encoded = arrow_strings(values).dictionary_encode()
    mapped = pa.array([func(u) for u in encoded.dictionary.to_pylist()], type=pa.large_string())
    strings = pc.take(mapped, encoded.indices)
    return pd.Series(pd.arrays.ArrowStringArray(strings), index=values.index)


def fold_series(values: pd.Series) -> pd.Series:
    """:func:`fold` over a low-cardinality string Series (NA stays NA)."""
    return map_unique(values, fold)
