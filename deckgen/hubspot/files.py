"""Upload a file to HubSpot's file manager, privately, into the client's folder."""

from __future__ import annotations

import hashlib
import json
import mimetypes
from pathlib import Path

from deckgen.config import FOLDER_FIELDS, placeholder_problem
from deckgen.errors import PublishError
from deckgen.hubspot.client import HubSpotClient, Upload

OFFICE_TYPES = {
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UPLOAD_OPTIONS = {
    "access": "PRIVATE",
    "overwrite": False,
    "duplicateValidationStrategy": "RETURN_EXISTING",
    "duplicateValidationScope": "EXACT_FOLDER",
}


def folder_path(template: str, client_slug: str) -> str:
    """The file-manager folder of a client: ``[hubspot] folder`` with ``{client_slug}`` filled.

    Only the plain name ``{client_slug}`` is expanded: no attribute, index, conversion or
    format specification (``{client_slug.__class__}`` would reach Python objects).
    """
    problem = placeholder_problem(template, FOLDER_FIELDS)
    if problem:
        raise PublishError(f"[hubspot] folder = {template!r}: {problem}")
    folder = template.format(client_slug=client_slug)
    return "/" + folder.strip("/")


def stored_name(name: str, content: bytes) -> str:
    """The file name uploaded: ``name`` with 8 hex digits of the content's SHA-256 before the
    extension, so a re-rendered file never matches (and is never answered with) an older one."""
    stem, dot, extension = name.rpartition(".")
    digest = hashlib.sha256(content).hexdigest()[:8]
    return f"{stem}-{digest}.{extension}" if dot and stem else f"{name}-{digest}"


def content_type(path: Path) -> str:
    """The MIME type sent with a file."""
    return OFFICE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or (
        "application/octet-stream")


def upload_file(client: HubSpotClient, name: str, content: bytes, folder: str,
                mime: str) -> str:
    """Upload one file under its :func:`stored_name` (HubSpot returns the existing one if the
    folder already holds it); a returned file of another size is refused as stale."""
    upload = Upload(
        fields={"options": json.dumps(UPLOAD_OPTIONS), "folderPath": folder},
        file_name=stored_name(name, content),
        content=content,
        content_type=mime,
    )
    answer = client.upload("/files/v3/files", upload)
    if client.dry_run:
        return f"<id of {name}>"
    if "id" not in answer:
        raise PublishError(f"HubSpot stored {name} but returned no file id")
    size = answer.get("size")
    if isinstance(size, int) and size != len(content):
        raise PublishError(f"HubSpot answered the upload of {name} ({len(content):,} bytes) with "
                           f"file {answer['id']} of {size:,} bytes in {folder}; not attached, it "
                           "may be an older file (move it away in the file manager, then publish "
                           "again)")
    return str(answer["id"])
