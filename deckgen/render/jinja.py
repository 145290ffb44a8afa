"""The sandboxed Jinja2 environment templates run in, and help for the errors it raises."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import marshal
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import (
    StrictUndefined,
    Template,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
    pass_context,
)
from jinja2.environment import TemplateExpression
from jinja2.parser import Parser
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

import deckgen
from deckgen.locale import default_labels
from deckgen.render.formatting import DASH, make_filters
from deckgen.render.limits import (
    SIZED_FILTERS,
    check_binop,
    check_call,
    check_tree,
    counted,
    counting_concat,
    current_limits,
    guarded_filter,
    metered,
    sized,
)
from deckgen.render.output import strip_xml_illegal
from deckgen.render.terms import term

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
_KEYWORDS = frozenset({"and", "or", "not", "in", "is", "if", "else", "elif", "for", "endfor",
                       "endif", "set", "true", "false", "none", "True", "False", "None",
                       "loop", "recursive"})
_SMART = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'"})


def finalize(value: Any) -> str:
    """How a printed value becomes text: ``None`` is "—", XML-illegal characters are dropped."""
    if value is None:
        return DASH
    if isinstance(value, Markup):  # already escaped (a wording rendered for XML): keep it so
        return Markup(strip_xml_illegal(str(value)))
    return strip_xml_illegal(value if isinstance(value, str) else str(value))


class UnknownWording(UndefinedError):
    """``tr('key')`` of a key the labels do not hold."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, deciding once per type and name whether an attribute is safe,
    and keeping every render within the limits of ``deckgen.render.limits``."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}
        self.concat = counting_concat  # type: ignore[method-assign]  # output counted as it comes
        self.filters["deckgen_counted"] = counted
        self.filters["deckgen_sized"] = sized
        for name in SIZED_FILTERS:
            self.filters[name] = guarded_filter(name, self.filters[name])

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        check_tree(tree, current_limits())  # what is over the limits on its face
        return tree

    def _generate(self, source: nodes.Template, name: str | None, filename: str | None,
                  defer_init: bool = False) -> str:
        return super()._generate(metered(source), name, filename, defer_init)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right, current_limits())
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        args = check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # The sandbox's rules look only at the attribute's name and the object's type.
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


@cache
def make_environment(
    language: str, currency: str = "BRL", autoescape: bool = False
) -> ImmutableSandboxedEnvironment:
    """A sandboxed environment with strict undefined names, the language's filters and its
    wording (``tr``); ``autoescape`` for XML templates (Word)."""
    env = _Sandbox(
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters.update(make_filters(language, currency))
    env.filters["term"] = term
    env.globals["tr"] = _wording(env, language)
    return env


def office_language(language: str) -> str:
    """The language tag Office spell-checks text in (``"en"`` → ``"en-US"``), from the labels."""
    return default_labels(language).get("templates.office_language", language)


_PLAIN_TR = re.compile(r"\{\{\s*tr\(\s*'([\w.-]+)'\s*\)\s*\}\}")


def plain_wording(text: str, words: Mapping[str, str], xml: bool = False) -> str:
    """``text`` with each ``{{ tr('key') }}`` whose wording holds no tag replaced by the wording
    (XML-escaped for an XML source); wording with tags, or a call with arguments, stays a call.

    Done before compiling, it makes a template's fixed words cost what typed words cost.
    """
    if "tr(" not in text:
        return text

    def wording(match: re.Match[str]) -> str:
        try:
            found = words[match.group(1)]  # a Labels object or a mapping
        except KeyError:
            return match.group(0)  # rendering reports the unknown key, where it is
        if "{" in found:
            return match.group(0)
        return str(escape(found)) if xml else found

    return _PLAIN_TR.sub(wording, text)


def _escape_literals(source: str) -> str:
    """``source`` with the text outside its tags XML-escaped (the tags are left as they are)."""
    out: list[str] = []
    cursor = 0
    for match in _TAG.finditer(source):
        out.append(str(escape(source[cursor:match.start()])))
        out.append(match.group(0))
        cursor = match.end()
    out.append(str(escape(source[cursor:])))
    return "".join(out)


def _wording(env: jinja2.Environment, language: str) -> Callable[..., str]:
    """The ``tr`` global of ``env``: ``tr('review.cover_kicker', stream=support)``.

    It looks the key up in the context's ``labels`` (else the language's built-in labels),
    renders the wording (which may hold Jinja) with the calling template's context plus the
    keyword arguments, and returns the text. Each wording is compiled once per environment.
    """
    compiled: dict[str, Template | str] = {}

    @pass_context
    def tr(context: Context, key: str, **values: Any) -> str:
        labels = context.get("labels")
        try:
            source = labels[key] if labels is not None else default_labels(language)[key]
        except KeyError:
            raise UnknownWording(f"no wording {key!r} in the {language} labels") from None
        found = compiled.get(source)
        if found is None:
            if "{" not in source:
                found = escape(source) if env.autoescape else source
            else:
                text = _escape_literals(source) if env.autoescape else source
                found = compile_template(env, text)
            compiled[source] = found
        if isinstance(found, str):
            return found
        names = context.get_all()
        # The caller's names already hold the globals: share them instead of copying.
        local = found.new_context({**names, **values} if values else names, shared=True)
        text = env.concat(found.root_render_func(local))
        return Markup(text) if env.autoescape else text

    return tr


# Bump when the code deckgen compiles changes shape, or what parsing refuses (the limits).
_CODE_FORMAT = "3"
_CACHE_ENTRY_MAX = 16 << 20


def _cache_dir() -> Path | None:
    """Where compiled templates are kept between runs (``DECKGEN_CACHE_DIR`` overrides), or
    None when that folder is not safe: it must be a folder of the current user that nobody
    else can write (created 0700)."""
    given = os.environ.get("DECKGEN_CACHE_DIR")
    if given:
        folder = Path(given)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base) / "deckgen" / "jinja"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    return folder if _private(info, stat.S_ISDIR) else None


