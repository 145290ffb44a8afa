"""How tall text is in its box (real font metrics, word wrap) and shrinking text that overflows.

Text properties follow PowerPoint's inheritance: run → paragraph → the shape's list styles →
the layout's and master's placeholder → the master's text styles → the presentation default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from deckgen.render.pptx.fonts import line_factor, text_width
from deckgen.render.pptx.ooxml import EMU_PER_PT, A, P, placeholder
from deckgen.render.pptx.text import RenderedParagraph

DEFAULT_SIZE_PT = 18.0
DEFAULT_INSETS = (91440, 91440, 45720, 45720)  # left, right, top, bottom in EMU
_WORDS = re.compile(r"\n|[^\S\n]+|[^\s]+")
_TITLE_TYPES = frozenset({"title", "ctrTitle"})
_BODY_TYPES = frozenset({"body", "subTitle", "obj", "tbl", "chart", "pic", "dgm", "media",
                         "clipArt", "object"})

# Renderers differ by fractions of a point in where they wrap a line: a line measured as
# just fitting may wrap in PowerPoint or LibreOffice. Measuring against a slightly narrower
# box keeps a row from growing taller than it was planned.
WRAP_MARGIN_PT = 1.5


def _truthy(value: str | None) -> bool | None:
    return None if value is None else value in ("1", "true")


@dataclass
class Styles:
    """The inherited text properties of the shapes on slides of one layout."""

    layout: dict[tuple[str, str], etree._Element]
    master: dict[str, etree._Element]
    title_style: etree._Element | None
    body_style: etree._Element | None
    other_style: etree._Element | None
    default_style: etree._Element | None
    major_font: str
    minor_font: str
    _inherited: dict[tuple[str, str | None], list[etree._Element]] = field(
        default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        layout_tree: etree._Element,
        master_tree: etree._Element,
        default_style: etree._Element | None,
        major_font: str,
        minor_font: str,
    ) -> Styles:
        """Index the placeholders of a layout and its master."""
        layout: dict[tuple[str, str], etree._Element] = {}
        for shape in layout_tree.iter(f"{P}sp"):
            ph = placeholder(shape)
            if ph is not None:
                layout.setdefault(("idx", ph.get("idx", "0")), shape)
                layout.setdefault(("type", ph.get("type", "obj")), shape)
        master: dict[str, etree._Element] = {}
        for shape in master_tree.iter(f"{P}sp"):
            ph = placeholder(shape)
            if ph is not None:
                master.setdefault(ph.get("type", "obj"), shape)
        tx = master_tree.find(f"{P}txStyles")
        find = (lambda tag: tx.find(f"{P}{tag}")) if tx is not None else (lambda tag: None)
        return cls(layout, master, find("titleStyle"), find("bodyStyle"), find("otherStyle"),
                   default_style, major_font, minor_font)

    def inherited(self, shape: etree._Element) -> list[etree._Element]:
        """The shapes a placeholder inherits from: its layout placeholder, then the master's."""
        ph = placeholder(shape)
        if ph is None:
            return []
        key = (ph.get("type", "obj"), ph.get("idx"))
        found = self._inherited.get(key)
        if found is None:
            found = self._inherited[key] = self._lookup(ph)
        return found

    def _lookup(self, ph: etree._Element) -> list[etree._Element]:
        kind = ph.get("type", "obj")
        chain = []
        on_layout = self.layout.get(("idx", ph.get("idx"))) if ph.get("idx") else None
        on_layout = on_layout if on_layout is not None else self.layout.get(("type", kind))
        if on_layout is not None:
            chain.append(on_layout)
            lph = placeholder(on_layout)
            kind = lph.get("type", kind) if lph is not None else kind
        master_kind = "title" if kind in _TITLE_TYPES else "body" if kind in _BODY_TYPES else kind
        on_master = self.master.get(master_kind)
        if on_master is not None:
            chain.append(on_master)
        return chain

    def list_styles(self, shape: etree._Element | None) -> list[etree._Element]:
        """List-style elements (``a:lvlNpPr`` holders) in the order they apply to ``shape``."""
        if shape is None:
            return [s for s in (self.default_style, self.other_style) if s is not None]
        styles = []
        for source in (shape, *self.inherited(shape)):
            lst = source.find(f"{P}txBody/{A}lstStyle")
            if lst is not None:
                styles.append(lst)
        ph = placeholder(shape)
        if ph is None:
            extra = (self.default_style, self.other_style)
        elif ph.get("type", "obj") in _TITLE_TYPES:
            extra = (self.title_style, self.default_style)
        elif ph.get("type", "obj") in _BODY_TYPES:
            extra = (self.body_style, self.default_style)
        else:
            extra = (self.other_style, self.default_style)
        return styles + [s for s in extra if s is not None]

    def box(self, shape: etree._Element) -> tuple[int, int] | None:
        """Width and height of a shape in EMU, inherited from its layout when not set."""
        for source in (shape, *self.inherited(shape)):
            ext = source.find(f"{P}spPr/{A}xfrm/{A}ext")
            if ext is not None:
                return int(ext.get("cx", "0")), int(ext.get("cy", "0"))
        return None

    def body_pr(self, shape: etree._Element) -> list[etree._Element]:
        """The ``a:bodyPr`` elements that apply to a shape, nearest first."""
        found = []
        for source in (shape, *self.inherited(shape)):
            body_pr = source.find(f"{P}txBody/{A}bodyPr")
            if body_pr is not None:
                found.append(body_pr)
        return found


