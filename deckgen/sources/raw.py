"""The raw table every export reader returns: headers as written and cells as text."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class RawTable:
    """One export as read: its headers as written and every cell as text (NA when blank).

    ``frame`` has positional column labels ``0..n-1`` matching ``headers``; ``first_row`` is
    the spreadsheet row number of the first data record (the header is the row before);
    ``controls`` is False when the file holds no character that XML forbids.
    """

    file: str
    headers: list[str]
    frame: pd.DataFrame
    first_row: int
    controls: bool = True
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
