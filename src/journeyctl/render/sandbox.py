"""The environment a project's templates run in: Jinja2's sandbox, bounded in time and memory.

Jinja2's sandbox keeps a template away from Python's internals, but not from work: one line
such as `{{ 'x' * 10**10 }}` or two nested loops over `range(100000)` takes gigabytes or
hours. Here every page's templates share a budget, counted as they run (the numbers are the
same on every machine, so a page that renders once renders every time):

- steps (`MAX_STEPS`): a pass of a `{% for %}` loop, a call (a macro, a method, a global),
  a filter, an include or import, and each item of a list a filter walks;
- built (`MAX_BUILT`): characters (or items) that the templates produce: the page's own text,
  every value printed (also inside a macro or a `{% set %}` block), and every string or list
  built by an operator (`*`, `+`, `~`, `%`), a filter or a method.

An operation that would build more than the rest of the budget is refused before it runs
(its size is computed from its operands: `'x' * n`, `'x'|center(n)`, `'%*d' % (n, 1)`), so no
single step allocates past the budget either; `range()` stops at `MAX_RANGE` numbers and a
number at `MAX_INT_BITS` bits (`10**10**10` is refused, not computed); a template may only
read, never change, a list or dict it is given (`ImmutableSandboxedEnvironment`), so the
sizes counted stay true. A processor-time limit per page (`MAX_SECONDS`) is the backstop for
what counting cannot see (comparing two big lists in a loop): it is far beyond what any
page needs, so it never decides a result that the counts would not.

Every refusal is a `TemplateLimit`, which `templating.render` reports as the template's
fault, with its file and line.
"""

from __future__ import annotations

import functools
import inspect
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from jinja2 import nodes
from jinja2.runtime import Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum, pass_context, pass_eval_context
from jinja2.visitor import NodeTransformer

if TYPE_CHECKING:
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

# The most numbers `range()` gives: a page loops over its data, not over counts (Jinja's own
# sandbox limit, kept).
MAX_RANGE = 100_000
# Steps per page. The shipped pages of a site of 20,000 journeys take at most about 300,000
# (the KPI page in Markdown). Measured on a busy two-core machine, a million loop passes take
# about 10 seconds and a million macro calls about 30: the most one page's templates can take.
MAX_STEPS = 1_000_000
# Characters or items built per page: the shipped KPI page of 20,000 journeys builds about
# 36 million (its text, counted as printed and again inside the macros that make it). Text
# being built and joined takes about 3 bytes a character, so this is at most about 200 MB.
MAX_BUILT = 64_000_000
# The largest whole number a template may compute, in bits (about 30,000 digits; Python does
# not print more than 4,300 digits anyway). `10**10**10` would take hours and gigabytes.
MAX_INT_BITS = 100_000
# Processor seconds per page, the backstop described above; checked every `CLOCK_EVERY` steps.
MAX_SECONDS = 60.0
CLOCK_EVERY = 1024
# Escaping, repr and JSON make text longer, at most this many times (`"` is `&#34;`, a
# character outside ASCII in JSON is `\uXXXX` and a URL's byte is `%XX` up to three times).
STRINGIFY_GROWTH = 10
# An average word of `lipsum()` with its space, for its size before it runs.
LIPSUM_WORD = 12


class TemplateLimit(Exception):
    """A template went past one of the limits; the message says which and what to do."""


@dataclass
class Budget:
    """What one page's templates have used so far."""

    steps: int = 0
    built: int = 0
    started: float = field(default_factory=lambda: time.process_time())


def size_of(value: object, limit: int, *, deep: bool = False) -> int:
    """About the number of characters (or items) `value` is as text, counting items of nested
    lists and dicts each time they appear; the count stops soon after `limit`, so measuring a
    value never costs more than the value may be. An object of the page's data counts 1, or
    with `deep` the length of its text (a list of one page, repeated, prints the page each
    time)."""
    total = 0
    pending = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, (str, bytes)):
            total += len(item)
        elif isinstance(item, bool) or item is None:
            total += 1
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1  # digits: bits times log10(2), a little over
        elif isinstance(item, range):
            total += len(item)
        elif isinstance(item, dict):
            total += len(item)
            pending += item.keys()
            pending += item.values()
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += len(item)
            pending += item
        else:
            total += len(repr(item)) if deep else 1
    return total


