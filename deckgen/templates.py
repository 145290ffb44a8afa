"""Where the default templates are: packaged in the wheel, or the repository's ``templates/``."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import RenderError


def templates_dir() -> Path:
    """The folder of default templates, wherever deckgen is installed."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def default_template(kind: str, suffix: str | None = None) -> Path:
    """The default template of a kind ("review", "kickoff", "ata-revisao"...): ``<kind>.pptx``
    or ``<kind>.docx`` (``suffix`` says which when given). One template serves every language:
    its wording comes from the labels at render time."""
    for candidate in (suffix,) if suffix else (".pptx", ".docx"):
        path = templates_dir() / f"{kind}{candidate}"
        if path.is_file():
            return path
    raise RenderError(f"default template not found: {templates_dir() / kind}{suffix or '.pptx'}")


def choose_template(given: Path | None, configured: Path | None, kind: str) -> Path:
    """The template to use: the one given, else the configured one, else the default of
    ``kind`` (the same file for every language)."""
    for candidate in (given, configured):
        if candidate is not None:
            if not candidate.exists():  # a folder or a device: the renderer says which
                raise RenderError(f"{candidate}: template not found")
            return candidate
    return default_template(kind)
