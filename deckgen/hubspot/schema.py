"""The portal's schema, read once and kept: properties with their options, ticket pipelines
with each stage's open/closed state, and owners; stored in the workspace for offline use."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgen.config import Config
from deckgen.errors import ConfigError, DeckgenError, PublishError
from deckgen.io import atomic_write
from deckgen.sources.names import fold

if TYPE_CHECKING:  # the HTTP client is imported only by what talks to HubSpot, not by builds
    from deckgen.hubspot.client import HubSpotClient

SCHEMA_FILE = "hubspot-schema.json"
SCHEMA_VERSION = 1
OBJECTS = ("companies", "tickets", "feedback_submissions")
OWNER_PROPERTIES = frozenset({"hubspot_owner_id"})


@dataclass(frozen=True)
class Property:
    """One property: internal name, label, type and the options of an enumeration."""

    name: str
    label: str
    type: str
    field_type: str
    options: tuple[tuple[str, str], ...] = ()  # (label, internal value)
    owner: bool = False

    @property
    def enumerated(self) -> bool:
        """Whether values are option values (dropdown, radio, checkbox, multi-select, yes/no)."""
        return bool(self.options) and not self.owner

    def label_of(self, value: str) -> str:
        """A stored value as its label(s); a multi-select ``a;b`` as ``A;B``; unknown as is."""
        if not self.enumerated or not value:
            return value
        labels = dict((v, text) for text, v in self.options)
        return ";".join(labels.get(part, part) for part in value.split(";"))

    def value_of(self, text: str) -> str | None:
        """The internal value of an option given by internal value or label; None if none."""
        for _, value in self.options:
            if text == value:
                return value
        wanted = fold(text)
        matches = [value for label, value in self.options if fold(label) == wanted]
        return matches[0] if len(matches) == 1 else None


@dataclass(frozen=True)
class Stage:
    """A ticket pipeline stage: id, label and whether HubSpot counts it closed (None: unsaid)."""

    id: str
    label: str
    closed: bool | None


@dataclass(frozen=True)
class Pipeline:
    """A ticket pipeline and its stages."""

    id: str
    label: str
    stages: tuple[Stage, ...]


@dataclass(frozen=True)
class PortalSchema:
    """What the portal says about its data (see the module docstring)."""

    properties: dict[str, dict[str, Property]]
    pipelines: tuple[Pipeline, ...] = ()
    owners: dict[str, str] = field(default_factory=dict)
    owners_read: bool = True
    unavailable: dict[str, str] = field(default_factory=dict)  # object → why

    def pipeline_label(self, pipeline: str) -> str:
        """A pipeline id as its label (unknown ids as they are)."""
        return next((p.label for p in self.pipelines if p.id == pipeline), pipeline)

    def stage(self, pipeline: str, stage: str) -> Stage | None:
        """The stage ``stage`` of ``pipeline`` (or of any pipeline when ``pipeline`` is unknown)."""
        for candidate in self.pipelines:
            if candidate.id == pipeline or not any(p.id == pipeline for p in self.pipelines):
                found = next((s for s in candidate.stages if s.id == stage), None)
                if found:
                    return found
        return None

    def find(self, object_type: str, configured: str) -> tuple[Property | None, str]:
        """The property a configured name or label stands for, and how: name, label or ''."""
        known = self.properties.get(object_type, {})
        if configured in known:
            return known[configured], "name"
        wanted = fold(configured)
        by_label = [p for p in known.values() if fold(p.label) == wanted]
        if len(by_label) == 1:
            return by_label[0], "label"
        return None, ""

    def resolve(self, object_type: str, configured: str, key: str) -> Property:
        """The property ``configured`` (name or label) names; else a ConfigError naming a
        likely one."""
        found, _ = self.find(object_type, configured)
        if found is not None:
            return found
        raise ConfigError(f"[hubspot] {key}: {missing_message(self, object_type, configured)}")

    def to_json(self) -> dict[str, Any]:
        """The schema as JSON data (the stored file)."""
        return {"version": SCHEMA_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PortalSchema:
        """The schema stored by :meth:`to_json`."""
        properties = {
            kind: {name: Property(**{**p, "options": tuple(tuple(o) for o in p["options"])})
                   for name, p in props.items()}
            for kind, props in data["properties"].items()
        }
        pipelines = tuple(Pipeline(p["id"], p["label"], tuple(Stage(**s) for s in p["stages"]))
                          for p in data["pipelines"])
        return cls(properties, pipelines, dict(data["owners"]), bool(data["owners_read"]),
                   dict(data["unavailable"]))


def missing_message(schema: PortalSchema, object_type: str, configured: str) -> str:
    """Why ``configured`` names no property of ``object_type``, with the likely one."""
    known = schema.properties.get(object_type, {})
    words = fold(configured.replace("_", " "))
    labelled = [p for p in known.values() if fold(p.label) == words]
    text = f"`{configured}` does not exist in HubSpot's {object_type}"
    if labelled:
        return f"{text}; the property labelled '{labelled[0].label}' is `{labelled[0].name}`"
    close = difflib.get_close_matches(configured, list(known), n=1)
    if close:
        return f"{text}; did you mean `{close[0]}` ('{known[close[0]].label}')?"
    return f"{text} (Settings → Properties shows each property's internal name)"


def configured_properties(config: Config) -> Iterator[tuple[str, str, str]]:
    """(object type, configuration key, name or label) of each ``[hubspot]`` property."""
    settings = config.hubspot
    for key in ("phase_property", "interval_property", "owner_cs_property"):
        value = getattr(settings, key)
        if value:
            yield "companies", key, value
    for value in settings.company_properties:
        yield "companies", "company_properties", value
    for value in settings.ticket_properties:
        yield "tickets", "ticket_properties", value


def read_schema(client: HubSpotClient, echo: Callable[[str], None] = print,
                max_pages: int = 10_000, *, tolerate: tuple[int, ...] = (404,)) -> PortalSchema:
    """Owners, ticket pipelines and the properties of companies, tickets and surveys.

    Owners the app may not read (403) stay ids, with a warning; an object type whose
    properties answer a ``tolerate`` status (404: the portal has no feedback surveys) is
    marked unavailable, with the reason.
    """
    from deckgen.hubspot.client import HubSpotError
    from deckgen.hubspot.lists import pages

    owners: dict[str, str] = {}
    owners_read = True
    try:
        for owner in pages(client, "/crm/v3/owners", {"limit": "100"}, max_pages):
            name = " ".join(filter(None, (owner.get("firstName"), owner.get("lastName"))))
            owners[str(owner["id"])] = name or str(owner.get("email") or owner["id"])
    except HubSpotError as exc:
        if exc.status != 403:
            raise
        echo("warning: owners stay as ids (add the scope crm.objects.owners.read to show names)")
        owners, owners_read = {}, False
    pipelines = tuple(_pipeline(p) for p in
                      _results(client.get("/crm/v3/pipelines/tickets"), "pipelines"))
    properties: dict[str, dict[str, Property]] = {}
    unavailable: dict[str, str] = {}
    for object_type in OBJECTS:
        try:
            properties[object_type] = read_properties(client, object_type)
        except HubSpotError as exc:
            if exc.status not in tolerate:
                raise
            unavailable[object_type] = ("this portal has no such object (HTTP 404)"
                                        if exc.status == 404 else str(exc))
    return PortalSchema(properties, pipelines, owners, owners_read, unavailable)


def schema_path(config: Config) -> Path:
    """Where the workspace keeps the portal's schema."""
    return config.data_dir / SCHEMA_FILE


