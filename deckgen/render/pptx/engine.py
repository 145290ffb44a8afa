"""Rendering a PowerPoint template: slide directives, bindings, text, fitting, saving.

Two passes. The plan pass reads each template slide's directives, evaluates its loops and
paginates its bound tables, then makes every copy the deck needs from the untouched slide.
The render pass fills each slide (text, charts, tables, pictures) with its own context.
"""

from __future__ import annotations

import gc
import re
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from jinja2 import Template, TemplateSyntaxError, Undefined, UndefinedError
from jinja2.sandbox import SecurityError
from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart
from pptx.package import Package
from pptx.parts.slide import SlidePart

from deckgen.config import LimitSettings
from deckgen.errors import TemplateError
from deckgen.io import atomic_write
from deckgen.locale import default_labels
from deckgen.reading import template_problem
from deckgen.render.jinja import (
    UnknownWording,
    compile_expression,
    compile_template,
    make_environment,
    missing_name,
    office_language,
    plain_wording,
    suggest_name,
)
from deckgen.render.limits import LimitExceeded, TemplateTooCostly, budget, rendering_limits
from deckgen.render.pptx.charts import ChartDataError, fill_chart
from deckgen.render.pptx.fit import Styles, TextLayout, insets, shrink_to_fit
from deckgen.render.pptx.ooxml import A, C, P, R, iter_shapes, placeholder, shape_name
from deckgen.render.pptx.package import load_package
from deckgen.render.pptx.pictures import PictureError, remove_picture, replace_picture
from deckgen.render.pptx.slides import SlideDeck
from deckgen.render.pptx.tables import TablePlan, TableShapeError, fill_page, plan_table, table_of
from deckgen.render.pptx.text import BodyTemplate, paragraph_text, parse_body, render_body
from deckgen.render.properties import DocumentInfo
from deckgen.render.theme import recolored_theme

BINDING = re.compile(r"^\s*(chart|table|image)\s*:\s*(.*?)\s*$", re.IGNORECASE)
DIRECTIVE = re.compile(r"^\s*deckgen\s*:\s*(.*?)\s*$", re.IGNORECASE)
_IF = re.compile(r"^if\s+(.+)$", re.DOTALL)
_FOR = re.compile(r"^for\s+([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s+in\s+(.+)$", re.DOTALL)
_MARKERS = re.compile("[\x01\x03]\\d+[\x02\x04]|\x05")
PRESENTATION_TYPES = frozenset({CT.PML_PRESENTATION_MAIN, CT.PML_PRES_MACRO_MAIN,
                                CT.PML_TEMPLATE_MAIN, CT.PML_SLIDESHOW_MAIN})
# Main-part types whose decks are written as a plain presentation, as PowerPoint does when a
# template (.potx) or a show (.ppsx) is saved as .pptx: the file keeps no template type.
_SAVED_AS_PRESENTATION = frozenset({CT.PML_TEMPLATE_MAIN, CT.PML_SLIDESHOW_MAIN})
_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


# Texts known to fit their box as they are, per parsed template and slide layout (the same in
# every render of a loaded template): static wording is measured once, not once per deck.
_FITTED: weakref.WeakKeyDictionary[Package, dict[str, set[tuple[Any, ...]]]] = (
    weakref.WeakKeyDictionary())
_LAYOUT_TYPES = frozenset({CT.PML_SLIDE_LAYOUT, CT.PML_SLIDE_MASTER})
_FITTED_PER_LAYOUT = 4096


@dataclass(frozen=True)
class RenderResult:
    """What a render produced: how many slides, and what the user should know."""

    slide_count: int
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """Which copy of a slide whose bound table continues over several slides."""

    number: int
    count: int

    @property
    def continued(self) -> bool:
        return self.number > 1


@dataclass(frozen=True)
class Loop:
    """Position of the item a ``deckgen: for`` slide copy shows."""

    index0: int
    length: int

    @property
    def index(self) -> int:
        return self.index0 + 1

    @property
    def first(self) -> bool:
        return self.index0 == 0

    @property
    def last(self) -> bool:
        return self.index0 == self.length - 1

    @property
    def revindex(self) -> int:
        return self.length - self.index0


