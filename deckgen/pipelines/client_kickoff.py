"""The client kickoff presentation: who is who, next steps, implementation meetings, onboarding."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from deckgen.config import Config
from deckgen.indicators.record import company_record, participants
from deckgen.pipelines.documents import document_path, document_template
from deckgen.pipelines.folders import row_folder
from deckgen.playbook import Playbook, load_playbook
from deckgen.render.brand import Brand, brand_for
from deckgen.render.context import terms_for
from deckgen.render.pptx import RenderResult, render_pptx
from deckgen.render.properties import document_info
from deckgen.sources.clients import find_client
from deckgen.sources.workspace import Workspace


@dataclass(frozen=True)
class Meeting:
    """An implementation meeting, its date when the record has one, and whether CS joins."""

    title: str
    day: date | None
    with_cs: bool


@dataclass(frozen=True)
class OnboardingRow:
    """One line of the configuration review: the menu group and the item to review."""

    group: str
    item: str


def client_kickoff_context(
    config: Config, playbook: Playbook, row: pd.Series, today: date, brand: Brand | None = None
) -> dict[str, Any]:
    """Template names: ``company``, ``client``, ``meeting_date``, ``people``, ``next_steps``,
    ``meetings``, ``onboarding`` (empty unless the playbook has an onboarding checklist),
    ``brand`` and ``logo`` (the vendor's logo file, or None: its picture is removed)."""
    brand = brand or brand_for(config, str(row["company_id"]), str(row["name"]))
    record = company_record(row)
    spec = playbook.client_kickoff
    return {
        "company": config.company.name,
        "client": record,
        "meeting_date": today,
        "people": participants(record, playbook.people),
        "next_steps": spec.next_steps,
        "meetings": [Meeting(m.title, record[m.field], m.with_cs) for m in spec.meetings],
        "onboarding": [
            OnboardingRow(group.title, item)
            for group in spec.onboarding_checklist
            for item in group.items
        ],
        "brand": brand,
        "logo": brand.vendor_logo,
    }


def write_client_kickoff(
    workspace: Workspace, query: str, out_dir: Path, *, today: date, template: Path | None = None,
    language: str | None = None,
) -> tuple[Path, RenderResult]:
    """Render ``<out>/<client>/<date>-kickoff-cliente.pptx`` for the client ``query`` names."""
    config = workspace.config
    language = language or config.company.language
    playbook = load_playbook(config, language)
    row = find_client(workspace.companies, query)
    folder = row_folder(workspace.companies, row)
    out = document_path(out_dir, folder, today, playbook.files.client_kickoff, ".pptx")
    context = client_kickoff_context(config, playbook, row, today)
    labels = config.labels_in(language)
    info = document_info(labels, "kickoff", client=str(row["name"]), period=today,
                         author=context["client"].get("owner_cs"),
                         vendor=context["brand"].vendor, built=today, language=language)
    result = render_pptx(
        document_template(template, "kickoff", ".pptx"),
        {**context, "labels": labels, "terms": terms_for(labels)},
        out,
        language=language,
        currency=config.company.currency,
        min_font_pt=config.review.min_font_pt,
        info=info,
        theme_colors=config.brand.theme_colors(),
        limits=config.limits,
    )
    return out, result
