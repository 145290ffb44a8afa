"""Company records: read properties, change one, and the record's web address."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from deckgen.errors import ClientNotFound, PublishError
from deckgen.hubspot.client import HubSpotClient, HubSpotError
from deckgen.hubspot.schema import Property

COMPANIES = "/crm/v3/objects/companies"


@dataclass(frozen=True)
class PropertyChange:
    """A company property before and after an update (labels), and the internal value sent."""

    company_id: str
    name: str
    old: str | None
    new: str | None
    value: str = ""


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


def set_company_property(client: HubSpotClient, company_id: str, prop: Property,
                         text: str) -> PropertyChange:
    """Set one property to ``text`` (an option's label or internal value for a dropdown; the
    internal value is sent); the old and the new value as labels."""
    old = get_company(client, company_id, [prop.name]).get(prop.name)
    value = option_value(prop, text)
    answer = client.patch(_record(company_id), {"properties": {prop.name: value}})
    new = (answer.get("properties") or {}).get(prop.name, value) if not client.dry_run else value
    return PropertyChange(company_id, prop.name, prop.label_of(old) if old else old,
                          prop.label_of(new) if new else new, value)


def option_value(prop: Property, text: str) -> str:
    """The internal value to send for ``text``; for a dropdown one not among its options is an
    InputError listing the valid labels."""
    if not prop.enumerated:
        return text
    value = prop.value_of(text)
    if value is None:
        valid = ", ".join(f'"{label}"' for label, _ in prop.options)
        raise PublishError(f'"{text}" is not an option of \'{prop.label}\' ({prop.name}); valid: '
                         f"{valid}")
    return value


def record_url(client: HubSpotClient, company_id: str) -> str:
    """The company's page in the HubSpot app (its timeline shows notes and meetings)."""
    account = client.get("/account-info/v3/details")
    portal = account.get("portalId", "<portal>")
    domain = account.get("uiDomain") or "app.hubspot.com"
    return f"https://{domain}/contacts/{portal}/record/0-2/{company_id}"


def _record(company_id: str) -> str:
    """The API path of one company; the id is quoted, so it cannot reach another endpoint."""
    return f"{COMPANIES}/{urllib.parse.quote(company_id, safe='')}"
