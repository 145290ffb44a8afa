"""One workspace's configuration (``deckgen.toml``), loaded into one typed, validated object."""

from __future__ import annotations

import codecs
import difflib
import os
import re
import string
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from deckgen.errors import ConfigError
from deckgen.locale import Label, Labels, label_for, labels_for
from deckgen.reading import MiB, ReadRefused, read_capped

CONFIG_NAME = "deckgen.toml"
CONFIG_MAX_BYTES = 1 * MiB
FOLDER_FIELDS = frozenset({"client_slug"})
Language = Literal["pt-BR", "en"]
Role = Literal["support", "implementation", "technology", "other"]
Priority = Literal["urgent", "high", "medium", "low"]
FieldKind = Literal["text", "int", "float", "date", "bool", "list"]
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _field_name(value: str) -> str:
    if not _FIELD_NAME.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a field name (lower-case letters, digits and _, from a letter)"
        )
    return value


# A company field's name: how playbooks and templates refer to it (``client.<name>``).
FieldName = Annotated[str, AfterValidator(_field_name)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CompanySettings(_Strict):
    """Who the deck is from and how it speaks."""

    name: str
    language: Language = "pt-BR"
    timezone: str = "America/Sao_Paulo"
    currency: str = "BRL"

    @model_validator(mode="before")
    @classmethod
    def _logo_moved(cls, data: object) -> object:
        if isinstance(data, dict) and "logo" in data:
            raise ValueError("logo moved to [brand] logo (the vendor's logo)")
        return data

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value


# The theme colour slots of an Office document, and the friendlier names that stand for some.
THEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
               "accent5", "accent6", "hlink", "folHlink")
COLOR_NAMES = {"primary": "accent1", "accent": "accent2", "dark": "dk2", "light": "lt2",
               "text": "dk1", "background": "lt1", "link": "hlink"}
_HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


class BrandSettings(_Strict):
    """Whose documents these are: the vendor's name, logo and colours, and the clients' logos.

    ``colors`` maps a name (``primary``, ``accent``, ``dark``, ``light``, ``text``,
    ``background``, ``link``) or a theme slot (``accent1``…``accent6``, ``dk1``, ``lt1``,
    ``dk2``, ``lt2``, ``hlink``, ``folHlink``) to ``"#RRGGBB"``. ``client_logos`` is a folder
    of ``<Record ID>.png`` or ``<client-slug>.png`` files (PNG, JPEG or SVG).
    """

    vendor: str | None = None  # default: [company] name
    logo: str | None = None
    colors: dict[str, str] = Field(default_factory=dict)
    client_logos: str | None = None

    @field_validator("colors")
    @classmethod
    def _theme_colors(cls, value: dict[str, str]) -> dict[str, str]:
        slots: dict[str, str] = {}
        for name, color in value.items():
            slot = COLOR_NAMES.get(name, name)
            if slot not in THEME_SLOTS:
                known = ", ".join([*COLOR_NAMES, *THEME_SLOTS])
                raise ValueError(f"unknown colour {name!r} (known: {known})")
            if not _HEX_COLOR.fullmatch(color):
                raise ValueError(f"{name} = {color!r} is not a colour \"#RRGGBB\"")
            if slot in slots:
                raise ValueError(f"{name} and {slots[slot]} both set the theme colour {slot}")
            slots[slot] = name
        return value

    def theme_colors(self) -> dict[str, str]:
        """The configured colours by theme slot, as ``RRGGBB`` (upper case, no ``#``)."""
        return {COLOR_NAMES.get(name, name): color[1:].upper()
                for name, color in self.colors.items()}


