"""Company records: read properties, change one, and the record's web address."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from deckgen.errors import ClientNotFound, PublishError
from deckgen.hubspot.client import HubSpotClient, HubSpotError

COMPANIES = "/crm/v3/objects/companies"


@dataclass(frozen=True)
class PropertyChange:
    """A company property before and after an update."""

    company_id: str
    name: str
    old: str | None
    new: str | None


def get_company(client: HubSpotClient, company_id: str,
                properties: list[str]) -> dict[str, str | None]:
    """The named properties of one company (custom ones are returned only when named)."""
    try:
        answer = client.get(_record(company_id), {"properties": ",".join(properties)})
    except HubSpotError as exc:
        if exc.status == 404:
            raise ClientNotFound(f"HubSpot has no company with Record ID {company_id}") from None
        raise
    found = answer.get("properties") or {}
    if not isinstance(found, dict):
        raise PublishError(f"HubSpot answered GET {COMPANIES}/{company_id} without a properties "
                           "object")
    return dict(found)


def set_company_property(client: HubSpotClient, company_id: str, name: str,
                         value: str) -> PropertyChange:
    """Set one property of a company; the old and the new value."""
    old = get_company(client, company_id, [name]).get(name)
    answer = client.patch(_record(company_id), {"properties": {name: value}})
    new = (answer.get("properties") or {}).get(name, value) if not client.dry_run else value
    return PropertyChange(company_id, name, old, new)


def record_url(client: HubSpotClient, company_id: str) -> str:
    """The company's page in the HubSpot app (its timeline shows notes and meetings)."""
    account = client.get("/account-info/v3/details")
    portal = account.get("portalId", "<portal>")
    domain = account.get("uiDomain") or "app.hubspot.com"
    return f"https://{domain}/contacts/{portal}/record/0-2/{company_id}"


def _record(company_id: str) -> str:
    """The API path of one company; the id is quoted, so it cannot reach another endpoint."""
    return f"{COMPANIES}/{urllib.parse.quote(company_id, safe='')}"
