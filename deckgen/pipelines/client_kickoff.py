"""The client kickoff deck: objectives, scope, timeline, both teams, channels and SLA, what the
client provides, the onboarding plan and next steps; nothing internal."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from deckgen.config import Config
from deckgen.indicators.record import Item, company_record, display
from deckgen.locale import Labels
from deckgen.pipelines.documents import document_path, document_template, render_deck
from deckgen.pipelines.folders import row_folder
from deckgen.playbook import ChecklistItem, Playbook, TeamMember, load_playbook
from deckgen.render.brand import Brand, brand_for
from deckgen.render.context import ValueWords, terms_for
from deckgen.render.pptx import RenderResult
from deckgen.render.properties import document_info
from deckgen.sources.clients import find_client
from deckgen.sources.workspace import Workspace


@dataclass(frozen=True)
class Meeting:
    """A milestone of the timeline. ``state``: "today" (the kickoff), "done" (its date is
    before the kickoff), "scheduled", "planned" (no date: ``day`` is the Monday of its target
    ``week``) or "to_schedule" (no date, no target week)."""

    title: str
    day: date | None
    state: str
    week: int | None = None


@dataclass(frozen=True)
class TeamRow:
    """One person (or team) on a team slide; ``name`` None when the record has none yet."""

    role: str
    name: str | None
    description: str


@dataclass(frozen=True)
class SlaRow:
    """A configured SLA target of a support stream: category key ("*all_categories" for any),
    priority key or None, and the targets in hours (None: not set)."""

    category: str
    priority: str | None
    first_response_hours: float | None
    resolution_hours: float | None


@dataclass(frozen=True)
class OnboardingRow:
    """One line of the configuration review: the menu group and the item to review."""

    group: str
    item: str


def _filled(record: dict[str, Any], items: list[ChecklistItem], playbook: Playbook) -> list[Item]:
    """The items whose company column holds a value, with that value as text."""
    found = [Item(i.label, display(record.get(i.field), playbook), i.field) for i in items]
    return [item for item in found if item.value]


def _team(record: dict[str, Any], members: list[TeamMember], playbook: Playbook) -> list[TeamRow]:
    return [
        TeamRow(m.role, (display(record.get(m.field), playbook) if m.field else None) or m.name
                or None, m.description)
        for m in members
    ]


def timeline(record: dict[str, Any], playbook: Playbook, today: date) -> list[Meeting]:
    """The kickoff (untitled: the template names it), then each implementation meeting by its
    date, or its target week's Monday (never a past date shown as upcoming: a date before
    the kickoff is "done")."""
    monday = today - timedelta(days=today.weekday())
    rows = [Meeting("", today, "today", 1)]
    for spec in playbook.client_kickoff.meetings:
        day = record.get(spec.field)
        if isinstance(day, date):
            rows.append(Meeting(spec.title, day, "done" if day < today else "scheduled"))
        elif spec.week is not None:
            rows.append(Meeting(spec.title, monday + timedelta(weeks=spec.week - 1), "planned",
                                spec.week))
        else:
            rows.append(Meeting(spec.title, None, "to_schedule"))
    return rows


def sla_rows(config: Config) -> list[SlaRow]:
    """The SLA targets of the support streams, as configured."""
    support = {s.key for s in config.streams if s.role == "support"}
    return [
        SlaRow("*all_categories" if t.category == "*" else t.category, t.priority,
               t.first_response_hours, t.resolution_hours)
        for t in config.sla.targets if t.stream in support
    ]


def sla_in_words(rows: list[SlaRow], labels: Labels) -> list[SlaRow]:
    """The SLA rows with their categories (ticket types as the data names them) in the deck's
    language, as the review deck shows them."""
    word = ValueWords(labels)
    return [row if row.category == "*all_categories"
            else replace(row, category=word("category", row.category) or row.category)
            for row in rows]


def client_kickoff_context(
    config: Config, playbook: Playbook, row: pd.Series, today: date, brand: Brand | None = None
) -> dict[str, Any]:
    """Template names: ``company``, ``client``, ``meeting_date``, ``brand``, ``objectives`` and
    ``scope`` (filled company values), ``scope_items``, ``timeline``, ``vendor_team``,
    ``client_team``, ``channels``, ``sla``, ``sla_clock``, ``business_hours``,
    ``client_provides``, ``onboarding``, ``next_steps``."""
    brand = brand or brand_for(config, str(row["company_id"]), str(row["name"]))
    record = company_record(row)
    spec = playbook.client_kickoff
    hours = config.sla.business_hours
    return {
        "company": config.company.name,
        "client": record,
        "meeting_date": today,
        "brand": brand,
        "objectives": _filled(record, spec.objectives, playbook),
        "scope": _filled(record, spec.scope, playbook),
        "scope_items": spec.scope_items,
        "timeline": timeline(record, playbook, today),
        "vendor_team": _team(record, spec.vendor_team, playbook),
        "client_team": _team(record, spec.client_team, playbook),
        "channels": spec.channels,
        "sla": sla_rows(config),
        "sla_clock": config.sla.clock,
        "business_hours": f"{hours.start}–{hours.end}",
        "client_provides": spec.client_provides,
        "next_steps": spec.next_steps,
        "onboarding": [
            OnboardingRow(group.title, item)
            for group in spec.onboarding_checklist
            for item in group.items
        ],
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
    context["sla"] = sla_in_words(context["sla"], labels)
    info = document_info(labels, "kickoff", client=str(row["name"]), period=today,
                         author=context["client"].get("owner_cs"),
                         vendor=context["brand"].vendor, built=today, language=language)
    result = render_deck(config, document_template(template, "kickoff", ".pptx"),
                         {**context, "labels": labels, "terms": terms_for(labels)}, out,
                         language, info)
    return out, result
