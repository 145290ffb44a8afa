"""Replacing a template picture with an image file or bytes, fitted inside the original box,
or removing it (on a slide, a layout or a master)."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from lxml import etree
from pptx.parts.slide import BaseSlidePart

from deckgen.reading import template_problem
from deckgen.render.pptx.ooxml import A, P, R


class PictureError(ValueError):
    """The bound value cannot be used as a picture; the message says why."""


def replace_picture(slide: BaseSlidePart, pic: etree._Element, image: Any) -> None:
    """Point ``pic`` at ``image`` (path or bytes), centred in its box, aspect ratio kept."""
    if pic.tag != f"{P}pic":
        raise PictureError("an image: binding must name a picture")
    if isinstance(image, bytes | bytearray):
        source: Any = io.BytesIO(bytes(image))
    elif isinstance(image, str | os.PathLike):
        path = Path(image)
        problem = template_problem(path)  # a regular file under the templates' cap
        if problem is not None:
            raise PictureError(f"image file {path}: {problem.replace('template ', '')}")
        source = str(path)
    else:
        raise PictureError(f"expected an image path or bytes, got {type(image).__name__}")
    blip = pic.find(f"{P}blipFill/{A}blip")
    if blip is None:
        raise PictureError("the picture has no image to replace")
    try:
        part, r_id = slide.get_or_add_image_part(source)
        width_px, height_px = part.image.size
    except Exception as exc:  # noqa: BLE001 - Pillow and python-pptx raise many kinds
        raise PictureError(f"cannot read the image ({exc})") from None
    old = blip.get(f"{R}embed")
    blip.set(f"{R}embed", r_id)
    if old and old != r_id:
        drop_unused_rel(slide, old)
    src_rect = pic.find(f"{P}blipFill/{A}srcRect")
    if src_rect is not None:
        src_rect.getparent().remove(src_rect)
    _fit(pic, width_px, height_px)


def remove_picture(slide: BaseSlidePart, pic: etree._Element) -> None:
    """Remove ``pic`` from its shape tree, and its image when nothing else shows it."""
    if pic.tag != f"{P}pic":
        raise PictureError("an image: binding must name a picture")
    r_ids = {value for element in pic.iter() for name, value in element.attrib.items()
             if name.startswith(R)}
    pic.getparent().remove(pic)
    for r_id in r_ids:
        drop_unused_rel(slide, r_id)


_ATTRIBUTES_EQUAL_TO = etree.XPath("//@*[. = $value]")


def drop_unused_rel(part: BaseSlidePart, r_id: str) -> None:
    """Drop the relationship ``r_id`` when no attribute of the part's XML refers to it."""
    for attribute in _ATTRIBUTES_EQUAL_TO(part._element, value=r_id):
        if str(attribute.attrname).startswith(R):
            return
    if r_id in part.rels:
        part.rels.pop(r_id)


def _fit(pic: etree._Element, width_px: int, height_px: int) -> None:
    xfrm = pic.find(f"{P}spPr/{A}xfrm")
    if xfrm is None or width_px <= 0 or height_px <= 0:
        return
    off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
    if off is None or ext is None:
        return
    box_w, box_h = int(ext.get("cx", "0")), int(ext.get("cy", "0"))
    scale = min(box_w / width_px, box_h / height_px)
    new_w, new_h = round(width_px * scale), round(height_px * scale)
    off.set("x", str(int(off.get("x", "0")) + (box_w - new_w) // 2))
    off.set("y", str(int(off.get("y", "0")) + (box_h - new_h) // 2))
    ext.set("cx", str(new_w))
    ext.set("cy", str(new_h))
