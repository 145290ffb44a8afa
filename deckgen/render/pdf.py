"""PDF conversion of rendered documents through LibreOffice, when it is installed.

LibreOffice writes into a private folder beside the output (``.deckgen-pdf-PID-…``, which a
later build removes when its process is gone); a finished PDF is then moved into place whole,
so a killed conversion leaves no half PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from deckgen.errors import RenderError

TIMEOUT = 300.0  # seconds for one LibreOffice run


def soffice_path() -> str | None:
    """The LibreOffice executable, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The LibreOffice executable, or a RenderError saying how to install it."""
    soffice = soffice_path()
    if soffice is None:
        raise RenderError(
            "--pdf needs LibreOffice, which is not installed "
            "(Debian/Ubuntu: apt-get install libreoffice-impress libreoffice-writer)"
        )
    return soffice


def _hidden(folder: Path) -> tempfile.TemporaryDirectory[str]:
    """A private folder in ``folder`` named after this process (see :mod:`deckgen.io`)."""
    return tempfile.TemporaryDirectory(prefix=f".deckgen-pdf-{os.getpid()}-", dir=folder)


def _convert(documents: list[Path], written: Path, timeout: float, what: str) -> list[Path]:
    """Run LibreOffice once on ``documents`` into ``written``; the PDFs, in order.

    Errors start with ``what`` (the documents, as the user knows them).
    """
    soffice = require_soffice()
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(written), *map(str, documents)]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        except subprocess.TimeoutExpired:
            raise RenderError(f"{what}: LibreOffice did not finish converting it to PDF in "
                              f"{timeout:.0f} s") from None
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr.decode(errors="replace").strip().splitlines()
            raise RenderError(f"{what}: LibreOffice failed to convert it to PDF: "
                              f"{detail[-1] if detail else exc}") from None
    made = [written / (d.stem + ".pdf") for d in documents]
    missing = [p.name for p in made if not p.is_file() or p.stat().st_size == 0]
    if missing:
        raise RenderError(f"{what}: LibreOffice wrote no PDF ({', '.join(missing)})")
    return made


def convert_to_pdf(documents: list[Path], out_dir: Path, timeout: float = TIMEOUT) -> list[Path]:
    """Convert documents to PDF in one LibreOffice start; return the PDF paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with _hidden(out_dir) as written:
        made = _convert(documents, Path(written), timeout, ", ".join(map(str, documents)))
        for pdf in made:
            os.replace(pdf, out_dir / pdf.name)
    return [out_dir / pdf.name for pdf in made]


def write_pdf(document: Path, final: Path, pdf: Path, timeout: float = TIMEOUT) -> None:
    """Convert ``document`` (a temporary file that will become ``final``) to PDF at ``pdf``.

    LibreOffice sees the document under its final name (a link in a private folder), so the
    PDF is what converting ``final`` would give; errors name ``final``.
    """
    with _hidden(pdf.parent) as work:
        staged = Path(work) / final.name
        try:
            os.link(document, staged)
        except OSError:  # a file system without hard links
            shutil.copyfile(document, staged)
        made = _convert([staged], Path(work) / "pdf", timeout, str(final))
        os.replace(made[0], pdf)
