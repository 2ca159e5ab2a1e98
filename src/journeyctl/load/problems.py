"""What is wrong in one file, and how a message quotes what the file writes.

Decoding, reading, the sources and the schema's errors each report a `FileProblem`: the
rule, what to do, and where, if anywhere; a problem with a value names its key path too
(`dotted`). The loaded tree (`journeyctl.load.tree`) turns it
into a finding once it knows the file's name for display.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from journeyctl.finding import Rule


@dataclass(frozen=True)
class FileProblem:
    """Something wrong in one file: the rule, what to do, and a 1-based position if there is one."""

    rule: Rule
    message: str
    line: int | None = None
    column: int | None = None


def written_key(node: yaml.Node) -> str:
    """A key as the file writes it, quoted for a message: 'yes', not True."""
    if isinstance(node, yaml.ScalarNode):
        return f"'{shorten(str(node.value))}'"
    return "(a list or mapping)"


def shorten(text: str, limit: int = 40) -> str:
    """`text` cut to `limit` characters for a message, so that a huge value stays one short line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def dotted(loc: Sequence[str | int]) -> str:
    """A key path as a message names it: `volumes[1].contacts`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
