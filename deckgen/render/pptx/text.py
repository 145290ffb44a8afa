"""Jinja2 tags inside DrawingML text bodies: tags split across runs, inline and ``{%p %}`` blocks.

A text body becomes one Jinja template. Each piece of template text is preceded by a marker
naming the run it came from, and each paragraph by a marker naming its source paragraph; the
markers are XML-illegal control characters, so neither the template nor the data (which is
stripped of them) can contain them. The rendered string is cut at the markers and rebuilt as
paragraphs and runs that keep the formatting of the run each piece came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree
from pptx.oxml.xmlchemy import OxmlElement

from deckgen.render.jinja import normalize_tag_quotes
from deckgen.render.pptx.ooxml import A, copy_element

RUN = "\x01"  # RUN + index + RUN_END precedes text from that run
RUN_END = "\x02"
PARA = "\x03"  # PARA + index + PARA_END starts an output paragraph made from that paragraph
PARA_END = "\x04"
VERBATIM = "\x05"  # the source paragraph (which holds no tag) is copied as designed
CELL = "\x06"  # separates the bodies of several cells rendered as one template

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_BLOCK = re.compile(r"\s*\{%p\s(.*?)%\}\s*", re.DOTALL)
_SEGMENT = re.compile(f"{PARA}(\\d+){PARA_END}")
_PIECE = re.compile(f"{RUN}(\\d+){RUN_END}")
_TEXT_ELEMENTS = (f"{A}r", f"{A}fld", f"{A}br")


@dataclass
class BodyTemplate:
    """A text body read as one Jinja template, with the elements its markers point to."""

    source: str
    paragraphs: list[etree._Element]
    runs: list[list[etree._Element]]
    _shapes: dict[int, _ParagraphShape] = field(default_factory=dict, repr=False)

    def shape(self, index: int) -> _ParagraphShape:
        """Ready-made pieces for paragraphs built from source paragraph ``index``."""
        found = self._shapes.get(index)
        if found is None:
            found = self._shapes[index] = _shape_of(self.paragraphs[index], self.runs[index])
        return found

    def tags(self) -> list[str]:
        """The Jinja tags the body holds, in order (for error messages and checks)."""
        return _TAG.findall(normalize_tag_quotes(self.source))


def has_tags(body: etree._Element) -> bool:
    """Whether any text of ``body`` could hold a Jinja tag (a cheap test before parsing)."""
    return any("{" in (t.text or "") for t in body.iter(f"{A}t"))


def parse_body(body: etree._Element) -> BodyTemplate | None:
    """The template behind a text body, or None when it holds no tag."""
    if not has_tags(body):
        return None
    paragraphs = body.findall(f"{A}p")
    runs: list[list[etree._Element]] = []
    parts: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        elements = [e for e in paragraph if e.tag in _TEXT_ELEMENTS]
        runs.append(elements)
        texts = [_element_text(e) for e in elements]
        full = "".join(texts)
        if "{" not in full:
            parts.append(f"{PARA}{index}{PARA_END}{VERBATIM}")
            continue
        block = _BLOCK.fullmatch(normalize_tag_quotes(full))
        if block:
            parts.append("{% " + block.group(1).strip() + " %}")
            continue
        parts.append(f"{PARA}{index}{PARA_END}")
        parts.append(_paragraph_source(full, texts))
    return BodyTemplate("".join(parts), paragraphs, runs)


def _element_text(element: etree._Element) -> str:
    if element.tag == f"{A}br":
        return "\n"
    t = element.find(f"{A}t")
    return (t.text or "") if t is not None else ""


def _paragraph_source(full: str, texts: list[str]) -> str:
    """Template text of one paragraph: literal pieces and ``{{ }}`` tags marked with their run."""
    starts = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text)

    def run_at(offset: int) -> int:
        run = 0
        for index, start in enumerate(starts):
            if start <= offset and texts[index]:
                run = index
        return run

    out: list[str] = []

    def literal(begin: int, end: int) -> None:
        for index, start in enumerate(starts):
            low, high = max(begin, start), min(end, start + len(texts[index]))
            if low < high:
                out.append(f"{RUN}{index}{RUN_END}{full[low:high]}")

    cursor = 0
    for match in _TAG.finditer(full):
        end = match.start()
        if match.group(0)[2:3] == "-":  # "{%-": whitespace before the tag goes
            end = cursor + len(full[cursor:end].rstrip())
        literal(cursor, end)
        tag = normalize_tag_quotes(match.group(0))
        if tag.startswith("{{"):
            out.append(f"{RUN}{run_at(match.start())}{RUN_END}")
        out.append(tag)
        cursor = match.end()
        if match.group(0)[-3:-2] == "-":  # "-%}": whitespace after the tag goes
            rest = full[cursor:]
            cursor += len(rest) - len(rest.lstrip())
    literal(cursor, len(full))
    return "".join(out)


@dataclass
class RenderedParagraph:
    """One output paragraph: its source paragraph and the (run index, text) pieces it holds."""

    index: int
    pieces: list[tuple[int, str]]
    verbatim: bool = False


def render_paragraphs(
    template: BodyTemplate, render: Callable[[str], str]
) -> list[RenderedParagraph]:
    """Render the body's template and cut the result into paragraphs and pieces."""
    return split_output(render(template.source))


def split_output(output: str) -> list[RenderedParagraph]:
    """Cut a rendered body template into paragraphs and pieces."""
    segments = _SEGMENT.split(output)
    rendered = []
    for number, text in zip(segments[1::2], segments[2::2], strict=True):
        if text.startswith(VERBATIM):
            rendered.append(RenderedParagraph(int(number), [], verbatim=True))
        else:
            rendered.append(RenderedParagraph(int(number), _pieces(text)))
    return rendered


