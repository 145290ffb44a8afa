"""Which clients a portfolio command covers: owner, phase, due date and shard filters."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date

import pandas as pd

from deckgen.indicators.cells import text
from deckgen.indicators.portfolio import reviews_due
from deckgen.model.portfolio import DueReview
from deckgen.sources.names import fold


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (1-based), e.g. ``2/4``."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``I/N`` with 1 ≤ I ≤ N; raises ``ValueError`` with a one-line reason."""
        left, sep, right = text.partition("/")
        if not sep or not left.strip().isdigit() or not right.strip().isdigit():
            raise ValueError(f"{text!r} is not a shard: write I/N, e.g. 1/4")
        shard = cls(int(left), int(right))
        if shard.count < 1 or not 1 <= shard.index <= shard.count:
            raise ValueError(f"{text!r}: shard index must be between 1 and {max(shard.count, 1)}")
        return shard

    def holds(self, client_id: str) -> bool:
        """Stable across runs, machines and portfolio changes: CRC32 of the Record ID mod N."""
        return zlib.crc32(client_id.strip().encode("utf-8")) % self.count == self.index - 1


def owned_by(companies: pd.DataFrame, owner: str) -> pd.Series:
    """Which companies belong to this CSM ("Proprietário CS"), case- and accent-insensitively."""
    wanted = fold(owner)
    return companies["owner_cs"].astype("string").fillna("").map(fold) == wanted


def due_ids(companies: pd.DataFrame, on: date) -> set[str]:
    """Record IDs of the clients whose next review is due on or before ``on``.

    The definition is :func:`deckgen.indicators.portfolio.reviews_due`'s, never repeated here.
    """
    return {review.client_id for review in reviews_due(companies, on)}


def select_clients(
    companies: pd.DataFrame,
    *,
    owner: str | None = None,
    phases: tuple[str, ...] = (),
    due_on: date | None = None,
    shard: Shard | None = None,
) -> pd.DataFrame:
    """The companies matching every given filter, ordered by name (then Record ID)."""
    mask = pd.Series(True, index=companies.index)
    if owner:
        mask &= owned_by(companies, owner).to_numpy(dtype=bool)
    if phases:
        wanted = {fold(p) for p in phases}
        mask &= companies["phase"].astype("string").fillna("").map(fold).isin(wanted).to_numpy(
            dtype=bool
        )
    ids = companies["company_id"].astype("string").fillna("").astype(str)
    if due_on is not None:
        mask &= ids.isin(due_ids(companies, due_on)).to_numpy(dtype=bool)
    if shard is not None:
        mask &= ids.map(shard.holds).to_numpy(dtype=bool)
    keep = mask.to_numpy(dtype=bool)
    chosen = companies[keep]
    keys = list(zip(chosen["name"].astype("string").fillna("").map(fold), ids[keep], strict=True))
    return chosen.iloc[sorted(range(len(chosen)), key=keys.__getitem__)]


@dataclass(frozen=True)
class DueClient:
    """A review due (:class:`DueReview`) and the client's phase, for the ``due`` listing."""

    review: DueReview
    phase: str | None


def due_clients(companies: pd.DataFrame, on: date, owner: str | None = None) -> list[DueClient]:
    """The reviews due on or before ``on`` (of one CSM's clients), most overdue first."""
    if owner:
        companies = companies[owned_by(companies, owner).to_numpy(dtype=bool)]
    phases = dict(zip(companies["company_id"].astype(str), companies["phase"], strict=True))
    return [DueClient(r, text(phases.get(r.client_id))) for r in reviews_due(companies, on)]