@dataclass(frozen=True)
class Where:
    """Where in the template something is: for error messages."""

    template: str
    slide: int
    shape: str = ""
    place: str = ""  # a layout or master ("layout 'Title Slide'"), instead of a slide

    def error(self, problem: str) -> TemplateError:
        shape = f", shape '{self.shape}'" if self.shape else ""
        place = self.place or f"slide {self.slide}"
        return TemplateError(f"{self.template}, {place}{shape}: {problem}")


@dataclass
class _Job:
    """One output slide: the part, its context and which page of its tables it shows."""

    part: SlidePart
    context: dict[str, Any]
    where: Where
    plans: list[TablePlan]
    page: int


@lru_cache(maxsize=8192)
def _compiled(language: str, currency: str, source: str) -> Template:
    template = compile_template(make_environment(language, currency), source)
    # Jinja keeps globals in a ChainMap that every render copies key by key: flatten it once.
    template.globals = dict(template.globals)
    return template


@lru_cache(maxsize=2048)
def _expression(language: str, currency: str, source: str) -> Any:
    return compile_expression(make_environment(language, currency), source)


def _display(source: str) -> str:
    text = _MARKERS.sub("", source).replace("\n", " ").strip()
    return text if len(text) <= 120 else text[:117] + "..."


class DeckRenderer:
    """Renders one template with one context."""

    def __init__(
        self,
        template: Path,
        context: Mapping[str, Any],
        language: str,
        currency: str,
        min_font_pt: float,
        info: DocumentInfo | None = None,
        theme_colors: Mapping[str, str] | None = None,
    ) -> None:
        self.template = template
        self.context = dict(context)
        self.language = language
        self.currency = currency
        self.min_font_pt = min_font_pt
        self.info = info
        self.warnings: list[str] = []
        words, tag = self._words(), office_language(language)
        colors = dict(theme_colors or {})
        problem = template_problem(template)
        if problem is not None:
            raise TemplateError(f"{template}: {problem}")
        try:
            self.loaded = load_package(
                template, lambda package: _prepare(package, words, tag, colors),
                (tag, _fingerprint(words), tuple(sorted(colors.items()))), _binds_pictures,
            )
            main = self.loaded.package.main_document_part
        except FileNotFoundError:
            raise TemplateError(f"{template}: template not found") from None
        except Exception as exc:  # noqa: BLE001 - zipfile/lxml/python-pptx all raise differently
            raise TemplateError(f"{template}: not a PowerPoint template ({exc})") from None
        if main.content_type not in PRESENTATION_TYPES:
            raise TemplateError(f"{template}: not a PowerPoint template ({main.content_type})")
        if main.content_type in _SAVED_AS_PRESENTATION:  # a .potx / .ppsx writes a .pptx
            main._content_type = CT.PML_PRESENTATION_MAIN
            vars(main).pop("content_type", None)  # python-pptx caches the property's value
        self.presentation = main.presentation
        self.deck = SlideDeck(self.presentation.part.package)
        self._styles: dict[int, Styles] = {}
        self._slide_styles: dict[SlidePart, Styles] = {}

    # -- Jinja --------------------------------------------------------------------------------

    def render_text(self, source: str, context: Mapping[str, Any], where: Where) -> str:
        """Render template text, turning any failure into a TemplateError naming ``where``."""
        try:
            return _compiled(self.language, self.currency, source).render(context)
        except Exception as exc:  # noqa: BLE001 - every failure becomes one located message
            raise self._located(exc, source, context, where) from None

    def evaluate(self, expression: str, context: Mapping[str, Any], where: Where) -> Any:
        """The value of a directive or binding expression."""
        try:
            value = _expression(self.language, self.currency, expression)(**context)
            if isinstance(value, Undefined):  # a bare unknown name: fail as text would
                value._fail_with_undefined_error()
            return value
        except Exception as exc:  # noqa: BLE001 - every failure becomes one located message
            raise self._located(exc, expression, context, where) from None

    def _located(
        self, exc: Exception, source: str, context: Mapping[str, Any], where: Where
    ) -> TemplateError:
        tags = _TAGS.findall(source) or [source]
        if isinstance(exc, LimitExceeded | TemplateTooCostly):
            bad = next((t for t in tags if not self._parses(t)), source)
            return where.error(f"over a limit in {_display(bad)}: {exc.message}")
        if isinstance(exc, TemplateSyntaxError):
            bad = next((t for t in tags if not self._parses(t)), None)
            return where.error(f"syntax error in {_display(bad or source)}: {exc.message}")
        if isinstance(exc, UnknownWording):
            return where.error(f"{exc} in {_display(source)}")
        if isinstance(exc, UndefinedError):
            name = missing_name(str(exc), source)
            leaf = name.rpartition(".")[2]
            tag = next((t for t in tags if leaf and re.search(rf"\b{re.escape(leaf)}\b", t)),
                       source)
            hint = suggest_name(name, context)
            message = f"undefined {'name' if '.' not in name else 'attribute'} `{name}` in " \
                      f"{_display(tag)}"
            return where.error(message + (f" (did you mean `{hint}`?)" if hint else ""))
        if isinstance(exc, SecurityError):
            return where.error(f"not allowed in {_display(source)}: {exc}")
        if isinstance(exc, MemoryError):
            return where.error(f"not enough memory to render {_display(source)} (free memory, "
                               "or lower the template limits under [limits])")
        return where.error(f"{type(exc).__name__} in {_display(source)}: {exc}")

    def _parses(self, tag: str) -> bool:
        if not tag.startswith("{{"):
            return True
        try:
            make_environment(self.language, self.currency).parse(tag)
        except TemplateSyntaxError:
            return False
        return True

    def render_body(self, body: etree._Element, context: Mapping[str, Any], where: Where) -> bool:
        """Render the tags of one text body in place; False when it held none."""
        template: BodyTemplate | None = parse_body(body)
        if template is None:
            return False
        render_body(body, template, lambda source: self.render_text(source, context, where))
        return True

    # -- plan pass ----------------------------------------------------------------------------

    def run(self) -> bytes:
        """Render every slide and return the finished deck's bytes."""
        jobs: list[_Job] = []
        for number, part in enumerate(self.deck.slide_parts(), start=1):
            jobs.extend(self._plan_slide(part, Where(self.template.name, number)))
        self.deck.keep_only([job.part for job in jobs])
        for position, job in enumerate(jobs, start=1):
            self._render_slide(job, position)
        self._bind_layout_pictures()
        return self._save()

    def _words(self) -> Mapping[str, str]:
        """The labels ``tr()`` reads: the context's, else the language's built-in ones."""
        labels = self.context.get("labels")
        return labels if labels is not None else default_labels(self.language)

    @staticmethod
    def _notes_part(part: SlidePart) -> XmlPart | None:
        notes = next((r.target_part for r in part.rels.values()
                      if r.reltype == RT.NOTES_SLIDE), None)
        return cast(XmlPart, notes) if notes is not None else None

    def _notes_body(self, part: SlidePart) -> etree._Element | None:
        notes = self._notes_part(part)
        if notes is None:
            return None
        for shape in iter_shapes(notes._element.find(f"{P}cSld/{P}spTree")):
            ph = placeholder(shape)
            if ph is not None and ph.get("type") == "body":
                return shape.find(f"{P}txBody")
        return None

    def _directives(self, part: SlidePart, where: Where) -> list[str]:
        """The slide's ``deckgen:`` lines, removed from its notes."""
        body = self._notes_body(part)
        if body is None:
            return []
        found = []
        paragraphs = body.findall(f"{A}p")
        for paragraph in paragraphs:
            text = paragraph_text(paragraph)
            match = DIRECTIVE.match(text)
            if match:
                found.append(match.group(1))
                body.remove(paragraph)
        if found and not body.findall(f"{A}p"):
            etree.SubElement(body, f"{A}p")
        return found

    def _instances(self, part: SlidePart, where: Where) -> list[dict[str, Any]]:
        """One extra context per copy the directives ask for (none: the slide is dropped)."""
        loop: tuple[list[str], str] | None = None
        for directive in self._directives(part, where):
            where_d = Where(where.template, where.slide, "notes")
            if_match, for_match = _IF.match(directive), _FOR.match(directive)
            if if_match:
                if not self.evaluate(if_match.group(1), self.context, where_d):
                    return []
            elif for_match and loop is None:
                names = [n.strip() for n in for_match.group(1).split(",")]
                loop = (names, for_match.group(2))
            elif for_match:
                raise where_d.error(f"only one 'deckgen: for' per slide: deckgen: {directive}")
            else:
                raise where_d.error(f"unknown directive 'deckgen: {directive}' (expected "
                                    f"'deckgen: if EXPR' or 'deckgen: for NAME in EXPR')")
        if loop is None:
            return [{}]
        names, expression = loop
        where_d = Where(where.template, where.slide, "notes")
        value = self.evaluate(expression, self.context, where_d)
        items = _as_list(value)
        if items is None:
            raise where_d.error(f"'deckgen: for {', '.join(names)} in {expression}' needs a "
                                f"list, got {type(value).__name__}")
        _spend(len(items), where_d, f"deckgen: for {', '.join(names)} in {expression}")
        instances = []
        for index, item in enumerate(items):
            extra: dict[str, Any] = {"loop": Loop(index, len(items))}
            if len(names) == 1:
                extra[names[0]] = item
            else:
                values = list(item)
                if len(values) != len(names):
                    raise where_d.error(f"cannot unpack {len(values)} values into "
                                        f"{', '.join(names)}")
                extra.update(zip(names, values, strict=True))
            instances.append(extra)
        return instances

    def _plan_slide(self, part: SlidePart, where: Where) -> list[_Job]:
        jobs: list[_Job] = []
        for extra in self._instances(part, where):
            context = {**self.context, **extra}
            plans = self._plan_tables(part, context, where)
            pages = max((len(p.pages) for p in plans), default=1)
            for page in range(pages):
                jobs.append(_Job(part, context, where, plans, page))
        for job in jobs[1:]:
            job.part = self.deck.duplicate(part)
        return jobs

    def _plan_tables(
        self, part: SlidePart, context: dict[str, Any], where: Where
    ) -> list[TablePlan]:
        plans = []
        styles = self._styles_for(part)
        for shape in iter_shapes(part._element.find(f"{P}cSld/{P}spTree")):
            binding = BINDING.match(shape_name(shape))
            if binding is None or binding.group(1).lower() != "table":
                continue
            at = Where(where.template, where.slide, shape_name(shape))
            if shape.tag != f"{P}graphicFrame" or table_of(shape) is None:
                raise at.error("a table: binding must name a table")
            expression = _expression_of(binding, at)
            value = self.evaluate(expression, context, at)
            items = _as_list(value)
            if items is None:
                raise at.error(f"table: {expression} must be a list of rows, got "
                               f"{type(value).__name__}")
            _spend(len(items), at, f"table: {expression}")

            def row_renderer(item: Any, index: int, at: Where = at) -> Callable[[str], str]:
                row_context = {**context, "row": item, "row_index": index}
                return lambda source: self.render_text(source, row_context, at)

            def header_renderer(source: str, at: Where = at) -> str:
                return self.render_text(source, context, at)

            try:
                plan = plan_table(shape, items, row_renderer, styles, header_renderer)
            except TableShapeError as exc:
                raise at.error(str(exc)) from None
            plans.append(plan)
            self.warnings.extend(f"template slide {where.slide}, table '{at.shape}': {w}"
                                 for w in plan.warnings)
        return plans

    # -- render pass --------------------------------------------------------------------------

    def _render_slide(self, job: _Job, position: int) -> None:
        pages = max((len(p.pages) for p in job.plans), default=1)
        context = {**job.context, "page": Page(job.page + 1, pages)}
        tree = job.part._element.find(f"{P}cSld/{P}spTree")
        tables = iter(job.plans)
        for shape in list(iter_shapes(tree)):
            name = shape_name(shape)
            at = Where(job.where.template, job.where.slide, name)
            binding = BINDING.match(name)
            kind = binding.group(1).lower() if binding else ""
            if kind == "table":
                plan = next(tables)
                rows = table_of(shape).findall(f"{A}tr")  # type: ignore[union-attr]
                for body in rows[0].iter(f"{A}txBody"):
                    self.render_body(body, context, at)
                fill_page(shape, plan.pages[job.page] if job.page < len(plan.pages) else [])
                continue
            if binding is not None and kind == "chart":
                self._bind_chart(job.part, shape, _expression_of(binding, at), context, at)
            elif binding is not None and kind == "image":
                self._bind_picture(job.part, shape, _expression_of(binding, at), context, at)
            if shape.tag == f"{P}sp":
                body = shape.find(f"{P}txBody")
                if body is not None and self.render_body(body, context, at):
                    self._fit(job.part, shape, body, position, name)
            elif shape.tag == f"{P}graphicFrame" and table_of(shape) is not None:
                for body in shape.iter(f"{A}txBody"):
                    self.render_body(body, context, at)
        notes = self._notes_body(job.part)
        if notes is not None:
            self.render_body(notes, context, Where(job.where.template, job.where.slide, "notes"))

    def _bind_chart(
        self, part: SlidePart, shape: etree._Element, expression: str,
        context: dict[str, Any], at: Where,
    ) -> None:
        ref = shape.find(f"{A}graphic/{A}graphicData/{C}chart")
        if ref is None:
            raise at.error("a chart: binding must name a chart")
        value = self.evaluate(expression, context, at)
        chart = part.related_part(ref.get(f"{R}id")).chart  # type: ignore[attr-defined]
        try:
            fill_chart(chart, value)
        except ChartDataError as exc:
            raise at.error(f"chart: {expression}: {exc}") from None

    def _bind_picture(
        self, part: SlidePart, shape: etree._Element, expression: str,
        context: dict[str, Any], at: Where,
    ) -> None:
        value = self.evaluate(expression, context, at)
        if value is None:
            remove_picture(part, shape)
            return
        try:
            replace_picture(part, shape, value)
        except PictureError as exc:
            raise at.error(f"image: {expression}: {exc}") from None

    def _bind_layout_pictures(self) -> None:
        """Fill the ``image:`` pictures of the layouts and masters (parts of this render only)."""
        main = self.presentation.part
        masters = [r.target_part for r in main.rels.values() if r.reltype == RT.SLIDE_MASTER]
        parts = [*masters, *(r.target_part for master in masters for r in master.rels.values()
                             if r.reltype == RT.SLIDE_LAYOUT)]
        for part in parts:
            if part in self.loaded.unchanged:
                continue
            element = cast(XmlPart, part)._element
            kind = "layout" if part.content_type == CT.PML_SLIDE_LAYOUT else "master"
            name = element.find(f"{P}cSld").get("name") or part.partname.rsplit("/", 1)[1]
            for shape in list(iter_shapes(element.find(f"{P}cSld/{P}spTree"))):
                binding = BINDING.match(shape_name(shape))
                if binding is None or binding.group(1).lower() != "image":
                    continue
                at = Where(self.template.name, 0, shape_name(shape), f"{kind} '{name}'")
                self._bind_picture(cast(SlidePart, part), shape, _expression_of(binding, at),
                                   self.context, at)

    def _styles_for(self, part: SlidePart) -> Styles:
        styles = self._slide_styles.get(part)
        if styles is None:
            styles = self._slide_styles[part] = self._layout_styles(part)
        return styles

    def _layout_styles(self, part: SlidePart) -> Styles:
        """The styles of the slide's layout, shared by all slides of that layout."""
        layout = part.part_related_by(RT.SLIDE_LAYOUT)
        styles = self._styles.get(id(layout))
        if styles is None:
            master = layout.part_related_by(RT.SLIDE_MASTER)
            major, minor = _theme_fonts(master.part_related_by(RT.THEME).blob)
            default = self.presentation.part._element.find(f"{P}defaultTextStyle")
            styles = Styles.build(cast(XmlPart, layout)._element, cast(XmlPart, master)._element,
                                  default, major, minor)
            self._styles[id(layout)] = styles
        return styles

    def _fit(
        self, part: SlidePart, shape: etree._Element, body: etree._Element,
        position: int, name: str,
    ) -> None:
        styles = self._styles_for(part)
        box = styles.box(shape)
        body_prs = styles.body_pr(shape)
        if box is None or not body_prs or body_prs[0].get("vert", "horz") != "horz":
            return
        width, height = box
        wrap = body_prs[0].get("wrap", "square") != "none"
        if body_prs[0].find(f"{A}spAutoFit") is not None:
            width, height = self._room_to_slide_edge(shape, width, height, wrap)
        autofit = body_prs[0].find(f"{A}normAutofit")
        if autofit is not None:
            autofit.attrib.pop("fontScale", None)
            autofit.attrib.pop("lnSpcReduction", None)
        ph = placeholder(shape)
        key = (None if ph is None else (ph.get("type"), ph.get("idx")), width, height, wrap,
               self.min_font_pt, etree.tostring(body))
        # The same text in the same box of the same layout already fitted as it is, in this
        # render or an earlier one of the template (layouts are shared by its renders).
        layouts = _FITTED.setdefault(self.loaded.source, {})
        fitted = layouts.setdefault(str(part.part_related_by(RT.SLIDE_LAYOUT).partname), set())
        if key in fitted:
            return
        left, right, top, bottom = insets(body_prs)
        layout = TextLayout.read(body, styles.list_styles(shape), styles)
        fits = shrink_to_fit(layout, width / 12700 - left - right, height / 12700 - top - bottom,
                             self.min_font_pt, wrap)
        if fits and etree.tostring(body) == key[-1]:
            if len(fitted) >= _FITTED_PER_LAYOUT:
                fitted.clear()
            fitted.add(key)
        if not fits:
            self.warnings.append(f"slide {position}, shape '{name}': text does not fit its box "
                                 f"even at {self.min_font_pt:g} pt")

    def _room_to_slide_edge(
        self, shape: etree._Element, width: int, height: int, wrap: bool
    ) -> tuple[int, int]:
        """A shape that grows with its text may grow until the slide's edge."""
        off = shape.find(f"{P}spPr/{A}xfrm/{A}off")
        if off is None:
            return width, height
        slide_w = self.presentation.slide_width or width
        slide_h = self.presentation.slide_height or height
        height = max(height, slide_h - int(off.get("y", "0")))
        if not wrap:
            width = max(width, slide_w - int(off.get("x", "0")))
        return width, height

    # -- saving -------------------------------------------------------------------------------

    def _save(self) -> bytes:
        core = self.presentation.core_properties  # made when the template has none
        core.last_modified_by = "deckgen"
        core.revision = 1
        return self.loaded.save(self.info.core_xml() if self.info is not None else None)


