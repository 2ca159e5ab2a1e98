"""Reading one YAML file safely and fast.

Two readers, on libyaml (PyYAML's C parser). The plain reader builds the data straight
from the parser's events, for a file of plain YAML that reads without a problem, which is
almost every file. The full reader reads anything: libyaml composes the node tree and a
small builder turns it into plain data; it sees every repeated key with its position
(PyYAML's constructor silently overwrites them), refuses tags and YAML 1.1 numbers with
their place, expands merge keys and measures aliases. Both are faster than PyYAML's
generic constructor, and both record where every key and value is written
(`journeyctl.load.positions`), so that findings get their positions without a second
parse and without keeping a node tree.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import MINYEAR, date
from functools import cached_property
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from journeyctl.finding import Rule
from journeyctl.load import rules
from journeyctl.load.positions import IndexRecorder, PositionIndex, index_of_plain, keys_table

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 200
# Keys, values, lists and mappings a file may hold, counted before its data is built (and
# again after aliases are expanded). A large journey holds a few thousand; a file of 5 MiB
# could hold 2.6 million, which took 40 s and 3 GiB to build and describe, one error each.
MAX_VALUES = 100_000
MAX_EXPANDED_VALUES = MAX_VALUES

_TAG_PREFIX = "tag:yaml.org,2002:"
_STR = _TAG_PREFIX + "str"
_MAP = _TAG_PREFIX + "map"
_SEQ = _TAG_PREFIX + "seq"
_MERGE = _TAG_PREFIX + "merge"

# libyaml where PyYAML was built with it (the wheels are); the pure-Python parser otherwise.
_PARSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CASES = (str.lower, str.capitalize, str.upper)
# Plain scalars that resolve to something other than text without starting like a number:
# YAML 1.1's booleans and nulls, `<<` and `=` (PyYAML's implicit resolvers, word for word).
_WORD_TAGS = {
    **dict.fromkeys(
        [case(word) for word in ("yes", "no", "true", "false", "on", "off") for case in _CASES],
        _TAG_PREFIX + "bool",
    ),
    **dict.fromkeys(["", "~", "null", "Null", "NULL"], _TAG_PREFIX + "null"),
    "<<": _MERGE,
    "=": _TAG_PREFIX + "value",
}
# Everything else that is not text starts like a number: PyYAML's own resolvers decide.
_NUMBER_RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    start: tuple(
        (tag, regexp)
        for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get(start, [])
        if tag not in _WORD_TAGS.values()
    )
    for start in "-+.0123456789"
}


class FastResolver:
    """PyYAML's resolution of tags, in fewer steps.

    Even libyaml's composer asks Python for the tag of every node, and PyYAML's resolver
    tries its regular expressions one by one and tracks paths nobody registered; that took
    a third of the time spent composing. This gives the same tag with one dictionary
    lookup for anything that does not start like a number.
    """

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is _SCALAR_NODE:
            if not implicit[0]:
                return _STR
            tag = _PLAIN_TAGS.get(value)
            if tag is not None:
                return tag
            if value[:1] not in _NUMBER_RESOLVERS:
                return _STR
            return _number_tag(value)
        return _SEQ if kind is _SEQUENCE_NODE else _MAP

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path resolvers are registered: nothing to track."""

    def ascend_resolver(self) -> None:
        """No path resolvers are registered: nothing to track."""


_SCALAR_NODE = yaml.ScalarNode
_SEQUENCE_NODE = yaml.SequenceNode
# The tags of plain scalars seen so far that start like a number (`1`, `2025-01-31`), with
# the words above: numbers repeat across files and each takes several regular expressions.
# Bounded, so that a hostile tree cannot grow it without end.
_PLAIN_TAGS = dict(_WORD_TAGS)
_PLAIN_TAGS_KEPT = 50_000


def _number_tag(value: str) -> str:
    """The tag of a plain scalar that starts like a number, as PyYAML's resolvers decide it."""
    tag = next((tag for tag, regexp in _NUMBER_RESOLVERS[value[:1]] if regexp.match(value)), _STR)
    if len(_PLAIN_TAGS) < _PLAIN_TAGS_KEPT:
        _PLAIN_TAGS[value] = tag
    return tag


