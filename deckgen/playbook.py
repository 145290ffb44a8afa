"""The playbook wording (roles, checklists, actions) read from ``playbook.<language>.toml``."""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from deckgen.config import Config, validation_message
from deckgen.errors import ConfigError
from deckgen.reading import ReadRefused, read_capped
from deckgen.sources.schema import COMPANIES
from deckgen.templates import templates_dir

_DATES = ("date", "datetime")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _company_column(value: str) -> str:
    if value not in COMPANIES:
        hint = difflib.get_close_matches(value, list(COMPANIES), n=1)
        did = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise ValueError(f"unknown company column {value!r}{did}")
    return value


class _Field(_Strict):
    """Something read from one company column that holds text, a list, a number or a yes/no."""

    field: str

    @field_validator("field")
    @classmethod
    def _known(cls, value: str) -> str:
        if COMPANIES[_company_column(value)].kind in _DATES:
            raise ValueError(f"{value!r} is a date column; use a text, list or yes/no column")
        return value


class Person(_Field):
    """One role of the account (sales, ISM, CS) and the company column naming who holds it."""

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
    """A meeting of the implementation and the date column that schedules it."""

    title: str
    field: str
    with_cs: bool = True

    @field_validator("field")
    @classmethod
    def _date(cls, value: str) -> str:
        if COMPANIES[_company_column(value)].kind not in _DATES:
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


class ClientKickoffPlaybook(_Strict):
    next_steps: list[str] = Field(default_factory=list)
    meetings: list[MeetingSpec] = Field(default_factory=list)
    onboarding_checklist: list[OnboardingGroup] = Field(default_factory=list)


class HandoffPlaybook(_Strict):
    roles: list[RoleSpec] = Field(min_length=1)
    next_meetings: int = Field(default=4, ge=1, le=24)
    actions: list[ActionSpec] = Field(default_factory=list)


class ReviewPlaybook(_Strict):
    feedback_prompts: list[str] = Field(default_factory=list)
    opportunity_prompts: list[str] = Field(default_factory=list)
    blank_action_rows: int = Field(default=3, ge=0, le=20)


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
    try:
        return Playbook.model_validate(raw)
    except ValidationError as exc:
        names = " + ".join(str(p) for p in paths)
        raise ConfigError(f"{names}: {validation_message(exc)}") from None
