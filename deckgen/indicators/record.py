"""One company record read for the documents: plain values, checklist items and action states."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from deckgen.playbook import ActionSpec, ChecklistSection, Person, Playbook
from deckgen.sources.schema import COMPANIES


def _blank(value: Any) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def document_value(value: Any) -> Any:
    """A pandas cell as a plain Python value; ``None`` when blank (NA, NaT, "", empty tuple)."""
    if isinstance(value, tuple | list):
        items = [str(v).strip() for v in value if not _blank(v) and str(v).strip()]
        return tuple(items) or None
    if _blank(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime() if value.tzinfo else value.date()
    if isinstance(value, str):
        return value.strip() or None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def company_record(row: pd.Series) -> dict[str, Any]:
    """Every canonical company column of ``row`` as a plain value (``None`` when blank)."""
    return {name: document_value(row.get(name)) for name in COMPANIES}


def display(value: Any, playbook: Playbook) -> str | None:
    """A record value as the text a checklist shows; ``None`` when there is nothing to show."""
    if value is None:
        return None
    if isinstance(value, bool):
        return playbook.yes if value else playbook.no
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


@dataclass(frozen=True)
class Item:
    """A checklist line: its label and the value from the export, ``None`` to fill in."""

    label: str
    value: str | None
    field: str


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    items: list[Item]

    @property
    def complete(self) -> bool:
        return all(item.value is not None for item in self.items)


@dataclass(frozen=True)
class ActionState:
    """An action of the playbook and whether the company record shows it done."""

    number: int
    text: str
    done: bool
    known: bool  # False: the export has no column to check it with
    detail: str | None  # the value checked, e.g. the "Proprietário CS" name
    field: str


@dataclass(frozen=True)
class Participant:
    role: str
    name: str | None
    description: str


def checklist(
    record: dict[str, Any], sections: list[ChecklistSection], playbook: Playbook
) -> list[Section]:
    """The checklist sections with each item filled from the record, or left blank."""
    return [
        Section(
            number,
            section.title,
            [Item(i.label, display(record[i.field], playbook), i.field) for i in section.items],
        )
        for number, section in enumerate(sections, start=1)
    ]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def action_states(
    record: dict[str, Any], actions: list[ActionSpec], absent: list[str], playbook: Playbook
) -> list[ActionState]:
    """Each action with its state checked on the record (a missing column reads as pending)."""
    states = []
    for number, spec in enumerate(actions, start=1):
        value = record[spec.field]
        if spec.expect is not None:
            done = value is not None and _fold(str(value)) == _fold(spec.expect)
        elif isinstance(value, bool):
            done = value
        else:
            done = value is not None
        detail = None if isinstance(value, bool) else display(value, playbook)
        states.append(
            ActionState(number, spec.text, done, spec.field not in absent, detail, spec.field)
        )
    return states


def participants(record: dict[str, Any], people: list[Person]) -> list[Participant]:
    """Who is who: each role of the playbook with the name the record gives it."""
    return [Participant(p.role, display_name(record[p.field]), p.description) for p in people]


def display_name(value: Any) -> str | None:
    """A person's name from a record value (a multi-value cell lists every name)."""
    if value is None:
        return None
    return ", ".join(value) if isinstance(value, tuple) else str(value)