class SourceSpec(_Strict):
    """Where one export is: a file name or glob relative to the data folder (newest match wins)."""

    path: str = Field(min_length=1)
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    day_first: bool | None = None

    @field_validator("encoding")
    @classmethod
    def _text_encoding(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            info = codecs.lookup(value)
        except LookupError:
            raise ValueError(f"unknown encoding {value!r}") from None
        if not getattr(info, "_is_text_encoding", True):
            raise ValueError(f"{value!r} is not a text encoding (use e.g. \"latin-1\")")
        return value


class Sources(_Strict):
    companies: SourceSpec | None = None
    tickets: SourceSpec | None = None
    surveys: SourceSpec | None = None
    releases: SourceSpec | None = None
    actions: SourceSpec | None = None

    @model_validator(mode="before")
    @classmethod
    def _strings_are_paths(cls, data: object) -> object:
        if isinstance(data, dict):
            return {k: {"path": v} if isinstance(v, str) else v for k, v in data.items()}
        return data


class Stream(_Strict):
    """A work stream: which tickets belong to it and which deck section shows it."""

    key: str
    label: Label
    role: Role
    match: list[str] = Field(min_length=1)


class TicketSettings(_Strict):
    """How ticket rows map to streams, categories and closed/prioritized states."""

    stream_from: Literal["pipeline", "ticket_type"] = "pipeline"
    category_from: Literal["category", "ticket_type"] = "category"
    # Empty (not configured): a ticket counts as closed when it has a close date, with a warning.
    closed_statuses: list[str] = Field(default_factory=list)
    prioritized_priorities: list[Priority] = Field(
        default_factory=lambda: list[Priority](["urgent", "high"])
    )


class ActionSettings(_Strict):
    """Which action-plan statuses mean "done" (besides the closed ticket statuses)."""

    done_statuses: list[str] = Field(default_factory=list)


class SlaTarget(_Strict):
    """A target for one stream and category ("*" = any), optionally one priority."""

    stream: str
    category: str = "*"
    priority: Priority | None = None
    first_response_hours: float | None = Field(default=None, gt=0, le=100_000)
    resolution_hours: float | None = Field(default=None, gt=0, le=100_000)


class BusinessHours(_Strict):
    start: str = "08:00"
    end: str = "18:00"
    weekdays: list[int] = Field(default_factory=lambda: [1, 2, 3, 4, 5])


class SlaSettings(_Strict):
    clock: Literal["calendar", "business"] = "calendar"
    business_hours: BusinessHours = BusinessHours()
    targets: list[SlaTarget] = Field(default_factory=list)


class SurveySettings(_Strict):
    nps_types: list[str] = Field(default_factory=lambda: ["NPS"])
    csat_types: list[str] = Field(default_factory=lambda: ["CSAT"])
    # Survey types answered on HubSpot's 3-point CSAT scale (1 dissatisfied, 2 neutral,
    # 3 satisfied), compared case-insensitively; their answers count as CSAT mapped to 1/3/5.
    csat_three_point_types: list[str] = Field(default_factory=list)


SectionKey = Literal[
    "support", "implementation", "technology", "releases", "nps", "demands", "feedback",
    "expansion", "actions",
]
# auto: full slides when the section has something to show in the period, else one line.
SectionMode = Literal["auto", "show", "card", "hide"]


class ReviewSettings(_Strict):
    default_period_days: int = Field(default=90, gt=0, le=3660)
    template: str | None = None
    output: str = "out"
    min_font_pt: float = Field(default=10, ge=1, le=96)
    sections: dict[SectionKey, SectionMode] = Field(default_factory=dict)
    comment_chars: int = Field(default=280, ge=40, le=1000)  # longer comments are cut


CardKey = Literal["created", "prioritized", "sla", "csat", "nps", "open", "hours"]
HealthKey = Literal["sla", "csat", "nps", "open_age", "overdue"]


def _weights() -> dict[HealthKey, float]:
    return {"sla": 30, "csat": 25, "nps": 20, "open_age": 15, "overdue": 10}


def _references() -> dict[Literal["sla", "csat", "nps"], float]:
    return {"sla": 90, "csat": 80, "nps": 30}


class HealthSettings(_Strict):
    """The health signal's formula (docs/indicators.md): weights, references, thresholds."""

    weights: dict[HealthKey, float] = Field(default_factory=_weights)
    # What "fine" is for sla / csat (percent) and nps when no target is configured.
    references: dict[Literal["sla", "csat", "nps"], float] = Field(default_factory=_references)
    points_per_unit: float = Field(default=4, gt=0, le=100)  # lost per p.p. / point below
    old_demand_days: int = Field(default=60, gt=0, le=3660)
    green: float = Field(default=75, ge=0, le=100)
    yellow: float = Field(default=50, ge=0, le=100)

    @field_validator("weights")
    @classmethod
    def _non_negative(cls, value: dict[str, float]) -> dict[str, float]:
        if any(w < 0 for w in value.values()):
            raise ValueError("weights must be 0 or more")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> HealthSettings:
        if self.yellow > self.green:
            raise ValueError(f"yellow ({self.yellow}) must not be above green ({self.green})")
        return self


class SummarySettings(_Strict):
    """The executive summary: which way is better, targets, what a notable change is."""

    better: dict[CardKey, Literal["up", "down", "none"]] = Field(default_factory=dict)
    targets: dict[Literal["sla", "csat", "nps"], float] = Field(default_factory=dict)
    # The smallest change the headline tells: p.p. for sla/csat, points for nps, percent of
    # the previous value for counts.
    notable: dict[CardKey, float] = Field(default_factory=dict)
    headline_size: int = Field(default=3, ge=1, le=5)
    health: HealthSettings = HealthSettings()


class DocumentSettings(_Strict):
    """Minutes and kickoff documents: a workspace playbook file that overrides the shipped one.

    ``playbook`` is a TOML path relative to the data folder; ``{language}`` in it is replaced
    by the document language (e.g. ``"playbook.{language}.toml"``). ``playbook_fields = false``
    leaves out the company fields the shipped playbook declares (``templates/playbook.toml``),
    for a workspace whose own playbook and ``[fields]`` replace them.
    """

    playbook: str | None = None
    playbook_fields: bool = True


class PortfolioSettings(_Strict):
    """The CS Ops report's alert thresholds: a client is flagged only by a threshold set here
    (NPS points or CSAT percentage points lower than the previous period; SLA compliance
    below a percent), never when churned."""

    nps_drop: float | None = Field(default=None, gt=0, le=200)
    csat_drop: float | None = Field(default=None, gt=0, le=100)
    sla_below: float | None = Field(default=None, gt=0, le=100)


class PacingSettings(_Strict):
    """How fast deckgen talks to HubSpot: the app's burst limit, the search limit, and how
    long it waits out rate limiting before giving up (docs/hubspot.md)."""

    requests: int = Field(default=100, ge=1, le=10_000)
    window_seconds: float = Field(default=10, gt=0, le=3600)
    search_per_second: int = Field(default=5, ge=1, le=100)
    patience_seconds: float = Field(default=300, ge=0, le=86_400)


class HubSpotSettings(_Strict):
    base_url: str = "https://api.hubapi.com"
    token_env: str = "HUBSPOT_TOKEN"
    folder: str = "deckgen/{client_slug}"
    # Internal names of the portal's company properties behind the phase, the meeting
    # interval and the CS owner; each is also read as a header of that companies column.
    phase_property: str | None = None
    interval_property: str | None = None
    owner_cs_property: str | None = None
    company_properties: list[str] = Field(default_factory=list)
    ticket_properties: list[str] = Field(default_factory=list)
    pacing: PacingSettings = PacingSettings()

    @field_validator("folder")
    @classmethod
    def _known_fields(cls, value: str) -> str:
        problem = placeholder_problem(value, FOLDER_FIELDS)
        if problem:
            raise ValueError(f"{value!r}: {problem}")
        return value


def placeholder_problem(text: str, known: frozenset[str] | None = None) -> str | None:
    """Why the ``{placeholders}`` of a configured text are not allowed, or None.

    Only plain names may appear in braces (``{section}``), and only ``known`` ones when
    given: attribute or index access, conversions and format specifications would let a
    configuration reach Python objects or ask for huge padding.
    """
    try:
        fields = [(name, spec, conversion)
                  for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None]
    except ValueError as exc:
        return f"unbalanced braces ({exc}); write {{{{ and }}}} for literal braces"
    for name, spec, conversion in fields:
        if not name.isidentifier() or spec or conversion or (known and name not in known):
            allowed = ", ".join(f"{{{n}}}" for n in sorted(known)) if known else "{name}"
            return f"only {allowed} may be written in braces"
    return None


class LimitSettings(_Strict):
    """How much deckgen reads before refusing (docs/security.md); sizes in MB."""

    table_mb: float = Field(default=1024, gt=0, le=65536)
    zip_member_mb: float = Field(default=1024, gt=0, le=65536)
    zip_ratio: float = Field(default=100, ge=1, le=10_000)
    text_mb: float = Field(default=16, gt=0, le=1024)
    image_mb: float = Field(default=16, gt=0, le=1024)
    publish_mb: float = Field(default=300, gt=0, le=65536)
    hubspot_pages: int = Field(default=10_000, ge=1, le=1_000_000)
    template_iterations: int = Field(default=100_000, ge=100, le=100_000_000)
    template_output_mb: float = Field(default=16, gt=0, le=1024)
    template_seconds: float = Field(default=60, ge=0.1, le=3600)
    template_number_digits: int = Field(default=1000, ge=20, le=100_000)

    def bytes(self, kind: Literal["table", "zip_member", "text", "image", "publish"]) -> int:
        """The cap of one kind of file, in bytes."""
        return int(getattr(self, f"{kind}_mb") * MiB)


class PathSettings(_Strict):
    """Whether configured paths may point outside the data folder (off: they may not)."""

    allow_outside_workspace: bool = False


class FieldSpec(_Strict):
    """A company field of this workspace's taxonomy: its kind and the headers that hold it."""

    kind: FieldKind = "text"
    headers: list[str] = Field(default_factory=list)


ValueKind = Literal["category", "status", "phase"]


class TermSettings(_Strict):
    """What this workspace calls a ticket and its effort ("SS", "HH"), one string or one per
    language; unset: the locale's word."""

    ticket: Label | None = None
    tickets: Label | None = None
    hours: Label | None = None


def word_texts(
    terms: TermSettings, values: dict[ValueKind, dict[str, Label]], language: str
) -> dict[str, str]:
    """``[terms]`` and ``[values]`` as label texts of ``language`` ("terms.ticket",
    "value.status.Encerrada"); a value without a word in ``language`` is left out."""
    texts = {f"terms.{key}": label_for(label, language)
             for key, label in terms if label is not None}
    for kind, words in values.items():
        for value, label in words.items():
            word = label if isinstance(label, str) else label.get(language)
            if word:
                texts[f"value.{kind}.{value}"] = word
    return texts


class Config(_Strict):
    """The whole workspace configuration. ``data_dir`` is where relative paths resolve."""

    company: CompanySettings
    sources: Sources = Sources()
    columns: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    fields: dict[FieldName, FieldSpec] = Field(default_factory=dict)
    tickets: TicketSettings = TicketSettings()
    actions: ActionSettings = ActionSettings()
    streams: list[Stream] = Field(min_length=1)
    sla: SlaSettings = SlaSettings()
    surveys: SurveySettings = SurveySettings()
    review: ReviewSettings = ReviewSettings()
    portfolio: PortfolioSettings = PortfolioSettings()
    summary: SummarySettings = SummarySettings()
    hubspot: HubSpotSettings = HubSpotSettings()
    brand: BrandSettings = BrandSettings()
    documents: DocumentSettings = DocumentSettings()
    limits: LimitSettings = LimitSettings()
    paths: PathSettings = PathSettings()
    labels: dict[str, Label] = Field(default_factory=dict)
    terms: TermSettings = TermSettings()
    values: dict[ValueKind, dict[str, Label]] = Field(default_factory=dict)
    data_dir: Path = Path(".")
    config_path: Path = Path(CONFIG_NAME)

    @model_validator(mode="after")
    def _consistent(self) -> Config:
        keys = [s.key for s in self.streams]
        if len(set(keys)) != len(keys):
            raise ValueError(f"streams: duplicated key in {keys}")
        for i, target in enumerate(self.sla.targets):
            if target.stream not in keys:
                hint = difflib.get_close_matches(target.stream, keys, n=1)
                did = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise ValueError(
                    f"sla.targets[{i}].stream: unknown stream {target.stream!r}{did}; "
                    f"streams are {', '.join(keys)}"
                )
        for key, label in self.labels.items():
            for text in [label] if isinstance(label, str) else label.values():
                problem = placeholder_problem(text)
                if problem:
                    raise ValueError(f"labels.{key}: {text!r}: {problem}")
        for key, value in self.configured_paths():
            if "\x00" in value:
                raise ValueError(f"{key}: {value!r} holds a NUL character, which no path can")
            problem = self.outside(value)
            if problem:
                raise ValueError(f"{key}: {value!r} {problem}; move it in, or set [paths] "
                                 "allow_outside_workspace = true")
        return self

    def configured_paths(self) -> list[tuple[str, str]]:
        """Every path the configuration names, with its key (sources, template, output...)."""
        paths = [(f"sources.{name}", spec.path) for name, spec in self.sources if spec is not None]
        for key, value in (("review.template", self.review.template),
                           ("review.output", self.review.output),
                           ("brand.logo", self.brand.logo),
                           ("brand.client_logos", self.brand.client_logos),
                           ("documents.playbook", self.documents.playbook)):
            if value:
                paths.append((key, value))
        return paths

    def outside(self, path: str | Path) -> str | None:
        """Why ``path`` (relative to the data folder) is not allowed, or None when it lies
        inside the folder, symbolic links followed (or ``[paths] allow_outside_workspace``)."""
        if self.paths.allow_outside_workspace:
            return None
        root = Path(os.path.abspath(self.data_dir))
        written = Path(os.path.abspath(self.resolve(str(path))))
        if not written.is_relative_to(root):
            return "lies outside the data folder"
        try:
            real = written.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading it says so
            return None
        if not real.is_relative_to(root.resolve()):
            return "is a symbolic link leading outside the data folder"
        return None

    def stream(self, key: str) -> Stream:
        """The stream with this key."""
        for s in self.streams:
            if s.key == key:
                return s
        raise KeyError(key)

    def labels_in(self, language: str | None = None) -> Labels:
        """The words of ``language`` (default: the configured one), overrides and streams,
        with the workspace's terms and words for data values."""
        language = language or self.company.language
        labels = labels_for(language, self.labels, {s.key: s.label for s in self.streams})
        words = word_texts(self.terms, self.values, language)
        return replace(labels, texts={**labels.texts, **words})

    def resolve(self, relative: str) -> Path:
        """A path from the configuration, relative to the data folder."""
        path = Path(relative)
        return path if path.is_absolute() else self.data_dir / path



def validation_message(error: ValidationError) -> str:
    """The first problem of a validation error as ``key.path: what is wrong``."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown key"
    elif first["type"] == "missing":
        message = "required key is missing"
    return f"{where}: {message}"


def find_config(data_dir: Path, config_file: Path | None = None) -> Path:
    """The configuration file: the one given, else ``deckgen.toml`` in the data folder."""
    path = config_file or data_dir / CONFIG_NAME
    if not os.path.lexists(path):
        raise ConfigError(
            f"{path}: configuration file not found (give --config or create {CONFIG_NAME})"
        )
    return path


def load_config(data_dir: Path, config_file: Path | None = None) -> Config:
    """Read and validate the workspace configuration."""
    path = find_config(data_dir, config_file)
    try:
        raw = tomllib.loads(read_capped(path, CONFIG_MAX_BYTES).decode("utf-8-sig"))
    except ReadRefused as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte at offset {exc.start})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    raw["data_dir"] = data_dir
    raw["config_path"] = path
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {validation_message(exc)}") from None
