"""Writing documents safely: atomic replacement, byte-deterministic OOXML zips, XML-safe text."""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from deckgen.clock import source_date_epoch

# XML 1.0 forbids these code points (and lone surrogates), whatever the escaping.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Documents never carry "now": without SOURCE_DATE_EPOCH every stamp is this instant.
FIXED_EPOCH = 946684800  # 2000-01-01T00:00:00Z
ZIP_MIN_EPOCH = 315532800  # 1980-01-01: zip cannot store earlier times

_CORE_STAMP = re.compile(
    rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)"
)
_LAST_MODIFIED_BY = re.compile(
    rb"<cp:lastModifiedBy\s*/>|<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>"
)
_LAST_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")
_REVISION = re.compile(rb"<cp:revision>[^<]*</cp:revision>")
_CONTENT_TYPES = "[Content_Types].xml"
_OFFICE_SUFFIXES = (".xlsx", ".xlsm", ".docx", ".pptx")


def strip_xml_illegal(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids; everything else is kept as is."""
    return _XML_ILLEGAL.sub("", text)


def source_epoch() -> int:
    """``SOURCE_DATE_EPOCH`` when set to an integer (the clock's), else 2000-01-01."""
    epoch = source_date_epoch()
    return FIXED_EPOCH if epoch is None else epoch


def normalize_ooxml_zip(path: Path, timestamp: int | None = None,
                        core: bytes | None = None) -> None:
    """Rewrite an Office zip so identical content gives identical bytes.

    Entry times become ``timestamp`` (default :func:`source_epoch`), core properties'
    created/modified/lastModifiedBy are fixed (or the document's ``core`` properties replace
    them), embedded Office files (chart workbooks) are normalised the same way, and entries
    are stored in a stable order.
    """
    path.write_bytes(normalize_ooxml_bytes(path.read_bytes(), timestamp, core))


def normalize_ooxml_bytes(data: bytes, timestamp: int | None = None,
                          core: bytes | None = None) -> bytes:
    """The bytes of an Office zip normalised as :func:`normalize_ooxml_zip` describes."""
    return _normalized(data, source_epoch() if timestamp is None else timestamp, core)


def _normalized(data: bytes, epoch: int, core: bytes | None = None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    for name, content in entries.items():
        if name.lower().endswith(_OFFICE_SUFFIXES) and content[:2] == b"PK":
            entries[name] = _normalized(content, epoch)
    return ooxml_zip(entries, epoch, core)


def ooxml_zip(entries: Mapping[str, bytes], timestamp: int | None = None,
              core: bytes | None = None) -> bytes:
    """An Office zip of ``entries`` (member name → bytes) with fixed times, order and core stamps.

    ``core`` (a whole ``docProps/core.xml``) replaces the document's core properties as
    given. Embedded documents are taken as they are; :func:`normalize_ooxml_bytes`
    normalises them.
    """
    epoch = max(ZIP_MIN_EPOCH, source_epoch() if timestamp is None else timestamp)
    stamp = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    date_time = time.gmtime(epoch)[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in _ordered(entries):
            content = entries[name]
            if name == "docProps/core.xml":
                content = _fixed_core(content, stamp) if core is None else core
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, content)
    return out.getvalue()


def _ordered(entries: Mapping[str, bytes]) -> list[str]:
    """Content types first (Office expects it), then ``_rels``, then everything by name."""
    names = sorted(entries)
    first = [n for n in (_CONTENT_TYPES, "_rels/.rels") if n in entries]
    return first + [n for n in names if n not in first]


def _fixed_core(xml: bytes, stamp: bytes) -> bytes:
    xml = _CORE_STAMP.sub(lambda m: m.group(1) + stamp + m.group(2), xml)
    xml = _LAST_MODIFIED_BY.sub(b"<cp:lastModifiedBy>deckgen</cp:lastModifiedBy>", xml)
    xml = _LAST_PRINTED.sub(b"", xml)
    return _REVISION.sub(b"<cp:revision>1</cp:revision>", xml)