# The sandbox's answers kept per (type, attribute name): far more than the shipped templates
# ask, few enough that a template asking for millions of names holds no more than this.
_SAFE_ANSWERS = 10_000


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with the budget above; `start_page()` before each page."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_printed, **options)
        self.budget = Budget()
        self._safe: dict[tuple[type, str], bool] = {}
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._lipsum
        self.filters["journeyctl_loop"] = _loop
        self.filters["journeyctl_concat"] = _concat
        self.filters["journeyctl_text"] = _text

    def start_page(self) -> None:
        """A fresh budget: each page may use all of it."""
        self.budget = Budget()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's answer, which depends on the object's type and the attribute's name only
        (not on the value), asked once a pair: a site of 2,000 maps asks it a million and
        a half times of a few hundred pairs. At most `_SAFE_ANSWERS` are kept."""
        key = (type(obj), attr)
        known = self._safe.get(key)
        if known is None:
            known = super().is_safe_attribute(obj, attr, value)
            if len(self._safe) < _SAFE_ANSWERS:
                self._safe[key] = known
        return known

    def bound_filters(self) -> None:
        """Every filter counted and, where it builds text or lists, measured before it runs;
        called once the filters are all in place."""
        for name, function in list(self.filters.items()):
            if not name.startswith("journeyctl_"):
                self.filters[name] = _bounded_filter(self, name, function)

    # -- counting ---------------------------------------------------------------------------

    def step(self, count: int = 1) -> None:
        """Count `count` steps; a TemplateLimit past MAX_STEPS or MAX_SECONDS."""
        budget = self.budget
        before = budget.steps
        budget.steps += count
        if budget.steps > MAX_STEPS:
            raise TemplateLimit(
                f"the template takes more than {MAX_STEPS:,} steps (loop passes, calls, "
                "filters, includes) for one page; loop over less"
            )
        if before // CLOCK_EVERY != budget.steps // CLOCK_EVERY:
            self._check_clock()

    def _check_clock(self) -> None:
        if time.process_time() - self.budget.started > MAX_SECONDS:
            raise TemplateLimit(
                f"the template ran for more than {MAX_SECONDS:.0f} seconds of processor time "
                "for one page; loop over less, or compare smaller lists"
            )

    def afford(self, size: int, what: str) -> None:
        """A TemplateLimit, before it is built, for a value of `size` that the rest of the
        page's budget cannot take."""
        if self.budget.built + size > MAX_BUILT:
            raise TemplateLimit(
                f"{what} would make the page's templates build more than {MAX_BUILT:,} "
                "characters or items; build less (a template shows the page's data, it does "
                "not need to make big values)"
            )

    def spend(self, size: int, what: str) -> None:
        """Count `size` characters or items built, refused past the budget."""
        self.afford(size, what)
        self.budget.built += size

    def room(self) -> int:
        """How much may still be built: the limit for measuring a value."""
        return MAX_BUILT - self.budget.built

    # -- Jinja's hooks ----------------------------------------------------------------------

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        size = _binop_size(operator, left, right, self.room())
        self.spend(size, f"the operator '{operator}'")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Count the call; measure a method of text before it runs and what it built after."""
        __self.step()
        __self.afford(_call_size(__obj, args, kwargs, __self.room()), _call_name(__obj))
        result = super().call(__context, __obj, *args, **kwargs)
        if not isinstance(__obj, Macro):  # a macro's text was counted as it was made
            __self.spend(size_of(result, __self.room()), _call_name(__obj))
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`'{}'.format(...)` measured before it runs, like the `%` operator."""
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        text: str = value.__self__

        @functools.wraps(wrapper)
        def measured(*args: Any, **kwargs: Any) -> str:
            self.afford(_format_size(text, args, kwargs, self.room()), "str.format")
            return wrapper(*args, **kwargs)

        return measured

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's syntax tree with its loops, its `~` and its text counted."""
        tree = super()._parse(source, name, filename)
        _Counting().visit(tree)
        return tree

    def _load_template(self, name: str, globals: Any) -> Any:
        self.step()  # each include, import and extends
        return super()._load_template(name, globals)

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TemplateLimit(
                f"range() of {len(numbers):,} numbers: a template may count to at most "
                f"{MAX_RANGE:,}; loop over the page's data instead"
            )
        return numbers

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        self.afford(n * max * LIPSUM_WORD, "lipsum()")
        return str(generate_lorem_ipsum(n, html, min, max))


