"""The plain reader: a file of plain YAML read straight from libyaml's events.

Almost every file is plain YAML that reads without a problem: no anchors, aliases, tags or
merge keys, no YAML-only line breaks, distinct keys, readable values, one list or mapping.
For such a file this gives the same data and positions as the full reader
(`journeyctl.load.full_reader`) without composing a node tree or asking Python for each
node's tag; for any other it gives None, and the full reader reads the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from journeyctl.load import scalars, tags
from journeyctl.load.limits import MAX_DEPTH
from journeyctl.load.lines import YAML_ONLY_BREAK
from journeyctl.load.parsed import Parsed
from journeyctl.load.positions import PositionIndex, index_of_plain
from journeyctl.load.scalars import NOT_READ, Unreadable
from journeyctl.load.syntax import (
    CLOSES,
    EVENT_PARSER,
    MAPPING_START,
    OPENS,
    SCALAR_EVENT,
)
from journeyctl.load.tags import STR_TAG, may_merge


class _NotPlain(Exception):
    """The file holds what the plain reader leaves to the full one."""


def read_plain(text: str) -> Parsed | None:
    """The document in `text` read from libyaml's events, or None to leave it to the full reader.

    A file of plain YAML (no anchors, aliases, tags or merge keys, no YAML-only line
    breaks) whose keys are all distinct, whose values are all readable, and that holds one
    list or mapping: the same data and positions as the full reader, without composing a
    node tree or asking Python for each node's tag. Anything else is read by the full
    reader, which finds the same, or says what is wrong and where; so is a file with an
    asterisk anywhere, which the full reader measures for alias bombs.
    """
    if EVENT_PARSER is None or "*" in text or may_merge(text) or YAML_ONLY_BREAK.search(text):
        return None
    try:
        data, positions = _build_from_events(EVENT_PARSER(text).get_event)
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
    plain_tags, plain_values, word_or_number, texts = (
        tags.PLAIN_TAGS,
        scalars.PLAIN_VALUES,
        tags.NUMBER_RESOLVERS,
        scalars.SHARED_TEXTS,
    )
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
        if kind is SCALAR_EVENT:
            if event.tag is not None or event.anchor is not None:
                raise _NotPlain
            value = event.value
            tag = STR_TAG  # a quoted or block scalar is text
            if event.implicit[0]:  # plain: resolved as `FastResolver` resolves it
                known_tag = plain_tags.get(value)
                if known_tag is not None:
                    tag = known_tag
                elif value[:1] in word_or_number:
                    tag = tags.number_tag(value)
            if tag == STR_TAG:
                value = texts.get(value) or scalars.shared_text(value)
            else:
                value = plain_values.get((tag, value), NOT_READ)
                if value is NOT_READ:
                    value = scalars.plain_value(tag, event.value)
                if isinstance(value, Unreadable):
                    raise _NotPlain
            mark = event.start_mark
            place(mark.line)
            place(mark.column)
            if not stack:
                raise _NotPlain  # the document is a single value
            frame = stack[-1]
        elif kind in OPENS:
            if event.tag is not None or event.anchor is not None or len(stack) >= MAX_DEPTH:
                raise _NotPlain
            mark = event.start_mark
            place(mark.line)
            place(mark.column)
            is_mapping = kind is MAPPING_START
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
        elif kind in CLOSES:
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
