"""The hand-over minutes implementation → CS ("Ata da passagem de bastão"): roles, recurrence,
actions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from deckgen.config import Config
from deckgen.indicators.record import action_states, company_record, participants
from deckgen.pipelines.documents import document_path, render_record_document
from deckgen.pipelines.folders import row_folder
from deckgen.playbook import Playbook, load_playbook
from deckgen.sources.clients import find_client
from deckgen.sources.workspace import Workspace


def next_meeting_dates(start: date, interval_days: int | None, count: int) -> list[date]:
    """The ``count`` meetings every ``interval_days`` after ``start``; a date falling on a
    weekend moves to the next Monday (without shifting the dates after it)."""
    if not interval_days or interval_days <= 0:
        return []
    dates = []
    for k in range(1, count + 1):
        day = start + timedelta(days=interval_days * k)
        if day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())
        dates.append(day)
    return dates


def handoff_context(
    config: Config, playbook: Playbook, row: pd.Series, absent: list[str], today: date
) -> dict[str, Any]:
    """Template names: ``company``, ``client``, ``meeting_date``, ``participants``, ``roles``,
    ``interval_days`` (None when not registered), ``next_meetings`` (dates), ``actions``."""
    record = company_record(row)
    interval = record["meeting_interval_days"]
    return {
        "company": config.company.name,
        "client": record,
        "meeting_date": today,
        "participants": participants(record, playbook.people),
        "roles": playbook.handoff.roles,
        "interval_days": interval,
        "next_meetings": next_meeting_dates(today, interval, playbook.handoff.next_meetings),
        "actions": action_states(record, playbook.handoff.actions, absent, playbook),
    }


def write_handoff(
    workspace: Workspace, query: str, out_dir: Path, *, today: date, template: Path | None = None,
    language: str | None = None,
) -> Path:
    """Render ``<out>/<client>/<date>-passagem-de-bastao.docx`` for the client ``query`` names."""
    config = workspace.config
    language = language or config.company.language
    playbook = load_playbook(config, language)
    row = find_client(workspace.companies, query)
    context = handoff_context(
        config, playbook, row, workspace.absent.get("companies", []), today
    )
    folder = row_folder(workspace.companies, row)
    out = document_path(out_dir, folder, today, playbook.files.handoff, ".docx")
    render_record_document(config, template, "ata-passagem", "minutes_handoff", context, row, out,
                           language, today)
    return out
