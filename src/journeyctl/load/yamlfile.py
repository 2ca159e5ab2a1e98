"""Reading one YAML file safely and fast.

The fast path is PyYAML's C loader with the safe constructors. It only notes that
something needs a closer look (a repeated key, an alias); the slow path with positions
(`journeyctl.load.source`) runs only for files that have something to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from journeyctl.finding import Rule
from journeyctl.load import rules

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 200
MAX_EXPANDED_VALUES = 100_000

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAML_LOADER: Any = _Base

# libyaml's composer recurses in C and crashes the process on very deep nesting, so a
# file that could be deep is measured event by event before it is composed. A real file
# never comes near these hints; only one that does pays for the exact measure.
_DEEP_HINT = re.compile(r"^[ \t]{500}|(?:[-?][ \t]+){500}", re.MULTILINE)


class _FlaggingLoader(_Base):  # type: ignore[misc]
    """The safe C loader, noting repeated keys instead of silently keeping the last."""

    has_duplicate_keys = False

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        if len(mapping) < len(node.value):
            self.has_duplicate_keys = True
        return mapping


@dataclass(frozen=True)
class Problem:
    """A reason the file could not be loaded, with a 1-based position where there is one."""

    rule: Rule
    message: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Parsed:
    text: str
    data: object
    has_duplicate_keys: bool


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
    loader = _FlaggingLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(error)
    except yaml.YAMLError as error:
        return Problem(rules.YAML_SYNTAX, str(error).replace("\n", " "))
    finally:
        loader.dispose()
    if data is None:
        return Problem(rules.EMPTY_FILE, "the file is empty; fill it in or delete it", 1, 1)
    if "*" in text and _expanded_size(data) > MAX_EXPANDED_VALUES:
        return Problem(
            rules.TOO_COMPLEX,
            f"YAML aliases expand this file to more than {MAX_EXPANDED_VALUES:,} values "
            "(an alias bomb?); write the values out instead of repeating aliases",
            1,
            1,
        )
    return Parsed(text, data, loader.has_duplicate_keys)


def _could_be_deep(text: str) -> bool:
    return text.count("[") + text.count("{") > 500 or _DEEP_HINT.search(text) is not None


def _check_depth(text: str) -> Problem | None:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=YAML_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
                    return Problem(
                        rules.TOO_COMPLEX,
                        f"nested more than {MAX_DEPTH} levels deep; flatten the structure",
                        line,
                        column,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(error)
    return None


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


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
