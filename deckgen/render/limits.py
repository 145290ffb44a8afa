"""The work one document's templates may do: loop iterations, value sizes, output, wall time.

A render runs inside :func:`rendering_limits`, which makes a :class:`Budget` current; the
sandbox (``deckgen.render.jinja``) asks it before every loop item, power, repetition,
concatenation, sized filter or method call and while collecting output, and refuses with
:class:`LimitExceeded` (a Jinja ``SecurityError``, so every located error path reports it).
:func:`check_tree` refuses at parse time what is costly on its face (``{{ 3**(10**8) }}``,
nested loops over ``range(99999)``), so ``template check`` reports it without rendering.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SecurityError
from jinja2.visitor import NodeTransformer

from deckgen.config import LimitSettings

_SETTING = "raise {} under [limits] in the configuration"
_WIDTH = re.compile(r"\d+")
_FIELDS = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?|\{[^{}]*:[^{}]*\}")
# A width taken from the arguments: ``%*d``, ``{:{w}}``.
_ARGUMENT_WIDTH = re.compile(r"%[-#0 +]*\*|%[-#0 +]*\d*\.\*|\{[^{}]*:[^{}]*\{")
_SIZED = (str, bytes, list, tuple)


class LimitExceeded(SecurityError):
    """A template asked for more work than the limits allow."""


class TemplateTooCostly(TemplateSyntaxError):
    """A template that is over a limit on its face (found when it is parsed)."""


@dataclass(frozen=True)
class TemplateLimits:
    """The limits of one document, from the ``[limits]`` settings."""

    iterations: int = 100_000
    output_chars: int = 16 << 20
    seconds: float = 60.0
    number_digits: int = 1000

    @classmethod
    def of(cls, settings: LimitSettings | None) -> TemplateLimits:
        """The template limits of ``settings`` (the defaults when None)."""
        s = settings or LimitSettings()
        return cls(s.template_iterations, int(s.template_output_mb * (1 << 20)),
                   s.template_seconds, s.template_number_digits)


class Budget:
    """What one document's rendering has used so far, against its limits."""

    def __init__(self, limits: TemplateLimits) -> None:
        self.limits = limits
        self.iterations = 0
        self.output = 0
        self.deadline = time.monotonic() + limits.seconds

    def tick(self, count: int = 1) -> None:
        """Count ``count`` loop items (template loops, slide copies, table rows)."""
        self.iterations += count
        if self.iterations > self.limits.iterations:
            raise LimitExceeded(f"more than {self.limits.iterations:,} loop iterations in one "
                                f"document ({_SETTING.format('template_iterations')})")
        self.check_time()

    def check_time(self) -> None:
        """Refuse once the document's wall-clock deadline has passed."""
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"rendering took more than {self.limits.seconds:g} s "
                                f"({_SETTING.format('template_seconds')})")

    def add_output(self, count: int) -> None:
        """Count ``count`` characters of output."""
        self.output += count
        if self.output > self.limits.output_chars:
            raise LimitExceeded(f"the document's text grows past {_chars(self.limits)} "
                                f"({_SETTING.format('template_output_mb')})")


_CURRENT: ContextVar[Budget | None] = ContextVar("deckgen_template_budget", default=None)


def current_limits() -> TemplateLimits:
    """The limits of the render in progress (the defaults outside one)."""
    budget = _CURRENT.get()
    return budget.limits if budget is not None else TemplateLimits()


@contextmanager
def rendering_limits(settings: LimitSettings | None) -> Iterator[Budget]:
    """Make a fresh budget of ``settings``' limits current while one document renders."""
    budget = Budget(TemplateLimits.of(settings))
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def budget() -> Budget | None:
    """The budget of the render in progress, if any."""
    return _CURRENT.get()


def _chars(limits: TemplateLimits) -> str:
    return f"{limits.output_chars / (1 << 20):,.1f} MB"


def _too_long(size: int, what: str, limits: TemplateLimits) -> LimitExceeded:
    return LimitExceeded(f"{what} would hold {size:,} characters, over the limit of "
                         f"{_chars(limits)} ({_SETTING.format('template_output_mb')})")


def _digits(n: int) -> int:
    return len(str(abs(n))) if abs(n) < 10**18 else int(abs(n).bit_length() * math.log10(2)) + 1


def check_binop(operator: str, left: Any, right: Any, limits: TemplateLimits) -> None:
    """Refuse ``left OPERATOR right`` when its result would be over the limits."""
    digits = limits.number_digits
    ints = isinstance(left, int) and isinstance(right, int)
    if operator == "**" and ints and abs(left) > 1 and right > 0:
        size = right * math.log10(abs(left))
        if size > digits:
            raise LimitExceeded(f"{left} ** {right} would have about {size:,.0f} digits, over "
                                f"the limit of {digits:,} "
                                f"({_SETTING.format('template_number_digits')})")
    elif operator == "*" and ints:
        if _digits(left) + _digits(right) > digits + 1:
            raise LimitExceeded(f"a product of more than {digits:,} digits "
                                f"({_SETTING.format('template_number_digits')})")
    elif operator == "*":
        sequence, count = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(sequence, _SIZED) and isinstance(count, int):
            size = len(sequence) * count
            if size > limits.output_chars:
                raise _too_long(size, "a repeated value", limits)
    elif operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
        size = len(left) + len(right)
        if size > limits.output_chars:
            raise _too_long(size, "a joined value", limits)
    elif operator == "%" and isinstance(left, str):
        check_widths(left, limits)
        if _ARGUMENT_WIDTH.search(left):
            check_arguments(right if isinstance(right, tuple) else [right], limits,
                            "a formatted field")


