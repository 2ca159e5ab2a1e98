"""What changed in the framework between two git revisions, for a pull request's reviewer.

`diff(root, base, head)` loads the tree under the folder `root` at the revision `base`
and at `head` (None: the working tree, uncommitted changes included), validates both, and
compares them (`journeyctl.diff.compare`) into a `TreeDiff`, whose records of each change
are in `journeyctl.diff.changes`. With `merge_base`, `base` names a branch (`main`) and the
diff starts where `head` left it (`git merge-base base head`), as a pull request shows its
changes. A revision that does not exist, or a `root` outside a git repository, is a usage
error.
"""

from __future__ import annotations

from contextlib import nullcontext

from journeyctl.diff.changes import TreeDiff
from journeyctl.diff.compare import TOP_PLACES, compare
from journeyctl.diff.revisions import (
    Commit,
    cache_of,
    head_commit,
    load_checked,
    merge_base_of,
    repository_of,
    source_of,
)
from journeyctl.load.tree import Memo

__all__ = ["TOP_PLACES", "Commit", "TreeDiff", "compare", "diff", "head_commit"]


def diff(root: str, base: str, head: str | None = None, *, merge_base: bool = False) -> TreeDiff:
    """The changes to the tree under `root` from revision `base` to `head` (None: working tree);
    with `merge_base`, from where `head` (None: HEAD and the working tree) left `base`."""
    repository, folder = repository_of(root)
    base_revision = merge_base_of(repository, base, head) if merge_base else base
    # Both revisions are resolved before either tree is read: a typo fails at once.
    base_source = source_of(repository, folder, base_revision)
    head_source = source_of(repository, folder, head)
    # Both are read through the folder's cache (keyed by content), and a file the two
    # revisions share is read once: most of a tree is the same in both.
    files, memo = cache_of(repository, folder), Memo()
    with files.held() if files is not None else nullcontext():
        base_tree = load_checked(base_source, files, memo)
        head_tree = load_checked(head_source, files, memo)
    return compare(
        base_tree,
        head_tree,
        base_revision,
        head,
        folder=folder,
        merge_base=base if merge_base else None,
    )
