"""What changed in the framework between two git revisions, for a pull request's reviewer.

`diff(root, base, head)` loads the tree under the folder `root` at the revision `base`
and at `head` (None: the working tree, uncommitted changes included), validates both, and
compares them (`journeyctl.diff.compare`) into a `TreeDiff` (`journeyctl.diff.changes`).
A revision that does not exist, or a `root` outside a git repository, is a usage error.
"""

from __future__ import annotations

from journeyctl.diff.changes import (
    Changed,
    Detail,
    EmotionChanged,
    FrameworkChange,
    ImprovementDiff,
    JourneyDiff,
    KpiMeasured,
    Moved,
    OtherFields,
    RankMoved,
    Revision,
    StepsChanged,
    TreeDiff,
    VolumeChanged,
)
from journeyctl.diff.compare import compare
from journeyctl.diff.revisions import load_checked, repository_of, source_of

__all__ = [
    "Changed",
    "Detail",
    "EmotionChanged",
    "FrameworkChange",
    "ImprovementDiff",
    "JourneyDiff",
    "KpiMeasured",
    "Moved",
    "OtherFields",
    "RankMoved",
    "Revision",
    "StepsChanged",
    "TreeDiff",
    "VolumeChanged",
    "compare",
    "diff",
]


def diff(root: str, base: str, head: str | None = None) -> TreeDiff:
    """The changes to the tree under `root` from revision `base` to `head` (None: working tree)."""
    repository, folder = repository_of(root)
    # Both revisions are resolved before either tree is read: a typo fails at once.
    base_source = source_of(repository, folder, base)
    head_source = source_of(repository, folder, head)
    return compare(load_checked(base_source), load_checked(head_source), base, head)
