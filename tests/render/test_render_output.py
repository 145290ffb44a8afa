"""Atomic writes, deterministic Office zips and XML-safe text."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from deckgen.errors import RenderError
from deckgen.io import atomic_write
from deckgen.render.output import (
    normalize_ooxml_bytes,
    normalize_ooxml_zip,
    strip_xml_illegal,
)

CORE = (
    b'<?xml version="1.0"?><cp:coreProperties xmlns:cp="cp" xmlns:dcterms="d">'
    b'<dcterms:created xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09Z</dcterms:created>'
    b"<cp:lastModifiedBy>someone</cp:lastModifiedBy>"
    b'<dcterms:modified xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09Z</dcterms:modified>'
    b"</cp:coreProperties>"
)


def _zip(entries: dict[str, bytes], when: tuple[int, ...]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in entries.items():
            target.writestr(zipfile.ZipInfo(name, date_time=when), data)  # type: ignore[arg-type]
    return buffer.getvalue()


def test_strip_xml_illegal_keeps_everything_else() -> None:
    text = "a\x00b\x08c\x0bd\x0ce\x1ff\ufffeg\uffffh\ud800i"
    assert strip_xml_illegal(text) == "abcdefghi"
    kept = "tab\tnew\nline\rcarriage <tag> & \"quotes\" 'x' emoji \U0001f600 ç"
    assert strip_xml_illegal(kept) == kept


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    atomic_write(target, lambda temp: temp.write_bytes(b"first"))
    atomic_write(target, lambda temp: temp.write_bytes(b"second"))
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_failed_write_leaves_previous_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"good")

    def broken(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        atomic_write(target, broken)
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_unwritable_folder_is_a_render_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(RenderError, match="file/sub: cannot create the output folder"):
        atomic_write(tmp_path / "file" / "sub" / "deck.pptx", lambda temp: None)
    atomic_write(tmp_path / "new" / "deck.pptx", lambda temp: temp.write_bytes(b"x"))
    assert (tmp_path / "new" / "deck.pptx").read_bytes() == b"x"  # a missing folder is made
    if os.geteuid() == 0:
        return  # root writes anywhere; the permission case cannot be shown
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(RenderError, match="cannot write in folder"):
            atomic_write(locked / "deck.pptx", lambda temp: None)
    finally:
        locked.chmod(0o700)


def test_normalized_zip_is_byte_identical_whatever_the_times(tmp_path: Path) -> None:
    inner_a = _zip({"docProps/core.xml": CORE, "xl/workbook.xml": b"<w/>"}, (2030, 1, 2, 3, 4, 6))
    inner_b = _zip({"xl/workbook.xml": b"<w/>", "docProps/core.xml": CORE}, (2033, 9, 9, 9, 9, 8))
    a = _zip(
        {
            "b.xml": b"<b/>",
            "[Content_Types].xml": b"<t/>",
            "docProps/core.xml": CORE,
            "ppt/embeddings/Book1.xlsx": inner_a,
        },
        (2031, 1, 1, 0, 0, 0),
    )
    b = _zip(
        {
            "[Content_Types].xml": b"<t/>",
            "ppt/embeddings/Book1.xlsx": inner_b,
            "docProps/core.xml": CORE,
            "b.xml": b"<b/>",
        },
        (2035, 6, 6, 6, 6, 6),
    )
    assert normalize_ooxml_bytes(a) == normalize_ooxml_bytes(b)
    path = tmp_path / "x.pptx"
    path.write_bytes(a)
    normalize_ooxml_zip(path, timestamp=0)
    with zipfile.ZipFile(path) as result:
        assert result.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in result.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = result.read("docProps/core.xml")
    assert b"2031" not in core and b"someone" not in core
    assert b"<cp:lastModifiedBy>deckgen</cp:lastModifiedBy>" in core


def test_source_date_epoch_sets_the_stamps(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _zip({"docProps/core.xml": CORE}, (2031, 1, 1, 0, 0, 0))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    with zipfile.ZipFile(io.BytesIO(normalize_ooxml_bytes(data))) as result:
        assert result.infolist()[0].date_time == (2023, 11, 14, 22, 13, 20)
        assert b"2023-11-14T22:13:20Z" in result.read("docProps/core.xml")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    with zipfile.ZipFile(io.BytesIO(normalize_ooxml_bytes(data))) as result:
        assert b"2000-01-01T00:00:00Z" in result.read("docProps/core.xml")
