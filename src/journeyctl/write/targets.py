"""What a write may replace, checked before the first byte of it is written.

journeyctl replaces only regular files. A character device, a FIFO or a socket where a file
is to go is refused, never renamed over: run as root, as CI containers often are, a rename
over `/dev/null` would leave a plain file there for every program on the machine. So are a
folder where a file goes, a file where a folder goes, a symbolic link, and a folder that
cannot be written in, so that a command that writes several files finds every such problem
before it writes the first, and then says that nothing was written.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from journeyctl.errors import UsageError
from journeyctl.paths import kind


class WriteError(UsageError):
    """A file could not be written; the message says which, why and what to do.

    A usage error to the CLI (exit 2), like any other input the user must fix first.
    """


def check_target(path: Path, *, parameter: str | None = None) -> None:
    """A WriteError unless `path` is missing or a regular file (not a symbolic link), and the
    nearest folder above it that exists is a folder that can be written in."""
    mode = _mode(path, follow=False)
    if mode is not None and stat.S_ISLNK(mode):
        raise WriteError(
            f"cannot write '{path}': it is a symbolic link, which journeyctl does not write "
            "through; replace it with a real file; nothing was changed",
            parameter=parameter,
        )
    if mode is not None and not stat.S_ISREG(mode):
        raise WriteError(
            f"cannot write '{path}': it is {kind(mode)}, which is not a regular file; "
            "journeyctl replaces only regular files: give the path of a new file or of a "
            "regular file to replace; nothing was written",
            parameter=parameter,
        )
    _check_folder_above(path, parameter)


def refuse_in_tree(target: Path, root: Path, *, parameter: str = "out") -> None:
    """A file a command makes (an export, a deck) is not written into the journeys tree,
    where it is no journey and goes into the framework's commits unasked."""
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return
    raise WriteError(
        f"cannot write '{target}': it is inside the framework's root, where every file is "
        "read as part of the tree; write it elsewhere",
        parameter=parameter,
    )


def check_folder(folder: Path) -> None:
    """A WriteError unless `folder` is missing or a folder (a symbolic link to one counts) that
    can be written in, and, when missing, can be made."""
    mode = _mode(folder, follow=True)
    if mode is None:
        _check_folder_above(folder, None)
    elif not stat.S_ISDIR(mode):
        raise WriteError(
            f"cannot write into '{folder}': it is {kind(mode)}, not a folder; give a folder "
            "(it is created when missing); nothing was written"
        )
    else:
        _check_writable(folder, folder, None)


def _check_folder_above(path: Path, parameter: str | None) -> None:
    """The nearest existing folder above `path` must be a folder, and one that can be written
    in (the folders between it and `path` are made by the write)."""
    for folder in path.parents:
        mode = _mode(folder, follow=True)
        if mode is None:
            continue
        if not stat.S_ISDIR(mode):
            raise WriteError(
                f"cannot write '{path}': {os.strerror(errno.ENOTDIR)}: '{folder}' is "
                f"{kind(mode)}, not a folder; move it away or write elsewhere; nothing was "
                "written",
                parameter=parameter,
            )
        _check_writable(path, folder, parameter)
        return


def _check_writable(path: Path, folder: Path, parameter: str | None) -> None:
    # Root passes this on any folder except one on a read-only file system.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WriteError(
            f"cannot write '{path}': {os.strerror(errno.EACCES)}: journeyctl cannot make "
            f"files in the folder '{folder}'; change its permissions or write elsewhere; "
            "nothing was written",
            parameter=parameter,
        )


def is_symlink(path: Path) -> bool:
    """Whether `path` is a symbolic link; a WriteError where it cannot be looked at."""
    mode = _mode(path, follow=False)
    return mode is not None and stat.S_ISLNK(mode)


def _mode(path: Path, *, follow: bool) -> int | None:
    """The `st_mode` of `path`, or None where nothing is there (or a file is in the way)."""
    try:
        return (path.stat() if follow else path.lstat()).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise WriteError(
            f"cannot write '{path}': {error.strerror or error}; fix that (permissions, the "
            "folder) and run again; nothing was written"
        ) from None
