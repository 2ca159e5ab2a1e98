"""Every writer replaces only what is missing or a regular file, and checks that first.

A device, a FIFO, a socket or a folder where a file goes is refused before anything is written
(as root, which CI containers often are, a rename would replace `/dev/null` itself), and so is
a file in the way of a folder or a folder that cannot be written in.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyctl.write import (
    WriteError,
    check_folder,
    check_target,
    refuse_in_tree,
    write_bytes,
    write_files,
    write_folder,
    write_text,
    write_under,
)
from journeyctl.write.targets import kind
from tests.write.special import SPECIAL, dev_null_is_intact, mode_of, posix_only, real_dev_null

pytestmark = posix_only

REFUSED = (
    "cannot write '{path}': {words}; journeyctl replaces only regular files: give the path of "
    "a new file or of a regular file to replace; nothing was written"
)


def _write_text(base: Path, name: str) -> None:
    write_text(base / name, "new\n")


def _write_bytes(base: Path, name: str) -> None:
    write_bytes(base / name, b"new\n")


def _write_under(base: Path, name: str) -> None:
    write_under(base, name, "new\n")


def _write_files(base: Path, name: str) -> None:
    # The special file comes last: the files before it must not be written either.
    write_files(base, {"a.yaml": "a\n", "sub/b.yaml": "b\n", name: "new\n"})


def _write_folder(base: Path, name: str) -> None:
    write_folder(base, {"a.html": "a\n", name: "new\n"})


WRITERS: dict[str, Callable[[Path, str], None]] = {
    "write_text": _write_text,
    "write_bytes": _write_bytes,
    "write_under": _write_under,
    "write_files": _write_files,
    "write_folder": _write_folder,
}


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("special", SPECIAL)
def test_what_is_not_a_regular_file_is_refused_and_nothing_is_written(
    tmp_path: Path, special: str, writer: str
) -> None:
    make, words = SPECIAL[special]
    if (special, writer) == ("folder", "write_folder"):
        pytest.skip("write_folder names a folder in a file's place in its own words (test_folder)")
    target = tmp_path / "x.yaml"
    make(target)
    before = mode_of(target)
    with pytest.raises(WriteError) as raised:
        WRITERS[writer](tmp_path, "x.yaml")
    assert str(raised.value) == REFUSED.format(path=target, words=words)
    assert mode_of(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


@pytest.mark.parametrize("writer", ["write_text", "write_bytes"])
def test_dev_null_is_refused_and_stays_a_device(writer: str) -> None:
    real_dev_null()
    with pytest.raises(WriteError) as raised:
        WRITERS[writer](Path("/dev"), "null")
    assert str(raised.value) == REFUSED.format(
        path="/dev/null", words="it is a character device, which is not a regular file"
    )
    assert dev_null_is_intact()


def test_the_refusal_names_the_option_it_is_about(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x")
    with pytest.raises(WriteError) as raised:
        check_target(tmp_path / "x", parameter="out")
    assert raised.value.parameter == "out"
    with pytest.raises(WriteError) as raised:
        check_target(tmp_path / "x")
    assert raised.value.parameter is None


def test_a_missing_file_or_a_regular_one_may_be_written(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("old\n", encoding="utf-8")
    check_target(tmp_path / "x.yaml")
    check_target(tmp_path / "new" / "deeper" / "y.yaml")
    check_folder(tmp_path)
    check_folder(tmp_path / "new" / "deeper")


def test_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").symlink_to(tmp_path / "nowhere.yaml")
    with pytest.raises(WriteError) as raised:
        check_target(tmp_path / "x.yaml", parameter="out")
    assert str(raised.value) == (
        f"cannot write '{tmp_path / 'x.yaml'}': it is a symbolic link, which journeyctl does "
        "not write through; replace it with a real file; nothing was changed"
    )
    assert raised.value.parameter == "out"


@pytest.mark.parametrize("special", ["file", *SPECIAL])
def test_something_in_the_way_of_a_folder_is_refused(tmp_path: Path, special: str) -> None:
    blocker = tmp_path / "phase"
    if special == "file":
        blocker.write_text("mine\n", encoding="utf-8")
        words = "a file"
    elif special == "folder":
        return  # a folder on the way is what a file needs
    else:
        SPECIAL[special][0](blocker)
        words = SPECIAL[special][1].removeprefix("it is ").split(", which")[0]
    target = blocker / "cluster" / "x.yaml"
    with pytest.raises(WriteError) as raised:
        write_files(tmp_path, {"a.yaml": "a\n", "phase/cluster/x.yaml": "x\n"})
    assert str(raised.value) == (
        f"cannot write '{target}': Not a directory: '{blocker}' is {words}, not a folder; "
        "move it away or write elsewhere; nothing was written"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["phase"]


@pytest.mark.parametrize("special", ["file", *SPECIAL])
def test_a_folder_to_write_into_must_be_one(tmp_path: Path, special: str) -> None:
    base = tmp_path / "schemas"
    if special == "file":
        base.write_text("mine\n", encoding="utf-8")
        words = "a file"
    elif special == "folder":
        base.mkdir()
        write_files(base, {"a.json": "{}\n"})
        assert (base / "a.json").read_text(encoding="utf-8") == "{}\n"
        return
    else:
        SPECIAL[special][0](base)
        words = SPECIAL[special][1].removeprefix("it is ").split(", which")[0]
    before = mode_of(base)
    with pytest.raises(WriteError) as raised:
        write_files(base, {"a.json": "{}\n"})
    assert str(raised.value) == (
        f"cannot write into '{base}': it is {words}, not a folder; give a folder (it is created "
        "when missing); nothing was written"
    )
    assert mode_of(base) == before


def test_a_folder_that_cannot_be_written_in_is_refused_before_any_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere (but on a read-only file system), so access() is asked, as
    # for any user; here it says no for one folder.
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    asked: list[tuple[Path, int]] = []

    def access(path: object, mode: int) -> bool:
        asked.append((Path(str(path)), mode))
        return Path(str(path)) != locked and real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(WriteError) as raised:
        write_files(tmp_path, {"a.yaml": "a\n", "locked/new/x.yaml": "x\n"})
    assert str(raised.value) == (
        f"cannot write '{locked / 'new' / 'x.yaml'}': Permission denied: journeyctl cannot make "
        f"files in the folder '{locked}'; change its permissions or write elsewhere; nothing "
        "was written"
    )
    assert (locked, os.W_OK | os.X_OK) in asked
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked"]
    with pytest.raises(WriteError, match=r"^cannot write '.*locked': Permission denied"):
        check_folder(locked)
    with pytest.raises(WriteError, match=r"^cannot write '.*locked': Permission denied"):
        write_folder(locked, {"a.html": "a\n"})


def test_a_path_that_cannot_be_looked_at_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path) -> os.stat_result:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "lstat", refuse)
    with pytest.raises(WriteError) as raised:
        check_target(tmp_path / "x.yaml")
    assert str(raised.value) == (
        f"cannot write '{tmp_path / 'x.yaml'}': Permission denied; fix that (permissions, the "
        "folder) and run again; nothing was written"
    )


@pytest.mark.parametrize(
    ("mode", "words"),
    [
        (stat.S_IFREG | 0o644, "a file"),
        (stat.S_IFDIR | 0o755, "a folder"),
        (stat.S_IFCHR | 0o666, "a character device"),
        (stat.S_IFBLK | 0o660, "a block device"),
        (stat.S_IFIFO | 0o644, "a named pipe (FIFO)"),
        (stat.S_IFSOCK | 0o755, "a socket"),
        (stat.S_IFLNK | 0o777, "a symbolic link"),
        (0o644, "a special file"),  # no kind this system knows
    ],
)
def test_kinds_in_words(mode: int, words: str) -> None:
    assert kind(mode) == words


def test_an_error_without_a_reason_is_shown_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path) -> os.stat_result:
        raise OSError("the file system said no")

    monkeypatch.setattr(Path, "lstat", refuse)
    with pytest.raises(WriteError) as raised:
        check_target(tmp_path / "x.yaml")
    assert str(raised.value) == (
        f"cannot write '{tmp_path / 'x.yaml'}': the file system said no; fix that (permissions, "
        "the folder) and run again; nothing was written"
    )


def test_a_made_file_is_not_written_into_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "journeys"
    target = tree / "out" / "export.xlsx"
    with pytest.raises(WriteError) as refused:
        refuse_in_tree(target, tree)
    assert (str(refused.value), refused.value.parameter) == (
        f"cannot write '{target}': it is inside the framework's root, where every file is read "
        "as part of the tree; write it elsewhere",
        "out",
    )
    refuse_in_tree(tmp_path / "export.xlsx", tree)  # beside it: fine
