"""Contract-conforming normalised tables from lists of dicts, for indicator and report tests.

Follows the table contract of ``deckgen.sources.workspace``: canonical columns in schema
order with their dtypes, plus ``stream``/``categories``/``is_closed`` on tickets and
``kind`` on surveys. Datetimes are written as local wall-clock strings ("2026-08-03 10:00")
or tz-aware Timestamps (converted to the company zone); lists as "a;b" or tuples.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pandas as pd

from deckgen.config import Config
from deckgen.sources.schema import SOURCES, source_columns
from deckgen.sources.workspace import Workspace

TZ = "America/Sao_Paulo"

STREAMS = [
    {"key": "suporte", "label": {"pt-BR": "Suporte", "en": "Support"}, "role": "support",
     "match": ["Suporte"]},
    {"key": "implantacao", "label": {"pt-BR": "Implantação", "en": "Implementation"},
     "role": "implementation", "match": ["Implantação"]},
    {"key": "tecnologia", "label": {"pt-BR": "Desenvolvimento", "en": "Development"},
     "role": "technology", "match": ["Desenvolvimento"]},
]


def make_config(**sections: Any) -> Config:
    """A configuration with the three playbook streams, closed and done statuses;
    ``sections`` override top-level keys (a table merges key by key)."""
    raw: dict[str, Any] = {
        "company": {"name": "SISMETRO"},
        "streams": STREAMS,
        "tickets": {"closed_statuses": ["Closed", "Fechado"]},
        "actions": {"done_statuses": ["Concluído", "Concluída", "Feito", "Done"]},
    }
    for key, value in sections.items():
        merge = isinstance(value, dict) and isinstance(raw.get(key), dict)
        raw[key] = {**raw[key], **value} if merge else value
    return Config.model_validate(raw)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(";") if part.strip())
    return tuple(value)


def instants(values: list[Any]) -> pd.Series:
    """A datetime column in the company zone (naive values are local wall-clock times)."""
    stamps = []
    for value in values:
        if value is None:
            stamps.append(pd.NaT)
            continue
        stamp = pd.Timestamp(value)
        stamps.append(stamp.tz_convert(TZ) if stamp.tzinfo else stamp.tz_localize(TZ))
    return pd.Series(pd.DatetimeIndex(stamps, tz=TZ).as_unit("ns"))


def _column(kind: str, values: list[Any]) -> pd.Series:
    if kind in ("id", "text", "priority"):
        return pd.Series([None if v is None else str(v) for v in values], dtype="string")
    if kind == "int":
        return pd.Series(values, dtype="Int64")
    if kind == "float":
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if kind == "datetime":
        return instants(values)
    if kind == "date":
        return pd.Series(pd.to_datetime(values)).astype("datetime64[ns]")
    if kind == "bool":
        return pd.Series(values, dtype="boolean")
    return pd.Series([_as_list(v) for v in values], dtype=object)


def frame(source: str, rows: list[dict[str, Any]], config: Config | None = None) -> pd.DataFrame:
    """The normalised table of ``source`` holding ``rows`` (missing keys are blank)."""
    config = config or make_config()
    columns = source_columns(config, source)
    extra = {"stream", "categories", "is_closed"}
    unknown = {k for row in rows for k in row} - set(columns) - extra
    assert not unknown, f"not canonical {source} columns: {unknown}"
    table = pd.DataFrame(
        {name: _column(c.kind, [row.get(name) for row in rows]) for name, c in columns.items()}
    )
    if source == "tickets":
        closed = {_fold(s) for s in config.tickets.closed_statuses}
        category = config.tickets.category_from
        table["stream"] = pd.Series([row.get("stream") for row in rows], dtype="string")
        table["categories"] = pd.Series(
            [_as_list(row.get("categories", row.get(category))) for row in rows], dtype=object
        )
        table["is_closed"] = pd.Series(
            [row.get("is_closed", _fold(row.get("status") or "") in closed) for row in rows],
            dtype=bool,
        )
    if source == "surveys":
        nps = {_fold(t) for t in config.surveys.nps_types}
        csat = {_fold(t) for t in config.surveys.csat_types}

        def kind(survey_type: str) -> str | None:
            folded = _fold(survey_type)
            return "nps" if folded in nps else "csat" if folded in csat else None

        table["kind"] = pd.Series([kind(row["survey_type"]) for row in rows], dtype="string")
        table["row"] = pd.Series(range(2, 2 + len(rows)), dtype="int64")  # as read from a CSV
    return table


def make_workspace(
    config: Config | None = None,
    *,
    absent: dict[str, list[str]] | None = None,
    unavailable: dict[str, str] | None = None,
    **rows: list[dict[str, Any]],
) -> Workspace:
    """A workspace whose sources hold ``rows`` (e.g. ``tickets=[...]``); others are empty."""
    config = config or make_config()
    tables = {source: frame(source, rows.get(source, []), config) for source in SOURCES}
    return Workspace(
        config=config,
        companies=tables["companies"],
        tickets=tables["tickets"],
        surveys=tables["surveys"],
        releases=tables["releases"],
        actions=tables["actions"],
        absent=absent or {},
        unavailable=unavailable or {},
    )