def _fingerprint(words: Mapping[str, str]) -> int:
    """A hash of the words a template is prepared with (a workspace may override any)."""
    texts: Mapping[str, str] = getattr(words, "texts", words)  # a Labels, or plain labels
    return hash(frozenset(texts.items()))


def _prepare(
    package: Package, words: Mapping[str, str], tag: str, colors: Mapping[str, str]
) -> None:
    """Once per template, language and brand: fixed wording in place of its ``tr()`` calls,
    every run language set to ``tag`` (slides and their notes; rendered copies inherit both),
    and the brand's colours in the theme."""
    for part in package.iter_parts():
        if part.content_type in (CT.PML_SLIDE, CT.PML_NOTES_SLIDE):
            element = cast(XmlPart, part)._element
            resolve_plain_wording(element, words)
            set_language(element, tag)
        elif part.content_type == CT.OFC_THEME and colors:
            part._blob = recolored_theme(part.blob, colors)


def _binds_pictures(part: Part) -> bool:
    """Whether ``part`` is a layout or master with an ``image:`` picture (rendered each time)."""
    if part.content_type not in _LAYOUT_TYPES:
        return False
    tree = cast(XmlPart, part)._element.find(f"{P}cSld/{P}spTree")
    return any(shape.tag == f"{P}pic" and (m := BINDING.match(shape_name(shape))) is not None
               and m.group(1).lower() == "image" for shape in iter_shapes(tree))


