"""What reading one file gives: its text, its data, the problems met while reading it, and
where each key and value is written."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import yaml

from journeyctl.load.positions import PositionIndex
from journeyctl.load.problems import FileProblem
from journeyctl.load.syntax import compose


@dataclass(frozen=True)
class Parsed:
    text: str
    data: object
    problems: list[FileProblem]  # found while reading, yet the data is whole (repeated keys)
    positions: PositionIndex  # where each key and value is written
    composed: yaml.Node | None = None  # the full reader's tree; None from the plain reader

    @cached_property
    def node(self) -> yaml.Node:
        """The composed tree, for messages that quote the text as written; drop it with the
        Parsed, keep `positions`. The plain reader composes none: only a file with findings
        asks, and its tree is composed then (its entries in the order of `positions`)."""
        if self.composed is not None:
            return self.composed
        node = compose(self.text)
        assert node is not None  # the plain reader read a list or mapping from this text
        return node