@dataclass
class _Run:
    text: str
    family: str
    bold: bool
    italic: bool
    size: float
    elements: list[etree._Element] = field(default_factory=list)


@dataclass
class _Paragraph:
    runs: list[_Run]
    end_size: float
    line_spacing: tuple[str, float]  # ("pct", 1.0) or ("pts", 14.0)
    before: tuple[str, float]
    after: tuple[str, float]
    indent_pt: float
    end: etree._Element | None


class _Reader:
    """Reads text properties through the inheritance chain of one shape."""

    def __init__(self, styles: list[etree._Element], theme: Styles | None) -> None:
        self._styles = styles
        self._theme = theme

    def _levels(self, paragraph: etree._Element) -> list:
        p_pr = paragraph.find(f"{A}pPr")
        level = int(p_pr.get("lvl", "0")) if p_pr is not None else 0
        found = [p_pr] if p_pr is not None else []
        for style in self._styles:
            lvl = style.find(f"{A}lvl{level + 1}pPr")
            if lvl is not None:
                found.append(lvl)
        return found

    def paragraph(self, paragraph: etree._Element) -> _Paragraph:
        """Fonts, sizes and spacing of one paragraph's text."""
        levels = self._levels(paragraph)
        defaults = [d for d in (lvl.find(f"{A}defRPr") for lvl in levels) if d is not None]
        runs: list[_Run] = []
        for element in paragraph:
            if element.tag == f"{A}br":
                runs.append(self._run("\n", element, defaults))
            elif element.tag in (f"{A}r", f"{A}fld"):
                t = element.find(f"{A}t")
                runs.append(self._run((t.text or "") if t is not None else "", element, defaults))
        end = paragraph.find(f"{A}endParaRPr")
        end_size = self._prop_size([end] if end is not None else [], defaults)
        return _Paragraph(
            runs,
            end_size,
            _spacing(levels, "lnSpc", ("pct", 1.0)),
            _spacing(levels, "spcBef", ("pts", 0.0)),
            _spacing(levels, "spcAft", ("pts", 0.0)),
            next((int(lvl.get("marL")) / EMU_PER_PT for lvl in levels if lvl.get("marL")), 0.0),
            end,
        )

    def _prop_size(self, own: list, defaults: list) -> float:
        for source in (*own, *defaults):
            if source.get("sz"):
                return int(source.get("sz")) / 100
        return DEFAULT_SIZE_PT

    def _run(self, text: str, element: etree._Element, defaults: list) -> _Run:
        r_pr = element.find(f"{A}rPr")
        sources = ([r_pr] if r_pr is not None else []) + defaults
        bold = next((b for b in (_truthy(s.get("b")) for s in sources) if b is not None), False)
        italic = next((i for i in (_truthy(s.get("i")) for s in sources) if i is not None), False)
        family = "Calibri"
        for source in sources:
            latin = source.find(f"{A}latin")
            if latin is not None and latin.get("typeface"):
                family = latin.get("typeface", family)
                break
        if family.startswith("+") and self._theme is not None:
            family = self._theme.major_font if family.startswith("+mj") else self._theme.minor_font
        return _Run(text, family, bold, italic, self._prop_size(sources[:1], defaults),
                    [element])


