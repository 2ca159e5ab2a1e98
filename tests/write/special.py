"""Things that are not regular files, made in a test's folder: what a writer must refuse."""

from __future__ import annotations

import os
import socket
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and devices")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def unix_socket(path: Path) -> None:
    # A socket's path is limited to about 100 bytes: bind by a name relative to its folder.
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(path.name)  # the file stays after the socket is closed
    finally:
        os.chdir(here)


def character_device(path: Path) -> None:
    """A character device like /dev/null (1, 3); where mknod is not allowed, the test is skipped
    (tests of the real /dev/null cover that case)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device needs root")


def folder(path: Path) -> None:
    path.mkdir()


def symlink(path: Path) -> None:
    path.symlink_to(path.with_name("elsewhere"))


# name -> (how to make it, how a message names it)
SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (fifo, "it is a named pipe (FIFO), which is not a regular file"),
    "socket": (unix_socket, "it is a socket, which is not a regular file"),
    "character device": (character_device, "it is a character device, which is not a regular file"),
    "folder": (folder, "it is a folder, which is not a regular file"),
}


def mode_of(path: Path) -> int:
    return path.lstat().st_mode


def real_dev_null() -> None:
    """Skip a test of the real /dev/null where it is not the character device (1, 3): some
    sandboxes and containers give a plain file there, which a writer may rightly replace.
    Skip it under mutation testing too, where a mutant that lets the write through would
    replace the machine's /dev/null (as root): the device made in the test's own folder
    (`character_device`) checks the same refusal there."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        pytest.skip("not the machine's /dev/null while mutants run")
    if not dev_null_is_intact():
        pytest.skip("/dev/null is not the character device (1, 3) on this machine")


def dev_null_is_intact() -> bool:
    """/dev/null is still the character device (1, 3), not a file a careless writer left."""
    status = os.lstat("/dev/null")
    return stat.S_ISCHR(status.st_mode) and status.st_rdev == os.makedev(1, 3)
