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


def default_template(kind: str, language: str | None = None, suffix: str = ".pptx") -> Path:
    """The default template of a kind ("review", "kickoff", "ata-revisao"...).

    One template serves every language (its wording comes from the labels at render time), so
    ``language`` does not choose the file; it is kept for callers that name it.
    """
    path = templates_dir() / f"{kind}{suffix}"
    if not path.is_file():
        raise RenderError(f"default template not found: {path}")
    return path


def choose_template(
    given: Path | None, configured: Path | None, kind: str, language: str | None = None
) -> Path:
    """The template to use: the one given, else the configured one, else the default of
    ``kind`` (the same file for every language)."""
    for candidate in (given, configured):
        if candidate is not None:
            if not candidate.is_file():
                raise RenderError(f"{candidate}: template not found")
            return candidate
    return default_template(kind, language)
