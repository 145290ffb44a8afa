"""Checking a template without data: which names and bindings it uses, and which the model lacks.

PowerPoint templates are read slide by slide (text, notes, directives, bindings); Word templates
are read as docxtpl reads them (body, headers and footers), paragraph by paragraph. Names are
resolved against types, not values: the root names map to types (dataclasses,
``list[X]``, ``X | None``…), attributes follow dataclass fields and properties through their
type hints, ``for x in xs`` binds ``x`` to the element type of ``xs``, and a table's ``row``
is an element of the list it is bound to.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, nodes
from jinja2.defaults import DEFAULT_NAMESPACE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from deckgen.errors import TemplateError
from deckgen.locale import default_labels, languages
from deckgen.reading import template_problem
from deckgen.render.docx import paragraph_text as docx_paragraph_text
from deckgen.render.docx import word_source
from deckgen.render.jinja import make_environment
from deckgen.render.limits import TemplateTooCostly
from deckgen.render.pptx.engine import BINDING, DIRECTIVE, Loop, Page
from deckgen.render.pptx.ooxml import A, P, iter_shapes, placeholder, shape_name
from deckgen.render.pptx.package import load_package
from deckgen.render.pptx.tables import table_of
from deckgen.render.pptx.text import paragraph_text, parse_body

UNKNOWN: Any = object()  # a value whose type is not known: anything below it is accepted
JINJA_GLOBALS = dict.fromkeys(DEFAULT_NAMESPACE, UNKNOWN)  # range, dict, namespace…: Jinja's own
_FOR = re.compile(r"^for\s+(.+?)\s+in\s+(.+)$", re.DOTALL)


@dataclass(frozen=True)
class Usage:
    """One name or binding a place uses, and whether the model provides it."""

    kind: str  # "variable", "chart", "table" or "image"
    text: str
    provided: bool


@dataclass
class PlaceUsage:
    """What one place of a template uses: a slide ("slide 3") or a paragraph ("paragraph 12")."""

    where: str
    usages: list[Usage] = field(default_factory=list)

    def add(self, usage: Usage) -> None:
        if usage not in self.usages:
            self.usages.append(usage)


def _without_none(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        return rest[0] if len(rest) == 1 else UNKNOWN
    return hint


def _hints(owner: Any) -> dict[str, Any]:
    try:
        return typing.get_type_hints(owner)
    except Exception:  # noqa: BLE001 - unresolvable hints just mean "unknown"
        return {}


def attribute_type(owner: Any, name: str) -> tuple[bool, Any]:
    """Whether ``owner`` (a type) has attribute ``name``, and the attribute's type."""
    owner = _without_none(owner)
    if owner is UNKNOWN or owner is Any or owner is object:
        return True, UNKNOWN
    origin = typing.get_origin(owner) or owner
    if isinstance(origin, type) and issubclass(origin, Mapping):
        args = typing.get_args(owner)
        return True, args[1] if len(args) == 2 else UNKNOWN
    if not isinstance(owner, type):
        return True, UNKNOWN
    if dataclasses.is_dataclass(owner):
        hints = _hints(owner)
        if name in {f.name for f in dataclasses.fields(owner)}:
            return True, hints.get(name, UNKNOWN)
    model_fields = getattr(owner, "model_fields", None)  # a pydantic model
    if isinstance(model_fields, Mapping) and name in model_fields:
        return True, _hints(owner).get(name, UNKNOWN)
    member = getattr(owner, name, None)
    if isinstance(member, property):
        return True, _hints(member.fget).get("return", UNKNOWN)
    if callable(member) and not name.startswith("_"):
        return True, _Method(_hints(member).get("return", UNKNOWN))
    if member is not None and not name.startswith("_"):
        return True, UNKNOWN
    return False, None


@dataclass(frozen=True)
class Wording:
    """``tr``: the wording of the templates, in every language deckgen writes."""

    env: Any
    languages: tuple[str, ...]

    def labels(self, language: str) -> Mapping[str, str]:
        return default_labels(language)


@cache
def wording() -> Wording:
    """The ``tr`` global as the checker sees it: the wording of every language deckgen writes."""
    return Wording(make_environment("en"), languages())


@dataclass(frozen=True)
class _Method:
    """A method: calling it gives ``returns``."""

    returns: Any


@dataclass(frozen=True)
class _Batch:
    """``xs | batch(n)``: a list of lists of ``item``."""

    item: Any


def element_type(hint: Any) -> Any:
    """The type of the items of a ``list[X]``-like type (unknown otherwise)."""
    if isinstance(hint, _Batch):
        return list[hint.item]
    hint = _without_none(hint)
    origin = typing.get_origin(hint)
    if isinstance(origin, type) and issubclass(origin, Sequence) and typing.get_args(hint):
        return typing.get_args(hint)[0]
    return UNKNOWN


