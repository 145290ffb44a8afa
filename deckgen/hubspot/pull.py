"""Read companies, tickets and survey answers from the CRM API into CSV exports for the readers."""

from __future__ import annotations

import csv
import fnmatch
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from deckgen.clock import build_date
from deckgen.config import Config
from deckgen.errors import PublishError, RenderError
from deckgen.hubspot.client import HubSpotClient, HubSpotError

OBJECTS = "/crm/v3/objects"
COMPANY_PROPERTIES = ("name", "hubspot_owner_id", "notes_last_contacted",
                      "hs_lifecyclestage_customer_date")
TICKET_PROPERTIES = ("subject", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority",
                     "hs_ticket_category", "createdate", "closed_date", "first_agent_reply_date",
                     "hubspot_owner_id", "hs_time_to_close_sla_status")
SURVEY_PROPERTIES = ("hs_survey_type", "hs_value", "hs_content", "hs_submission_timestamp")
COMPANY_IDS = "Associated Company IDs"
COMPANY_NAME = "Associated Company"
FILE_NAMES = {
    "companies": "hubspot-crm-exports-all-companies-{day}.csv",
    "tickets": "hubspot-crm-exports-all-tickets-{day}.csv",
    "surveys": "hubspot-crm-exports-all-feedback-submissions-{day}.csv",
}

Row = dict[str, str]


