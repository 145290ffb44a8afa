"""Font files for a typeface name and text widths measured with them (Pillow/FreeType).

Office fonts map to metric-compatible free ones (Calibri → Carlito, Arial → Liberation Sans…);
files are looked up in ``deckgen/fonts``, the usual font folders and, failing that, fontconfig.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache, lru_cache
from pathlib import Path

from PIL import ImageFont

# Metric-compatible replacements (same advance widths) for common Office typefaces.
ALIASES: dict[str, str] = {
    "calibri": "Carlito",
    "calibri light": "Carlito",
    "aptos": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "arial narrow": "Liberation Sans Narrow",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "courier new": "Liberation Mono",
    "courier": "Liberation Mono",
    "segoe ui": "DejaVu Sans",
    "verdana": "DejaVu Sans",
    "tahoma": "DejaVu Sans",
}
FALLBACK_FAMILIES = ("Carlito", "Liberation Sans", "DejaVu Sans")
_STYLE_SUFFIXES = {
    (False, False): ("Regular", "Book", "Roman", ""),
    (True, False): ("Bold",),
    (False, True): ("Italic", "Oblique"),
    (True, True): ("BoldItalic", "BoldOblique"),
}
_EXTENSIONS = (".ttf", ".otf", ".ttc")
# Fonts are loaded once at this pixel size; widths scale linearly with the point size.
REFERENCE_SIZE = 100


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path(__file__).resolve().parents[2] / "fonts", home / ".local/share/fonts",
            home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    if sys.platform == "darwin":
        dirs += [home / "Library/Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts")
    return dirs


@cache
def _font_index() -> dict[str, str]:
    """Font files by their lower-case file stem without separators (``liberationsansbold``)."""
    index: dict[str, str] = {}
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in sorted(files):
                stem, ext = os.path.splitext(name)
                if ext.lower() in _EXTENSIONS:
                    key = stem.lower().replace("-", "").replace("_", "").replace(" ", "")
                    index.setdefault(key, os.path.join(root, name))
    return index


def _from_index(family: str, bold: bool, italic: bool) -> str | None:
    index = _font_index()
    compact = family.lower().replace(" ", "")
    for suffix in _STYLE_SUFFIXES[(bold, italic)]:
        found = index.get(compact + suffix.lower())
        if found:
            return found
    return None


def _from_fontconfig(family: str, bold: bool, italic: bool) -> str | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = family + (":bold" if bold else "") + (":italic" if italic else "")
    try:
        done = subprocess.run([fc_match, "-f", "%{file}", pattern], capture_output=True,
                              text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    path = done.stdout.strip()
    return path if path and os.path.isfile(path) else None


@lru_cache(maxsize=256)
def font_file(family: str, bold: bool = False, italic: bool = False) -> str | None:
    """The font file used to measure ``family`` (its metric-compatible stand-in if needed)."""
    wanted = ALIASES.get(family.strip().lower(), family.strip())
    for name in (wanted, *FALLBACK_FAMILIES):
        for style in ((bold, italic), (bold, False), (False, False)):
            found = _from_index(name, *style)
            if found:
                return found
        if name == wanted:
            found = _from_fontconfig(wanted, bold, italic)
            if found:
                return found
    return None


@lru_cache(maxsize=256)
def load_font(family: str, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
    """The font at :data:`REFERENCE_SIZE` pixels (Pillow's own font if no file is found)."""
    path = font_file(family, bold, italic)
    if path is None:
        return ImageFont.load_default(REFERENCE_SIZE)  # type: ignore[return-value]
    return ImageFont.truetype(path, REFERENCE_SIZE)


@lru_cache(maxsize=65536)
def _reference_width(text: str, family: str, bold: bool, italic: bool) -> float:
    """Advance width of ``text`` at :data:`REFERENCE_SIZE`; kept across renders."""
    return load_font(family, bold, italic).getlength(text)


def text_width(text: str, family: str, bold: bool, italic: bool, size_pt: float) -> float:
    """Advance width of ``text`` at ``size_pt`` points (cached per font and string)."""
    return _reference_width(text, family, bold, italic) * size_pt / REFERENCE_SIZE


@lru_cache(maxsize=256)
def line_factor(family: str, bold: bool = False, italic: bool = False) -> float:
    """Single line spacing as a multiple of the font size (at least 1.2, as Office does)."""
    ascent, descent = load_font(family, bold, italic).getmetrics()
    return max(1.2, (ascent + descent) / REFERENCE_SIZE)
