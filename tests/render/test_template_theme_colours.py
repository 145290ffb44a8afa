"""The shipped PowerPoint templates draw their brand colours from the theme, so a workspace's
``[brand] colors`` (written into the theme at render) recolour every slide, table and chart."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
DRAWN = ("ppt/slides/", "ppt/slideLayouts/", "ppt/slideMasters/", "ppt/charts/")


def _accents(z: zipfile.ZipFile) -> dict[str, str]:
    theme = z.read("ppt/theme/theme1.xml").decode()
    return {slot: re.search(rf'<a:{slot}><a:srgbClr val="(\w{{6}})"', theme).group(1).upper()
            for slot in ("accent1", "accent2")}


@pytest.mark.parametrize("name", ["review.pptx", "portfolio.pptx", "kickoff.pptx"])
def test_brand_colours_are_theme_colours(name: str) -> None:
    with zipfile.ZipFile(TEMPLATES / name) as z:
        accents = _accents(z)
        fixed = [(part, rgb) for part in z.namelist() if part.startswith(DRAWN)
                 and part.endswith(".xml")
                 for rgb in re.findall(r'<a:srgbClr val="(\w{6})"', z.read(part).decode())
                 if rgb.upper() in accents.values()]
        used = sum(z.read(part).decode().count('<a:schemeClr val="accent1"')
                   for part in z.namelist() if part.startswith(DRAWN) and part.endswith(".xml"))
    assert fixed == [], f"{name}: brand colours written as fixed RGB: {fixed[:5]}"
    assert used > 0, f"{name}: nothing drawn in the theme's accent1"
