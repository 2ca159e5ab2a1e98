"""The one way for a feature to get a framework to work on: load the tree, check it, then
hand over the models, or the findings that stand in the way.

Findings name files relative to the root; `CheckedTree.for_display` names them as the
working directory sees them, for output.

Features (rank, and later export, report, render, diff) start here instead of repeating
the command line's logic; whether and how findings are shown stays with the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from journeyctl.checks import Validation, validate
from journeyctl.finding import Finding, Severity
from journeyctl.load import FileCache, FileSystemSource, Source, Tree, load_source
from journeyctl.load.tree import Memo
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

    def for_display(self, cwd: Path | None = None) -> Validation:
        """The validation with files named relative to `cwd` (the working directory)."""
        return self.validation.for_display(self.tree.root, cwd)

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

    @property
    def framework_usable(self) -> bool:
        """Whether the framework loaded and `framework.yaml` has no errors.

        Enough for a feature that can leave out the journeys whose files have errors
        (`journeys_with_errors`), as `rank` does when asked to.
        """
        if self.tree.framework is None:
            return False
        name = self.tree.framework.display
        return not any(f.file == name for f in self._errors())

    @property
    def journeys_with_errors(self) -> frozenset[str]:
        """Ids of the journeys whose files have errors.

        A journey that loaded is named by its id; a file that did not load by its name
        without `.yaml` (which should be its id).
        """
        files = {f.file for f in self._errors()}
        loaded = {d.model.id for d in self.tree.journeys if d.display in files}
        return frozenset(loaded | self.tree.unloaded_journeys)

    def _errors(self) -> list[Finding]:
        return [f for f in self.validation.findings if f.severity is Severity.ERROR]


def check(
    source: Path | str | Source,
    *,
    strict: bool = False,
    today: date | None = None,
    cache: bool = True,
    files: FileCache | None = None,
    memo: Memo | None = None,
) -> CheckedTree:
    """Load every file of `source` and run every check.

    `source` is the folder that holds framework.yaml, or a source of files already made (a
    git revision, a folder with planned texts in place). An empty folder path (as `--root ""`
    gives) is a usage error, not the working directory. With `cache`, the files of a folder
    read before with the same content are not parsed again (`journeyctl.load.cache`); the
    result is the same either way. Any other source is read whole, unless `files` names the
    cache to read it through (the folder's, for its git revisions: the cache is keyed by
    content); `files` serves a folder too, in place of its own. A `memo` shared by two
    loads reads a content the two share once (`journeyctl.load.tree.Memo`).
    """
    if isinstance(source, Path | str):
        folder = FileSystemSource(source)
        if files is None and cache:
            files = FileCache.for_root(folder.root)
        tree = load_source(folder, cache=files, memo=memo)
    else:
        tree = load_source(source, cache=files, memo=memo)
    return CheckedTree(tree, validate(tree, strict=strict, today=today))