def write_body(
    body: etree._Element, template: BodyTemplate, rendered: list[RenderedParagraph]
) -> None:
    """Replace the paragraphs of ``body`` (the template's own body, or a copy) with ``rendered``."""
    in_place = bool(template.paragraphs) and template.paragraphs[0].getparent() is body
    new: list[etree._Element] = []
    used: set[int] = set()
    for paragraph in rendered:
        source = template.paragraphs[paragraph.index]
        if paragraph.verbatim:
            reuse = in_place and paragraph.index not in used
            new.append(source if reuse else copy_element(source))
            used.add(paragraph.index)
        else:
            new.append(_build_paragraph(template.shape(paragraph.index), paragraph.pieces))
    if not new:
        new.append(_build_paragraph(template.shape(0), []))
    for old in body.findall(f"{A}p"):
        body.remove(old)
    body.extend(new)


def render_body(
    body: etree._Element, template: BodyTemplate, render: Callable[[str], str]
) -> list[RenderedParagraph]:
    """Render ``template`` with ``render`` into ``body``; return what was written."""
    rendered = render_paragraphs(template, render)
    write_body(body, template, rendered)
    return rendered


def _pieces(text: str) -> list[tuple[int, str]]:
    """(run index, text) pairs of one rendered paragraph, neighbours of one run merged."""
    parts = _PIECE.split(text)
    pieces: list[tuple[int, str]] = [(0, parts[0])] if parts[0] else []
    for number, piece in zip(parts[1::2], parts[2::2], strict=True):
        if not piece:
            continue
        run = int(number)
        if pieces and pieces[-1][0] == run:
            pieces[-1] = (run, pieces[-1][1] + piece)
        else:
            pieces.append((run, piece))
    return pieces


@dataclass
class _RunShape:
    """Ready-made copies of one source run's element: a run, a line break, its field."""

    run: etree._Element
    brk: etree._Element
    field: etree._Element | None
    field_text: str
    alone: etree._Element  # the whole paragraph holding just this run: the usual case


@dataclass
class _ParagraphShape:
    """Ready-made pieces of one source paragraph, copied for every paragraph built from it."""

    empty: etree._Element  # the paragraph with its properties and no text
    runs: list[_RunShape]
    end: etree._Element | None


def _element(tag: str, *children: str) -> etree._Element:
    element = OxmlElement(tag)
    for child in children:
        element.append(OxmlElement(child))
    return element


# Copied to build paragraphs: copying an element costs less than making one.
_PARAGRAPH = _element("a:p")
_RUN = _element("a:r", "a:t")
_BREAK = _element("a:br")


def _shape_of(source: etree._Element, runs: list[etree._Element]) -> _ParagraphShape:
    empty = copy_element(_PARAGRAPH)
    p_pr = source.find(f"{A}pPr")
    if p_pr is not None:
        empty.append(copy_element(p_pr))
    end = source.find(f"{A}endParaRPr")
    if end is None:
        first = next((r.find(f"{A}rPr") for r in runs if r.find(f"{A}rPr") is not None), None)
        if first is not None:
            end = _clean_rpr(first)
            end.tag = f"{A}endParaRPr"
    shapes = []
    for origin in runs or [None]:
        r_pr = origin.find(f"{A}rPr") if origin is not None else None
        run = copy_element(_RUN)
        brk = copy_element(_BREAK)
        if r_pr is not None:
            run.insert(0, _clean_rpr(r_pr))
            brk.append(_clean_rpr(r_pr))
        is_field = origin is not None and origin.tag == f"{A}fld"
        alone = copy_element(empty)
        alone.append(copy_element(run))
        if end is not None:
            alone.append(copy_element(end))
        shapes.append(_RunShape(run, brk, origin if is_field else None,
                                _element_text(origin) if is_field else "", alone))
    return _ParagraphShape(empty, shapes, end)


def _build_paragraph(shape: _ParagraphShape, pieces: list[tuple[int, str]]) -> etree._Element:
    if len(pieces) == 1 and "\n" not in pieces[0][1]:  # one line from one run: one copy
        index, text = pieces[0]
        run_shape = shape.runs[index] if index < len(shape.runs) else shape.runs[0]
        if run_shape.field is None:
            paragraph = copy_element(run_shape.alone)
            paragraph.find(f"{A}r")[-1].text = text
            return paragraph
    paragraph = copy_element(shape.empty)
    for index, piece in pieces:
        run_shape = shape.runs[index] if index < len(shape.runs) else shape.runs[0]
        for number, line in enumerate(piece.split("\n")):
            if number:
                paragraph.append(copy_element(run_shape.brk))
            if not line:
                continue
            if run_shape.field is not None and line == run_shape.field_text:
                paragraph.append(copy_element(run_shape.field))
                continue
            run = copy_element(run_shape.run)
            run[-1].text = line
            paragraph.append(run)
    if shape.end is not None:
        paragraph.append(copy_element(shape.end))
    return paragraph


def _clean_rpr(r_pr: etree._Element) -> etree._Element:
    cleaned = copy_element(r_pr)
    cleaned.tag = f"{A}rPr"
    cleaned.attrib.pop("err", None)
    return cleaned


def paragraph_text(paragraph: etree._Element) -> str:
    """The plain text of a paragraph, line breaks as newlines."""
    return "".join(_element_text(e) for e in paragraph if e.tag in _TEXT_ELEMENTS)


def body_text(body: etree._Element) -> str:
    """The plain text of a body, paragraphs joined by newlines."""
    return "\n".join(paragraph_text(p) for p in body.findall(f"{A}p"))
