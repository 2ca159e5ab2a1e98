"""The one way for a feature to get a framework to work on: load the tree, check it, then
hand over the models, or the findings that stand in the way.

Features (rank, and later export, report, render, diff) start here instead of repeating
the command line's logic; whether and how findings are shown stays with the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from journeyctl.checks import Validation, validate
from journeyctl.load import Tree, load_tree
from journeyctl.model import Framework, Improvement, Journey


@dataclass(frozen=True)
class CheckedTree:
    """A loaded tree and its validation."""

    tree: Tree
    validation: Validation

    @property
    def usable(self) -> bool:
        """Whether features can work on it: a framework that loaded and no errors."""
        return self.tree.framework is not None and self.validation.errors == 0

    @property
    def framework(self) -> Framework:
        if self.tree.framework is None:
            raise ValueError("the tree has no framework that loaded; check `usable` first")
        return self.tree.framework.model

    @property
    def journeys(self) -> list[Journey]:
        return [document.model for document in self.tree.journeys]

    @property
    def improvements(self) -> list[Improvement]:
        return [document.model for document in self.tree.improvements]


def check(root: Path, *, strict: bool = False, today: date | None = None) -> CheckedTree:
    """Load every file under `root` and run every check."""
    tree = load_tree(root)
    return CheckedTree(tree, validate(tree, strict=strict, today=today))