# -- what the syntax tree is given ------------------------------------------------------------


class _Counting(NodeTransformer):
    """Loops counted by pass, `~` measured before it joins, and the template's own text
    counted where it is output: each such node wrapped in (or replaced by) a filter that does
    that."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _filter(cast(nodes.Expr, node.iter), "journeyctl_loop")
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _filter(nodes.List(node.nodes, lineno=node.lineno), "journeyctl_concat")

    def visit_Output(self, node: nodes.Output) -> list[nodes.Node]:
        """The output as it was, after a statement that counts its text: one call for all
        the text of the output, not one per piece."""
        self.generic_visit(node)
        text = sum(len(each.data) for each in node.nodes if isinstance(each, nodes.TemplateData))
        if not text:
            return [node]
        count = nodes.ExprStmt(_filter(nodes.Const(text), "journeyctl_text"), lineno=node.lineno)
        return [count, node]


def _filter(node: nodes.Expr, name: str) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


def _environment(context: Context | EvalContext) -> BoundedEnvironment:
    environment = context.environment
    assert isinstance(environment, BoundedEnvironment)
    return environment


@pass_context
def _loop(context: Context, iterable: Iterable[Any]) -> Iterator[Any]:
    """A loop's items, each pass a step."""
    environment = _environment(context)
    for item in iterable:
        environment.step()
        yield item


@pass_context
def _text(context: Context, size: int) -> None:
    """Count `size` characters of the template's own text (a filter that takes the context,
    so that Jinja runs it each time rather than once when it compiles the template)."""
    _environment(context).spend(size, "the template's text")


@pass_eval_context
def _concat(eval_context: EvalContext, parts: list[Any]) -> str:
    """`a ~ b`, measured before it joins."""
    environment = _environment(eval_context)
    environment.spend(size_of(parts, environment.room(), deep=True), "the operator '~'")
    return str(markup_join(parts) if eval_context.autoescape else str_join(parts))


@pass_context
def _printed(context: Context, value: Any) -> Any:
    """Every value printed, counted: as text a list can be much more than its items."""
    environment = _environment(context)
    if isinstance(value, str):
        size = len(value)
    elif isinstance(value, (list, tuple, dict, set, frozenset)):
        size = STRINGIFY_GROWTH * size_of(value, environment.room(), deep=True)
    else:
        size = size_of(value, environment.room(), deep=True)
    environment.spend(size, "printing a value")
    return value


# -- the size of a value before it is built ---------------------------------------------------

_TEXTS = (str, bytes)
_SEQUENCES = (str, bytes, list, tuple)


def _binop_size(operator: str, left: Any, right: Any, room: int) -> int:
    if operator == "*":
        return _product_size(left, right, room)
    if operator == "**":
        return _power_size(left, right)
    if operator == "+" and isinstance(left, _SEQUENCES):
        return size_of(left, room) + size_of(right, room)
    if operator == "%" and isinstance(left, _TEXTS):
        return _percent_size(left, right, room)
    return 1


def _product_size(left: Any, right: Any, room: int) -> int:
    if isinstance(left, int) and isinstance(right, _SEQUENCES):
        left, right = right, left
    if isinstance(left, _SEQUENCES) and isinstance(right, int):
        return size_of(left, room) * max(right, 0)
    if isinstance(left, int) and isinstance(right, int):
        _refuse_bits(left.bit_length() + right.bit_length(), "a product")
    return 1


