"""How large a file may be, how deep it may nest and how many values it may hold.

The limits keep a hostile file (a pull request is untrusted input) from costing minutes,
gigabytes or a crash: at most `MAX_FILE_BYTES` a file (the sources check it before reading
one), `MAX_DEPTH` levels (measured before libyaml composes, which recurses in C),
`MAX_VALUES` keys and values (counted before the data is built) and `MAX_EXPANDED_VALUES`
with every alias written out (an alias bomb). Each refusal says the limit and what to do.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import yaml

from journeyctl.load import rules
from journeyctl.load.problems import FileProblem, shorten
from journeyctl.load.syntax import (
    CLOSES,
    EVENT_PARSER,
    MAPPING_START,
    OPENS,
    SCALAR_EVENT,
    YAML_LOADER,
    mark_position,
    syntax_problem,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 200
# Keys, values, lists and mappings a file may hold, counted before its data is built (and
# again after aliases are expanded). A large journey holds a few thousand; a file of 5 MiB
# could hold 2.6 million, which took 40 s and 3 GiB to build and describe, one error each.
MAX_VALUES = 100_000
MAX_EXPANDED_VALUES = MAX_VALUES


# Every key, value, list or mapping takes at least one character and a separator, give or
# take the document's first one, so a file shorter than this holds fewer than MAX_VALUES of
# them and is not counted: only the rare large file pays for the count.
FEWER_VALUES_THAN_CHARACTERS = MAX_VALUES // 2


def check_size(text: str) -> FileProblem | None:
    """A problem if `text` holds more than MAX_VALUES keys, values, lists and mappings.

    Counted event by event, stopping at the limit, so that a file of millions of values
    is refused in the time it takes to read MAX_VALUES of them. The problem stands at the
    top-level key under which the limit was passed. A file that does not parse is left to
    the readers, which say where.
    """
    next_event: Callable[[], Any] = (
        EVENT_PARSER(text).get_event
        if EVENT_PARSER is not None
        else functools.partial(next, iter(yaml.parse(text, YAML_LOADER)), None)
    )
    count = depth = children_of_top = 0
    top_is_mapping = False
    top_key: Any = None  # the scalar event of the top-level key being read
    try:
        while (event := next_event()) is not None:
            kind = type(event)
            opens = kind in OPENS
            if opens or kind is SCALAR_EVENT or kind is yaml.AliasEvent:
                count += 1
                if depth == 0:
                    top_is_mapping = kind is MAPPING_START
                elif depth == 1:
                    children_of_top += 1
                    is_key = top_is_mapping and children_of_top % 2 == 1
                    top_key = event if is_key and kind is SCALAR_EVENT else top_key
                depth += opens
            elif kind in CLOSES:
                depth -= 1
            if count > MAX_VALUES:
                return _too_many_values(top_key, event, text)
    except yaml.YAMLError:
        return None
    return None


def _too_many_values(top_key: Any, event: Any, text: str) -> FileProblem:
    """The problem at the top-level key under which the limit was passed, else at the value."""
    line, column = mark_position((top_key or event).start_mark, text)
    where = f" (the limit is passed under '{shorten(top_key.value)}')" if top_key else ""
    return FileProblem(
        rules.TOO_COMPLEX,
        f"the file holds more than {MAX_VALUES:,} keys and values{where}; no real file needs "
        "so many: remove the repeated values or move them to a file of their own",
        line,
        column,
    )


# libyaml's composer recurses in C and crashes the process on very deep nesting (libyaml
# before 0.2.6 has no limit of its own), so a file that could be nested more than MAX_DEPTH
# levels is measured event by event before it is composed. Flow nesting needs an opening
# bracket per level; block nesting needs about a column per level, written as indentation
# or as `- `, `? ` and `: ` at the start of a line. Both are cheap to bound (the text is
# scanned a few times in C), and a real file stays far below them.
_LINE_START = re.compile(rf"\n[ \t?:-]{{{MAX_DEPTH // 2}}}")
_ANY_LINE_START = re.compile(rf"(?:^|[\n\r\x85\u2028\u2029])[ \t?:-]{{{MAX_DEPTH // 2}}}")
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def could_be_deep(text: str) -> bool:
    """Whether `text` might nest more than MAX_DEPTH levels (never False when it does)."""
    if text.count("[") + text.count("{") > MAX_DEPTH // 2:
        return True
    if _OTHER_BREAKS.search(text) is None:
        return _LINE_START.search("\n" + text) is not None
    return _ANY_LINE_START.search(text) is not None


def check_depth(text: str) -> FileProblem | None:
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
        return syntax_problem(error, text)
    return None


def _too_deep(mark: Any, text: str) -> FileProblem:
    line, column = mark_position(mark, text) if mark else (None, None)
    return FileProblem(
        rules.TOO_COMPLEX,
        f"nested more than {MAX_DEPTH} levels deep; flatten the structure",
        line,
        column,
    )


def expanded_size(data: object) -> int:
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