def resolve_plain_wording(element: etree._Element, words: Mapping[str, str]) -> None:
    """Put the wording in place of each ``{{ tr('key') }}`` whose wording holds no tag: the text
    then reads as designed text (copied, not rendered or measured), as typed words would."""
    for text in element.iter(f"{A}t"):
        value = text.text
        if value and "tr(" in value:
            text.text = plain_wording(value, words)


def set_language(element: etree._Element, tag: str) -> None:
    """Every run language declared under ``element`` (``lang="…"``) becomes ``tag``."""
    for props in element.iter(f"{A}rPr", f"{A}endParaRPr", f"{A}defRPr"):
        if props.get("lang") is not None:
            props.set("lang", tag)


def _spend(count: int, where: Where, what: str) -> None:
    """Count ``count`` slide copies or table rows against the document's loop budget."""
    current = budget()
    if current is None:
        return
    try:
        current.tick(count)
    except LimitExceeded as exc:
        raise where.error(f"over a limit in {_display(what)}: {exc.message}") from None


def _expression_of(binding: re.Match[str], at: Where) -> str:
    expression = binding.group(2)
    if not expression:
        raise at.error(f"the binding '{binding.group(0).strip()}' names no expression")
    return expression


def _as_list(value: Any) -> list[Any] | None:
    """``value`` as a list when it is a sequence of items (not text, not a mapping)."""
    if isinstance(value, str | bytes | Mapping) or value is None:
        return None
    try:
        return list(value)
    except TypeError:
        return None