def _power_size(base: Any, exponent: Any) -> int:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        _refuse_bits(exponent * (abs(base).bit_length() - 1) + 1, "a power")
    return 1


def _refuse_bits(bits: int, what: str) -> None:
    if bits > MAX_INT_BITS:
        raise TemplateLimit(
            f"{what} of about {bits:,} bits: a template's numbers may have at most "
            f"{MAX_INT_BITS:,} bits; compute smaller numbers"
        )


# `%` conversions with their width and precision; `*` takes them from the arguments.
_PERCENT_SPEC = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")
# `{...}` fields of str.format with the numbers of their format specifications.
_FORMAT_FIELD = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def _percent_size(text: str | bytes, values: Any, room: int) -> int:
    specs = list(_PERCENT_SPEC.finditer(text if isinstance(text, str) else text.decode("latin-1")))
    widths = [int(number) for spec in specs for number in spec.groups() if number and number != "*"]
    return _filled_size(len(text), len(specs), widths, _arguments(values), room)


def _format_size(text: str, args: tuple[Any, ...], kwargs: dict[str, Any], room: int) -> int:
    fields = _FORMAT_FIELD.findall(text)
    widths = [int(number) for each in fields for number in re.findall(r"\d+", each)]
    return _filled_size(len(text), len(fields), widths, [*args, *kwargs.values()], room)


def _arguments(values: Any) -> list[Any]:
    if isinstance(values, tuple):
        return list(values)
    if isinstance(values, dict):
        return list(values.values())
    return [values]


def _filled_size(length: int, fields: int, widths: list[int], values: list[Any], room: int) -> int:
    """A format string of `length` with `fields` fields, each of which may show the longest of
    the values at the widest width written or passed (`%*d`, `{:{}}`)."""
    numbers = [abs(value) for value in values if isinstance(value, int)]
    widest = max([0, *widths, *numbers])
    longest = max([0, *(STRINGIFY_GROWTH * size_of(value, room, deep=True) for value in values)])
    return length + fields * (widest + longest)


# Methods of text that can make it much longer than it is, with the size of what they make.
_TEXT_METHODS: dict[str, Callable[[Any, tuple[Any, ...], int], int]] = {
    "center": lambda text, args, room: max([len(text), *_ints(args)]),
    "ljust": lambda text, args, room: max([len(text), *_ints(args)]),
    "rjust": lambda text, args, room: max([len(text), *_ints(args)]),
    "zfill": lambda text, args, room: max([len(text), *_ints(args)]),
    "expandtabs": lambda text, args, room: len(text) * max([8, *_ints(args)]),
    "join": lambda text, args, room: _joined_size(text, args[0] if args else (), room),
    "replace": lambda text, args, room: _replaced_size(text, *args[:2]) if len(args) >= 2 else 0,
    "translate": lambda text, args, room: len(text) * max([1, *_table_widths(args)]),
}


def _ints(values: Iterable[Any]) -> list[int]:
    return [value for value in values if isinstance(value, int)]


def _table_widths(args: tuple[Any, ...]) -> list[int]:
    table = args[0] if args else None
    if not isinstance(table, dict):
        return []
    return [len(value) for value in table.values() if isinstance(value, (str, bytes))]


def _joined_size(separator: Any, items: Any, room: int) -> int:
    if not isinstance(items, (list, tuple, set, frozenset, dict, range, str)):
        return 0  # a generator: the items were counted as they were made
    return size_of(items, room, deep=True) + len(separator) * len(items)


def _replaced_size(text: Any, old: Any, new: Any) -> int:
    if not (isinstance(old, type(text)) and isinstance(new, type(text))):
        return 0
    return int(len(text) + text.count(old) * max(len(new) - len(old), 0))


def _call_size(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any], room: int) -> int:
    owner = getattr(function, "__self__", None)
    measure = _TEXT_METHODS.get(getattr(function, "__name__", ""))
    if measure is None or not isinstance(owner, _TEXTS):
        return 0
    return measure(owner, (*args, *kwargs.values()), room)


