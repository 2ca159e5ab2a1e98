"""The two trees a diff compares: a git revision each, or the working tree for the head.

Revisions are read from git's object database (`GitRevisionSource`: `git ls-tree` and one
`git cat-file --batch`, each blob once), never by a checkout, so the working tree is never
touched; the working tree itself is read as `validate` reads it, uncommitted changes and all.
Each tree is loaded and validated once; a tree with errors is still compared, as far as its
files loaded, and its findings are counted.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from journeyctl.errors import UsageError
from journeyctl.framework import CheckedTree, check
from journeyctl.load import FileCache, FileSystemSource, GitRevisionSource, Source
from journeyctl.load.sources import run_git
from journeyctl.load.tree import Memo


def repository_of(root: str) -> tuple[Path, str]:
    """The git repository that holds the folder `root`, and `root` inside it (`/` separated).

    The folder may be missing from the working tree (deleted in a change under review); then
    the repository is found from the nearest folder above it that exists.
    """
    if str(root).strip() == "":
        raise UsageError(
            "is empty; pass the folder that holds framework.yaml, or leave it out to use journeys/",
            parameter="root",
        )
    folder = Path(root).absolute()
    existing = next(p for p in (folder, *folder.parents) if p.is_dir())
    found = _git(existing, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise UsageError(
            f"'{root}' is not inside a git repository; diff compares git revisions, so run it "
            "in a clone of the framework's repository",
            parameter="root",
        )
    top = Path(found.stdout.decode("utf-8").strip()).resolve()
    inside = existing.resolve() / folder.relative_to(existing)
    try:
        relative = inside.relative_to(top).as_posix()
    except ValueError:
        raise UsageError(
            f"'{root}' is outside the git repository at '{top}'; pass a folder inside it",
            parameter="root",
        ) from None
    return top, "" if relative == "." else relative


def source_of(repository: Path, folder: str, revision: str | None) -> Source:
    """The tree at `revision`; None: the folder in the working tree."""
    if revision is None:
        return FileSystemSource(repository / folder if folder else repository)
    return GitRevisionSource(repository, revision, folder)


def merge_base_of(repository: Path, ref: str, head: str | None) -> str:
    """The commit where `head` (None: HEAD) left `ref`, abbreviated as git abbreviates it."""
    for revision in (ref, head or "HEAD"):
        if not revision or revision.startswith("-"):
            raise UsageError(f"'{revision}' is not a git revision; name a commit, branch or tag")
    found = _git(repository, "merge-base", ref, head or "HEAD")
    if found.returncode != 0:
        raise UsageError(
            f"no merge base of '{ref}' and '{head or 'HEAD'}' in the git repository at "
            f"'{repository}': one of them does not exist, or they share no history (a shallow "
            "clone lacks it: fetch with fetch-depth: 0); name a branch this one was made from"
        )
    commit = found.stdout.decode("ascii").strip()
    short = _git(repository, "rev-parse", "--short", commit)
    return short.stdout.decode("ascii").strip() if short.returncode == 0 else commit


def load_checked(
    source: Source, files: FileCache | None = None, memo: Memo | None = None
) -> CheckedTree:
    """The tree of `source`, loaded and validated (findings relative to the root), read
    through the cache `files` and the `memo` of what was read already."""
    return check(source, files=files, memo=memo)


def cache_of(repository: Path, folder: str) -> FileCache | None:
    """The cache of the folder in the working tree, which serves its revisions too; None
    with the cache off (JOURNEYCTL_NO_CACHE)."""
    if os.environ.get("JOURNEYCTL_NO_CACHE"):
        return None
    return FileCache.for_root((repository / folder if folder else repository).resolve())


def _git(folder: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    return run_git(folder, *arguments, needed_to="compare revisions")


@dataclass(frozen=True)
class Commit:
    """The commit a working tree stands on: what a deck or a page says it was made from."""

    short: str  # abbreviated as git abbreviates it
    date: date  # the committer's date
    changed: bool  # the folder has changes that are not committed (or files git does not track)


def head_commit(root: str | Path) -> Commit | None:
    """The commit HEAD of the repository that holds the folder `root`, and whether the folder
    differs from it; None outside a git repository, or in one without a commit yet."""
    folder = Path(root)
    if not folder.is_dir():
        return None
    shown = run_git(folder, "log", "-1", "--format=%h %cs", needed_to="name the commit")
    if shown.returncode != 0 or not shown.stdout.strip():
        return None
    short, day = shown.stdout.decode("ascii").split()
    status = run_git(folder, "status", "--porcelain", "--", ".", needed_to="name the commit")
    return Commit(short, date.fromisoformat(day), bool(status.stdout.strip()))
