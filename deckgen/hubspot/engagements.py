"""Notes and meetings on a company's timeline, with the minutes as body and files attached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from deckgen.errors import PublishError
from deckgen.hubspot.client import HubSpotClient

Kind = Literal["note", "meeting"]
NOTE_TO_COMPANY = 190
MEETING_TO_COMPANY = 188
MAX_BODY = 65_536


@dataclass(frozen=True)
class Engagement:
    """What to log on the company: body (HTML), attachments, when, and a meeting's details."""

    kind: Kind
    company_id: str
    body_html: str
    attachment_ids: tuple[str, ...]
    when: datetime
    title: str
    duration: timedelta = timedelta(hours=1)
    outcome: str = "COMPLETED"


def create_engagement(client: HubSpotClient, engagement: Engagement) -> str:
    """Create the note or meeting, associated with the company; its HubSpot id."""
    if len(engagement.body_html) > MAX_BODY:
        raise PublishError(f"the minutes have {len(engagement.body_html):,} characters; HubSpot "
                           f"accepts at most {MAX_BODY:,} in a {engagement.kind}")
    stamp = _iso(engagement.when)
    attachments = ";".join(engagement.attachment_ids)
    if engagement.kind == "note":
        path, type_id = "/crm/v3/objects/notes", NOTE_TO_COMPANY
        properties = {"hs_timestamp": stamp, "hs_note_body": engagement.body_html}
    else:
        path, type_id = "/crm/v3/objects/meetings", MEETING_TO_COMPANY
        properties = {
            "hs_timestamp": stamp,
            "hs_meeting_title": engagement.title,
            "hs_meeting_body": engagement.body_html,
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
    answer = client.post(path, body)
    if client.dry_run:
        return f"<id of the new {engagement.kind}>"
    if "id" not in answer:
        raise PublishError(f"HubSpot created the {engagement.kind} but returned no id")
    return str(answer["id"])


def _iso(moment: datetime) -> str:
    """UTC ISO 8601 with milliseconds, as HubSpot writes timestamps."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