@dataclass(frozen=True)
class PullResult:
    """The files written and how many rows each holds."""

    files: dict[str, Path]
    rows: dict[str, int]


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

    ``since`` keeps tickets created on or after it (and every ticket still open) and survey
    answers submitted on or after it; companies are always read whole.
    """
    day = (today or build_date()).isoformat()
    try:
        tables = _fetch_tables(client, config, since, echo)
    except (KeyError, TypeError, AttributeError, IndexError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise PublishError(f"HubSpot answered in a shape deckgen does not know ({detail}); "
                           "nothing was written") from None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{out_dir}: cannot create the folder ({exc.strerror or exc})") from None
    files = {source: out_dir / FILE_NAMES[source].format(day=day) for source in tables}
    _write_exports([(files[source], header, rows) for source, (header, rows) in tables.items()])
    for source, (_, rows) in tables.items():
        path = files[source]
        echo(f"wrote {path} ({len(rows)} rows)")
        hint = _source_hint(config, source, path, out_dir)
        if hint:
            echo(hint)
    return PullResult(files, {source: len(rows) for source, (_, rows) in tables.items()})


Tables = dict[str, tuple[list[str], list[Row]]]


def _fetch_tables(client: HubSpotClient, config: Config, since: date | None,
                  echo: Callable[[str], None]) -> Tables:
    """Companies, tickets and survey answers as (header, rows), read page by page."""
    settings = config.hubspot
    pages = config.limits.hubspot_pages
    owners = _owners(client, echo, pages)
    owner_columns = ("hubspot_owner_id", settings.owner_cs_property)
    company_props = _unique([*COMPANY_PROPERTIES, settings.phase_property,
                             settings.interval_property, settings.owner_cs_property,
                             *settings.company_properties])
    companies = [_row(r, company_props, owners, owner_columns)
                 for r in list_objects(client, "companies", company_props, max_pages=pages)]
    names = {row["hs_object_id"]: row.get("name", "") for row in companies}

    ticket_props = _unique([*TICKET_PROPERTIES, *settings.ticket_properties])
    stages = _pipeline_labels(client)
    tickets = []
    for record in list_objects(client, "tickets", ticket_props, associations="companies",
                               max_pages=pages):
        row = _row(record, ticket_props, owners, owner_columns)
        pipeline = row.get("hs_pipeline", "")
        row["hs_pipeline_stage"] = stages.get((pipeline, row.get("hs_pipeline_stage", "")),
                                              row.get("hs_pipeline_stage", ""))
        row["hs_pipeline"] = stages.get((pipeline, ""), pipeline)
        if since and _day(row.get("createdate")) < since and row.get("closed_date"):
            continue
        tickets.append(_with_companies(row, record, names))

    surveys = []
    for record in list_objects(client, "feedback_submissions", list(SURVEY_PROPERTIES),
                               associations="companies", max_pages=pages):
        row = _row(record, list(SURVEY_PROPERTIES), owners, ())
        if since and _day(row.get("hs_submission_timestamp")) < since:
            continue
        surveys.append(_with_companies(row, record, names))

    tables = {
        "companies": (["hs_object_id", *company_props], companies),
        "tickets": (["hs_object_id", *ticket_props, COMPANY_IDS, COMPANY_NAME], tickets),
        "surveys": (["hs_object_id", *SURVEY_PROPERTIES, COMPANY_IDS, COMPANY_NAME], surveys),
    }
    return tables


def list_objects(client: HubSpotClient, object_type: str, properties: list[str],
                 *, associations: str | None = None,
                 max_pages: int = 10_000) -> Iterator[dict[str, Any]]:
    """Every record of a CRM object type, following ``paging.next.after``."""
    params = {"limit": "100", "properties": ",".join(properties), "archived": "false"}
    if associations:
        params["associations"] = associations
    yield from pages(client, f"{OBJECTS}/{object_type}", params, max_pages)


def pages(client: HubSpotClient, path: str, params: dict[str, str],
          max_pages: int) -> Iterator[dict[str, Any]]:
    """The results of every page of a list, following ``paging.next.after``.

    A cursor HubSpot already gave (the list would loop) or more than ``max_pages`` pages
    (``[limits] hubspot_pages``) is a :class:`~deckgen.errors.PublishError`.
    """
    seen: set[str] = set()
    after: str | None = None
    for _ in range(max_pages):
        answer = client.get(path, params | ({"after": after} if after else {}))
        results = answer.get("results", [])
        if not isinstance(results, list):
            raise PublishError(f"HubSpot answered GET {path} with 'results' that is not a list")
        yield from results
        cursor = ((answer.get("paging") or {}).get("next") or {}).get("after")
        if not cursor:
            return
        after = str(cursor)
        if after in seen:
            raise PublishError(f"HubSpot repeated the paging cursor {after[:40]!r} on GET {path} "
                               f"after {len(seen) + 1} pages; stopped (the list would never end)")
        seen.add(after)
    raise PublishError(f"GET {path} has more than {max_pages:,} pages; stopped (raise [limits] "
                       "hubspot_pages if the account really holds that many records)")


def _owners(client: HubSpotClient, echo: Callable[[str], None],
            max_pages: int = 10_000) -> dict[str, str]:
    """Owner id → name (or e-mail); empty, with a warning, when the app may not read owners."""
    owners: dict[str, str] = {}
    try:
        for owner in pages(client, "/crm/v3/owners", {"limit": "100"}, max_pages):
            name = " ".join(filter(None, (owner.get("firstName"), owner.get("lastName"))))
            owners[str(owner["id"])] = name or str(owner.get("email") or owner["id"])
        return owners
    except HubSpotError as exc:
        if exc.status != 403:
            raise
        echo("warning: owners stay as ids (add the scope crm.objects.owners.read to show names)")
        return {}


def _pipeline_labels(client: HubSpotClient) -> dict[tuple[str, str], str]:
    """(pipeline id, stage id) → stage label, and (pipeline id, "") → pipeline label."""
    labels: dict[tuple[str, str], str] = {}
    for pipeline in client.get("/crm/v3/pipelines/tickets").get("results", []):
        pid = str(pipeline["id"])
        labels[(pid, "")] = str(pipeline.get("label") or pid)
        for stage in pipeline.get("stages", []):
            labels[(pid, str(stage["id"]))] = str(stage.get("label") or stage["id"])
    return labels


def _row(record: dict[str, Any], properties: list[str], owners: dict[str, str],
         owner_columns: tuple[str, ...]) -> Row:
    values = record.get("properties") or {}
    row = {"hs_object_id": str(record["id"])}
    for name in properties:
        value = values.get(name)
        text = "" if value is None else str(value)
        row[name] = owners.get(text, text) if name in owner_columns else text
    return row


def _with_companies(row: Row, record: dict[str, Any], names: dict[str, str]) -> Row:
    linked = ((record.get("associations") or {}).get("companies") or {}).get("results", [])
    ids = _unique([str(link["id"]) for link in linked])
    row[COMPANY_IDS] = ";".join(ids)
    row[COMPANY_NAME] = ";".join(names.get(i, "") for i in ids if names.get(i))
    return row


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


def _day(text: str | None) -> date:
    if not text:
        return date.min
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return date.min


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