def check_widths(text: str, limits: TemplateLimits) -> None:
    """Refuse a format string asking for a field wider than the output limit."""
    for field in _FIELDS.findall(text):
        for width in _WIDTH.findall(field):
            if len(width) > 12 or int(width) > limits.output_chars:
                raise _too_long(int(width[:13]), "a formatted field", limits)


def check_arguments(args: Iterable[Any], limits: TemplateLimits, what: str) -> None:
    """Refuse a width, count or repetition argument larger than the output limit."""
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and arg > limits.output_chars:
            raise _too_long(arg, what, limits)


def check_result(value: Any, limits: TemplateLimits, what: str) -> Any:
    """``value``, refused when it is text or a sequence longer than the output limit."""
    if isinstance(value, _SIZED) and len(value) > limits.output_chars:
        raise _too_long(len(value), what, limits)
    return value


def estimate_replace(text: Any, old: Any, new: Any, limits: TemplateLimits) -> None:
    """Refuse a replacement whose result would be over the output limit."""
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return
    growth = len(new) - len(old)
    count = len(text) + 1 if not old else (len(text) // len(old) if growth > 0 else 0)
    if len(text) + count * growth > limits.output_chars:
        raise _too_long(len(text) + count * growth, "a replaced text", limits)


def estimate_join(separator: Any, items: Any, limits: TemplateLimits) -> None:
    """Refuse a join whose separators alone would be over the output limit."""
    if isinstance(separator, str) and isinstance(items, Sized):
        size = len(separator) * max(len(items) - 1, 0)
        if size > limits.output_chars:
            raise _too_long(size, "a joined text", limits)


def counted(iterable: Any) -> Iterator[Any]:
    """The items of a ``{% for %}``, each counted against the current budget."""
    current = _CURRENT.get()
    if current is None:
        yield from iterable
        return
    for item in iterable:
        current.tick()
        yield item


def sized(value: Any) -> Any:
    """A ``~`` concatenation's result, refused when over the output limit."""
    return check_result(value, current_limits(), "a joined text")


def counting_concat(pieces: Iterable[str]) -> str:
    """``"".join(pieces)``, counting the characters against the current budget as they come."""
    current = _CURRENT.get()
    if current is None:
        return "".join(pieces)
    out: list[str] = []
    total = 0
    try:
        for piece in pieces:
            out.append(piece)
            total += len(piece)
            if total > 65536:
                current.add_output(total)
                current.check_time()
                total = 0
        current.add_output(total)
    except LimitExceeded as exc:
        exc.lineno = _template_line(pieces)  # type: ignore[attr-defined]  # where it stopped
        raise
    return "".join(out)


def _template_line(pieces: Iterable[str]) -> int | None:
    """The template line a rendering generator stands at (from its code's debug map)."""
    frame = getattr(pieces, "gi_frame", None)
    if frame is None:
        return None
    pairs = [tuple(map(int, pair.split("="))) for pair in
             str(frame.f_globals.get("debug_info", "")).split("&") if "=" in pair]
    lines = [template for template, code in pairs if code <= frame.f_lineno]
    return lines[-1] if lines else None


# Filters whose extra arguments size their result, and how to check them beforehand.
def _filter_guard(name: str) -> Callable[[tuple[Any, ...], dict[str, Any]], None]:
    def guard(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        limits = current_limits()
        what = f"the filter {name}"
        if name == "replace" and len(args) >= 3:
            estimate_replace(args[0], args[1], args[2], limits)
        elif name == "join":
            estimate_join(args[1] if len(args) > 1 else kwargs.get("d", ""), args[0], limits)
        elif name == "format" and args and isinstance(args[0], str):
            check_widths(args[0], limits)
            if not _ARGUMENT_WIDTH.search(args[0]):
                return  # the arguments are values, not widths
        check_arguments([*args[1:], *kwargs.values()], limits, what)
        current = _CURRENT.get()
        if current is not None:
            current.check_time()

    return guard


SIZED_FILTERS = ("center", "indent", "wordwrap", "truncate", "slice", "batch", "format",
                 "replace", "join")


def guarded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` (a built-in filter) refusing arguments or results over the limits."""
    guard = _filter_guard(name)
    pass_arg = getattr(func, "jinja_pass_arg", None)
    skip = 1 if pass_arg is not None else 0

    def filtered(*args: Any, **kwargs: Any) -> Any:
        if name == "join" and len(args) > skip:
            args = (*args[:skip], _listed(args[skip]), *args[skip + 1:])
        guard(args[skip:], kwargs)
        return check_result(func(*args, **kwargs), current_limits(), f"the filter {name}")

    if pass_arg is not None:
        filtered.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return filtered


_STR_SIZED = {"center", "ljust", "rjust", "zfill", "expandtabs", "format", "replace", "join",
              "format_map"}


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """``args`` of a call (an iterator to join made a list), refused when a text method's
    result would be over the limits."""
    current = _CURRENT.get()
    if current is not None:
        current.check_time()
    target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner, name = getattr(target, "__self__", None), getattr(target, "__name__", "")
    if not isinstance(owner, str) or name not in _STR_SIZED:
        return args
    limits = current_limits()
    if name == "replace" and len(args) >= 2:
        estimate_replace(owner, args[0], args[1], limits)
    elif name == "join" and args:
        args = (_listed(args[0]), *args[1:])
        estimate_join(owner, args[0], limits)
    elif name in ("format", "format_map"):
        check_widths(owner, limits)
        if not _ARGUMENT_WIDTH.search(owner):
            return args  # the arguments are values, not widths
    check_arguments([*args, *kwargs.values()], limits, f"str.{name}")
    return args


def _listed(items: Any) -> Any:
    """``items`` as a list when it is an iterator (so it can be measured), else as it is."""
    return items if isinstance(items, Sized) or not isinstance(items, Iterable) else list(items)


# -- on its face: what parsing can see --------------------------------------------------------

class _NotConstant(Exception):
    pass


_BINOPS: dict[type[nodes.Node], str] = {nodes.Pow: "**", nodes.Mul: "*", nodes.Add: "+",
                                           nodes.Mod: "%"}


def _constant(node: nodes.Node, limits: TemplateLimits, names: Mapping[str, Any]) -> Any:
    """The value of a constant expression (``names``: the names set once to a constant), each
    step checked against the limits."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Name) and node.ctx == "load" and node.name in names:
        return names[node.name]
    if isinstance(node, nodes.Neg):
        return -_constant(node.node, limits, names)
    if isinstance(node, (nodes.List, nodes.Tuple)):
        return [_constant(item, limits, names) for item in node.items]
    operator = _BINOPS.get(type(node))
    if operator is not None:
        assert isinstance(node, nodes.BinExpr)
        left = _constant(node.left, limits, names)
        right = _constant(node.right, limits, names)
        check_binop(operator, left, right, limits)
        try:
            return {"**": lambda: left**right, "*": lambda: left * right,
                    "+": lambda: left + right, "%": lambda: left % right}[operator]()
        except Exception:  # noqa: BLE001 - a type error is the render's to report
            raise _NotConstant from None
    raise _NotConstant


def _loop_size(node: nodes.Node, limits: TemplateLimits,
               names: Mapping[str, Any]) -> int | None:
    """How many items a loop over ``node`` has, when parsing can tell (``range(N)``, a list)."""
    try:
        if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)
                and node.node.name == "range" and not node.kwargs):
            return len(range(*[_constant(arg, limits, names) for arg in node.args]))
        value = _constant(node, limits, names)
    except (_NotConstant, TypeError, ValueError, OverflowError):
        return None
    return len(value) if isinstance(value, list | str) else None


def check_tree(tree: nodes.Template, limits: TemplateLimits) -> None:
    """Refuse a parsed template that is over the limits on its face: constant expressions
    (names set once, ``{% set n = 10**8 %}``, count as constants) and nested loops over
    ``range()`` of constants."""
    stored = Counter(n.name for n in tree.find_all(nodes.Name) if n.ctx == "store")
    names: dict[str, Any] = {}

    def walk(node: nodes.Node, outer: int) -> None:
        if type(node) in _BINOPS:
            try:
                _constant(node, limits, names)
            except LimitExceeded as exc:
                raise TemplateTooCostly(str(exc), node.lineno) from None
            except _NotConstant:
                pass
        if (isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name)
                and stored[node.target.name] == 1):
            with suppress(_NotConstant, LimitExceeded):  # the latter: reported below
                names[node.target.name] = _constant(node.node, limits, names)
        if isinstance(node, nodes.For):
            size = _loop_size(node.iter, limits, names)
            if size is not None:
                outer *= max(size, 1)
                if outer > limits.iterations:
                    raise TemplateTooCostly(
                        f"loops nested {outer:,} iterations deep, over the limit of "
                        f"{limits.iterations:,} ({_SETTING.format('template_iterations')})",
                        node.lineno)
        for child in node.iter_child_nodes():
            walk(child, outer)

    walk(tree, 1)


class _Meter(NodeTransformer):
    """Counts each ``{% for %}``'s items and sizes each ``~`` (wrapped in internal filters)."""

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 - the visitor's naming
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "deckgen_counted", [], [], None, None,
                                 lineno=node.iter.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802
        self.generic_visit(node)
        return nodes.Filter(node, "deckgen_sized", [], [], None, None, lineno=node.lineno)


def metered(tree: nodes.Template) -> nodes.Template:
    """``tree`` with each ``{% for %}`` counting its items and each ``~`` its size."""
    return cast(nodes.Template, _Meter().visit(tree))
