"""The tag of each YAML node, as PyYAML's resolver decides it, in fewer steps.

YAML 1.1 reads some plain scalars as something other than text: words for booleans and
nulls (`yes`, `off`, `~`), numbers, dates, and the merge key `<<`. `FastResolver` gives a
node's tag with one dictionary lookup for anything that does not start like a number, and
remembers the tags of those that do (`PLAIN_TAGS`, bounded). What a tagged scalar's value
is, is `journeyctl.load.scalars`.
"""

from __future__ import annotations

import re

import yaml

TAG_PREFIX = "tag:yaml.org,2002:"
STR_TAG = TAG_PREFIX + "str"
MAP_TAG = TAG_PREFIX + "map"
SEQ_TAG = TAG_PREFIX + "seq"
MERGE_TAG = TAG_PREFIX + "merge"


_CASES = (str.lower, str.capitalize, str.upper)
# Plain scalars that resolve to something other than text without starting like a number:
# YAML 1.1's booleans and nulls, `<<` and `=` (PyYAML's implicit resolvers, word for word).
WORD_TAGS = {
    **dict.fromkeys(
        [case(word) for word in ("yes", "no", "true", "false", "on", "off") for case in _CASES],
        TAG_PREFIX + "bool",
    ),
    **dict.fromkeys(["", "~", "null", "Null", "NULL"], TAG_PREFIX + "null"),
    "<<": MERGE_TAG,
    "=": TAG_PREFIX + "value",
}
# Everything else that is not text starts like a number: PyYAML's own resolvers decide.
NUMBER_RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    start: tuple(
        (tag, regexp)
        for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get(start, [])
        if tag not in WORD_TAGS.values()
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
                return STR_TAG
            tag = PLAIN_TAGS.get(value)
            if tag is not None:
                return tag
            if value[:1] not in NUMBER_RESOLVERS:
                return STR_TAG
            return number_tag(value)
        return SEQ_TAG if kind is _SEQUENCE_NODE else MAP_TAG

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path resolvers are registered: nothing to track."""

    def ascend_resolver(self) -> None:
        """No path resolvers are registered: nothing to track."""


_SCALAR_NODE = yaml.ScalarNode
_SEQUENCE_NODE = yaml.SequenceNode
# The tags of plain scalars seen so far that start like a number (`1`, `2025-01-31`), with
# the words above: numbers repeat across files and each takes several regular expressions.
# Bounded, so that a hostile tree cannot grow it without end.
PLAIN_TAGS = dict(WORD_TAGS)
PLAIN_TAGS_KEPT = 50_000


def number_tag(value: str) -> str:
    """The tag of a plain scalar that starts like a number, as PyYAML's resolvers decide it."""
    tag = next((tag for tag, regexp in NUMBER_RESOLVERS[value[:1]] if regexp.match(value)), STR_TAG)
    if len(PLAIN_TAGS) < PLAIN_TAGS_KEPT:
        PLAIN_TAGS[value] = tag
    return tag


def may_merge(text: str) -> bool:
    """Whether `text` could hold a merge key: `<<`, or a tag that spells or encodes `merge`."""
    return "<<" in text or "merge" in text or "%" in text