class _Walker:
    """Walks a Jinja AST, resolving every dotted name against the types in scope."""

    def __init__(self, scope: dict[str, Any], report: Callable[[str, bool, int], None]) -> None:
        self.scope = {**JINJA_GLOBALS, **scope}
        self._report = report

    def report(self, text: str, ok: bool, node: nodes.Node) -> None:
        self._report(text, ok, node.lineno)

    def type_of(self, node: nodes.Node) -> Any:
        """Visit an expression (reporting its names) and return its type."""
        if isinstance(node, nodes.Name):
            known = node.name in self.scope
            self.report(node.name, known, node)
            return self.scope.get(node.name, UNKNOWN) if known else UNKNOWN
        chain = _chain(node)
        if chain is not None:
            root, attrs = chain
            current = self.scope.get(root.name, UNKNOWN)
            ok = root.name in self.scope
            for attr in attrs:
                if not ok:
                    break
                ok, current = attribute_type(current, attr)
            self.report(".".join([root.name, *attrs]), ok, node)
            return current if ok else UNKNOWN
        if isinstance(node, nodes.Call):
            if isinstance(node.node, nodes.Name) and isinstance(self.scope.get(node.node.name),
                                                                 Wording):
                self._wording(node)
                return str
            called = self.type_of(node.node)
            self._visit_children(node, skip=node.node)
            return called.returns if isinstance(called, _Method) else UNKNOWN
        if isinstance(node, nodes.Filter):
            inner = self.type_of(node.node) if node.node is not None else UNKNOWN
            self._visit_children(node, skip=node.node)
            return _Batch(element_type(inner)) if node.name == "batch" else UNKNOWN
        self._visit_children(node)
        return UNKNOWN

    def _wording(self, call: nodes.Call) -> None:
        """``tr('key', name=value)``: the key in every language, and the names its wording uses
        (resolved with the arguments' types)."""
        wording: Wording = self.scope[call.node.name]  # type: ignore[attr-defined]
        arguments = {kw.key: self.type_of(kw.value) for kw in call.kwargs}
        first = call.args[0] if call.args else None
        if not (isinstance(first, nodes.Const) and isinstance(first.value, str)):
            for arg in call.args:
                self.type_of(arg)
            return
        key = first.value
        sources = [wording.labels(language).get(key) for language in wording.languages]
        self.report(f"tr('{key}')", all(source is not None for source in sources), call)
        inner = _Walker({**self.scope, **arguments},
                        lambda text, ok, line: self._report(text, ok, call.lineno))
        for source in sources:
            if source is not None and "{" in source:
                try:
                    inner.visit(wording.env.parse(source))
                except TemplateSyntaxError as exc:
                    raise TemplateError(f"wording {key!r}: syntax error: {exc.message}") from None

    def _visit_children(self, node: nodes.Node, skip: nodes.Node | None = None) -> None:
        for child in node.iter_child_nodes():
            if child is not skip:
                self.visit(child)

    def visit(self, node: nodes.Node) -> None:
        """Visit a statement or expression."""
        if isinstance(node, nodes.For):
            items = element_type(self.type_of(node.iter))
            inner = _Walker({**self.scope, "loop": Loop}, self._report)
            inner.bind(node.target, items)
            for child in (*node.body, *node.else_, *([node.test] if node.test else [])):
                inner.visit(child)
        elif isinstance(node, nodes.Assign):
            self.type_of(node.node)
            self.bind(node.target, UNKNOWN)
        elif isinstance(node, nodes.Expr):
            self.type_of(node)
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.type_of(child)
                else:
                    self.visit(child)

    def bind(self, target: nodes.Node, hint: Any) -> None:
        """Bind the names of a ``for``/``set`` target."""
        if isinstance(target, nodes.Name):
            self.scope[target.name] = hint
        else:
            for name in target.find_all(nodes.Name):
                self.scope[name.name] = UNKNOWN


def _chain(node: nodes.Node) -> tuple[nodes.Name, list[str]] | None:
    """``a.b["c"].d`` as (Name a, ["b", "c", "d"]), or None if it does not start at a name."""
    attrs: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            attrs.append(node.attr)
            node = node.node
        elif (isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const)
              and isinstance(node.arg.value, str)):
            attrs.append(node.arg.value)
            node = node.node
        else:
            break
    if not attrs or not isinstance(node, nodes.Name):
        return None
    return node, attrs[::-1]


