"""Reading one YAML file safely and fast.

libyaml (PyYAML's C parser) composes the node tree; a small builder turns it into plain
data. That is faster than PyYAML's generic constructor, and it sees every repeated key
with its position, which the constructor silently overwrites. Positions of anything
else are looked up later (`journeyctl.load.source`), only for files with findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from journeyctl.finding import Rule
from journeyctl.load import rules

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 200
MAX_EXPANDED_VALUES = 100_000

# libyaml where PyYAML was built with it (the wheels are); the pure-Python parser otherwise.
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# libyaml's composer recurses in C and crashes the process on very deep nesting, so a
# file that could be deep is measured event by event before it is composed. A real file
# never comes near these hints; only one that does pays for the exact measure.
_DEEP_HINT = re.compile(r"^[ \t]{500}|(?:[-?][ \t]+){500}", re.MULTILINE)


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
    node: yaml.Node  # the composed tree, to locate schema errors without parsing again


def read_text(path: Path) -> str | Problem:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(
                rules.TOO_COMPLEX,
                f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}; "
                "split it or remove what does not belong in a journey file",
            )
        raw = path.read_bytes()
    except OSError as error:
        return Problem(rules.UNREADABLE_FILE, f"cannot read file: {error.strerror or error}")
    return decode(raw)


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
    """The document in `text` as plain Python data, or the reason it cannot be had."""
    if _could_be_deep(text):
        problem = _check_depth(text)
        if problem is not None:
            return problem
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
        builder = _Builder(shares_nodes="*" in text)
        data = builder.build(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(error)
    except yaml.reader.ReaderError as error:
        return _character_problem(text, error)
    except yaml.YAMLError as error:
        return Problem(rules.YAML_SYNTAX, str(error).replace("\n", " "))
    except RecursionError:
        return Problem(rules.TOO_COMPLEX, "nested too deeply to read; flatten the structure")
    if node is None or data is None:
        return Problem(rules.EMPTY_FILE, "the file is empty; fill it in or delete it", 1, 1)
    if "*" in text and _expanded_size(data) > MAX_EXPANDED_VALUES:
        return Problem(
            rules.TOO_COMPLEX,
            f"YAML aliases expand this file to more than {MAX_EXPANDED_VALUES:,} values "
            "(an alias bomb?); write the values out instead of repeating aliases",
            1,
            1,
        )
    return Parsed(text, data, builder.problems, node)


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_CONSTRUCTORS = SafeConstructor.yaml_constructors
_IN_PROGRESS = object()


class _Builder:
    """Plain data from a composed node tree, with the safe constructors' scalar rules."""

    def __init__(self, *, shares_nodes: bool) -> None:
        self.problems: list[Problem] = []
        self._scalars = SafeConstructor()
        # Aliases make one node appear in several places; build it once, as PyYAML does,
        # so that an alias bomb stays small until it is measured.
        self._built: dict[int, Any] | None = {} if shares_nodes else None

    def build(self, node: yaml.Node) -> Any:
        if node.tag == _STR:
            return node.value
        if isinstance(node, yaml.ScalarNode):
            constructor = _SCALAR_CONSTRUCTORS.get(node.tag)
            if constructor is None:
                raise _unsupported_tag(node)
            return constructor(self._scalars, node)
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

    def _collection(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [self.build(child) for child in node.value]
        if not (isinstance(node, yaml.MappingNode) and node.tag == _MAP):
            raise _unsupported_tag(node)
        own_pairs = sum(1 for key, _ in node.value if key.tag != _MERGE)
        if any(key.tag == _MERGE for key, _ in node.value):
            self._scalars.flatten_mapping(node)  # merged pairs first, then the node's own
        mapping: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            key = self.build(key_node)
            try:
                own = index >= len(node.value) - own_pairs
                if own and key in first_seen:
                    self._note_duplicate(key, key_node, first_seen[key])
                if own:
                    first_seen[key] = key_node.start_mark.line + 1
                mapping[key] = self.build(value_node)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "a key must be a plain value, not a list or mapping",
                    key_node.start_mark,
                ) from None
        return mapping

    def _note_duplicate(self, key: Any, key_node: yaml.Node, first_line: int) -> None:
        mark = key_node.start_mark
        message = (
            f"key '{key}' appears twice in this mapping (first at line {first_line}); keep one"
        )
        self.problems.append(Problem(rules.DUPLICATE_KEY, message, mark.line + 1, mark.column + 1))


def _unsupported_tag(node: yaml.Node) -> yaml.MarkedYAMLError:
    return yaml.constructor.ConstructorError(
        None, None, f"could not determine a constructor for the tag {node.tag!r}", node.start_mark
    )


def _could_be_deep(text: str) -> bool:
    return text.count("[") + text.count("{") > 500 or _DEEP_HINT.search(text) is not None


def _check_depth(text: str) -> Problem | None:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=YAML_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep(event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in (error.problem or ""):
            # libyaml (PyYAML 6.0.4 on) stops deep flow nesting itself, scanning ahead of
            # the events counted here; it is the same finding, whichever limit is met first.
            return _too_deep(error.problem_mark)
        return _syntax_problem(error)
    return None


def _too_deep(mark: Any) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
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


def _syntax_problem(error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    if error.context:
        started = error.context_mark
        where = f" that starts at line {started.line + 1}" if started is not None else ""
        problem = f"{problem} ({error.context}{where})"
    if "could not determine a constructor" in problem:
        problem = (
            f"{problem}: tags such as !!python/... are never executed; "
            "remove the tag and write plain YAML"
        )
    if mark is None:
        return Problem(rules.YAML_SYNTAX, problem)
    return Problem(rules.YAML_SYNTAX, problem, mark.line + 1, mark.column + 1)


def _character_problem(text: str, error: yaml.reader.ReaderError) -> Problem:
    offset = max(0, min(error.position, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return Problem(
        rules.YAML_SYNTAX,
        f"character #x{ord(character):04x} is not allowed in YAML ({error.reason}); remove it",
        text.count("\n", 0, offset) + 1,
        offset - line_start + 1,
    )


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
