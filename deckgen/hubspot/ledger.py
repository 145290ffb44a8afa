"""What deckgen already stored in HubSpot, by content hash, so a re-run creates nothing twice."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.clock import now
from deckgen.errors import PublishError
from deckgen.io import atomic_write
from deckgen.reading import ReadRefused, read_capped

VERSION = 1
LEDGER_MAX_BYTES = 64 << 20


def default_ledger_path(data_dir: Path) -> Path:
    """``<data>/.deckgen/hubspot-ledger.json``."""
    return data_dir / ".deckgen" / "hubspot-ledger.json"


def content_hash(*parts: bytes | str) -> str:
    """SHA-256 of the parts, each length-prefixed so that boundaries count."""
    digest = hashlib.sha256()
    for part in parts:
        raw = part.encode() if isinstance(part, str) else part
        digest.update(f"{len(raw)}:".encode())
        digest.update(raw)
    return digest.hexdigest()


@dataclass
class Ledger:
    """Files and engagements created, keyed by content hash; saved after every creation."""

    path: Path
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    engagements: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Ledger:
        """The ledger at ``path``; empty when the file does not exist yet."""
        if not os.path.lexists(path):
            return cls(path)
        try:
            raw = json.loads(read_capped(path, LEDGER_MAX_BYTES).decode("utf-8"))
            return cls(path, dict(raw.get("files", {})), dict(raw.get("engagements", {})))
        except (ValueError, AttributeError, TypeError, RecursionError, ReadRefused) as exc:
            raise PublishError(f"{path}: unreadable HubSpot ledger ({exc}); move it away to "
                               "start a new one") from None

    def file_id(self, key: str) -> str | None:
        """The HubSpot id of the file stored under ``key``."""
        entry = self.files.get(key)
        return str(entry["id"]) if entry else None

    def engagement_id(self, key: str) -> str | None:
        """The HubSpot id of the note or meeting stored under ``key``."""
        entry = self.engagements.get(key)
        return str(entry["id"]) if entry and entry.get("id") else None

    def pending(self, key: str) -> bool:
        """Whether a run began creating the engagement ``key`` and never recorded its id."""
        entry = self.engagements.get(key)
        return entry is not None and not entry.get("id")

    def mark_pending(self, key: str, kind: str, company_id: str) -> None:
        """Remember, before creating it, that the engagement ``key`` is being created; save."""
        self.engagements[key] = {"id": None, "kind": kind, "company_id": company_id,
                                 "at": _now()}
        self.save()

    def record_file(self, key: str, file_id: str, name: str, folder: str) -> None:
        """Remember an uploaded file and save."""
        self.files[key] = {"id": file_id, "name": name, "folder": folder, "at": _now()}
        self.save()

    def record_engagement(self, key: str, kind: str, engagement_id: str, company_id: str) -> None:
        """Remember a created note or meeting and save."""
        self.engagements[key] = {"id": engagement_id, "kind": kind, "company_id": company_id,
                                 "at": _now()}
        self.save()

    def save(self) -> None:
        """Write the ledger atomically."""
        data = {"version": VERSION, "files": self.files, "engagements": self.engagements}
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

        def write(temp: Path) -> None:
            temp.write_text(text, encoding="utf-8")

        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, write)


def _now() -> str:
    return now().isoformat(timespec="seconds")
