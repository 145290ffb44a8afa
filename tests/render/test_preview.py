"""deckgen preview: one PNG per page and a contact sheet, read back with Pillow."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from PIL import Image
from pptx import Presentation

from deckgen.cli import main
from deckgen.render.preview import contact_sheet, find_documents

needs_tools = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")),
    reason="LibreOffice and poppler are not installed",
)


def _deck(path: Path, slides: int) -> Path:
    deck = Presentation()
    for number in range(slides):
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = f"Slide {number + 1}"
    deck.save(str(path))
    return path


def _page(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (200, 100)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


def test_contact_sheet_lays_pages_out_in_rows(tmp_path: Path) -> None:
    pages = [_page(tmp_path / f"p{i}.png", (10 * i, 80, 120)) for i in range(5)]
    sheet = contact_sheet(pages, tmp_path / "sheet.png", "deck.pptx", columns=2)
    with Image.open(sheet) as image:
        # 2 columns of 360-pixel thumbnails with 16-pixel gaps; 3 rows of 180 + label
        assert image.width == 16 + 2 * (360 + 16)
        assert image.height > 3 * 180
        # the first thumbnail holds the first page's colour
        assert image.getpixel((16 + 180, 40 + 90)) == (0, 80, 120)


def test_find_documents_walks_folders_and_refuses_other_files(tmp_path: Path) -> None:
    a = _deck(tmp_path / "a.pptx", 1)
    (tmp_path / "sub").mkdir()
    b = _deck(tmp_path / "sub" / "b.pptx", 1)
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "indicadores.xlsx").write_bytes(b"PK")  # the workbook beside a deck: not previewed
    (tmp_path / ".~lock.a.pptx#").write_text("x")
    assert find_documents([tmp_path]) == [a, b]
    result = CliRunner().invoke(main, ["preview", str(tmp_path / "notes.txt")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'notes.txt'}: not a document deckgen can preview "
        "(.pptx, .docx)"]
    missing = CliRunner().invoke(main, ["preview", str(tmp_path / "nope.pptx")])
    assert missing.exit_code == 1 and "no such file or folder" in missing.output


@pytest.mark.pdf
@needs_tools
def test_preview_of_a_deck_and_a_document(tmp_path: Path) -> None:
    deck = _deck(tmp_path / "review.pptx", 3)
    document = docx.Document()
    document.add_paragraph("Ata da reunião")
    document.save(str(tmp_path / "ata.docx"))
    result = CliRunner().invoke(main, ["preview", str(tmp_path), "--out", str(tmp_path / "png")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"ata.docx: 1 page(s) → {tmp_path / 'png' / 'ata.contact.png'}",
        f"review.pptx: 3 page(s) → {tmp_path / 'png' / 'review.contact.png'}",
    ]
    pages = sorted((tmp_path / "png" / "review.pages").glob("*.png"))
    assert [p.name for p in pages] == ["page-1.png", "page-2.png", "page-3.png"]
    with Image.open(pages[0]) as page:  # 10 × 7.5 in at 50 dpi
        assert page.size == (500, 375)
    with Image.open(tmp_path / "png" / "review.contact.png") as sheet:
        assert sheet.width == 16 + 3 * (360 + 16)
    assert deck.is_file()


@needs_tools
def test_two_documents_of_one_name_into_one_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _deck(tmp_path / "a" / "review.pptx", 1)
    _deck(tmp_path / "b" / "review.pptx", 1)
    result = CliRunner().invoke(main, ["preview", str(tmp_path), "--out", str(tmp_path / "png")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'png'}: two documents named 'review'; "
        "preview them into different folders (--out)"]
    assert not (tmp_path / "png").exists() or not list((tmp_path / "png").iterdir())