class TemplateChecker:
    """Reads every slide of a PowerPoint template and resolves what it uses against root types."""

    def __init__(self, template: Path, roots: Mapping[str, Any]) -> None:
        self.template = template
        self.roots = dict(roots)
        self.env = make_environment("en")

    def _parse(self, source: str, slide: int, shape: str) -> nodes.Template:
        try:
            return self.env.parse(source)
        except TemplateSyntaxError as exc:
            raise TemplateError(f"{self.template.name}, slide {slide}, shape '{shape}': "
                                f"{_problem(exc)}") from None

    def _expression(self, source: str, slide: int, shape: str) -> nodes.Node:
        template = self._parse("{{ " + source + " }}", slide, shape)
        output = template.body[0]
        assert isinstance(output, nodes.Output)
        return output.nodes[0]

    def check(self) -> list[PlaceUsage]:
        """What each slide uses, in template order."""
        try:
            package = load_package(self.template).package
            presentation = package.main_document_part.presentation
        except FileNotFoundError:
            raise TemplateError(f"{self.template}: template not found") from None
        except Exception as exc:  # noqa: BLE001 - zipfile/lxml/python-pptx all raise differently
            raise TemplateError(f"{self.template}: not a PowerPoint template ({exc})") from None
        places = [self._slide(number, slide.part)
                  for number, slide in enumerate(presentation.slides, start=1)]
        masters = [r.target_part for r in presentation.part.rels.values()
                   if r.reltype == RT.SLIDE_MASTER]
        layouts = [r.target_part for master in masters for r in master.rels.values()
                   if r.reltype == RT.SLIDE_LAYOUT]
        for part in (*masters, *layouts):
            place = self._pictures_of(part)
            if place.usages:
                places.append(place)
        return places

    def _pictures_of(self, part: Any) -> PlaceUsage:
        """The picture bindings of a layout or master (they see the deck's names only)."""
        kind = "layout" if part.partname.startswith("/ppt/slideLayouts/") else "master"
        name = part._element.find(f"{P}cSld").get("name") or part.partname.rsplit("/", 1)[1]
        usage = PlaceUsage(f"{kind} '{name}'")
        for shape in iter_shapes(part._element.find(f"{P}cSld/{P}spTree")):
            binding = BINDING.match(shape_name(shape))
            if binding and binding.group(1).lower() == "image" and binding.group(2):
                expression = binding.group(2)
                found = self._usages(self._expression(expression, 0, shape_name(shape)),
                                     {"tr": wording(), **self.roots})
                usage.add(Usage("image", expression, all(ok for _, ok in found)))
                for text, ok in found:
                    if text != expression:
                        usage.add(Usage("variable", text, ok))
        return usage

    def _slide(self, number: int, part: Any) -> PlaceUsage:
        usage = PlaceUsage(f"slide {number}")
        scope: dict[str, Any] = {"tr": wording(), **self.roots, "page": Page}

        def reporter(kind: str = "variable") -> Callable[[str, bool, int], None]:
            return lambda text, ok, line: usage.add(Usage(kind, text, ok))

        notes = _notes_paragraphs(part)
        for text in notes:
            directive = DIRECTIVE.match(text)
            if directive is None:
                continue
            body = directive.group(1)
            walker = _Walker(scope, reporter())
            loop = _FOR.match(body)
            if loop:
                items = walker.type_of(self._expression(loop.group(2), number, "notes"))
                names = [n.strip() for n in loop.group(1).split(",")]
                for name in names:
                    scope[name] = element_type(items) if len(names) == 1 else UNKNOWN
                scope["loop"] = Loop
            elif body.startswith("if "):
                walker.type_of(self._expression(body[3:], number, "notes"))
        tree = part._element.find(f"{P}cSld/{P}spTree")
        for shape in iter_shapes(tree):
            name = shape_name(shape)
            binding = BINDING.match(name)
            row_type: Any = None
            if binding and binding.group(2):
                kind, expression = binding.group(1).lower(), binding.group(2)
                found = self._usages(self._expression(expression, number, name), scope)
                usage.add(Usage(kind, expression, all(ok for _, ok in found)))
                for text, ok in found:
                    if text != expression:
                        usage.add(Usage("variable", text, ok))
                if kind == "table":
                    row_type = element_type(_Walker(dict(scope), lambda t, o, n: None)
                                            .type_of(self._expression(expression, number, name)))
            if shape.tag == f"{P}grpSp":
                continue  # its shapes come on their own
            for body in shape.iter(f"{P}txBody", f"{A}txBody"):
                template = parse_body(body)
                if template is None:
                    continue
                in_row = row_type is not None and _in_data_row(shape, body)
                local = {**scope, "row": row_type, "row_index": int} if in_row else dict(scope)
                _Walker(local, reporter()).visit(self._parse(template.source, number, name))
        notes_body = _notes_body(part)
        notes_template = parse_body(notes_body) if notes_body is not None else None
        if notes_template is not None:
            _Walker(dict(scope), reporter()).visit(
                self._parse(notes_template.source, number, "notes"))
        return usage

    def _usages(self, expression: nodes.Node, scope: dict[str, Any]) -> list[tuple[str, bool]]:
        found: list[tuple[str, bool]] = []
        _Walker(dict(scope), lambda text, ok, line: found.append((text, ok))).type_of(expression)
        return found


