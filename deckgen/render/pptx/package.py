"""Loading templates (parsed once, cloned per render) and saving deterministic ``.pptx`` bytes.

A render changes only the presentation part, the package-level parts (core properties), what
the slides own (notes, charts, pictures) and the layouts or masters that bind pictures. Every
other part (the other layouts and masters, themes…) is shared by all the clones of a template,
unchanged, and serialised once.
"""

from __future__ import annotations

import copy
import os
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import quoteattr

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart, _Relationship, _Relationships
from pptx.opc.packuri import PackURI
from pptx.opc.spec import default_content_types
from pptx.package import Package

from deckgen.render.output import ooxml_zip
from deckgen.render.pptx.slides import SHARED_RELTYPES

_CACHE_SIZE = 8
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


@dataclass(frozen=True)
class LoadedTemplate:
    """A fresh package of a template, the zip entries of the parts it shares unchanged, and the
    parsed template it was cloned from (which lives as long as the template stays cached)."""

    package: Package
    unchanged: Mapping[Part, Mapping[str, bytes]]
    source: Package

    def save(self, core: bytes | None = None) -> bytes:
        """The package as a deterministic ``.pptx`` (``core``: its core properties' XML)."""
        return package_bytes(self.package, self.unchanged, core)


_templates: OrderedDict[tuple[str, int, int, Hashable], LoadedTemplate] = OrderedDict()


@lru_cache(maxsize=4096)
def _relative_ref(target: PackURI, base_uri: str) -> str:
    return target.relative_ref(base_uri)


@lru_cache(maxsize=4096)
def _attribute(value: str) -> str:
    """``value`` quoted as an XML attribute (part names and types recur in every render)."""
    return quoteattr(value)


def _rels_xml(rels: _Relationships, base_uri: str) -> bytes:
    def order(r_id: str) -> tuple[int, str]:
        number = r_id[3:]
        return (int(number) if r_id.startswith("rId") and number.isdigit() else 0, r_id)

    lines = [f'{_DECLARATION}<Relationships xmlns="{_RELS_NS}">']
    for r_id in sorted(rels.keys(), key=order):
        rel = rels[r_id]
        external = ' TargetMode="External"' if rel.is_external else ""
        target = rel.target_ref if rel.is_external else _relative_ref(rel.target_partname,
                                                                      base_uri)
        lines.append(f"<Relationship Id={_attribute(r_id)} Type={_attribute(rel.reltype)} "
                     f"Target={_attribute(target)}{external}/>")
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
    lines += [f"<Default Extension={_attribute(e)} ContentType={_attribute(c)}/>"
              for e, c in sorted(defaults.items())]
    lines += [f"<Override PartName={_attribute(n)} ContentType={_attribute(c)}/>"
              for n, c in sorted(overrides.items())]
    lines.append("</Types>")
    return "".join(lines).encode("utf-8")


def _entries(part: Part) -> dict[str, bytes]:
    """The zip entries of one part: its content and, if it has relationships, its ``.rels``."""
    entries = {part.partname.membername: part.blob}
    if len(part.rels):
        entries[part.partname.rels_uri.membername] = _rels_xml(part.rels,
                                                               part.partname.baseURI)
    return entries


def package_bytes(package: Package, unchanged: Mapping[Part, Mapping[str, bytes]],
                  core: bytes | None = None) -> bytes:
    """The package as a deterministic ``.pptx``: only parts reachable from its relationships.

    ``unchanged`` holds the entries of parts known to be as they were serialised; ``core``
    replaces the core properties.
    """
    parts = list(package.iter_parts())
    entries = {"[Content_Types].xml": _content_types_xml(parts),
               "_rels/.rels": _rels_xml(package._rels, "/")}
    for part in parts:
        saved = unchanged.get(part)
        entries.update(saved if saved is not None else _entries(part))
    return ooxml_zip(entries, core=core)


def load_package(
    path: Path,
    prepare: Callable[[Package], None] | None = None,
    variant: Hashable = None,
    per_render: Callable[[Part], bool] | None = None,
) -> LoadedTemplate:
    """A fresh, independent package of the template at ``path``.

    The file is parsed once per content (path, size and modification time) and ``variant``;
    ``prepare`` then changes the parsed package once for that variant (e.g. puts one language's
    words in place, the brand's theme colours). Later calls clone the parts a render changes
    (those of the slides, and the parts ``per_render`` names, e.g. a layout binding a picture),
    which costs a fraction of parsing, and share the others.
    """
    stat = os.stat(path)
    key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns, variant)
    pristine = _templates.get(key)
    if pristine is None:
        package = Package.open(str(path))
        if prepare is not None:
            prepare(package)
        pristine = LoadedTemplate(package, {part: _entries(part)
                                            for part in _unchanged_parts(package, per_render)},
                                  package)
        _templates[key] = pristine
        while len(_templates) > _CACHE_SIZE:
            _templates.popitem(last=False)
    _templates.move_to_end(key)
    return LoadedTemplate(clone_package(pristine.package, pristine.unchanged.keys()),
                          pristine.unchanged, pristine.package)


def _unchanged_parts(
    package: Package, per_render: Callable[[Part], bool] | None = None
) -> set[Part]:
    """Parts no render changes, none of which relates to a part a render may change."""
    main = package.main_document_part
    changed: set[Part] = {main, *(r.target_part for r in package._rels.values()
                                  if not r.is_external)}
    if per_render is not None:
        changed.update(part for part in package.iter_parts() if per_render(part))
    owned = [r.target_part for r in main.rels.values() if r.reltype == RT.SLIDE]
    while owned:
        part = owned.pop()
        if part not in changed:
            changed.add(part)
            owned.extend(r.target_part for r in part.rels.values()
                         if not r.is_external and r.reltype not in SHARED_RELTYPES)
    unchanged = set(package.iter_parts()) - changed
    while True:
        relating = {part for part in unchanged
                    if any(not r.is_external and r.target_part not in unchanged
                           for r in part.rels.values())}
        if not relating:
            return unchanged
        unchanged -= relating


def clone_package(package: Package, shared: Collection[Part] = ()) -> Package:
    """A deep copy of ``package``: same part names and relationships, new part objects.

    The ``shared`` parts (which must relate only to shared parts) are not copied.
    """
    clone = Package(package._pkg_file)
    parts = list(package.iter_parts())
    copies: dict[Part, Part] = {part: part for part in shared}
    for part in parts:
        if part in copies:
            continue
        if isinstance(part, XmlPart):
            copies[part] = type(part)(part.partname, part.content_type, clone,
                                      copy.deepcopy(part._element))
        else:
            copies[part] = type(part).load(part.partname, part.content_type, clone, part.blob)

    def copy_rels(source: _Relationships, target: _Relationships) -> None:
        for r_id, rel in source.items():
            to = rel.target_ref if rel.is_external else copies[rel.target_part]
            target._rels[r_id] = _Relationship(target._base_uri, r_id, rel.reltype,
                                               rel._target_mode, to)

    copy_rels(package._rels, clone._rels)
    for part in parts:
        if copies[part] is not part:
            copy_rels(part.rels, copies[part].rels)
    return clone
