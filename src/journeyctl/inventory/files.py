"""The file `import` reads: a regular file, looked at before it is opened and opened so that
nothing else is ever read.

A named pipe waits for a writer when it is opened and `/dev/zero` never ends, so what is not
a regular file is refused by what it is (`journeyctl.paths.kind`: "a named pipe (FIFO)",
"a character device"), never opened to find out: `check_file` looks at the path first, and
`open_binary` opens without waiting (`O_NONBLOCK`) and looks at what it opened, for a path
replaced by something else in between.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from journeyctl.errors import UsageError
from journeyctl.paths import kind

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0)
WANTED = "give the path of an .xlsx or .csv file"


def check_file(path: Path) -> None:
    """A UsageError unless `path` is a regular file (through a symbolic link too): missing,
    a folder, a pipe, a device, a socket, each said as what it is. An OSError where the path
    cannot be looked at (a folder above it that may not be read)."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        if error.errno not in (errno.ENOENT, errno.ENOTDIR):
            raise
        if path.is_symlink():
            raise UsageError(
                f"'{path}' is a symbolic link to '{path.readlink()}', which does not exist; "
                f"fix the link, or {WANTED}"
            ) from None
        raise UsageError(f"'{path}': file not found; {WANTED}") from None
    if stat.S_ISDIR(mode):
        raise UsageError(f"'{path}' is a folder, not a file; {WANTED}")
    if not stat.S_ISREG(mode):
        raise not_a_file(path, mode)


def not_a_file(path: Path, mode: int) -> UsageError:
    """The refusal of a pipe, a device or a socket, which is never read."""
    return UsageError(
        f"'{path}' is {kind(mode)}, not a file; import reads no pipe or device: save the data "
        "as an .xlsx or .csv file and give its path"
    )


def open_binary(path: Path) -> BinaryIO:
    """The regular file at `path`, open for reading; a UsageError, without reading, for
    anything else (a path replaced by a pipe since `check_file` looked at it)."""
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise not_a_file(path, mode)
        if _NONBLOCK:
            os.set_blocking(descriptor, True)  # a regular file reads alike either way
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
