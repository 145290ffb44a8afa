"""Read companies, tickets and survey answers from the CRM API into CSV exports for the readers.

Values are written as people read them: option labels instead of internal values, owner
names instead of ids, pipeline and stage labels instead of ids, plus a closed flag from the
stage's ``ticketState``. The portal's schema (:mod:`deckgen.hubspot.schema`) keeps the
internal values for filters and ``set-phase``.
"""

from __future__ import annotations

import csv
import fnmatch
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from deckgen.clock import build_date
from deckgen.config import Config
from deckgen.errors import ConfigError, PublishError, RenderError
from deckgen.hubspot.client import HubSpotClient, HubSpotError
from deckgen.hubspot.lists import associations, list_objects, modified_since
from deckgen.hubspot.schema import (
    PortalSchema,
    Property,
    read_schema,
    save_schema,
    schema_path,
)

COMPANY_PROPERTIES = ("name", "hubspot_owner_id", "notes_last_contacted",
                      "hs_lifecyclestage_customer_date")
TICKET_PROPERTIES = ("subject", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority",
                     "hs_ticket_category", "createdate", "closed_date", "first_agent_reply_date",
                     "hubspot_owner_id", "hs_time_to_close_sla_status")
SURVEY_PROPERTIES = ("hs_survey_type", "hs_value", "hs_content", "hs_submission_timestamp")
SURVEY_LINKS = ("companies", "contacts", "tickets")
COMPANY_IDS = "Associated Company IDs"
COMPANY_NAME = "Associated Company"
CLOSED_STAGE = "Closed stage"
PATHS = ("company", "contact", "ticket")
LISTED = 10
FILE_NAMES = {
    "companies": "hubspot-crm-exports-all-companies-{day}.csv",
    "tickets": "hubspot-crm-exports-all-tickets-{day}.csv",
    "surveys": "hubspot-crm-exports-all-feedback-submissions-{day}.csv",
}
OBJECT_OF = {"companies": "companies", "tickets": "tickets", "surveys": "feedback_submissions"}

SHAPE_ERRORS = (KeyError, TypeError, AttributeError, IndexError, ValueError)

Row = dict[str, str]
Links = dict[str, list[str]]
Tables = dict[str, tuple[list[str], list[Row]]]


@dataclass(frozen=True)
class PullResult:
    """The files written, how many rows each holds, and how survey answers found a company."""

    files: dict[str, Path]
    rows: dict[str, int]
    attributed: dict[str, int] = field(default_factory=dict)  # company/contact/ticket → answers
    unattributed: list[str] = field(default_factory=list)  # answer ids with no company
    unavailable: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Column:
    """One export column: its header, the property behind it and how values are shown."""

    header: str
    name: str
    prop: Property | None


def pull(
    client: HubSpotClient,
    config: Config,
    out_dir: Path,
    *,
    since: date | None = None,
    today: date | None = None,
    echo: Callable[[str], None] = print,
) -> PullResult:
    """Write today's companies, tickets and feedback-submission exports into ``out_dir``.

    The portal's schema is read first and kept in the workspace. ``since`` reads only the
    records changed on or after it (search API) and merges them into the newest exports in
    ``out_dir``. Nothing is written unless every file can be.
    """
    day = (today or build_date()).isoformat()
    pages = config.limits.hubspot_pages
    try:
        schema = read_schema(client, echo, pages)
    except SHAPE_ERRORS as exc:
        raise _unknown_shape(exc) from None
    save_schema(schema_path(config), schema)
    for object_type in set(schema.unavailable) - {"feedback_submissions"}:
        raise PublishError(f"HubSpot has no {object_type} in this portal (HTTP 404 on GET "
                           f"/crm/v3/properties/{object_type}); nothing was written")
    plan = _plan(schema, config)
    previous = _previous_exports(out_dir) if since else {}
    if since and not {"companies", "tickets"} <= set(previous):
        raise PublishError(f"pull --since merges into the previous exports, and {out_dir} has "
                           "no companies and tickets exports yet; run a full pull first")
    try:
        fetched = _fetch(client, schema, plan, since, pages)
        tables, attributed, unattributed = _tables(client, schema, plan, fetched, previous, echo)
    except SHAPE_ERRORS as exc:
        raise _unknown_shape(exc) from None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{out_dir}: cannot create the folder ({exc.strerror or exc})") from None
    files = {source: out_dir / FILE_NAMES[source].format(day=day) for source in tables}
    _write_exports([(files[source], header, rows) for source, (header, rows) in tables.items()])
    for source, (_, rows) in tables.items():
        path = files[source]
        changed = f", {len(fetched[source][0])} changed since {since}" if since else ""
        echo(f"wrote {path} ({len(rows)} rows{changed})")
        hint = _source_hint(config, source, path, out_dir)
        if hint:
            echo(hint)
    if "feedback_submissions" in schema.unavailable:
        echo("surveys: unavailable (this portal has no feedback surveys: HTTP 404); companies "
             "and tickets were pulled, the previous surveys export is left as it was")
    elif "surveys" in tables:
        echo(_attribution_line(attributed, unattributed))
    return PullResult(files, {source: len(rows) for source, (_, rows) in tables.items()},
                      attributed, unattributed, dict(schema.unavailable))


