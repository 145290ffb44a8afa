"""Pictures of finished documents: one PNG per page and a contact sheet per document.

LibreOffice turns the document into PDF (:mod:`deckgen.render.pdf`), poppler's ``pdftoppm``
turns each page into a PNG, and Pillow lays the pages out on one sheet, so a deck can be
looked at (in a pull request, a CI artifact, a chat) without opening PowerPoint.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckgen.errors import RenderError
from deckgen.io import atomic_write
from deckgen.render.pdf import convert_to_pdf

DOCUMENT_SUFFIXES = (".pptx", ".docx")  # what LibreOffice Impress and Writer convert
_THUMB_WIDTH = 360
_GAP = 16
_LABEL = 22
_BACKGROUND = (255, 255, 255)
_FRAME = (200, 200, 200)
_INK = (60, 60, 60)
_FONTS = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf")


@dataclass(frozen=True)
class Preview:
    """The pictures of one document: its pages and the sheet that shows them all."""

    document: Path
    pages: list[Path]
    sheet: Path


def find_documents(paths: list[Path]) -> list[Path]:
    """The documents named, and those inside the folders named (recursively), in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.suffix in DOCUMENT_SUFFIXES and p.is_file() and not p.name.startswith(".")
            )
        elif path.is_file():
            if path.suffix not in DOCUMENT_SUFFIXES:
                raise RenderError(f"{path}: not a document deckgen can preview "
                                  f"({', '.join(DOCUMENT_SUFFIXES)})")
            found.append(path)
        else:
            raise RenderError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def require_pdftoppm() -> str:
    """The ``pdftoppm`` executable, or a RenderError saying how to install it."""
    found = shutil.which("pdftoppm")
    if found is None:
        raise RenderError("preview needs pdftoppm, which is not installed "
                          "(Debian/Ubuntu: apt-get install poppler-utils)")
    return found


def page_images(pdf: Path, folder: Path, dpi: int) -> list[Path]:
    """Every page of ``pdf`` as ``folder/page-N.png`` (numbered from 1), replacing old pages."""
    pdftoppm = require_pdftoppm()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()
    try:
        subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(folder / "page")],
                       capture_output=True, check=True, timeout=300)
    except subprocess.TimeoutExpired:
        raise RenderError(f"{pdf}: pdftoppm did not finish in 300 s") from None
    except subprocess.CalledProcessError as exc:
        detail = exc.stderr.decode(errors="replace").strip().splitlines()
        raise RenderError(f"{pdf}: pdftoppm failed: {detail[-1] if detail else exc}") from None
    pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if not pages:
        raise RenderError(f"{pdf}: pdftoppm wrote no page")
    return pages


def _font(size: int) -> Any:
    from PIL import ImageFont

    for name in _FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def contact_sheet(pages: list[Path], out: Path, title: str, columns: int = 4) -> Path:
    """One PNG showing every page as a numbered thumbnail under ``title``."""
    from PIL import Image, ImageDraw

    thumbs = []
    for page in pages:
        with Image.open(page) as image:
            height = round(image.height * _THUMB_WIDTH / image.width)
            size = (_THUMB_WIDTH, height)
            thumbs.append(image.convert("RGB").resize(size, Image.Resampling.LANCZOS))
    columns = max(1, min(columns, len(thumbs)))
    rows = -(-len(thumbs) // columns)
    cell_h = max(t.height for t in thumbs) + _LABEL
    width = _GAP + columns * (_THUMB_WIDTH + _GAP)
    header = 40
    sheet = Image.new("RGB", (width, header + rows * (cell_h + _GAP) + _GAP), _BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((_GAP, 12), title, fill=_INK, font=_font(18))
    small = _font(13)
    for number, thumb in enumerate(thumbs):
        row, column = divmod(number, columns)
        x = _GAP + column * (_THUMB_WIDTH + _GAP)
        y = header + row * (cell_h + _GAP)
        sheet.paste(thumb, (x, y))
        draw.rectangle((x - 1, y - 1, x + thumb.width, y + thumb.height), outline=_FRAME)
        draw.text((x, y + thumb.height + 4), str(number + 1), fill=_INK, font=small)
    atomic_write(out, lambda temp: sheet.save(temp, format="PNG", optimize=True))
    return out


def _fresh_pdf(document: Path) -> Path | None:
    """The PDF written beside ``document`` (``build --pdf``) when it is newer, else None."""
    pdf = document.with_suffix(".pdf")
    if pdf.is_file() and pdf.stat().st_mtime >= document.stat().st_mtime:
        return pdf
    return None


def preview(documents: list[Path], out_dir: Path | None = None, *, dpi: int = 50,
            columns: int = 4) -> list[Preview]:
    """PNG pages and a contact sheet of each document: ``<stem>.pages/page-N.png`` and
    ``<stem>.contact.png`` in ``out_dir`` (default: beside each document). A PDF already
    written beside a document (``--pdf``) and newer than it is used as is."""
    if not documents:
        raise RenderError("no document to preview")
    require_pdftoppm()
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for document in documents:
        by_folder[out_dir or document.parent].append(document)
    previews: list[Preview] = []
    with tempfile.TemporaryDirectory(prefix="deckgen-preview-") as scratch:
        for number, (folder, group) in enumerate(by_folder.items()):
            stems = [d.stem for d in group]
            twice = next((stem for stem in stems if stems.count(stem) > 1), None)
            if twice is not None:
                raise RenderError(f"{folder}: two documents named {twice!r}; "
                                  "preview them into different folders (--out)")
            pdfs = {d: _fresh_pdf(d) for d in group}
            stale = [d for d, pdf in pdfs.items() if pdf is None]
            if stale:
                pdfs.update(zip(stale, convert_to_pdf(stale, Path(scratch) / str(number)),
                                strict=True))
            for document in group:
                pdf = pdfs[document]
                assert pdf is not None
                pages = page_images(pdf, folder / f"{document.stem}.pages", dpi)
                sheet = contact_sheet(pages, folder / f"{document.stem}.contact.png",
                                      document.name, columns)
                previews.append(Preview(document, pages, sheet))
    return previews