def save_schema(path: Path, schema: PortalSchema) -> None:
    """Write the schema atomically (a reader never sees half a file)."""
    text = json.dumps(schema.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    atomic_write(path, write)


def load_schema(path: Path) -> PortalSchema | None:
    """The stored schema, or None when there is none yet; a damaged file is a ConfigError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return PortalSchema.from_json(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a schema deckgen wrote ({type(exc).__name__}); delete "
                          "it and run `deckgen hubspot doctor` or `deckgen pull`") from None


def _results(answer: dict[str, Any], what: str) -> list[dict[str, Any]]:
    results = answer.get("results")
    if not isinstance(results, list):
        raise PublishError(f"HubSpot answered the {what} request without a results list")
    return results


def _property(raw: dict[str, Any]) -> Property:
    name = str(raw["name"])
    options = tuple((str(o.get("label") or o["value"]), str(o["value"]))
                    for o in raw.get("options") or [])
    owner = raw.get("referencedObjectType") == "OWNER" or name in OWNER_PROPERTIES
    return Property(name, str(raw.get("label") or name), str(raw.get("type") or "string"),
                    str(raw.get("fieldType") or ""), options, owner)


def _pipeline(raw: dict[str, Any]) -> Pipeline:
    stages = []
    for stage in raw.get("stages") or []:
        state = str((stage.get("metadata") or {}).get("ticketState") or "").upper()
        closed = True if state == "CLOSED" else False if state == "OPEN" else None
        stages.append(Stage(str(stage["id"]), str(stage.get("label") or stage["id"]), closed))
    return Pipeline(str(raw["id"]), str(raw.get("label") or raw["id"]), tuple(stages))


def read_properties(client: HubSpotClient, object_type: str) -> dict[str, Property]:
    """The property definitions of one object type, by internal name."""
    answer = client.get(f"/crm/v3/properties/{object_type}")
    return {str(p["name"]): _property(p) for p in _results(answer, object_type)}


def company_property(client: HubSpotClient, config: Config, configured: str, key: str,
                     echo: Callable[[str], None] = print) -> Property:
    """A configured company property (name or label) as the portal defines it.

    A dry run sends nothing, so it uses the stored schema; without one the value is sent
    unchecked, and the dry run says so.
    """
    if not client.dry_run:
        schema = PortalSchema({"companies": read_properties(client, "companies")})
        return schema.resolve("companies", configured, key)
    stored = load_schema(schema_path(config))
    if stored is None or "companies" not in stored.properties:
        echo(f"note: {configured} not checked against the portal (no {SCHEMA_FILE} yet: run "
             "`deckgen hubspot doctor` or `deckgen pull` once)")
        return Property(configured, configured, "string", "text")
    return stored.resolve("companies", configured, key)


def portal_gaps(config: Config) -> list[str]:
    """The configured properties the stored schema no longer has, as the columns they fill
    (the exports still hold the values of an earlier pull); empty without a stored schema."""
    path = schema_path(config)
    if not path.exists():
        return []
    try:
        stored = load_schema(path)
    except DeckgenError as exc:
        return [str(exc)]
    if stored is None:
        return []
    source = {"companies": "companies", "tickets": "tickets"}
    return [
        f"{source[object_type]}: column '{configured}' ([hubspot] {key}) is now missing in "
        f"HubSpot ({path.name}): {missing_message(stored, object_type, configured)}; its values "
        "are from an earlier pull"
        for object_type, key, configured in configured_properties(config)
        if object_type in stored.properties and stored.find(object_type, configured)[0] is None
    ]


def phase_labels(config: Config, phases: tuple[str, ...]) -> tuple[str, ...]:
    """``phases`` with each internal option value of ``[hubspot] phase_property`` (per the
    stored schema) as its label; everything else as given."""
    prop_name = config.hubspot.phase_property
    path = schema_path(config)
    if not phases or not prop_name or not path.exists():
        return phases
    stored = load_schema(path)
    prop = stored.find("companies", prop_name)[0] if stored else None
    if prop is None:
        return phases
    labels = {value: label for label, value in prop.options}
    return tuple(labels.get(phase, phase) for phase in phases)