def _unknown_shape(exc: Exception) -> PublishError:
    """An answer deckgen cannot read, as one line (nothing is written after it)."""
    detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
    return PublishError(f"HubSpot answered in a shape deckgen does not know ({detail}); "
                        "nothing was written")


def _plan(schema: PortalSchema, config: Config) -> dict[str, list[Column]]:
    """The columns of each export: built-in properties, then the configured ones (by name or
    label; one that does not exist is a ConfigError naming the likely property)."""
    settings = config.hubspot
    configured: dict[str, list[tuple[str, str]]] = {"companies": [], "tickets": []}
    for key in ("phase_property", "interval_property", "owner_cs_property"):
        value = getattr(settings, key)
        if value:
            configured["companies"].append((key, value))
    configured["companies"] += [("company_properties", v) for v in settings.company_properties]
    configured["tickets"] += [("ticket_properties", v) for v in settings.ticket_properties]
    builtin = {"companies": COMPANY_PROPERTIES, "tickets": TICKET_PROPERTIES,
               "surveys": SURVEY_PROPERTIES}
    plan: dict[str, list[Column]] = {}
    for source, names in builtin.items():
        known = schema.properties.get(OBJECT_OF[source], {})
        columns = [Column(name, name, known.get(name)) for name in names]
        for key, text in configured.get(source, []):
            prop = schema.resolve(OBJECT_OF[source], text, key)
            columns.append(Column(text, prop.name, prop))
        plan[source] = list({c.header: c for c in columns}.values())
    return plan


Fetched = dict[str, tuple[list[dict[str, Any]], dict[str, Links]]]


def _fetch(client: HubSpotClient, schema: PortalSchema, plan: dict[str, list[Column]],
           since: date | None, pages: int) -> Fetched:
    """Records of each source (all, or changed since ``since``) and their associations."""
    fetched: Fetched = {}
    links = {"companies": (), "tickets": ("companies",), "surveys": SURVEY_LINKS}
    for source, columns in plan.items():
        object_type = OBJECT_OF[source]
        if object_type in schema.unavailable:
            continue
        names = list(dict.fromkeys(c.name for c in columns))
        if since is None:
            records = list(list_objects(client, object_type, names,
                                        associations=links[source], max_pages=pages))
            found = {str(r["id"]): _listed_links(r) for r in records}
        else:
            records = modified_since(client, object_type, names, since, max_pages=pages)
            found = {str(r["id"]): {} for r in records}
            for to in links[source]:
                read = associations(client, object_type, to, list(found))
                for record_id, targets in read.items():
                    found.setdefault(record_id, {})[to] = [t for t, _ in targets]
        fetched[source] = (records, found)
    return fetched


def _listed_links(record: dict[str, Any]) -> Links:
    """The associations a list page carried with a record: object type → ids."""
    found: Links = {}
    for to, block in (record.get("associations") or {}).items():
        found[to] = list(dict.fromkeys(str(link["id"]) for link in (block or {}).get("results",
                                                                                      [])))
    return found


