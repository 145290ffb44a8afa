"""Putting the brand's colours into an Office theme, so what uses theme colours follows them."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def recolored_theme(xml: bytes, colors: Mapping[str, str]) -> bytes:
    """The theme ``xml`` with each slot of ``colors`` (``accent1`` → ``"1F6FB2"``) set."""
    if not colors:
        return xml
    root = etree.fromstring(xml)
    scheme = root.find(f"{_A}themeElements/{_A}clrScheme")
    if scheme is None:
        return xml
    for slot, value in colors.items():
        entry = scheme.find(f"{_A}{slot}")
        if entry is None:
            continue
        for child in list(entry):
            entry.remove(child)
        entry.text = None
        etree.SubElement(entry, f"{_A}srgbClr", val=value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