def _call_name(function: Any) -> str:
    return f"{getattr(function, '__name__', 'a call')}()"


# -- filters ----------------------------------------------------------------------------------

# Filters whose result is text made from the whole value: measured before they run.
_STRINGIFYING = frozenset(
    {
        "capitalize", "e", "escape", "filesizeformat", "forceescape", "lower", "md",
        "md_cell", "mermaid", "pprint", "safe", "string", "striptags", "title", "trim",
        "upper", "urlencode", "urlize", "wordcount", "xmlattr",
    }
)  # fmt: skip
# Filters that take the same time however long their value is: no steps for its items.
_CONSTANT_TIME = frozenset(
    {"abs", "attr", "bool", "count", "d", "default", "first", "float", "int", "last", "length"}
)


def _filter_size(name: str, arguments: dict[str, Any], room: int) -> int:
    """The size of what the filter `name` will make from its (bound) arguments."""
    value = next(iter(arguments.values()), None)
    text = value if isinstance(value, str) else ""
    if name == "center":
        return int(max(len(text), arguments["width"]))
    if name == "indent":
        width = arguments["width"]
        return len(text) + (text.count("\n") + 1) * (
            len(width) if isinstance(width, str) else width
        )
    if name == "wordwrap":
        wrap = arguments["wrapstring"] or "\n"
        return len(text) * (1 + len(wrap))
    if name == "truncate":
        return len(text) + len(arguments["end"])
    if name in ("batch", "slice"):
        count = arguments["linecount" if name == "batch" else "slices"]
        return size_of(value, room) + 2 * int(max(count, 0))
    if name == "replace":
        return _replaced_size(arguments["s"], arguments["old"], arguments["new"])
    if name == "join":
        return _joined_size(arguments["d"], value, room) * STRINGIFY_GROWTH
    if name == "format":
        if not isinstance(value, _TEXTS):
            return 0  # Jinja's format takes only text
        return _percent_size(value, arguments["args"] or arguments["kwargs"], room)
    if name == "tojson":
        return STRINGIFY_GROWTH * size_of(value, room, deep=True) * (1 + (arguments["indent"] or 0))
    return 0


_MEASURED = frozenset(
    {"center", "indent", "wordwrap", "truncate", "batch", "slice", "replace", "join", "format"}
    | {"tojson"}
)


_PASSED_NAMES = frozenset({"context", "eval_ctx", "env", "environment"})


def _bounded_filter(
    environment: BoundedEnvironment, name: str, function: Callable[..., Any]
) -> Callable[..., Any]:
    """`function` counted as a step (and one per item it walks), measured before it runs when
    it may build much more than its value, and what it built counted after."""
    signature = inspect.signature(function)
    passes = getattr(function, "jinja_pass_arg", None) is not None  # context or environment
    # Jinja's filters that also run async (`list`, `slice`) take the context without
    # showing it in their signature.
    unnamed = passes and next(iter(signature.parameters), "") not in _PASSED_NAMES

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        value = args[1 if passes else 0] if len(args) > passes else None
        walked = len(value) if name not in _CONSTANT_TIME and isinstance(value, _COLLECTIONS) else 0
        environment.step(1 + walked)
        if name in _STRINGIFYING and not isinstance(value, str):
            size = STRINGIFY_GROWTH * size_of(value, environment.room(), deep=True)
            environment.afford(size, f"|{name}")
        elif name in _MEASURED:
            bound = signature.bind(*args[1:] if unnamed else args, **kwargs)
            bound.apply_defaults()
            arguments = dict(bound.arguments)
            if passes and not unnamed:
                arguments.pop(next(iter(arguments)))
            environment.afford(_filter_size(name, arguments, environment.room()), f"|{name}")
        result = function(*args, **kwargs)
        if result is not value:
            environment.spend(size_of(result, environment.room()), f"|{name}")
        return result

    return bounded


_COLLECTIONS = (list, tuple, dict, set, frozenset, range)