def _tables(client: HubSpotClient, schema: PortalSchema, plan: dict[str, list[Column]],
            fetched: Fetched, previous: dict[str, tuple[list[str], list[Row]]],
            echo: Callable[[str], None]) -> tuple[Tables, dict[str, int], list[str]]:
    """Rows with labels; merged into the previous exports when there are some."""
    tables: Tables = {}
    headers = {
        "companies": ["hs_object_id", *(c.header for c in plan["companies"])],
        "tickets": ["hs_object_id", *(c.header for c in plan["tickets"]), CLOSED_STAGE,
                    COMPANY_IDS, COMPANY_NAME],
        "surveys": ["hs_object_id", *(c.header for c in plan["surveys"]), COMPANY_IDS,
                    COMPANY_NAME],
    }
    records, _ = fetched["companies"]
    companies = _merge(previous.get("companies"),
                       [_row(r, plan["companies"], schema) for r in records])
    tables["companies"] = (headers["companies"], companies)
    names = {row["hs_object_id"]: row.get("name", "") for row in companies}

    records, links = fetched["tickets"]
    changed = []
    for record in records:
        row = _row(record, plan["tickets"], schema)
        stage = schema.stage(str(_value(record, "hs_pipeline")),
                             str(_value(record, "hs_pipeline_stage")))
        row[CLOSED_STAGE] = "" if stage is None or stage.closed is None else (
            "true" if stage.closed else "false")
        changed.append(_with_companies(row, links.get(row["hs_object_id"], {}).get(
            "companies", []), names))
    tickets = _merge(previous.get("tickets"), changed)
    tables["tickets"] = (headers["tickets"], tickets)

    attributed = dict.fromkeys(PATHS, 0)
    unattributed: list[str] = []
    if "surveys" in fetched:
        records, links = fetched["surveys"]
        by_ticket = {row["hs_object_id"]: row.get(COMPANY_IDS, "").split(";")[0]
                     for row in tickets if row.get(COMPANY_IDS)}
        by_contact = _contact_companies(client, links, echo)
        changed = []
        for record in records:
            row = _row(record, plan["surveys"], schema)
            path, company = _attribute(links.get(row["hs_object_id"], {}), by_contact, by_ticket)
            if path:
                attributed[path] += 1
            else:
                unattributed.append(row["hs_object_id"])
            changed.append(_with_companies(row, [company] if company else [], names))
        tables["surveys"] = (headers["surveys"], _merge(previous.get("surveys"), changed))
    return tables, attributed, unattributed


def _attribute(links: Links, by_contact: dict[str, str],
               by_ticket: dict[str, str]) -> tuple[str, str]:
    """How an answer finds its company, and which: its own link, its contact's, its ticket's."""
    for company in links.get("companies", []):
        return "company", company
    for contact in links.get("contacts", []):
        if contact in by_contact:
            return "contact", by_contact[contact]
    for ticket in links.get("tickets", []):
        if by_ticket.get(ticket):
            return "ticket", by_ticket[ticket]
    return "", ""


def _contact_companies(client: HubSpotClient, links: dict[str, Links],
                       echo: Callable[[str], None]) -> dict[str, str]:
    """Contact id → its primary company (else its first), for answers with no company link."""
    contacts = [c for found in links.values() if not found.get("companies")
                for c in found.get("contacts", [])]
    if not contacts:
        return {}
    try:
        read = associations(client, "contacts", "companies", contacts)
    except HubSpotError as exc:
        if exc.status != 403:
            raise
        echo("warning: answers linked to a contact only stay without a company (add the scope "
             "crm.objects.contacts.read so pull can read the contact's company)")
        return {}
    chosen = {}
    for contact, targets in read.items():
        if targets:
            primary = [company for company, is_primary in targets if is_primary]
            chosen[contact] = (primary or [targets[0][0]])[0]
    return chosen


def _attribution_line(attributed: dict[str, int], unattributed: list[str]) -> str:
    total = sum(attributed.values()) + len(unattributed)
    if not total:
        return "surveys: no answers read"
    line = (f"surveys: {total} answers read: {attributed['company']} by their company link, "
            f"{attributed['contact']} by their contact's company, {attributed['ticket']} by "
            f"their ticket's company, {len(unattributed)} with no company")
    if unattributed:
        more = len(unattributed) - LISTED
        line += ": " + ", ".join(unattributed[:LISTED]) + (f" and {more} more" if more > 0 else "")
    return line


