"""Which clients a portfolio command covers: owner, phase, due date and shard filters."""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date

import pandas as pd


def _fold(text: object) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (1-based), e.g. ``2/4``."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        left, sep, right = text.partition("/")
        if not sep or not left.isdigit() or not right.isdigit():
            raise ValueError(f"{text!r} is not a shard: write I/N, e.g. 1/4")
        shard = cls(int(left), int(right))
        if not 1 <= shard.index <= shard.count:
            raise ValueError(f"{text!r}: shard index must be between 1 and {shard.count}")
        return shard

    def holds(self, client_id: str) -> bool:
        """Stable across runs and machines: CRC32 of the Record ID, modulo the count."""
        return zlib.crc32(client_id.encode("utf-8")) % self.count == self.index - 1


def next_meeting(companies: pd.DataFrame) -> pd.Series:
    """Last review + ``[CS] Dias entre reuniões`` per company (NaT when either is unknown)."""
    interval = pd.to_timedelta(companies["meeting_interval_days"].astype("float64"), unit="D")
    return companies["last_meeting"] + interval


def select_clients(
    companies: pd.DataFrame,
    *,
    owner: str | None = None,
    phases: tuple[str, ...] = (),
    due_on: date | None = None,
    shard: Shard | None = None,
) -> pd.DataFrame:
    """The companies matching every given filter, ordered by name."""
    mask = pd.Series(True, index=companies.index)
    if owner:
        mask &= companies["owner_cs"].fillna("").map(_fold) == _fold(owner)
    if phases:
        wanted = {_fold(p) for p in phases}
        mask &= companies["phase"].fillna("").map(_fold).isin(wanted)
    if due_on is not None:
        limit = pd.Timestamp(due_on)
        mask &= (next_meeting(companies) <= limit).fillna(False).astype(bool)
    if shard is not None:
        mask &= companies["company_id"].astype(str).map(shard.holds)
    return companies[mask].sort_values("name", key=lambda s: s.map(_fold))
