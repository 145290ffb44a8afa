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
            for slot in ("accent1", "accent2", "dk2")}


@pytest.mark.parametrize("name", ["review.pptx", "portfolio.pptx", "kickoff.pptx"])
def test_brand_colours_are_theme_colours(name: str) -> None:
    with zipfile.ZipFile(TEMPLATES / name) as z:
        theme = _accents(z)
        accents = {theme["accent1"], theme["accent2"]}
        drawn = [(part, z.read(part).decode()) for part in z.namelist()
                 if part.startswith(DRAWN) and part.endswith(".xml")]
        fixed = [(part, rgb) for part, xml in drawn
                 for rgb in re.findall(r'<a:srgbClr val="(\w{6})"', xml) if rgb.upper() in accents]
        if theme["dk2"] in accents:  # the brand colour drawn through the dark text slot
            fixed += [(part, "tx2") for part, xml in drawn
                      if re.search(r'<a:schemeClr val="(tx2|dk2)"', xml)]
        used = sum(xml.count('<a:schemeClr val="accent1"') for _, xml in drawn)
    assert fixed == [], f"{name}: brand colours written as fixed RGB: {fixed[:5]}"
    assert used > 0, f"{name}: nothing drawn in the theme's accent1"


def test_brand_slots_mean_the_same_in_every_template() -> None:
    """``[brand] colors`` primary (accent1) and accent (accent2) recolour the same parts of
    every shipped deck: each template draws its main colour as accent1, its second as accent2."""
    slots = {}
    for name in ("review.pptx", "portfolio.pptx", "kickoff.pptx"):
        with zipfile.ZipFile(TEMPLATES / name) as z:
            theme = _accents(z)
        slots[name] = (theme["accent1"], theme["accent2"])
    assert len(set(slots.values())) == 1, slots