def _row(record: dict[str, Any], columns: list[Column], schema: PortalSchema) -> Row:
    """One record as export cells: labels for options, owner names, pipeline/stage labels."""
    row = {"hs_object_id": str(record["id"])}
    pipeline = str(_value(record, "hs_pipeline"))
    for column in columns:
        text = str(_value(record, column.name))
        if column.name == "hs_pipeline":
            text = schema.pipeline_label(text) if text else text
        elif column.name == "hs_pipeline_stage":
            stage = schema.stage(pipeline, text) if text else None
            text = stage.label if stage else text
        elif column.prop is not None and column.prop.owner or column.name == "hubspot_owner_id":
            text = schema.owners.get(text, text)
        elif column.prop is not None:
            text = column.prop.label_of(text)
        row[column.header] = text
    return row


def _value(record: dict[str, Any], name: str) -> str:
    value = (record.get("properties") or {}).get(name)
    return "" if value is None else str(value)


def _with_companies(row: Row, ids: list[str], names: dict[str, str]) -> Row:
    unique = list(dict.fromkeys(i for i in ids if i))
    row[COMPANY_IDS] = ";".join(unique)
    row[COMPANY_NAME] = ";".join(names[i] for i in unique if names.get(i))
    return row


def _merge(previous: tuple[list[str], list[Row]] | None, changed: list[Row]) -> list[Row]:
    """The previous export's rows with changed records replaced and new ones added."""
    if previous is None:
        return changed
    rows = {row.get("hs_object_id", ""): row for row in previous[1]}
    rows.update((row["hs_object_id"], row) for row in changed)
    return list(rows.values())


def _previous_exports(out_dir: Path) -> dict[str, tuple[list[str], list[Row]]]:
    """The newest export of each source in ``out_dir`` (header and rows)."""
    found = {}
    for source, pattern in FILE_NAMES.items():
        paths = sorted(out_dir.glob(pattern.format(day="*")))
        if not paths:
            continue
        try:
            with paths[-1].open(encoding="utf-8", newline="") as stream:
                reader = csv.DictReader(stream)
                rows = [dict(row) for row in reader]
                found[source] = (list(reader.fieldnames or []), rows)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise ConfigError(f"{paths[-1]}: cannot read the previous export to merge into "
                              f"({exc})") from None
    return found


def _write_exports(exports: list[tuple[Path, list[str], list[Row]]]) -> None:
    """UTF-8 CSVs with HubSpot's internal property names as headers, written as one set.

    Every file is written to a temporary name first and all are moved into place only when
    all are complete: a failure (disk full, quota) leaves the previous exports as they were,
    never today's companies beside yesterday's tickets.
    """
    staged: list[tuple[Path, Path]] = []
    path = exports[0][0]
    mask = os.umask(0)
    os.umask(mask)
    try:
        for path, header, rows in exports:
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                            dir=path.parent)
            staged.append((Path(name), path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                writer = csv.DictWriter(stream, fieldnames=header, extrasaction="ignore")
                writer.writeheader()
                writer.writerows(rows)
            os.chmod(name, 0o666 & ~mask)
        for temp, path in staged:
            os.replace(temp, path)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write the export ({exc.strerror or exc})") from None
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)


def _source_hint(config: Config, source: str, path: Path, out_dir: Path) -> str | None:
    """A note when the configuration would not read the file just written."""
    spec = getattr(config.sources, source)
    pattern = FILE_NAMES[source].format(day="*")
    if out_dir.resolve() != config.data_dir.resolve():
        return None
    if spec is None:
        return f"  note: add  {source} = \"{pattern}\"  to [sources] in {config.config_path.name}"
    if not fnmatch.fnmatch(path.name, Path(spec.path).name):
        return (f"  note: [sources] {source} = \"{spec.path}\" does not match {path.name}; "
                f"use \"{pattern}\"")
    return None
