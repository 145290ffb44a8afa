"""Loading templates (parsed once, cloned per render) and saving deterministic ``.pptx`` bytes."""

from __future__ import annotations

import copy
import os
from collections import OrderedDict
from pathlib import Path
from xml.sax.saxutils import quoteattr

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.package import Part, XmlPart, _Relationship, _Relationships
from pptx.opc.spec import default_content_types
from pptx.package import Package

from deckgen.render.output import ooxml_zip

_CACHE_SIZE = 4
_templates: OrderedDict[tuple[str, int, int], Package] = OrderedDict()
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def _rels_xml(rels: _Relationships) -> bytes:
    def order(r_id: str) -> tuple[int, str]:
        number = r_id[3:]
        return (int(number) if r_id.startswith("rId") and number.isdigit() else 0, r_id)

    lines = [f'{_DECLARATION}<Relationships xmlns="{_RELS_NS}">']
    for r_id in sorted(rels.keys(), key=order):
        rel = rels[r_id]
        external = ' TargetMode="External"' if rel.is_external else ""
        lines.append(f"<Relationship Id={quoteattr(r_id)} Type={quoteattr(rel.reltype)} "
                     f"Target={quoteattr(rel.target_ref)}{external}/>")
    lines.append("</Relationships>")
    return "".join(lines).encode("utf-8")


def _content_types_xml(parts: list) -> bytes:
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext.lower()
        if (ext, part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    lines = [f'{_DECLARATION}<Types xmlns="{_TYPES_NS}">']
    lines += [f"<Default Extension={quoteattr(e)} ContentType={quoteattr(c)}/>"
              for e, c in sorted(defaults.items())]
    lines += [f"<Override PartName={quoteattr(n)} ContentType={quoteattr(c)}/>"
              for n, c in sorted(overrides.items())]
    lines.append("</Types>")
    return "".join(lines).encode("utf-8")


def package_bytes(package: Package) -> bytes:
    """The package as a deterministic ``.pptx``: only parts reachable from its relationships."""
    parts = list(package.iter_parts())
    entries = {"[Content_Types].xml": _content_types_xml(parts),
               "_rels/.rels": _rels_xml(package._rels)}
    for part in parts:
        entries[part.partname.membername] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = _rels_xml(part.rels)
    return ooxml_zip(entries)


def load_package(path: Path) -> Package:
    """A fresh, independent package of the template at ``path``.

    The file is parsed once per content (path, size and modification time); later calls clone
    the parsed parts, which costs a fraction of parsing.
    """
    stat = os.stat(path)
    key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    pristine = _templates.get(key)
    if pristine is None:
        pristine = Package.open(str(path))
        _templates[key] = pristine
        while len(_templates) > _CACHE_SIZE:
            _templates.popitem(last=False)
    _templates.move_to_end(key)
    return clone_package(pristine)


def clone_package(package: Package) -> Package:
    """A deep copy of ``package``: same part names and relationships, new part objects."""
    clone = Package(package._pkg_file)
    parts = list(package.iter_parts())
    copies: dict[int, Part] = {}
    for part in parts:
        if isinstance(part, XmlPart):
            copies[id(part)] = type(part)(part.partname, part.content_type, clone,
                                          copy.deepcopy(part._element))
        else:
            copies[id(part)] = type(part).load(part.partname, part.content_type, clone,
                                               part.blob)

    def copy_rels(source: _Relationships, target: _Relationships) -> None:
        for r_id, rel in source.items():
            to = rel.target_ref if rel.is_external else copies[id(rel.target_part)]
            target._rels[r_id] = _Relationship(target._base_uri, r_id, rel.reltype,
                                               rel._target_mode, to)

    copy_rels(package._rels, clone._rels)
    for part in parts:
        copy_rels(part.rels, copies[id(part)].rels)
    return clone
