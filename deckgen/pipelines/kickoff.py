"""The internal kickoff minutes ("Ata do KickOff interno"): checklist and actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from deckgen.config import Config
from deckgen.indicators.record import action_states, checklist, company_record, participants
from deckgen.pipelines.documents import document_path, render_record_document
from deckgen.pipelines.folders import row_folder
from deckgen.playbook import Playbook, load_playbook
from deckgen.sources.clients import find_client
from deckgen.sources.workspace import Workspace


def kickoff_context(
    config: Config, playbook: Playbook, row: pd.Series, absent: list[str], today: date
) -> dict[str, Any]:
    """Template names: ``company``, ``client``, ``meeting_date``, ``participants``,
    ``checklist`` (sections of items, ``value`` None when blank), ``actions``, ``blanks``."""
    record = company_record(row)
    sections = checklist(record, playbook.kickoff.checklist, playbook)
    return {
        "company": config.company.name,
        "client": record,
        "meeting_date": today,
        "participants": participants(record, playbook.people),
        "checklist": sections,
        "blanks": sum(item.value is None for s in sections for item in s.items),
        "actions": action_states(record, playbook.kickoff.actions, absent, playbook),
    }


def write_kickoff(
    workspace: Workspace, query: str, out_dir: Path, *, today: date, template: Path | None = None,
    language: str | None = None,
) -> Path:
    """Render ``<out>/<client>/<date>-kickoff-interno.docx`` for the client ``query`` names."""
    config = workspace.config
    language = language or config.company.language
    playbook = load_playbook(config, language)
    row = find_client(workspace.companies, query)
    context = kickoff_context(
        config, playbook, row, workspace.absent.get("companies", []), today
    )
    folder = row_folder(workspace.companies, row)
    out = document_path(out_dir, folder, today, playbook.files.kickoff, ".docx")
    render_record_document(config, template, "ata-kickoff", "minutes_kickoff", context, row, out,
                           language, today)
    return out
