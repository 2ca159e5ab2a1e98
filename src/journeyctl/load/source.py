"""Where keys and values stand in a YAML file, found again from the node tree.

Positions are only needed for files that have something to report, so they are built
on demand (`yaml.compose`) instead of on every load.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from journeyctl.load.yamlfile import YAML_LOADER

Position = tuple[int, int]
PathPart = str | int


class SourceMap:
    """The composed node tree of one document, queried by key paths."""

    def __init__(self, root: yaml.Node) -> None:
        self.root = root

    @classmethod
    def from_text(cls, text: str) -> SourceMap | None:
        try:
            node = yaml.compose(text, Loader=YAML_LOADER)
        except yaml.YAMLError:
            return None
        return cls(node) if node is not None else None

    def node_at(self, path: Sequence[PathPart]) -> tuple[yaml.Node, yaml.Node | None, bool]:
        """The deepest node along `path`, the key node leading to it, and whether `path` resolved."""
        node, key_node = self.root, None
        for part in path:
            child = _child(node, part)
            if child is None:
                return node, key_node, False
            key_node, node = child
        return node, key_node, True

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> Position:
        """1-based line and column of the value at `path` (or of its key, with `key=True`).

        A path that does not resolve fully (a missing key) points at the deepest node
        that exists.
        """
        node, key_node, _ = self.node_at(path)
        mark = key_node.start_mark if key and key_node is not None else node.start_mark
        return mark.line + 1, mark.column + 1


def _child(node: yaml.Node, part: PathPart) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        # The last of duplicate keys wins, as it does when the file is loaded.
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                return key_node, value_node
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None
