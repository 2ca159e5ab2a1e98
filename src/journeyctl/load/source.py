"""Where keys and values stand in a YAML file, found again from the node tree.

Keys are matched by the value they load as (`yes:` is the key True, `1:` the key 1), so a
finding about any key points at the key as written. Merged keys (`<<: *defaults`) are found
where their text is, in the mapping they were merged from. A mapping's keys are indexed on
first use, so that locating every one of N findings costs N lookups, not N scans of the file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

import yaml
from yaml.constructor import SafeConstructor

from journeyctl.load.yamlfile import Unreadable, compose, scalar_value

Position = tuple[int, int]
PathPart = str | int
_Pair = tuple[yaml.Node, yaml.Node]
_MERGE = "tag:yaml.org,2002:merge"


class SourceMap:
    """The composed node tree of one document, queried by key paths."""

    def __init__(self, root: yaml.Node) -> None:
        self.root = root
        self._keys: dict[int, dict[object, _Pair]] = {}

    @classmethod
    def from_text(cls, text: str) -> SourceMap | None:
        try:
            node = compose(text)
        except yaml.YAMLError:
            return None
        return cls(node) if node is not None else None

    def node_at(self, path: Sequence[object]) -> tuple[yaml.Node, yaml.Node | None, bool]:
        """The deepest node along `path`, the key node leading to it, and whether `path` resolved.

        A part of `path` is a key's loaded value (text, or True for `yes:`) or a list index.
        """
        node, key_node = self.root, None
        for part in path:
            child = self._child(node, part)
            if child is None:
                return node, key_node, False
            key_node, node = child
        return node, key_node, True

    def locate(self, path: Sequence[object], *, key: bool = False) -> Position:
        """1-based line and column of the value at `path` (or of its key, with `key=True`).

        A path that does not resolve fully (a missing key) points at the deepest node
        that exists.
        """
        node, key_node, _ = self.node_at(path)
        mark = key_node.start_mark if key and key_node is not None else node.start_mark
        return mark.line + 1, mark.column + 1

    def _child(self, node: yaml.Node, part: object) -> tuple[yaml.Node | None, yaml.Node] | None:
        if isinstance(node, yaml.MappingNode):
            try:
                return self._index(node).get(part)
            except TypeError:  # an unhashable part matches no key
                return None
        if (
            isinstance(node, yaml.SequenceNode)
            and type(part) is int
            and 0 <= part < len(node.value)
        ):
            return None, node.value[part]
        return None

    def _index(self, node: yaml.MappingNode) -> dict[object, _Pair]:
        index = self._keys.get(id(node))
        if index is None:
            index = self._keys[id(node)] = _keys_of(node)
        return index


def _keys_of(node: yaml.MappingNode) -> dict[object, _Pair]:
    """Each key's loaded value with its key and value nodes; the last of repeated keys wins,
    as it does when the file is loaded, and the mapping's own keys win over merged ones."""
    if any(key.tag == _MERGE for key, _ in node.value):
        # As loading did; a merge that cannot be made was reported when the file was read.
        with contextlib.suppress(yaml.YAMLError):
            SafeConstructor().flatten_mapping(node)
    index: dict[object, _Pair] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = scalar_value(key_node)
        if not isinstance(key, Unreadable):
            index[key] = (key_node, value_node)
    return index