class TextLayout:
    """A text body read once (fonts, sizes, spacing) and laid out at any font scale."""

    def __init__(self, paragraphs: list[_Paragraph]) -> None:
        self.paragraphs = paragraphs

    @classmethod
    def read(
        cls,
        body: etree._Element,
        styles: list[etree._Element],
        theme: Styles | None,
    ) -> TextLayout:
        """The layout of a text body as it stands in the XML."""
        reader = _Reader(styles, theme)
        return cls([reader.paragraph(p) for p in body.findall(f"{A}p")])

    def rendered(self, rendered: list[RenderedParagraph]) -> TextLayout:
        """The layout of this (template) body's text once rendered, without reading XML."""
        paragraphs = []
        for item in rendered:
            source = self.paragraphs[item.index]
            if item.verbatim:
                paragraphs.append(source)
                continue
            runs = []
            for index, text in item.pieces:
                style = source.runs[index] if index < len(source.runs) else None
                for number, line in enumerate(text.split("\n")):
                    if number:
                        runs.append(_Run("\n", "", False, False, 0.0))
                    if line:
                        runs.append(_Run(line, style.family if style else "Calibri",
                                         style.bold if style else False,
                                         style.italic if style else False,
                                         style.size if style else source.end_size))
            paragraphs.append(_Paragraph(runs, source.end_size, source.line_spacing,
                                         source.before, source.after, source.indent_pt, None))
        if not paragraphs and self.paragraphs:
            first = self.paragraphs[0]
            paragraphs.append(_Paragraph([], first.end_size, first.line_spacing, first.before,
                                         first.after, first.indent_pt, None))
        return TextLayout(paragraphs)

    def height(self, width_pt: float, scale: float = 1.0, min_pt: float = 0.0) -> float:
        """Height in points of the text wrapped at ``width_pt`` with sizes scaled."""
        return sum(self._paragraph_height(p, width_pt, scale, min_pt) for p in self.paragraphs)

    def widest_line(self, scale: float = 1.0, min_pt: float = 0.0) -> float:
        """Width in points of the longest line when nothing wraps."""
        widest = 0.0
        for paragraph in self.paragraphs:
            line = 0.0
            for run in paragraph.runs:
                if run.text == "\n":
                    widest, line = max(widest, line), 0.0
                    continue
                size = _scaled(run.size, scale, min_pt)
                line += text_width(run.text, run.family, run.bold, run.italic, size)
            widest = max(widest, line + paragraph.indent_pt)
        return widest

    @staticmethod
    def _paragraph_height(
        paragraph: _Paragraph, width_pt: float, scale: float, min_pt: float
    ) -> float:
        runs = tuple((run.text, run.family, run.bold, run.italic, _scaled(run.size, scale, min_pt))
                     for run in paragraph.runs)
        usable = width_pt - paragraph.indent_pt - WRAP_MARGIN_PT
        lines, biggest, factor = _wrap(runs, max(usable, 1.0))
        if biggest == 0.0:
            biggest = _scaled(paragraph.end_size, scale, min_pt)
        line_height = _line_height(paragraph.line_spacing, biggest * factor)
        return (lines * line_height + _gap(paragraph.before, line_height)
                + _gap(paragraph.after, line_height))

    def largest_size(self) -> float:
        """The largest font size in points of the body's text."""
        sizes = [r.size for p in self.paragraphs for r in p.runs if r.text.strip()]
        return max(sizes, default=max((p.end_size for p in self.paragraphs), default=0.0))

    def apply_scale(self, scale: float, min_pt: float) -> None:
        """Write the scaled size of every run (and paragraph end) into the XML."""
        for paragraph in self.paragraphs:
            for run in paragraph.runs:
                for element in run.elements:
                    _set_size(element, _scaled(run.size, scale, min_pt))
            if paragraph.end is not None:
                paragraph.end.set("sz", str(_hundredths(_scaled(paragraph.end_size, scale,
                                                                min_pt))))


_StyledText = tuple[str, str, bool, bool, float]  # text, family, bold, italic, size in points


