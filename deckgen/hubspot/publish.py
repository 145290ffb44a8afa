"""Publish a meeting's files and minutes on the client's HubSpot company, exactly once."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from deckgen.clock import now
from deckgen.config import HubSpotSettings, LimitSettings
from deckgen.errors import PublishError
from deckgen.hubspot.auth import connect
from deckgen.hubspot.client import HubSpotClient, RetryPolicy
from deckgen.hubspot.companies import record_url
from deckgen.hubspot.engagements import (
    Engagement,
    Kind,
    create_engagement,
    find_engagement,
    reference,
)
from deckgen.hubspot.files import content_type, folder_path, stored_name, upload_file
from deckgen.hubspot.ledger import Ledger, content_hash
from deckgen.reading import ReadRefused, check_regular, read_capped

BODY = re.compile(r"<body[^>]*>(.*)</body>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class PublishedFile:
    """One file in HubSpot; ``reused`` when an earlier run had already uploaded it."""

    path: Path
    file_id: str
    reused: bool


@dataclass(frozen=True)
class PublishResult:
    """What a publish created or found: files, the note or meeting, the company's page."""

    company_id: str
    kind: Kind
    files: tuple[PublishedFile, ...]
    engagement_id: str
    engagement_reused: bool
    link: str | None


def publish_files(
    settings: HubSpotSettings,
    company_id: str,
    client_slug: str,
    files: Sequence[Path],
    *,
    ledger_path: Path,
    minutes_html: str | None = None,
    kind: Kind = "note",
    meeting_date: datetime | None = None,
    title: str | None = None,
    dry_run: bool = False,
    echo: Callable[[str], None] = print,
    retry: RetryPolicy | None = None,
    max_file_bytes: int = LimitSettings().bytes("publish"),
) -> PublishResult:
    """Upload ``files`` and log a note or meeting with them on the company; idempotent.

    A ledger at ``ledger_path`` maps content hashes to HubSpot ids, so a re-run (or a run
    after an interruption) uploads and creates only what is missing; an engagement a run
    began but never recorded is looked for on the company (by its reference) before it is
    created again. Uploaded names carry a content hash (:func:`stored_name`). A dry run prints the
    requests and sends nothing. Every file must be a regular file of at most
    ``max_file_bytes`` (``[limits] publish_mb``), checked before anything is sent.
    """
    client = connect(settings, dry_run=dry_run, echo=echo, retry=retry)
    if not files and minutes_html is None:
        raise PublishError("nothing to publish: give files, minutes or both")
    for path in files:
        _readable(path, max_file_bytes)
    ledger = Ledger.load(ledger_path)
    folder = folder_path(settings.folder, client_slug)
    uploads = [_publish_file(client, ledger, path, folder, echo, max_file_bytes)
               for path in files]
    published = [file for file, _ in uploads]
    body = minutes_body(minutes_html) if minutes_html is not None else _file_list(files)
    when = meeting_date or now()
    key = content_hash(kind, company_id, body, meeting_date.isoformat() if meeting_date else "",
                       *(file_key for _, file_key in uploads))
    existing = ledger.engagement_id(key)
    if existing is None and ledger.pending(key):
        existing = find_engagement(client, kind, company_id, reference(key))
        if existing:
            ledger.record_engagement(key, kind, existing, company_id)
            echo(f"found {kind} {existing} on company {company_id}, created by a run that "
                 "stopped before recording it")
    if existing:
        echo(f"{kind} {existing} already on company {company_id}")
        engagement_id = existing
    else:
        engagement = Engagement(
            kind=kind,
            company_id=company_id,
            body_html=body,
            attachment_ids=tuple(p.file_id for p in published),
            when=when,
            title=title or f"{client_slug} {when:%Y-%m-%d}",
            reference=reference(key),
        )
        if not dry_run:
            ledger.mark_pending(key, kind, company_id)
        engagement_id = create_engagement(client, engagement)
        if not dry_run:
            ledger.record_engagement(key, kind, engagement_id, company_id)
            echo(f"created {kind} {engagement_id} on company {company_id}")
    link = None if dry_run else record_url(client, company_id)
    if link:
        echo(f"  {link}")
    return PublishResult(company_id, kind, tuple(published), engagement_id,
                         existing is not None, link)


def read_minutes(path: Path, max_bytes: int = LimitSettings().bytes("text")) -> str:
    """The HTML minutes file given to ``publish --minutes``: a regular UTF-8 file, capped."""
    try:
        return read_capped(path, max_bytes).decode("utf-8-sig")
    except ReadRefused as exc:
        raise PublishError(f"{path}: cannot read the minutes: {exc}") from None
    except UnicodeDecodeError as exc:
        raise PublishError(f"{path}: the minutes are not UTF-8 text (byte 0x"
                           f"{exc.object[exc.start]:02X} at offset {exc.start})") from None


def minutes_body(minutes_html: str) -> str:
    """The part of an HTML document that goes into a note: what is inside ``<body>``."""
    match = BODY.search(minutes_html)
    return (match.group(1) if match else minutes_html).strip()


def _readable(path: Path, max_bytes: int) -> None:
    try:
        check_regular(path, max_bytes)
    except ReadRefused as exc:
        raise PublishError(f"{path}: cannot publish: {exc}") from None


def _publish_file(client: HubSpotClient, ledger: Ledger, path: Path, folder: str,
                  echo: Callable[[str], None], max_bytes: int) -> tuple[PublishedFile, str]:
    try:
        content = read_capped(path, max_bytes)
    except ReadRefused as exc:
        raise PublishError(f"{path}: cannot publish: {exc}") from None
    key = content_hash(folder, path.name, content)
    known = ledger.file_id(key)
    if known:
        echo(f"{path.name}: already in HubSpot (file {known})")
        return PublishedFile(path, known, True), key
    file_id = upload_file(client, path.name, content, folder, content_type(path))
    if not client.dry_run:
        name = stored_name(path.name, content)
        ledger.record_file(key, file_id, name, folder)
        echo(f"uploaded {path.name} to {folder} as {name} (file {file_id})")
    return PublishedFile(path, file_id, False), key


def _file_list(files: Sequence[Path]) -> str:
    return "<p>" + "<br>".join(html.escape(p.name) for p in files) + "</p>"
