"""What a path is, in the words a message uses: "a folder", "a named pipe (FIFO)", ...

One list for the reader, which refuses what is not a file under the root, and the writer,
which refuses a target that is not a file or a folder, so that both name a thing alike.
"""

from __future__ import annotations

import stat

# S_ISREG last: the plain case, named only where a folder was expected.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISREG, "a file"),
)


def kind(mode: int) -> str:
    """What a file of this `st_mode` is, in words: "a character device", "a folder", ..."""
    return next((name for test, name in _KINDS if test(mode)), "a special file")
