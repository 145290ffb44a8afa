"""Every file a sample client gets says what it is, for whom, by whom, in its language, and
carries the workspace's brand (logos found, colours in the theme)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from pptx import Presentation

from deckgen.pipelines.client_kickoff import write_client_kickoff
from deckgen.pipelines.handoff import write_handoff
from deckgen.pipelines.kickoff import write_kickoff
from deckgen.pipelines.minutes import write_minutes
from deckgen.pipelines.review import write_review
from deckgen.render.brand import brand_for
from deckgen.render.pdf import convert_to_pdf
from deckgen.sources.workspace import Workspace
from documents.samples import TODAY, review_period

CLIENT, CSM = "Mineração Serra Dourada S.A.", "Mariana Teixeira"


def _check(core: Any, title: str) -> None:
    assert core.title == title
    assert core.author == core.last_modified_by == CSM
    assert CLIENT in core.subject and "G-Certifica" in core.subject
    assert core.created.replace(tzinfo=None) == datetime(2026, 11, 20)
    assert core.modified.replace(tzinfo=None) == datetime(2026, 11, 20)


@pytest.fixture(scope="module")
def written(gcertifica: Workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("branded")
    start, end = review_period("gcertifica")
    review = write_review(gcertifica, CLIENT, out, start=start, end=end, today=TODAY,
                          language="en")
    return {
        "review": review.deck,
        "workbook": review.workbook,
        "minutes": write_minutes(gcertifica, CLIENT, out / "m", today=TODAY, start=start,
                                 end=end).docx,
        "kickoff": write_kickoff(gcertifica, CLIENT, out / "k", today=TODAY),
        "handoff": write_handoff(gcertifica, CLIENT, out / "h", today=TODAY, language="en"),
        "client_kickoff": write_client_kickoff(gcertifica, CLIENT, out / "c", today=TODAY)[0],
    }


def test_sample_brand_finds_the_vendor_and_client_logos(gcertifica: Workspace) -> None:
    brand = brand_for(gcertifica.config, "21457897718", CLIENT)
    assert brand.vendor == "G-Certifica"
    assert brand.vendor_logo and brand.client_logo and brand.vendor_logo != brand.client_logo
    assert brand.colors == {"primary": "#0B6E4F", "accent": "#F2A541"}
    assert brand_for(gcertifica.config, "21457893254", "Farmavida").client_logo is None


def test_decks_and_workbook_say_what_they_are(written: dict[str, Path]) -> None:
    _check(Presentation(str(written["review"])).core_properties,
           f"Customer review — {CLIENT} — 8/18/2026 – 11/15/2026")
    _check(Presentation(str(written["client_kickoff"])).core_properties,
           f"Kickoff do cliente — {CLIENT} — 20/11/2026")
    props = load_workbook(written["workbook"]).properties
    assert props.title == f"Customer review figures — {CLIENT} — 8/18/2026 – 11/15/2026"
    assert props.creator == props.lastModifiedBy == CSM


def test_minutes_say_what_they_are(written: dict[str, Path]) -> None:
    _check(Document(str(written["minutes"])).core_properties,
           f"Ata da reunião de revisão — {CLIENT} — 18/08/2026 – 15/11/2026")
    _check(Document(str(written["kickoff"])).core_properties,
           f"Ata do kickoff interno — {CLIENT} — 20/11/2026")
    _check(Document(str(written["handoff"])).core_properties,
           f"Hand-over minutes — {CLIENT} — 11/20/2026")


@pytest.mark.parametrize("name", ["review", "client_kickoff", "minutes"])
def test_brand_colours_are_in_every_theme(written: dict[str, Path], name: str) -> None:
    with zipfile.ZipFile(written[name]) as package:
        themes = [package.read(n) for n in package.namelist() if "/theme/theme" in n]
    assert themes and all(b'<a:accent1><a:srgbClr val="0B6E4F"/>' in t for t in themes)


@pytest.mark.pdf
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice or poppler's pdfinfo is not installed")
def test_pdf_keeps_title_and_author(written: dict[str, Path], tmp_path: Path) -> None:
    pdfs = convert_to_pdf([written["review"], written["minutes"]], tmp_path)
    infos = [subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True,
                            timeout=60).stdout for pdf in pdfs]
    assert f"Title:           Customer review — {CLIENT} — 8/18/2026 – 11/15/2026" in infos[0]
    assert f"Title:           Ata da reunião de revisão — {CLIENT}" in infos[1]
    assert all(f"Author:          {CSM}" in info for info in infos)
    assert not any("deckgen" in info for info in infos)