@lru_cache(maxsize=16384)
def _wrap(runs: tuple[_StyledText, ...], width: float) -> tuple[int, float, float]:
    """Lines, largest size and line spacing factor of a paragraph's runs wrapped at ``width``.

    Cached: the same text in the same fonts and width comes back in table rows, at every
    trial scale of shrink-to-fit, and in every render of a template.
    """
    lines = 1
    line_width = 0.0
    pending = 0.0
    biggest = 0.0
    factor = 1.2
    for text, family, bold, italic, size in runs:
        if text == "\n":
            lines, line_width, pending = lines + 1, 0.0, 0.0
            continue
        if not text:
            continue
        biggest = max(biggest, size)
        factor = max(factor, line_factor(family, bold, italic))
        for token in _WORDS.findall(text):
            measure = text_width(token, family, bold, italic, size)
            if token.isspace():
                pending += measure
                continue
            if line_width and line_width + pending + measure <= width:
                line_width += pending + measure
            elif measure <= width:
                if line_width:
                    lines += 1
                line_width = measure
            else:
                if line_width:
                    lines += 1
                extra, line_width = _split_word(token, (family, bold, italic, size), width)
                lines += extra
            pending = 0.0
    return lines, biggest, factor


def _split_word(
    word: str, font: tuple[str, bool, bool, float], width: float
) -> tuple[int, float]:
    """Lines added and width left when a word wider than the line breaks between letters."""
    extra = 0
    current = 0.0
    for char in word:
        measure = text_width(char, *font)
        if current and current + measure > width:
            extra += 1
            current = measure
        else:
            current += measure
    return extra, current


def _scaled(size: float, scale: float, min_pt: float) -> float:
    if scale >= 1.0 or size <= min_pt:
        return size
    return max(min_pt, size * scale)


def _hundredths(size: float) -> int:
    """A size in hundredths of a point, rounded down to a half point as PowerPoint does."""
    return max(100, int(size * 2) * 50)


def _set_size(element: etree._Element, size: float) -> None:
    r_pr = element.find(f"{A}rPr")
    if r_pr is None:
        r_pr = etree.Element(f"{A}rPr")
        element.insert(0, r_pr)
    r_pr.set("sz", str(_hundredths(size)))


def _spacing(levels: list, tag: str, default: tuple[str, float]) -> tuple[str, float]:
    for level in levels:
        spacing = level.find(f"{A}{tag}")
        if spacing is None:
            continue
        pct = spacing.find(f"{A}spcPct")
        if pct is not None:
            return ("pct", int(pct.get("val", "100000")) / 100000)
        pts = spacing.find(f"{A}spcPts")
        if pts is not None:
            return ("pts", int(pts.get("val", "0")) / 100)
    return default


def _line_height(spacing: tuple[str, float], single: float) -> float:
    kind, value = spacing
    return single * value if kind == "pct" else value


def _gap(spacing: tuple[str, float], line: float) -> float:
    kind, value = spacing
    return line * value if kind == "pct" else value


def insets(body_prs: list[etree._Element]) -> tuple[float, float, float, float]:
    """Left, right, top and bottom insets in points from the nearest ``a:bodyPr`` that sets them."""
    values = []
    for name, default in zip(("lIns", "rIns", "tIns", "bIns"), DEFAULT_INSETS, strict=True):
        found = next((b.get(name) for b in body_prs if b.get(name) is not None), None)
        values.append(int(found if found is not None else default) / EMU_PER_PT)
    return values[0], values[1], values[2], values[3]


def shrink_to_fit(
    layout: TextLayout,
    width_pt: float,
    height_pt: float,
    min_pt: float,
    wrap: bool = True,
) -> bool:
    """Shrink text until it fits ``width_pt`` × ``height_pt``; False if ``min_pt`` is not enough."""

    def fits(scale: float) -> bool:
        if not wrap and layout.widest_line(scale, min_pt) > width_pt + 0.5:
            return False
        return layout.height(width_pt if wrap else 1e9, scale, min_pt) <= height_pt + 0.5

    if fits(1.0):
        return True
    largest = layout.largest_size()
    if largest <= min_pt:
        return False
    low, high = min_pt / largest, 1.0
    if not fits(low):
        layout.apply_scale(low, min_pt)
        return False
    for _ in range(7):
        middle = (low + high) / 2
        if fits(middle):
            low = middle
        else:
            high = middle
    layout.apply_scale(low, min_pt)
    return True
