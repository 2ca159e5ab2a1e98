"""Where keys and values stand in a YAML file being read: its position index and node tree.

Positions come from the index that reading recorded (`journeyctl.load.positions`): keys are
matched by the value they load as (`yes:` is the key True, `1:` the key 1), the last of
repeated keys wins, and merged keys (`<<: *defaults`) are found where their text is. While
the file is being read its node tree is at hand too, for what a message quotes as written
(a key's text, a scalar's text); a loaded document keeps only the index.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import yaml

from journeyctl.load.positions import PathPart, Position, PositionIndex
from journeyctl.load.yamlfile import Parsed, parse

__all__ = ["PathPart", "Position", "PositionIndex", "SourceMap"]


class SourceMap:
    """One document's position index with its composed node tree, queried by key paths."""

    def __init__(self, positions: PositionIndex, root: yaml.Node) -> None:
        self.positions = positions
        self.root = root

    @classmethod
    def of(cls, parsed: Parsed) -> SourceMap:
        return cls(parsed.positions, parsed.node)

    @classmethod
    def from_text(cls, text: str) -> SourceMap | None:
        parsed = parse(text)
        return cls.of(parsed) if isinstance(parsed, Parsed) else None

    def node_at(self, path: Sequence[object]) -> tuple[yaml.Node, yaml.Node | None, bool]:
        """The deepest node along `path`, the key node leading to it, and whether `path` resolved.

        A part of `path` is a key's loaded value (text, or True for `yes:`) or a list index.
        """
        entries = self.positions.walk(path)
        node, key_node = self.root, None
        for parent, entry in itertools.pairwise(entries):
            # Reading flattened merges into the node's own pairs, in the order it recorded.
            child = node.value[self.positions.offset(entry, parent)]
            key_node, node = child if isinstance(node, yaml.MappingNode) else (None, child)
        return node, key_node, len(entries) == len(path) + 1

    def locate(self, path: Sequence[object], *, key: bool = False) -> Position:
        """1-based line and column of the value at `path` (or of its key, with `key=True`).

        A path that does not resolve fully (a missing key) points at the deepest node
        that exists.
        """
        return self.positions.locate(path, key=key)
