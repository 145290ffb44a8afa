"""Every document converts to PDF with LibreOffice and reads as the data says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from deckgen.pipelines.client_kickoff import write_client_kickoff
from deckgen.pipelines.handoff import write_handoff
from deckgen.pipelines.kickoff import write_kickoff
from deckgen.pipelines.minutes import write_minutes
from deckgen.render.pdf import convert_to_pdf
from deckgen.sources.workspace import Workspace
from documents.samples import TODAY, review_period

pytestmark = [pytest.mark.pdf, pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed: PDF conversion not tested",
)]


def test_documents_convert_to_pdf(workspaces: dict[str, Workspace], tmp_path: Path) -> None:
    documents = []
    for name, query in (("gcertifica", "Mineração Serra Dourada"), ("sismetro", "Frigorífico")):
        workspace = workspaces[name]
        out = tmp_path / name
        documents.append(write_kickoff(workspace, query, out, today=TODAY))
        documents.append(write_handoff(workspace, query, out, today=TODAY))
        documents.append(write_client_kickoff(workspace, query, out, today=TODAY)[0])
    start, end = review_period("sismetro")
    documents.append(write_minutes(workspaces["sismetro"], "Hospital Santa Helena", tmp_path,
                                   today=TODAY, start=start, end=end).docx)
    unique = [d.with_name(f"{i}-{d.name}") for i, d in enumerate(documents)]
    for source, target in zip(documents, unique, strict=True):
        source.rename(target)
    pdfs = convert_to_pdf(unique, tmp_path / "pdf")  # one LibreOffice start
    texts = [
        subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True,
                       check=True).stdout if shutil.which("pdftotext") else ""
        for p in pdfs
    ]
    assert all(p.stat().st_size > 5_000 for p in pdfs)
    if shutil.which("pdftotext"):
        assert "Ata do KickOff interno" in texts[0] and "Mineração Serra Dourada" in texts[0]
        assert "Ata da passagem de bastão" in texts[1]
        assert "Nosso time" in texts[2] and "Cronograma da implantação" in texts[2]
        assert "Plano de onboarding" in texts[5] and "Patrimônios" in texts[5]
        assert "Ata da reunião de acompanhamento" in texts[6]
        assert "{{" not in "".join(texts[:6])