def _theme_fonts(theme_xml: bytes) -> tuple[str, str]:
    """The theme's major (headings) and minor (body) Latin typefaces."""
    root = etree.fromstring(theme_xml)
    major = root.find(f".//{A}majorFont/{A}latin")
    minor = root.find(f".//{A}minorFont/{A}latin")
    return (major.get("typeface", "Calibri") if major is not None else "Calibri",
            minor.get("typeface", "Calibri") if minor is not None else "Calibri")


def render_pptx(
    template: Path,
    context: Mapping[str, Any],
    out: Path,
    *,
    language: str = "pt-BR",
    currency: str = "BRL",
    min_font_pt: float = 10,
    info: DocumentInfo | None = None,
    theme_colors: Mapping[str, str] | None = None,
    limits: LimitSettings | None = None,
) -> RenderResult:
    """Render ``template`` with ``context`` into ``out`` (written atomically, deterministic),
    with ``info`` as its document properties, ``theme_colors`` (slot → ``RRGGBB``) in its
    theme, within the template-engine ``limits`` (docs/security.md)."""
    collecting = gc.isenabled()
    # A render makes many short-lived objects and few cycles: collecting while it runs would
    # cost time and free little, so the collector waits until it is done.
    gc.disable()
    try:
        with rendering_limits(limits):
            renderer = DeckRenderer(Path(template), context, language, currency, min_font_pt,
                                    info, theme_colors)
            data = renderer.run()
    finally:
        if collecting:
            gc.enable()

    def write(temp: Path) -> None:
        temp.write_bytes(data)

    atomic_write(Path(out), write)
    return RenderResult(len(renderer.deck.slide_parts()), renderer.warnings)
