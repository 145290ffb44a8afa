"""PDF conversion of rendered documents through LibreOffice, when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from deckgen.errors import RenderError


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


def convert_to_pdf(documents: list[Path], out_dir: Path, timeout: float = 300) -> list[Path]:
    """Convert documents to PDF in one LibreOffice start; return the PDF paths."""
    soffice = require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    # LibreOffice writes into a private folder beside the output; each finished PDF is then
    # moved into place whole, so a killed conversion leaves no half PDF.
    hidden = f".deckgen-pdf-{os.getpid()}-"  # a build removes those of killed runs
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix=hidden, dir=out_dir) as written:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            written,
            *map(str, documents),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice did not finish converting in {timeout:.0f} s") from None
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr.decode(errors="replace").strip().splitlines()
            raise RenderError(f"LibreOffice failed: {detail[-1] if detail else exc}") from None
        made = [Path(written) / (d.stem + ".pdf") for d in documents]
        missing = [p.name for p in made if not p.is_file()]
        if missing:
            raise RenderError(f"LibreOffice wrote no PDF for {', '.join(missing)}")
        for pdf in made:
            os.replace(pdf, out_dir / pdf.name)
    return [out_dir / pdf.name for pdf in made]
