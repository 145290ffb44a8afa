"""The company's own taxonomy applied to rows: streams, categories, closed states, survey
kinds, and which client a row that only names its company belongs to."""

from __future__ import annotations

import numpy as np
import pandas as pd

from deckgen.config import Config
from deckgen.sources.names import fold, fold_series, map_unique


def _sample(values: list[str], limit: int = 5) -> str:
    shown = ", ".join(repr(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def add_ticket_columns(tickets: pd.DataFrame, config: Config) -> tuple[pd.DataFrame, list[str]]:
    """``stream``, ``categories`` and ``is_closed`` from the configuration; warnings."""
    warnings: list[str] = []
    stream_key = {fold(m): s.key for s in config.streams for m in s.match}
    source = tickets[config.tickets.stream_from]
    stream = map_unique(source, lambda value: stream_key.get(fold(value)))
    unmapped = sorted(source[source.notna() & stream.isna()].unique().tolist())
    if unmapped:
        warnings.append(
            f"tickets: {config.tickets.stream_from} values matching no stream: {_sample(unmapped)} "
            "(add them to a stream's match list)"
        )
    if config.tickets.category_from == "category":
        categories = tickets["category"]
        empty = pd.Series([()] * len(tickets), index=tickets.index, dtype=object)
        categories = categories.where(categories.notna(), empty)
    else:
        codes, uniques = pd.factorize(tickets["ticket_type"], use_na_sentinel=True)
        options = np.empty(len(uniques) + 1, dtype=object)
        for i, value in enumerate(uniques):
            options[i] = (str(value),)
        options[-1] = ()
        categories = pd.Series(options[codes], index=tickets.index, dtype=object)
    is_closed, note = _closed(tickets, config)
    warnings += [note] if note else []
    result = tickets.assign(stream=stream, categories=categories, is_closed=is_closed)
    return result, warnings


def _closed(tickets: pd.DataFrame, config: Config) -> tuple[pd.Series, str | None]:
    """Which tickets are closed: the stage's own state where the export says it (``deckgen
    pull`` writes it from HubSpot's ``ticketState``), else status in ``[tickets]
    closed_statuses``; without that setting, those with a close date (said in a warning when
    some ticket's state is not known otherwise)."""
    by_stage = tickets.get("stage_closed")
    known = by_stage.notna() if by_stage is not None else pd.Series(False, index=tickets.index)
    statuses = config.tickets.closed_statuses
    note = None
    if not statuses:
        if len(tickets) and not bool(known.all()):
            note = (
                "tickets: [tickets] closed_statuses is not set; a ticket counts as closed "
                "when it has a close date (list the statuses that mean closed)"
            )
        fallback = tickets["closed_at"].notna().astype(bool)
    else:
        closed = {fold(s) for s in statuses}
        flag = map_unique(tickets["status"], lambda value: "1" if fold(value) in closed else "")
        fallback = (flag == "1").fillna(False).astype(bool)
    if by_stage is None or not bool(known.any()):
        return fallback, note
    return by_stage.fillna(False).astype(bool).where(known, fallback), note


def action_status_warnings(actions: pd.DataFrame, config: Config) -> list[str]:
    """A warning when the action plan has statuses but no ``[actions] done_statuses`` says
    which of them mean done (only the closed ticket statuses count then)."""
    if config.actions.done_statuses or actions["status"].isna().all():
        return []
    known = {fold(s) for s in config.tickets.closed_statuses}
    found = sorted({str(v) for v in actions["status"].dropna().unique()})
    if all(fold(value) in known for value in found):
        return []
    return [
        "actions: [actions] done_statuses is not set; an action counts as done only when its "
        f"status is a closed ticket status (statuses found: {_sample(found)})"
    ]


def add_survey_kind(surveys: pd.DataFrame, config: Config) -> pd.DataFrame:
    """``kind``: ``nps`` or ``csat`` by the configured survey types, else NA."""
    kinds = {fold(t): "csat" for t in config.surveys.csat_types}
    kinds.update({fold(t): "nps" for t in config.surveys.nps_types})
    kind = map_unique(surveys["survey_type"], lambda value: kinds.get(fold(value)))
    return surveys.assign(kind=kind)


def resolve_company_ids(
    table: pd.DataFrame, companies: pd.DataFrame, source: str
) -> tuple[pd.DataFrame, list[str]]:
    """Fill ``company_id`` from ``company_name`` where only the name is known; warnings.

    Names compare case- and accent-insensitively; a name shared by several companies, or
    matching none, leaves the id NA.
    """
    missing = table["company_id"].isna() & table["company_name"].notna()
    if not missing.any():
        return table, []
    names = fold_series(companies["name"])
    counts = names.value_counts()
    unique = names[names.map(counts) == 1]
    by_name = dict(zip(unique, companies.loc[unique.index, "company_id"], strict=True))
    wanted = fold_series(table.loc[missing, "company_name"])
    found = wanted.map(by_name).astype("string")
    ids = table["company_id"].copy()
    ids[missing] = found
    unknown = sorted(table.loc[found.index[found.isna().to_numpy()], "company_name"].unique())
    warnings = []
    if unknown:
        warnings.append(f"{source}: company names matching no single company: {_sample(unknown)}")
    return table.assign(company_id=ids), warnings


def unattributed_surveys_warning(surveys: pd.DataFrame, companies: pd.DataFrame) -> list[str]:
    """A warning when a survey export has answers but none belongs to a known client (no NPS
    or CSAT would reach any deck)."""
    if not len(surveys):
        return []
    known = set(companies["company_id"].dropna())
    if surveys["company_id"].isin(known).any():
        return []
    return [
        f"surveys: none of the {len(surveys)} answers belongs to a client of the companies "
        "export (no company id or name matches); NPS and CSAT will be missing from every deck"
    ]