def _in_data_row(frame: Any, body: Any) -> bool:
    tbl = table_of(frame)
    rows = tbl.findall(f"{A}tr") if tbl is not None else []
    return len(rows) > 1 and any(b is body for b in rows[1].iter(f"{A}txBody"))


def _notes_body(part: Any) -> Any:
    notes = next((r.target_part for r in part.rels.values() if r.reltype == RT.NOTES_SLIDE), None)
    if notes is None:
        return None
    for shape in iter_shapes(notes._element.find(f"{P}cSld/{P}spTree")):
        ph = placeholder(shape)
        if ph is not None and ph.get("type") == "body":
            return shape.find(f"{P}txBody")
    return None


def _notes_paragraphs(part: Any) -> list[str]:
    body = _notes_body(part)
    return [] if body is None else [paragraph_text(p) for p in body.findall(f"{A}p")]


def _docx_parts(template: Path) -> Iterator[tuple[str, str]]:
    """(where, Jinja source) of the body, then each header and footer, as docxtpl reads them."""
    try:
        tpl = DocxTemplate(word_source(template))
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the same user error
        raise TemplateError(f"{template}: not a Word document ({exc})") from None
    yield "", tpl.patch_xml(tpl.get_xml())
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            name = str(part.partname).rsplit("/", 1)[-1].removesuffix(".xml")
            yield f"{name}, ", tpl.patch_xml(tpl.get_part_xml(part))


def check_docx(template: Path, roots: Mapping[str, Any]) -> list[PlaceUsage]:
    """What each paragraph of a Word template uses, in document order (body, headers, footers)."""
    env = make_environment("en").overlay(autoescape=True)
    places: dict[str, PlaceUsage] = {}
    for prefix, xml in _docx_parts(template):
        lines = _split_paragraphs(xml).splitlines()
        try:
            tree = env.parse("\n".join(lines))
        except TemplateSyntaxError as exc:
            where = _paragraph_where(prefix, lines, exc.lineno)
            raise TemplateError(f"{template.name}, {where}: {_problem(exc)}") from None

        def report(text: str, ok: bool, line: int, prefix: str = prefix,
                   lines: list[str] = lines) -> None:
            where = _paragraph_where(prefix, lines, line)
            places.setdefault(where, PlaceUsage(where)).add(Usage("variable", text, ok))

        _Walker({"tr": wording(), **roots}, report).visit(tree)
    return list(places.values())


def _problem(exc: TemplateSyntaxError) -> str:
    """A parse error in words: a syntax error, or a template over a limit on its face."""
    if isinstance(exc, TemplateTooCostly):
        return f"over a limit: {exc.message}"
    return f"syntax error: {exc.message}"


def _split_paragraphs(xml: str) -> str:
    """One paragraph per line, as the renderer splits them (so line numbers name paragraphs)."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _paragraph_where(prefix: str, lines: list[str], line: int) -> str:
    """Where a line is, as the renderer's errors say it: ``paragraph 3 "its text"``."""
    paragraph = sum(1 for text in lines[:line] if text.startswith("<w:p"))
    text = docx_paragraph_text(lines[line - 1]) if 0 < line <= len(lines) else ""
    return f"{prefix}paragraph {paragraph}" + (f' "{text}"' if text else "")


def is_word(template: Path) -> bool:
    """Whether ``template`` is a Word document (by its content; by its name if unreadable)."""
    try:
        with zipfile.ZipFile(template) as package:
            return "word/document.xml" in package.namelist()
    except (OSError, zipfile.BadZipFile):
        return template.suffix.lower() in (".docx", ".dotx")


def check_template(template: Path, roots: Mapping[str, Any]) -> list[PlaceUsage]:
    """Every name and binding each slide or paragraph of ``template`` uses, checked against
    ``roots`` (a Word document is recognised by its content, whatever its name)."""
    path = Path(template)
    problem = template_problem(path)
    if problem is not None:
        raise TemplateError(f"{path}: {problem}")
    if is_word(path):
        return check_docx(path, roots)
    return TemplateChecker(path, roots).check()


def iter_missing(places: list[PlaceUsage]) -> Iterator[tuple[str, Usage]]:
    """(where, usage) for everything the model does not provide."""
    for place in places:
        for usage in place.usages:
            if not usage.provided:
                yield place.where, usage
