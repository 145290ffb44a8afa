"""The playbook wording (roles, checklists, actions) read from ``playbook.<language>.toml``.

Each ``field`` names a company column of the workspace: a built-in one or a declared company
field (``templates/playbook.toml``, ``[fields]`` in ``deckgen.toml``); loading checks it.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from deckgen.config import Config, validation_message
from deckgen.errors import ConfigError
from deckgen.reading import ReadRefused, read_capped
from deckgen.sources.schema import source_columns
from deckgen.templates import templates_dir

_DATES = ("date", "datetime")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _column_kind(value: str, info: ValidationInfo) -> str | None:
    """The kind of the company column ``value`` by the validation context's ``columns``
    (name → kind), which :func:`load_playbook` gives; None when validated without one."""
    kinds: dict[str, str] | None = (info.context or {}).get("columns")
    if kinds is None:
        return None
    if value not in kinds:
        hint = difflib.get_close_matches(value, list(kinds), n=1)
        did = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise ValueError(f"unknown company column {value!r}{did}")
    return kinds[value]


def _not_a_date(value: str, info: ValidationInfo) -> str:
    if _column_kind(value, info) in _DATES:
        raise ValueError(f"{value!r} is a date column; use a text, list or yes/no column")
    return value


class _Field(_Strict):
    """Something read from one company column that holds text, a list, a number or a yes/no."""

    field: str

    @field_validator("field")
    @classmethod
    def _known(cls, value: str, info: ValidationInfo) -> str:
        return _not_a_date(value, info)


class Person(_Field):
    """One role of the account (sales, implementation, CS) and the column naming who holds it."""

    role: str
    description: str = ""


class ChecklistItem(_Field):
    label: str


class ChecklistSection(_Strict):
    title: str
    items: list[ChecklistItem] = Field(min_length=1)


class ActionSpec(_Field):
    """An action to check: done when ``field`` is true/filled, or equals ``expect``."""

    text: str
    expect: str | None = None


class MeetingSpec(_Strict):
    """A milestone of the implementation, the date column that schedules it and, for when it
    has no date yet, its target ``week`` counted from the kickoff (week 1 = the kickoff's).
    ``with_cs`` (whether CS joins) is internal: the client deck does not show it."""

    title: str
    field: str
    week: int | None = Field(default=None, ge=1, le=104)
    with_cs: bool = True

    @field_validator("field")
    @classmethod
    def _date(cls, value: str, info: ValidationInfo) -> str:
        if _column_kind(value, info) not in (*_DATES, None):
            raise ValueError(f"{value!r} is not a date column")
        return value


class OnboardingGroup(_Strict):
    title: str
    items: list[str] = Field(min_length=1)


class RoleSpec(_Strict):
    area: str
    responsibilities: list[str] = Field(min_length=1)


class KickoffPlaybook(_Strict):
    checklist: list[ChecklistSection] = Field(min_length=1)
    actions: list[ActionSpec] = Field(default_factory=list)


class TeamMember(_Strict):
    """A role on the kickoff deck's team slides, named by a company column (``field``) or,
    for a team rather than a person (e.g. Support), by ``name``."""

    role: str
    field: str | None = None
    name: str = ""
    description: str = ""

    @field_validator("field")
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _not_a_date(value, info)


class Channel(_Strict):
    """A support channel the client may use: its name, address or number, and hours."""

    name: str
    contact: str
    hours: str = ""


class ClientKickoffPlaybook(_Strict):
    """The client kickoff deck: what the client keeps after the meeting. ``objectives`` and
    ``scope`` name company columns (shown only when filled); the rest is the workspace's."""

    objectives: list[ChecklistItem] = Field(default_factory=list)
    scope: list[ChecklistItem] = Field(default_factory=list)
    scope_items: list[str] = Field(default_factory=list)
    vendor_team: list[TeamMember] = Field(default_factory=list)
    client_team: list[TeamMember] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    client_provides: list[str] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)
    meetings: list[MeetingSpec] = Field(default_factory=list)
    onboarding_checklist: list[OnboardingGroup] = Field(default_factory=list)


class HandoffPlaybook(_Strict):
    roles: list[RoleSpec] = Field(min_length=1)
    next_meetings: int = Field(default=4, ge=1, le=24)
    actions: list[ActionSpec] = Field(default_factory=list)


class ReviewPlaybook(_Strict):
    """The review minutes: prompts, blank action rows, and ``record``: names the minutes
    template reads (e.g. ``expansion``) → the company column that fills each ("" = none)."""

    feedback_prompts: list[str] = Field(default_factory=list)
    opportunity_prompts: list[str] = Field(default_factory=list)
    blank_action_rows: int = Field(default=3, ge=0, le=20)
    record: dict[str, str] = Field(default_factory=dict)

    @field_validator("record")
    @classmethod
    def _columns(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        for name, column in value.items():
            if not name.isidentifier():
                raise ValueError(f"{name!r} is not a template name (letters, digits, _)")
            if column:
                _not_a_date(column, info)
        return value


class FileNames(_Strict):
    """The file name (after the date) of each document."""

    kickoff: str
    handoff: str
    minutes: str
    client_kickoff: str

    @field_validator("*")
    @classmethod
    def _safe(cls, value: str) -> str:
        if not value or any(c in value for c in '/\\:*?"<>|') or value.startswith("."):
            raise ValueError(f"{value!r} is not a plain file name")
        return value


class Playbook(_Strict):
    """Everything the documents say that is not data: one language's wording."""

    yes: str
    no: str
    files: FileNames
    people: list[Person] = Field(default_factory=list)
    kickoff: KickoffPlaybook
    client_kickoff: ClientKickoffPlaybook = ClientKickoffPlaybook()
    handoff: HandoffPlaybook
    review: ReviewPlaybook = ReviewPlaybook()


def _read(path: Path, max_bytes: int) -> dict[str, Any]:
    if not os.path.lexists(path):
        raise ConfigError(f"{path}: playbook file not found")
    try:
        return tomllib.loads(read_capped(path, max_bytes).decode("utf-8-sig"))
    except ReadRefused as exc:
        raise ConfigError(f"{path}: cannot read the playbook: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte at offset {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` on top of ``base``: tables merge key by key, everything else is replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def playbook_paths(config: Config, language: str | None = None) -> list[Path]:
    """The shipped playbook of ``language`` (default: the configured one), then the
    workspace's, if any."""
    language = language or config.company.language
    paths = [templates_dir() / f"playbook.{language}.toml"]
    if config.documents.playbook:
        paths.append(config.resolve(config.documents.playbook.replace("{language}", language)))
    return paths


def load_playbook(config: Config, language: str | None = None) -> Playbook:
    """The playbook wording in ``language`` (default: the configured one), with the
    workspace's overrides."""
    raw: dict[str, Any] = {}
    paths = playbook_paths(config, language)
    for path in paths:
        raw = _merge(raw, _read(path, config.limits.bytes("text")))
    kinds = {name: column.kind for name, column in source_columns(config, "companies").items()}
    try:
        return Playbook.model_validate(raw, context={"columns": kinds})
    except ValidationError as exc:
        names = " + ".join(str(p) for p in paths)
        raise ConfigError(f"{names}: {validation_message(exc)}") from None
