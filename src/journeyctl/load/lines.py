"""Lines and columns as editors count them, where YAML 1.1 counts more line breaks.

libyaml breaks lines at U+0085, U+2028 and U+2029 as well; git, GitHub and editors show
those inside a line. `Lines` recounts the parser's marks in a file that holds one.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml


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
        return cls(text) if YAML_ONLY_BREAK.search(text) else None

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the character at `offset`."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def mark(self, mark: Any) -> yaml.Mark:
        line, column = self.position(mark.index)
        return yaml.Mark(mark.name, mark.index, line - 1, column - 1, None, 0)


_EDITOR_BREAK = re.compile(r"\r\n|\r|\n")
YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")


def recount_marks(root: yaml.Node, lines: Lines) -> None:
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
