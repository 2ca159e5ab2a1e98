"""Where `render` may write: checked before anything is written.

The output folder is never the framework root, never inside it and never a folder that
holds it: the pages would land among the journeys (and tidying an earlier render deletes
files). Paths are compared as the file system resolves them, so a relative path, `..` and
symbolic links cannot hide the root.

Every page's path is checked before the first page is written: a symbolic link, something
that is not a regular file (a FIFO, a device, a folder) where a page goes, a file where a
folder of pages goes, or a folder without permission to write is refused, and nothing is
written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from journeyctl.errors import UsageError


class TargetRefused(UsageError):
    """A page cannot be written where it goes; the message says which and what to do."""


def refuse_inside_tree(out: Path, root: Path) -> None:
    """A UsageError (about `out`) if the output folder is the root, holds it or lies in it."""
    folder = _real(out)
    tree = _real(root)
    if folder == tree:
        relation = "is the framework root"
    elif folder.is_relative_to(tree):
        relation = "is inside the framework root"
    elif tree.is_relative_to(folder):
        relation = "holds the framework root"
    else:
        return
    raise UsageError(
        f"'{out}' {relation} '{root}'; render never writes into the framework, so give a "
        f"folder outside it{_beside(tree)}",
        parameter="out",
    )


def _real(path: Path) -> Path:
    """The path as the file system resolves it (symbolic links, `..`), in the file system's
    case where it ignores case."""
    return Path(os.path.normcase(path.resolve()))


def _beside(tree: Path) -> str:
    site = tree.parent / "site"
    if site.is_relative_to(tree):
        return ""  # the root is the file system's root: there is no beside
    try:
        shown = os.path.relpath(site)
    except ValueError:  # another drive
        shown = str(site)
    return f", such as '{shown}' beside it"


def check_targets(out: Path, names: Iterable[str]) -> None:
    """A TargetRefused for the first page that cannot be written under `out`."""
    _check_folder(out, link=True)
    checked: set[Path] = set()
    for name in names:
        path = out
        for part in PurePosixPath(name).parts[:-1]:
            path = path / part
            if path not in checked:
                _check_folder(path, link=False)
                checked.add(path)
        _check_page(path / PurePosixPath(name).name)


def _check_folder(path: Path, *, link: bool) -> None:
    """A folder that holds pages: missing (it is created), or a folder open to writing; only
    the output folder itself may be a symbolic link to one (pages never go through a link)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        _check_creatable(path)
        return
    if stat.S_ISDIR(mode) or (link and stat.S_ISLNK(mode) and path.is_dir()):
        _check_writable(path)
        return
    if stat.S_ISLNK(mode):
        raise TargetRefused(
            f"cannot write pages into '{path}': it is a symbolic link, which journeyctl does "
            "not write through; replace it with a real folder; nothing was written"
        )
    raise TargetRefused(
        f"cannot write pages into '{path}': it is {_kind(mode)}, not a folder; move it away; "
        "nothing was written"
    )


def _check_creatable(path: Path) -> None:
    """A missing folder is created in the nearest folder that exists, which must be writable."""
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    _check_writable(parent)


def _check_writable(folder: Path) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TargetRefused(
            f"cannot write pages into '{folder}': no permission to write there; give "
            "another --out, or the permission; nothing was written"
        )


def _check_page(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise TargetRefused(
            f"cannot write '{path}': it is a symbolic link, which journeyctl does not write "
            "through; replace it with a real file or remove it; nothing was written"
        )
    if not stat.S_ISREG(mode):
        raise TargetRefused(
            f"cannot write '{path}': {_kind(mode)} of that name is in the way; move it away; "
            "nothing was written"
        )


def _kind(mode: int) -> str:
    kinds = [
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    ]
    return next((name for test, name in kinds if test(mode)), "a file")
