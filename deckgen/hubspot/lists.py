"""Reading many records: list pages, search windows under the 10,000 cap, batch associations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from deckgen.errors import PublishError

if TYPE_CHECKING:
    from deckgen.hubspot.client import HubSpotClient

OBJECTS = "/crm/v3/objects"
LIST_PAGE = 100
SEARCH_PAGE = 200
SEARCH_CAP = 10_000
BATCH_INPUTS = 1_000
PRIMARY_COMPANY = 1  # contact → company, "Primary"
MODIFIED = "hs_lastmodifieddate"


def list_objects(client: HubSpotClient, object_type: str, properties: list[str],
                 *, associations: tuple[str, ...] = (),
                 max_pages: int = 10_000) -> Iterator[dict[str, Any]]:
    """Every record of a CRM object type, following ``paging.next.after``."""
    params = {"limit": str(LIST_PAGE), "properties": ",".join(properties), "archived": "false"}
    if associations:
        params["associations"] = ",".join(associations)
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


def modified_since(client: HubSpotClient, object_type: str, properties: list[str], since: date,
                   *, max_pages: int = 10_000) -> list[dict[str, Any]]:
    """Every record modified on or after ``since`` (UTC), through the search API.

    Results come oldest change first; a query stops before HubSpot's 10,000-result cap and
    the next one starts at the last change read (records read twice are kept once). The
    client paces search requests (``[hubspot.pacing] search_per_second``).
    """
    start = int(datetime(since.year, since.month, since.day, tzinfo=UTC).timestamp() * 1000)
    found: dict[str, dict[str, Any]] = {}
    path = f"{OBJECTS}/{object_type}/search"
    wanted = list(dict.fromkeys([*properties, MODIFIED]))
    for _ in range(max_pages):
        body: dict[str, Any] = {
            "filterGroups": [{"filters": [{"propertyName": MODIFIED, "operator": "GTE",
                                           "value": str(start)}]}],
            "sorts": [{"propertyName": MODIFIED, "direction": "ASCENDING"}],
            "properties": wanted, "limit": SEARCH_PAGE,
        }
        after = 0
        while True:
            answer = client.post(path, body | ({"after": str(after)} if after else {}))
            results = answer.get("results", [])
            if not isinstance(results, list):
                raise PublishError(f"HubSpot answered POST {path} with 'results' that is not a "
                                   "list")
            for record in results:
                found[str(record["id"])] = record
            cursor = ((answer.get("paging") or {}).get("next") or {}).get("after")
            if not cursor:
                return list(found.values())
            after = int(cursor)
            if after + SEARCH_PAGE > SEARCH_CAP:
                break
        last = _millis((results[-1].get("properties") or {}).get(MODIFIED)) if results else None
        if last is None or last <= start:
            raise PublishError(f"more than {SEARCH_CAP:,} {object_type} changed at the same "
                               "instant; the search API cannot page through them (run a full "
                               "pull without --since)")
        start = last
    raise PublishError(f"POST {path} has more than {max_pages:,} pages; stopped")


def associations(client: HubSpotClient, object_type: str, to: str,
                 ids: list[str]) -> dict[str, list[tuple[str, bool]]]:
    """Record id → [(associated id, is primary)], read with the v4 batch endpoint."""
    linked: dict[str, list[tuple[str, bool]]] = {}
    path = f"/crm/v4/associations/{object_type}/{to}/batch/read"
    unique = list(dict.fromkeys(ids))
    for first in range(0, len(unique), BATCH_INPUTS):
        chunk = unique[first:first + BATCH_INPUTS]
        answer = client.post(path, {"inputs": [{"id": i} for i in chunk]})
        for result in answer.get("results") or []:
            source = str((result.get("from") or {}).get("id"))
            linked[source] = [
                (str(target["toObjectId"]),
                 any(t.get("typeId") == PRIMARY_COMPANY for t in target.get("associationTypes")
                     or []))
                for target in result.get("to") or []
            ]
    return linked


def _millis(value: Any) -> int | None:
    """An ISO date-time or epoch milliseconds as epoch milliseconds."""
    if value in (None, ""):
        return None
    text = str(value)
    if text.isdigit():
        return int(text)
    try:
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)
    except ValueError:
        return None