def _private(info: os.stat_result, kind: Callable[[int], bool]) -> bool:
    """Whether ``info`` is of ``kind``, owned by the current user and writable by nobody else."""
    return (kind(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _load_code(path: Path, key: bytes) -> CodeType | None:
    """The code cached at ``path``: only from a private regular file that names ``key``."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not _private(info, stat.S_ISREG) or info.st_size > _CACHE_ENTRY_MAX:
            return None  # planted or tampered with: compiled again and replaced
        data = stream.read(_CACHE_ENTRY_MAX + 1)
    if not data.startswith(key):
        return None
    try:
        code = marshal.loads(data[len(key):])
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _store_code(path: Path, key: bytes, code: CodeType) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # mode 0600
        with os.fdopen(handle, "wb") as stream:
            stream.write(key + marshal.dumps(code))
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written only costs the next run some time


def cache_key(env: jinja2.Environment, kind: str, source: str) -> str:
    """The hash a compiled source is kept under: the source, the kind of source, the
    environment, the limits parsing applies, and the Python, Jinja and deckgen versions."""
    return hashlib.sha256(
        f"{sys.version}\0{jinja2.__version__}\0{deckgen.__version__}\0{_CODE_FORMAT}"
        f"\0{type(env).__name__}\0{env.autoescape}\0{kind}\0{current_limits()!r}"
        f"\0{source}".encode()
    ).hexdigest()


def _cached_code(env: jinja2.Environment, kind: str, source: str,
                 compile_source: Callable[[], CodeType]) -> CodeType:
    """The compiled code of ``source``, kept on disk between runs.

    Compiling is most of a cold render's Jinja cost. An entry is named by :func:`cache_key`
    and starts with it, so a changed template or an upgrade simply compiles again; it is
    used only from a private folder and a private file of the current user (anything else
    is ignored and rebuilt: cached code runs outside the sandbox's checks of the source).
    """
    key = cache_key(env, kind, source)
    folder = _cache_dir()
    if folder is None:
        return compile_source()
    path = folder / f"{key}.code"
    header = f"deckgen-jinja {key}\n".encode()
    code = _load_code(path, header)
    if code is None:
        code = compile_source()
        _store_code(path, header, code)
    return code


def compile_template(env: jinja2.Environment, source: str) -> Template:
    """``env.from_string(source)``, with the compiled code kept on disk between runs."""
    return _from_code(env, _cached_code(env, "template", source, lambda: env.compile(source)))


def compile_expression(env: jinja2.Environment, source: str) -> TemplateExpression:
    """``env.compile_expression(source, undefined_to_none=False)``, cached on disk likewise."""

    def compile_source() -> CodeType:
        parser = Parser(env, source, state="variable")
        expression = parser.parse_expression()
        if not parser.stream.eos:
            raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno)
        expression.set_environment(env)
        body = [nodes.Assign(nodes.Name("result", "store"), expression, lineno=1)]
        return env.compile(nodes.Template(body, lineno=1))

    template = _from_code(env, _cached_code(env, "expression", source, compile_source))
    return TemplateExpression(template, undefined_to_none=False)


def _from_code(env: jinja2.Environment, code: CodeType) -> Template:
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def normalize_tag_quotes(text: str) -> str:
    """Turn smart quotes inside ``{{ }}``/``{% %}`` tags into plain ones; leave other text alone."""
    if "{" not in text:
        return text
    return _TAG.sub(lambda m: m.group(0).translate(_SMART), text)


def _children(value: Any) -> Iterator[tuple[str, Any]]:
    """Attribute names a template can read on ``value`` (dataclass fields, properties, keys)."""
    if isinstance(value, Mapping):
        for key in value:
            if isinstance(key, str):
                yield key, value[key]
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield f.name, getattr(value, f.name, None)
        for name, member in vars(type(value)).items():
            if isinstance(member, property) and not name.startswith("_"):
                try:
                    yield name, getattr(value, name)
                except Exception:  # noqa: BLE001 - a failing property is simply not offered
                    continue


def known_paths(context: Mapping[str, Any], depth: int = 3) -> list[str]:
    """Every dotted name reachable from ``context`` through fields, properties and keys."""
    paths: list[str] = []

    def walk(prefix: str, value: Any, level: int) -> None:
        paths.append(prefix)
        if level < depth:
            for name, child in _children(value):
                walk(f"{prefix}.{name}", child, level + 1)

    for name, value in context.items():
        walk(name, value, 1)
    return paths


def missing_name(message: str, expression: str) -> str:
    """The dotted name an ``UndefinedError`` is about, read from its message and expression."""
    undefined = re.search(r"'([^']+)' is undefined", message)
    if undefined:
        return undefined.group(1)
    attribute = re.search(r"has no attribute '([^']+)'", message)
    if attribute is None:
        return ""
    name = attribute.group(1)
    in_expression = re.search(rf"[A-Za-z_][\w.]*\.{re.escape(name)}\b", expression)
    return in_expression.group(0) if in_expression else name


def _resolves(path: str, context: Mapping[str, Any]) -> bool:
    head, *rest = path.split(".")
    if head not in context:
        return False
    value = context[head]
    for part in rest:
        children = dict(_children(value))
        if part in children:
            value = children[part]
        elif isinstance(value, Mapping) or not hasattr(value, part):
            return False
        else:
            value = getattr(value, part)
    return True


def suggest_name(wrong: str, context: Mapping[str, Any]) -> str | None:
    """The known dotted name closest to ``wrong`` (``nps.scor`` → ``nps.score``), or None.

    ``wrong`` may also be a whole expression or tag: its first name that does not resolve
    in ``context`` is the one looked up.
    """
    if not _DOTTED_NAME.fullmatch(wrong):
        bare = re.sub(r"(['\"]).*?\1|(?:\||\bis\s+(?:not\s+)?)\s*[A-Za-z_]\w*", "", wrong)
        names = [n for n in _DOTTED_NAME.findall(bare)
                 if n.split(".")[0] not in _KEYWORDS and not _resolves(n, context)]
        return next((h for h in (suggest_name(n, context) for n in names) if h), None)
    candidates = known_paths(context)
    head, _, leaf = wrong.rpartition(".")
    root = wrong.split(".")[0]
    roots = [str(name) for name in context]
    if head and root not in context and not difflib.get_close_matches(root, roots, cutoff=0.75):
        # most likely a loop variable: match the attribute alone
        leaves = sorted({c.rpartition(".")[2] for c in candidates if "." in c} - {leaf})
        near = difflib.get_close_matches(leaf, leaves, n=1, cutoff=0.6)
        return f"{head}.{near[0]}" if near else None
    same_depth = [c for c in candidates if c.count(".") == wrong.count(".")]
    close = difflib.get_close_matches(wrong, same_depth, n=1, cutoff=0.6)
    close = close or difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return close[0] if close else None