class YAML_LOADER(FastResolver, _PARSER):  # type: ignore[misc]
    """PyYAML's safe loader, on libyaml where there is one, with `FastResolver`."""


# libyaml's composer recurses in C and crashes the process on very deep nesting (libyaml
# before 0.2.6 has no limit of its own), so a file that could be nested more than MAX_DEPTH
# levels is measured event by event before it is composed. Flow nesting needs an opening
# bracket per level; block nesting needs about a column per level, written as indentation
# or as `- `, `? ` and `: ` at the start of a line. Both are cheap to bound (the text is
# scanned a few times in C), and a real file stays far below them.
_LINE_START = re.compile(rf"\n[ \t?:-]{{{MAX_DEPTH // 2}}}")
_ANY_LINE_START = re.compile(rf"(?:^|[\n\r\x85\u2028\u2029])[ \t?:-]{{{MAX_DEPTH // 2}}}")
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class Problem:
    """Something wrong in one file: the rule, what to do, and a 1-based position if there is one."""

    rule: Rule
    message: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Parsed:
    text: str
    data: object
    problems: list[Problem]  # found while reading, yet the data is whole (repeated keys)
    positions: PositionIndex  # where each key and value is written
    composed: yaml.Node | None = None  # the full reader's tree; None from the plain reader

    @cached_property
    def node(self) -> yaml.Node:
        """The composed tree, for messages that quote the text as written; drop it with the
        Parsed, keep `positions`. The plain reader composes none: only a file with findings
        asks, and its tree is composed then (its entries in the order of `positions`)."""
        if self.composed is not None:
            return self.composed
        node = compose(self.text)
        assert node is not None  # the plain reader read a list or mapping from this text
        return node


