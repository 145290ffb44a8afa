"""Copying, deleting and ordering slides, with independent copies of every part a slide owns.

python-pptx has no such API (issues #67, #132, #536). A copied slide gets its own notes,
charts (with their embedded workbooks, styles and colours) and pictures, so changing one
copy never changes another (#688). Layouts, masters and media stay shared. Part names are
allocated from a set kept here, instead of python-pptx's linear search per part (#644).
"""

from __future__ import annotations

import copy
import re

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart, _Relationship
from pptx.opc.packuri import PackURI
from pptx.package import Package
from pptx.parts.presentation import PresentationPart
from pptx.parts.slide import SlidePart

from deckgen.render.pptx.ooxml import P, R

# Targets every copy keeps pointing at; everything else a slide relates to is duplicated.
SHARED_RELTYPES = frozenset({
    RT.SLIDE_LAYOUT, RT.SLIDE_MASTER, RT.NOTES_MASTER, RT.HANDOUT_MASTER, RT.THEME,
    RT.SLIDE, RT.MEDIA, RT.VIDEO, RT.AUDIO, RT.FONT, RT.PRES_PROPS, RT.VIEW_PROPS,
    RT.TABLE_STYLES, RT.COMMENT_AUTHORS,
})
_NUMBERED = re.compile(r"^(.*?)(\d*)(\.[^./]+)$")


class SlideDeck:
    """The slides of a presentation, with copy, delete and reorder."""

    def __init__(self, package: Package) -> None:
        self.presentation: PresentationPart = package.main_document_part
        self._package = package
        self._partnames = {part.partname for part in package.iter_parts()}
        self._sld_ids = self.presentation._element.find(f"{P}sldIdLst")

    def slide_parts(self) -> list[SlidePart]:
        """The slide parts in presentation order."""
        if self._sld_ids is None:
            return []
        related = self.presentation.related_part
        return [related(s.get(f"{R}id")) for s in self._sld_ids]  # type: ignore[misc]

    def _next_partname(self, partname: str) -> PackURI:
        match = _NUMBERED.match(partname)
        assert match is not None, partname
        stem, _, ext = match.groups()
        number = 1
        while True:
            candidate = PackURI(f"{stem}{number}{ext}")
            if candidate not in self._partnames:
                self._partnames.add(candidate)
                return candidate
            number += 1

    def _copy_part(self, part: Part, copies: dict[int, Part]) -> Part:
        """A new part with ``part``'s content and relationships, owned parts copied too."""
        partname = self._next_partname(str(part.partname))
        if isinstance(part, XmlPart):
            clone: Part = type(part)(partname, part.content_type, self._package,
                                     copy.deepcopy(part._element))
        else:
            clone = type(part).load(partname, part.content_type, self._package, part.blob)
        copies[id(part)] = clone
        rels = clone.rels._rels  # keep the same rIds: the copied XML refers to them
        for r_id, rel in part.rels.items():
            if rel.is_external:
                target: Part | str = rel.target_ref
            elif id(rel.target_part) in copies:
                target = copies[id(rel.target_part)]
            elif rel.reltype in SHARED_RELTYPES:
                target = rel.target_part
            else:
                target = self._copy_part(rel.target_part, copies)
            rels[r_id] = _Relationship(partname.baseURI, r_id, rel.reltype,
                                       rel._target_mode, target)
        return clone

    def duplicate(self, slide: SlidePart) -> SlidePart:
        """Add an independent copy of ``slide`` at the end of the deck."""
        clone = self._copy_part(slide, {})
        assert isinstance(clone, SlidePart)
        # a new part has no relationship yet: skip relate_to's search of every existing one
        r_id = self.presentation.rels._add_relationship(RT.SLIDE, clone)
        assert self._sld_ids is not None
        next_id = max((int(s.get("id", "255")) for s in self._sld_ids), default=255) + 1
        entry = copy.deepcopy(self._sld_ids[0])
        entry.set("id", str(next_id))
        entry.set(f"{R}id", r_id)
        self._sld_ids.append(entry)
        return clone

    def keep_only(self, ordered: list[SlidePart]) -> None:
        """Make ``ordered`` the deck's slides, in that order; every other slide is deleted."""
        if self._sld_ids is None:
            return
        by_part = {id(self.presentation.related_part(s.get(f"{R}id"))): s for s in self._sld_ids}
        wanted = [by_part[id(part)] for part in ordered]
        keep = {id(entry) for entry in wanted}
        for entry in list(self._sld_ids):
            self._sld_ids.remove(entry)
            if id(entry) not in keep:
                self.presentation.rels.pop(entry.get(f"{R}id"))
        self._sld_ids.extend(wanted)
