"""The file import reads: a regular file, and nothing else ever opened to find out."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from journeyctl.errors import UsageError
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.files import check_file, open_binary
from journeyctl.inventory.importing import read_workbook
from tests.inventory.conftest import fifo

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
WANTED = "give the path of an .xlsx or .csv file"


def _refusal(path: Path) -> str:
    with pytest.raises(UsageError) as refused:
        read_workbook(path)
    return str(refused.value)


@pytest.mark.slow
@needs_fifo
@pytest.mark.parametrize("name", ["lijst.csv", "lijst.xlsx", "lijst"])
def test_a_named_pipe_is_said_as_what_it_is_and_never_opened(tmp_path: Path, name: str) -> None:
    with fifo(tmp_path / name) as pipe:
        assert _refusal(pipe.path) == (
            f"'{pipe.path}' is a named pipe (FIFO), not a file; import reads no pipe or device: "
            "save the data as an .xlsx or .csv file and give its path"
        )
    assert not pipe.opened


@needs_dev_zero
def test_a_device_is_said_as_what_it_is(tmp_path: Path) -> None:
    assert _refusal(Path("/dev/zero")).startswith("'/dev/zero' is a character device, not a file")
    link = tmp_path / "zeros.csv"
    link.symlink_to("/dev/zero")
    assert _refusal(link).startswith(f"'{link}' is a character device, not a file")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_said_as_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert _refusal(path).startswith(f"'{path}' is a socket, not a file")


def test_missing_a_folder_and_a_link_to_nothing(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nope.csv") == f"'{tmp_path / 'nope.csv'}': file not found; {WANTED}"
    below_a_file = tmp_path / "notes.txt"
    below_a_file.write_text("x", encoding="utf-8")
    assert _refusal(below_a_file / "a.csv").endswith(f": file not found; {WANTED}")
    assert _refusal(tmp_path) == f"'{tmp_path}' is a folder, not a file; {WANTED}"
    link = tmp_path / "old.csv"
    link.symlink_to(tmp_path / "gone.csv")
    assert _refusal(link) == (
        f"'{link}' is a symbolic link to '{tmp_path / 'gone.csv'}', which does not exist; fix "
        f"the link, or {WANTED}"
    )


def test_a_regular_file_passes_through_a_link_too(tmp_path: Path) -> None:
    target = tmp_path / "lijst.csv"
    target.write_bytes(b"a;b\n1;2\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    for path in (target, link):
        check_file(path)
        with open_binary(path) as file:
            assert file.read() == b"a;b\n1;2\n"


@needs_fifo
def test_a_path_replaced_by_a_pipe_after_it_was_looked_at_is_refused_unread(
    tmp_path: Path,
) -> None:
    # Opened, since it was a file a moment ago: without waiting for a writer, and not read.
    with fifo(tmp_path / "lijst.csv") as pipe, pytest.raises(UsageError) as refused:
        open_binary(pipe.path)
    assert "is a named pipe (FIFO), not a file" in str(refused.value)


@needs_fifo
def test_open_binary_leaves_no_descriptor_open_when_it_refuses(tmp_path: Path) -> None:
    before = _open_descriptors()
    with fifo(tmp_path / "p.csv") as pipe:
        for _ in range(3):
            with pytest.raises(UsageError):
                open_binary(pipe.path)
    assert _open_descriptors() == before


def _open_descriptors() -> int:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("no /proc here")
    return sum(1 for _ in Path("/proc/self/fd").iterdir())


def test_a_path_that_cannot_be_looked_at_is_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    loop = tmp_path / "a.csv"
    loop.symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(loop)
    with pytest.raises(Refused) as refused:
        read_workbook(loop)
    [problem] = refused.value.problems
    assert (problem.where, problem.message) == (
        "a.csv",
        "cannot read the file (Too many levels of symbolic links); check that you may read it",
    )
