"""Notes and meetings on a company's timeline, with the minutes as body and files attached.

Each body ends with a reference (``deckgen-ref-`` and 16 hex digits of the content hash), so
a note whose creation answer was lost, or that a crashed run never recorded, is found again
among the company's associated notes (v4 associations, then a batch read) and reused.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from deckgen.errors import PublishError
from deckgen.hubspot.client import HubSpotClient

Kind = Literal["note", "meeting"]
NOTE_TO_COMPANY = 190
MEETING_TO_COMPANY = 188
MAX_BODY = 65_536
BATCH = 100
MAX_PAGES = 1_000
BODY_PROPERTY = {"note": "hs_note_body", "meeting": "hs_meeting_body"}


def reference(key: str) -> str:
    """The reference written into the body of the engagement with content hash ``key``."""
    return f"deckgen-ref-{key[:16]}"


@dataclass(frozen=True)
class Engagement:
    """What to log on the company: body (HTML), attachments, when, and a meeting's details."""

    kind: Kind
    company_id: str
    body_html: str
    attachment_ids: tuple[str, ...]
    when: datetime
    title: str
    reference: str
    duration: timedelta = timedelta(hours=1)
    outcome: str = "COMPLETED"


def create_engagement(client: HubSpotClient, engagement: Engagement) -> str:
    """Create the note or meeting, associated with the company; its HubSpot id.

    When an attempt's answer is lost, the company's notes (meetings) are searched for the
    engagement's reference before the create is sent again.
    """
    body_html = f"{engagement.body_html}<p><small>{engagement.reference}</small></p>"
    if len(body_html) > MAX_BODY:
        raise PublishError(f"the minutes have {len(body_html):,} characters; HubSpot "
                           f"accepts at most {MAX_BODY:,} in a {engagement.kind}")
    stamp = _iso(engagement.when)
    attachments = ";".join(engagement.attachment_ids)
    if engagement.kind == "note":
        path, type_id = "/crm/v3/objects/notes", NOTE_TO_COMPANY
        properties = {"hs_timestamp": stamp, "hs_note_body": body_html}
    else:
        path, type_id = "/crm/v3/objects/meetings", MEETING_TO_COMPANY
        properties = {
            "hs_timestamp": stamp,
            "hs_meeting_title": engagement.title,
            "hs_meeting_body": body_html,
            "hs_meeting_start_time": stamp,
            "hs_meeting_end_time": _iso(engagement.when + engagement.duration),
            "hs_meeting_outcome": engagement.outcome,
        }
    if attachments:
        properties["hs_attachment_ids"] = attachments
    body = {
        "properties": properties,
        "associations": [{
            "to": {"id": engagement.company_id},
            "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": type_id}],
        }],
    }
    def recover() -> dict[str, Any] | None:
        found = find_engagement(client, engagement.kind, engagement.company_id,
                                engagement.reference)
        return {"id": found} if found else None

    answer = client.create(path, body, recover)
    if client.dry_run:
        return f"<id of the new {engagement.kind}>"
    if "id" not in answer:
        raise PublishError(f"HubSpot created the {engagement.kind} but returned no id")
    return str(answer["id"])


def find_engagement(client: HubSpotClient, kind: Kind, company_id: str,
                    ref: str) -> str | None:
    """The id of the company's note (meeting) whose body holds ``ref``, newest first; None."""
    plural = f"{kind}s"
    linked: list[str] = []
    params = {"limit": "500"}
    seen: set[str] = set()
    for _ in range(MAX_PAGES):
        answer = client.get(f"/crm/v4/objects/companies/{urllib.parse.quote(company_id, safe='')}"
                            f"/associations/{plural}", params)
        linked += [str(link["toObjectId"]) for link in answer.get("results") or []]
        after = ((answer.get("paging") or {}).get("next") or {}).get("after")
        if not after or str(after) in seen:
            break
        seen.add(str(after))
        params = {"limit": "500", "after": str(after)}
    newest = sorted(set(linked), key=lambda i: (len(i), i), reverse=True)
    body = BODY_PROPERTY[kind]
    for start in range(0, len(newest), BATCH):
        inputs = [{"id": i} for i in newest[start:start + BATCH]]
        answer = client.post(f"/crm/v3/objects/{plural}/batch/read",
                             {"properties": [body], "inputs": inputs})
        for record in answer.get("results") or []:
            if ref in str((record.get("properties") or {}).get(body) or ""):
                return str(record["id"])
    return None


def _iso(moment: datetime) -> str:
    """UTC ISO 8601 with milliseconds, as HubSpot writes timestamps."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