def decode(raw: bytes) -> str | Problem:
    """The text of a file's bytes: UTF-8, a BOM allowed; binary or other encodings refused."""
    if b"\0" in raw:
        line, column = _position_of_byte(raw, raw.index(b"\0"))
        return Problem(
            rules.UNREADABLE_FILE,
            "binary file (it contains NUL bytes); only YAML text belongs under the root",
            line,
            column,
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position_of_byte(raw, error.start)
        return Problem(
            rules.UNREADABLE_FILE,
            f"not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
            line,
            column,
        )


def parse(text: str) -> Parsed | Problem:
    """The document in `text` as plain Python data, or the reason it cannot be had.

    The plain reader (`_read_plain`) reads what almost every file is; anything else, and
    any file it finds a problem in, is read by the full reader, which says what and where.
    """
    if len(text) >= _FEWER_VALUES_THAN_CHARACTERS:
        problem = _check_size(text)
        if problem is not None:
            return problem
    return _read_plain(text) or _read_full(text)


# Every key, value, list or mapping takes at least one character and a separator, give or
# take the document's first one, so a file shorter than this holds fewer than MAX_VALUES of
# them and is not counted: only the rare large file pays for the count.
_FEWER_VALUES_THAN_CHARACTERS = MAX_VALUES // 2


def _check_size(text: str) -> Problem | None:
    """A problem if `text` holds more than MAX_VALUES keys, values, lists and mappings.

    Counted event by event, stopping at the limit, so that a file of millions of values
    is refused in the time it takes to read MAX_VALUES of them. The problem stands at the
    top-level key under which the limit was passed. A file that does not parse is left to
    the readers, which say where.
    """
    next_event: Callable[[], Any] = (
        _EVENT_PARSER(text).get_event
        if _EVENT_PARSER is not None
        else functools.partial(next, iter(yaml.parse(text, YAML_LOADER)), None)
    )
    count = depth = children_of_top = 0
    top_is_mapping = False
    top_key: Any = None  # the scalar event of the top-level key being read
    try:
        while (event := next_event()) is not None:
            kind = type(event)
            opens = kind is _MAPPING_START or kind is _SEQUENCE_START
            if opens or kind is _SCALAR_EVENT or kind is yaml.AliasEvent:
                count += 1
                if depth == 0:
                    top_is_mapping = kind is _MAPPING_START
                elif depth == 1:
                    children_of_top += 1
                    is_key = top_is_mapping and children_of_top % 2 == 1
                    top_key = event if is_key and kind is _SCALAR_EVENT else top_key
                depth += opens
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                depth -= 1
            if count > MAX_VALUES:
                return _too_many_values(top_key, event, text)
    except yaml.YAMLError:
        return None
    return None


def _too_many_values(top_key: Any, event: Any, text: str) -> Problem:
    """The problem at the top-level key under which the limit was passed, else at the value."""
    line, column = _position((top_key or event).start_mark, text)
    where = f" (the limit is passed under '{shorten(top_key.value)}')" if top_key else ""
    return Problem(
        rules.TOO_COMPLEX,
        f"the file holds more than {MAX_VALUES:,} keys and values{where}; no real file needs "
        "so many: remove the repeated values or move them to a file of their own",
        line,
        column,
    )


def _read_full(text: str) -> Parsed | Problem:
    if _could_be_deep(text):
        problem = _check_depth(text)
        if problem is not None:
            return problem
    try:
        node = compose(text)
        builder = _Builder(shares_nodes="*" in text, may_merge=_may_merge(text))
        data = builder.build(node) if node is not None else None
        positions = builder.positions.finish(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(error, text)
    except yaml.reader.ReaderError as error:
        return _character_problem(text, error)
    except yaml.YAMLError as error:
        return Problem(rules.YAML_SYNTAX, str(error).replace("\n", " "))
    except RecursionError:
        return Problem(rules.TOO_COMPLEX, "nested too deeply to read; flatten the structure")
    if node is None or data is None or positions is None:
        return Problem(rules.EMPTY_FILE, "the file is empty; fill it in or delete it", 1, 1)
    if "*" in text and _expanded_size(data) > MAX_EXPANDED_VALUES:
        return Problem(
            rules.TOO_COMPLEX,
            f"YAML aliases expand this file to more than {MAX_EXPANDED_VALUES:,} values "
            "(an alias bomb?); write the values out instead of repeating aliases",
            1,
            1,
        )
    return Parsed(text, data, builder.problems(), positions, node)


class _NotPlain(Exception):
    """The file holds what the plain reader leaves to the full one."""


# libyaml's parser, without PyYAML's constructor and resolver; None without libyaml.
_EVENT_PARSER: Any = getattr(getattr(yaml, "_yaml", None), "CParser", None)


def _read_plain(text: str) -> Parsed | None:
    """The document in `text` read from libyaml's events, or None to leave it to the full reader.

    A file of plain YAML (no anchors, aliases, tags or merge keys, no YAML-only line
    breaks) whose keys are all distinct, whose values are all readable, and that holds one
    list or mapping: the same data and positions as the full reader, without composing a
    node tree or asking Python for each node's tag. Anything else is read by the full
    reader, which finds the same, or says what is wrong and where; so is a file with an
    asterisk anywhere, which the full reader measures for alias bombs.
    """
    if _EVENT_PARSER is None or "*" in text or _may_merge(text) or _YAML_ONLY_BREAK.search(text):
        return None
    try:
        data, positions = _build_from_events(_EVENT_PARSER(text).get_event)
    except (_NotPlain, yaml.YAMLError, RecursionError):
        return None
    return Parsed(text, data, [], positions)


_NO_KEY = object()


def _build_from_events(next_event: Callable[[], Any]) -> tuple[object, PositionIndex]:
    """The data and positions of the document whose events `next_event` gives.

    This is the loader's hot loop (a million events at 2,000 journeys), written as one
    loop: a call per event would cost as much as the rest. Each open list or mapping has a
    frame: [its value, whether it is a mapping, the key waiting for its value]. The loop
    writes down only the line and column of each value and key, in the order they come;
    `index_of_plain` makes the position index from those and the data afterwards, in one
    pass that costs less than recording entries event by event.
    """
    plain_tags, plain_values, word_or_number = _PLAIN_TAGS, _PLAIN_VALUES, _NUMBER_RESOLVERS
    if type(next_event()) is not yaml.StreamStartEvent:
        raise _NotPlain
    if type(next_event()) is not yaml.DocumentStartEvent:
        raise _NotPlain  # an empty file
    stack: list[list[Any]] = []
    places: list[int] = []
    place = places.append
    root: object = None
    while True:
        event = next_event()
        kind = type(event)
        if kind is _SCALAR_EVENT:
            if event.tag is not None or event.anchor is not None:
                raise _NotPlain
            value = event.value
            if event.implicit[0]:  # plain: resolved as `FastResolver` resolves it
                tag = plain_tags.get(value)
                if tag is None:
                    tag = _number_tag(value) if value[:1] in word_or_number else _STR
                if tag != _STR:
                    value = plain_values.get((tag, value), _NOT_READ)
                    if value is _NOT_READ:
                        value = _plain_value(tag, event.value)
                    if isinstance(value, Unreadable):
                        raise _NotPlain
            mark = event.start_mark
            place(mark.line)
            place(mark.column)
            if not stack:
                raise _NotPlain  # the document is a single value
            frame = stack[-1]
        elif kind is _MAPPING_START or kind is _SEQUENCE_START:
            if event.tag is not None or event.anchor is not None or len(stack) >= MAX_DEPTH:
                raise _NotPlain
            mark = event.start_mark
            place(mark.line)
            place(mark.column)
            is_mapping = kind is _MAPPING_START
            opened = [{} if is_mapping else [], is_mapping, _NO_KEY]
            if stack:
                frame = stack[-1]
                if frame[1] and frame[2] is _NO_KEY:
                    raise _NotPlain  # a list or mapping as a key
                stack.append(opened)
                value = opened[0]
            else:
                stack.append(opened)
                root = opened[0]
                continue
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            stack.pop()
            continue
        elif kind is yaml.DocumentEndEvent:
            break
        else:  # an alias
            raise _NotPlain
        if not frame[1]:  # a list item
            frame[0].append(value)
        elif frame[2] is _NO_KEY:  # a key: not one the mapping has
            if value in frame[0]:
                raise _NotPlain
            frame[2] = value
        else:  # the value of the waiting key
            frame[0][frame[2]] = value
            frame[2] = _NO_KEY
    if type(next_event()) is not yaml.StreamEndEvent:
        raise _NotPlain  # more than one document
    return root, index_of_plain(root, places)


def _plain_value(tag: str, text: str) -> object:
    """A plain scalar's value as the full reader reads it, remembered as it remembers it."""
    value = scalar_value(yaml.ScalarNode(tag, text, style=""))
    if len(_PLAIN_VALUES) < _PLAIN_VALUES_KEPT:
        _PLAIN_VALUES[(tag, text)] = value
    return value


_SCALAR_EVENT = yaml.ScalarEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent


def _may_merge(text: str) -> bool:
    """Whether `text` could hold a merge key: `<<`, or a tag that spells or encodes `merge`."""
    return "<<" in text or "merge" in text or "%" in text


def compose(text: str) -> yaml.Node | None:
    """The node tree of the one document in `text`, its marks counted as editors count lines.

    Raises what `yaml.compose` raises, with the marks of syntax errors left as the parser gave
    them (`_syntax_problem` corrects those).
    """
    node = yaml.compose(text, Loader=YAML_LOADER)
    lines = Lines.of(text)
    if node is not None and lines is not None:
        _recount_marks(node, lines)
    return node


class Lines:
    """Line and column of a character offset, with only \\n, \\r\\n and \\r as line breaks.

    YAML 1.1 (and so libyaml) also breaks lines at U+0085, U+2028 and U+2029, which git,
    GitHub and editors show inside a line; positions must match what the user sees.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _EDITOR_BREAK.finditer(text)]

    @classmethod
    def of(cls, text: str) -> Lines | None:
        """A recount for `text`, or None where the parser's own count is already right."""
        return cls(text) if _YAML_ONLY_BREAK.search(text) else None

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the character at `offset`."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def mark(self, mark: Any) -> yaml.Mark:
        line, column = self.position(mark.index)
        return yaml.Mark(mark.name, mark.index, line - 1, column - 1, None, 0)


_EDITOR_BREAK = re.compile(r"\r\n|\r|\n")
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")


def _recount_marks(root: yaml.Node, lines: Lines) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node.start_mark = lines.mark(node.start_mark)
        node.end_mark = lines.mark(node.end_mark)
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


_IN_PROGRESS = object()
_SCALAR = yaml.ScalarNode


class Refused:
    """Stands in the data for a value that reading refused and reported (an explicit tag, an
    impossible date, a YAML 1.1 number). No field of the model accepts it, and the schema
    errors it causes are not reported again (`journeyctl.load.schema_errors`). Each one is
    distinct, so that two refused keys are not taken for a repeated key."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<refused value>"


class _Builder:
    """Plain data from a composed node tree, reading scalars as `scalar_value` does, and
    where each of its keys and values is written.

    This is the loader's hot loop (a million nodes at 2,000 journeys): text scalars are
    taken inline instead of through a call each, plain non-text scalars are read once per
    distinct value, and a mapping pays for merge keys only in a file that may have them.
    """

    def __init__(self, *, shares_nodes: bool, may_merge: bool = True) -> None:
        self.positions = IndexRecorder()
        self._problems: list[Problem] = []
        self._flattener = SafeConstructor()
        self._may_merge = may_merge
        # Aliases make one node appear in several places; build it once, as PyYAML does,
        # so that an alias bomb stays small until it is measured.
        self._built: dict[int, Any] | None = {} if shares_nodes else None

    def problems(self) -> list[Problem]:
        # An alias to a refused scalar reports the same place once, not once per alias.
        return list(dict.fromkeys(self._problems))

    def build(self, node: yaml.Node) -> Any:
        if node.tag == _STR:
            return node.value
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag not in (_MAP, _SEQ):
            return self._refuse(node, rules.YAML_SYNTAX, _tag_message(node.tag))
        if self._built is None:
            return self._collection(node)
        if id(node) in self._built:
            built = self._built[id(node)]
            if built is _IN_PROGRESS:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "an alias refers to the list or mapping it stands in",
                    node.start_mark,
                )
            return built
        self._built[id(node)] = _IN_PROGRESS
        value = self._built[id(node)] = self._collection(node)
        return value

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.style:  # quoted or block with a tag: never shared, always refused or text
            value = scalar_value(node)
        else:
            # A plain scalar's value depends on its tag and text only: `1`, `yes` and
            # `2025-01-31` are read once per load, and the (immutable) values shared.
            memo_key = (node.tag, node.value)
            value = _PLAIN_VALUES.get(memo_key, _NOT_READ)
            if value is _NOT_READ:
                value = scalar_value(node)
                if len(_PLAIN_VALUES) < _PLAIN_VALUES_KEPT:
                    _PLAIN_VALUES[memo_key] = value
        if isinstance(value, Unreadable):
            return self._refuse(node, value.rule, value.message)
        return value

    def _refuse(self, node: yaml.Node, rule: Rule, message: str) -> Refused:
        mark = node.start_mark
        self._problems.append(Problem(rule, message, mark.line + 1, mark.column + 1))
        return Refused()

    def _collection(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node)
        assert isinstance(node, yaml.MappingNode)  # the composer makes no other collection
        if self._may_merge and any(key.tag == _MERGE for key, _ in node.value):
            return self._merged_mapping(node)
        return self._mapping(node)

    def _sequence(self, node: yaml.SequenceNode) -> list[Any]:
        items = []
        places: list[int] = []  # the items' entries, recorded here in one loop for speed
        build, scalar, container_of = self.build, self._scalar, self.positions.container_of
        for item in node.value:
            mark = item.start_mark
            line, column = mark.line, mark.column
            if type(item) is _SCALAR:
                items.append(item.value if item.tag == _STR else scalar(item))
                places += (line, column, line, column, -1)
            else:
                items.append(build(item))
                places += (line, column, line, column, container_of.get(id(item), -1))
        self.positions.add(node, places, len(items))
        return items

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        """A mapping without merge keys: every pair is its own."""
        mapping: dict[Any, Any] = {}
        keys: list[Any] = []
        places: list[int] = []  # the pairs' entries, recorded here in one loop for speed
        build, scalar, container_of = self.build, self._scalar, self.positions.container_of
        for key_node, value_node in node.value:
            if type(key_node) is _SCALAR:
                key = key_node.value if key_node.tag == _STR else scalar(key_node)
            else:
                key = build(key_node)
            try:
                if key in mapping:
                    self._note_duplicate(key_node, node.value[_last_index(keys, key)][0])
            except TypeError:
                raise _not_a_plain_key(key_node) from None
            if type(value_node) is _SCALAR:
                mapping[key] = value_node.value if value_node.tag == _STR else scalar(value_node)
                child = -1
            else:
                mapping[key] = build(value_node)
                child = container_of.get(id(value_node), -1)
            keys.append(key)
            at, value_at = key_node.start_mark, value_node.start_mark
            places += (at.line, at.column, value_at.line, value_at.column, child)
        self.positions.add(node, places, keys_table(tuple(keys)))
        return mapping

    def _merged_mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        """A mapping with merge keys (`<<: *defaults`): merged pairs first, then its own."""
        own_pairs = sum(1 for key, _ in node.value if key.tag != _MERGE)
        self._flattener.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        keys: list[Any] = []
        places: list[int] = []
        build, container_of = self.build, self.positions.container_of
        first_own = len(node.value) - own_pairs
        for index, (key_node, value_node) in enumerate(node.value):
            key = build(key_node)
            try:
                own = index >= first_own
                if own and key in first_seen:
                    self._note_duplicate(key_node, first_seen[key])
                if own:
                    first_seen[key] = key_node
                mapping[key] = build(value_node)
            except TypeError:
                raise _not_a_plain_key(key_node) from None
            keys.append(key)
            at, value_at = key_node.start_mark, value_node.start_mark
            child = -1 if type(value_node) is _SCALAR else container_of.get(id(value_node), -1)
            places += (at.line, at.column, value_at.line, value_at.column, child)
        self.positions.add(node, places, keys_table(tuple(keys)))
        return mapping

    def _note_duplicate(self, key_node: yaml.Node, first: yaml.Node) -> None:
        mark = key_node.start_mark
        written, first_written = written_key(key_node), written_key(first)
        as_written = f", written {first_written}" if first_written != written else ""
        message = (
            f"key {written} appears twice in this mapping "
            f"(first at line {first.start_mark.line + 1}{as_written}); keep one"
        )
        self._problems.append(Problem(rules.DUPLICATE_KEY, message, mark.line + 1, mark.column + 1))


_NOT_READ = object()
# Plain scalars' values by (tag, text), shared across files: numbers, booleans, dates and
# nulls repeat across journeys. Bounded, so that a hostile tree cannot grow it without end.
_PLAIN_VALUES: dict[tuple[str, str], object] = {}
_PLAIN_VALUES_KEPT = 50_000


def _last_index(keys: list[Any], key: object) -> int:
    """Where the mapping last had `key` before: what a repeated key's message names."""
    for index in range(len(keys) - 1, -1, -1):
        if keys[index] is key or keys[index] == key:
            return index
    raise ValueError(key)  # pragma: no cover - only called for a key the mapping has


def _not_a_plain_key(key_node: yaml.Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(
        None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
    )


def written_key(node: yaml.Node) -> str:
    """A key as the file writes it, quoted for a message: 'yes', not True."""
    if isinstance(node, yaml.ScalarNode):
        return f"'{shorten(str(node.value))}'"
    return "(a list or mapping)"


def shorten(text: str, limit: int = 40) -> str:
    """`text` cut to `limit` characters for a message, so that a huge value stays one short line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True)
class Unreadable:
    """Why a scalar is refused: the rule and a message that says what to write instead."""

    rule: Rule
    message: str


def scalar_value(node: yaml.ScalarNode) -> object:
    """The value of a scalar node under journeyctl's rules, or `Unreadable` saying why not.

    YAML 1.1 as PyYAML reads it, keeping only what every tool reads the same way: numbers
    in plain decimal digits and finite, real dates. An explicit tag is refused unless it is
    `!!str` or changes nothing (`!!int 3` is 3); tags are never executed.
    """
    tag = node.tag
    if tag == _STR:
        return node.value
    plain = not node.style  # None from the Python parser, "" from libyaml
    if tag in (_MERGE, _TAG_PREFIX + "value") and plain:
        return node.value  # `<<` or `=` where no merge can be: just the text
    read = _SCALAR_READERS.get(tag)
    if read is None or not plain:
        # A quoted or block scalar is text unless a tag says otherwise: the tag is explicit.
        return Unreadable(rules.YAML_SYNTAX, _tag_message(tag))
    return read(node.value)


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_TAG_PREFIX) if tag.startswith(_TAG_PREFIX) else tag
    return (
        f"the YAML tag {shorten(shown)} is not read here (tags are never executed); "
        "remove the tag and write plain YAML"
    )


def _read_int(text: str) -> object:
    if _PLAIN_INT.match(text):
        if len(text.lstrip("+-")) > _MAX_DIGITS:
            return Unreadable(rules.INVALID_VALUE, _too_large(text))
        return int(text)
    return _yaml11_number(text, "int")


def _read_float(text: str) -> object:
    if _PLAIN_FLOAT.match(text):
        number = float(text)
        if math.isfinite(number) and len(text) <= _MAX_DIGITS + 40:
            return number
        return Unreadable(rules.INVALID_VALUE, _too_large(text))
    lowered = text.lower().lstrip("+-")
    if lowered in (".inf", ".nan"):
        meaning = "infinity" if lowered == ".inf" else "'not a number'"
        return Unreadable(
            rules.INVALID_VALUE,
            f"{text} is {meaning} in YAML, not a number that can be counted or compared; "
            "write a finite number, or leave the key out if the value is not known",
        )
    return _yaml11_number(text, "float")


def _too_large(text: str) -> str:
    return (
        f"{shorten(text)} is too large a number; numbers here are finite and below "
        "1,000,000,000,000: check it"
    )


def _yaml11_number(text: str, kind: str) -> Unreadable:
    """Why a number written the YAML 1.1 way (`1:30`, `010`, `0x1F`, `1_000`) is refused."""
    form = _yaml11_form(text)
    if form is None:  # not a number at all: only an explicit tag makes it one
        return Unreadable(rules.YAML_SYNTAX, _tag_message(_TAG_PREFIX + kind))
    meaning = _yaml11_meaning(text, kind)
    means = f" ({meaning})" if meaning is not None else ""
    return Unreadable(
        rules.INVALID_VALUE,
        f"{shorten(text)} is {form}{means} to YAML 1.1, which other tools read differently; "
        "write the number in plain decimal digits, or quote it if it is text",
    )


def _yaml11_form(text: str) -> str | None:
    digits = text.lstrip("+-")
    if _SEXAGESIMAL.match(digits):
        return "a base-60 number"
    if _HEX.match(digits):
        return "a hexadecimal number"
    if _BINARY.match(digits):
        return "a binary number"
    if _OCTAL.match(digits):
        return "an octal number"
    if "_" in digits and _PLAIN_FLOAT.match(digits.replace("_", "")):
        return "a number with underscores"
    return None


def _yaml11_meaning(text: str, kind: str) -> str | None:
    """What PyYAML makes of `text`, to show in the message, where that is cheap and safe."""
    if len(text) > _MAX_DIGITS:
        return None
    node = yaml.ScalarNode(_TAG_PREFIX + kind, text)
    try:
        value = SafeConstructor().construct_object(node)
    except (ValueError, yaml.YAMLError):
        return None
    return f"{value:g}" if isinstance(value, float) else str(value)


def _read_bool(text: str) -> object:
    value = _BOOLEANS.get(text.lower())
    if value is None:
        return Unreadable(rules.YAML_SYNTAX, _tag_message(_TAG_PREFIX + "bool"))
    return value


def _read_null(text: str) -> object:
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    return Unreadable(rules.YAML_SYNTAX, _tag_message(_TAG_PREFIX + "null"))


def _read_timestamp(text: str) -> object:
    match = SafeConstructor.timestamp_regexp.match(text)
    if match is None:
        return Unreadable(rules.YAML_SYNTAX, _tag_message(_TAG_PREFIX + "timestamp"))
    year, month, day = (int(match.group(part)) for part in ("year", "month", "day"))
    try:
        day_value = date(year, month, day)
    except ValueError:
        return Unreadable(rules.INVALID_VALUE, _impossible_date(text, year, month, day))
    if match.group("hour") is None:
        return day_value
    node = yaml.ScalarNode(_TAG_PREFIX + "timestamp", text)
    try:
        return SafeConstructor().construct_yaml_timestamp(node)
    except ValueError:  # an hour 25 or a minute 61
        return Unreadable(
            rules.INVALID_VALUE, f"{shorten(text)} is not a time of day; write a date as YYYY-MM-DD"
        )


def _impossible_date(text: str, year: int, month: int, day: int) -> str:
    if year < MINYEAR:
        why = "there is no year 0"
    elif not 1 <= month <= 12:
        why = f"there is no month {month}"
    elif day == 0:
        why = "days start at 1"
    else:
        days = calendar.monthrange(year, month)[1]
        why = f"{calendar.month_name[month]} {year} has {days} days"
    return f"{shorten(text)} is not a date ({why}); write a real date as YYYY-MM-DD"


_MAX_DIGITS = 30  # far beyond any count or measure; keeps int() away from huge digit strings
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_SEXAGESIMAL = re.compile(r"[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?\Z")
_HEX = re.compile(r"0x[0-9a-fA-F_]+\Z")
_BINARY = re.compile(r"0b[01_]+\Z")
_OCTAL = re.compile(r"0[0-7_]+\Z")
_BOOLEANS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_SCALAR_READERS: dict[str, Callable[[str], object]] = {
    _TAG_PREFIX + "int": _read_int,
    _TAG_PREFIX + "float": _read_float,
    _TAG_PREFIX + "bool": _read_bool,
    _TAG_PREFIX + "null": _read_null,
    _TAG_PREFIX + "timestamp": _read_timestamp,
}


def _could_be_deep(text: str) -> bool:
    """Whether `text` might nest more than MAX_DEPTH levels (never False when it does)."""
    if text.count("[") + text.count("{") > MAX_DEPTH // 2:
        return True
    if _OTHER_BREAKS.search(text) is None:
        return _LINE_START.search("\n" + text) is not None
    return _ANY_LINE_START.search(text) is not None


def _check_depth(text: str) -> Problem | None:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=YAML_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep(event.start_mark, text)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in (error.problem or ""):
            # libyaml (PyYAML 6.0.4 on) stops deep flow nesting itself, scanning ahead of
            # the events counted here; it is the same finding, whichever limit is met first.
            return _too_deep(error.problem_mark, text)
        return _syntax_problem(error, text)
    return None


def _too_deep(mark: Any, text: str) -> Problem:
    line, column = _position(mark, text) if mark else (None, None)
    return Problem(
        rules.TOO_COMPLEX,
        f"nested more than {MAX_DEPTH} levels deep; flatten the structure",
        line,
        column,
    )


def _expanded_size(data: object) -> int:
    """How many values `data` holds with every alias written out (shared parts counted each time)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[object, bool]] = [(data, False)]
    while stack:
        value, children_done = stack.pop()
        children = _children(value)
        if children_done:
            sizes[id(value)] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if sizes[id(value)] > MAX_EXPANDED_VALUES:
                return sizes[id(value)]
        elif id(value) not in sizes:
            stack.append((value, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes.get(id(data), 1)


def _children(value: object) -> list[object]:
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, list):
        return value
    return []


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    if error.context:
        started = error.context_mark
        where = f" that starts at line {_position(started, text)[0]}" if started else ""
        problem = f"{problem} ({error.context}{where})"
    if mark is None:
        return Problem(rules.YAML_SYNTAX, problem)
    problem += _hidden_break_hint(text, mark.index)
    return Problem(rules.YAML_SYNTAX, problem, *_position(mark, text))


def _position(mark: Any, text: str) -> tuple[int, int]:
    """A parser mark's 1-based line and column, as editors count them."""
    return Lines(text).position(mark.index) if Lines.of(text) else (mark.line + 1, mark.column + 1)


def _hidden_break_hint(text: str, offset: int) -> str:
    # A line break to YAML 1.1 that editors do not show makes errors that cannot be seen.
    hidden = _YAML_ONLY_BREAK.search(text, 0, offset + 1)
    if hidden is None:
        return ""
    line, column = Lines(text).position(hidden.start())
    name = unicodedata.name(hidden.group(), "NEXT LINE")
    return (
        f"; line {line}, column {column} holds U+{ord(hidden.group()):04X} {name}, "
        "which YAML reads as a line break: remove it"
    )


def _character_problem(text: str, error: yaml.reader.ReaderError) -> Problem:
    offset = max(0, min(error.position, len(text)))
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return Problem(
        rules.YAML_SYNTAX,
        f"character #x{ord(character):04x} is not allowed in YAML ({error.reason}); remove it",
        *Lines(text).position(offset),
    )


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
