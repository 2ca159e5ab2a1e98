"""Atomic writes: the target is the old file or the whole new one, and never outside its base."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyctl.errors import UsageError
from journeyctl.write import (
    WriteError,
    contained_path,
    sync_folders,
    write_bytes,
    write_files,
    write_text,
    write_under,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and links")


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_writes_the_exact_bytes_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "x.yaml"
    write_text(target, "naam: é\r\nregel: 2\n")
    assert target.read_bytes() == "naam: é\r\nregel: 2\n".encode()
    assert _names(target.parent) == ["x.yaml"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old\n", encoding="utf-8")
    write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert _names(tmp_path) == ["x.yaml"]


@posix_only
def test_keeps_the_permission_bits_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_a_new_file_gets_the_usual_bits(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_text(tmp_path / "x.yaml", "new\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "x.yaml").stat().st_mode) == 0o644


def _fail(error: BaseException) -> Callable[..., None]:
    def failing(*args: object, **kwargs: object) -> None:
        raise error

    return failing


@pytest.mark.parametrize("step", ["rename", "fsync", "write"])
def test_a_failing_write_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old\n", encoding="utf-8")
    full = OSError(errno.ENOSPC, "No space left on device")
    if step == "rename":
        monkeypatch.setattr(Path, "replace", _fail(full))
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", _fail(full))
    else:
        monkeypatch.setattr(os, "fdopen", _fail(full))
    with pytest.raises(WriteError) as raised:
        write_text(target, "new\n")
    assert str(raised.value) == (
        f"cannot write '{target}': No space left on device; fix that (free space, "
        "permissions, the folder) and run again; nothing was changed"
    )
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _names(tmp_path) == ["x.yaml"]


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "replace", _fail(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_text(tmp_path / "x.yaml", "new\n")
    assert _names(tmp_path) == []


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The file descriptors given to os.fsync (which still syncs them), in order."""
    calls: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd) or real_fsync(fd))
    return calls


def test_the_data_and_the_folder_are_synced(tmp_path: Path, synced: list[int]) -> None:
    write_text(tmp_path / "x.yaml", "new\n")
    assert len(synced) == (2 if sys.platform != "win32" else 1)


def test_many_files_sync_each_file_and_each_folder_once(tmp_path: Path, synced: list[int]) -> None:
    files = {"a/x.yaml": "1\n", "a/y.yaml": "2\n", "b/z.yaml": "3\n", "t.yaml": "4\n"}
    paths = write_files(tmp_path, files)
    assert [path.read_text(encoding="utf-8") for path in paths] == ["1\n", "2\n", "3\n", "4\n"]
    assert len(synced) == (4 + 3 if sys.platform != "win32" else 4)


def test_a_write_that_leaves_its_folder_to_the_caller_syncs_only_the_data(
    tmp_path: Path, synced: list[int]
) -> None:
    write_text(tmp_path / "x.yaml", "new\n", sync_folder=False)
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "new\n"
    assert _names(tmp_path) == ["x.yaml"]
    assert len(synced) == 1
    sync_folders([tmp_path / "x.yaml", tmp_path / "y.yaml"])
    assert len(synced) == (2 if sys.platform != "win32" else 1)


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_a_write_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "x.yaml").write_text("old\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError, match="Permission denied"):
            write_text(folder / "x.yaml", "new\n")
        assert _names(folder) == ["x.yaml"]
        assert (folder / "x.yaml").read_text(encoding="utf-8") == "old\n"
    finally:
        folder.chmod(0o755)


def test_text_that_utf8_cannot_encode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="UTF-8 cannot encode"):
        write_text(tmp_path / "x.yaml", "a\ud800")
    assert _names(tmp_path) == []


def test_a_write_error_is_a_usage_error_for_the_cli() -> None:
    assert issubclass(WriteError, UsageError)


def test_writes_under_a_base(tmp_path: Path) -> None:
    written = write_under(tmp_path, "klant-zijn/facturatie/x.yaml", "id: x\n")
    assert written == tmp_path / "klant-zijn" / "facturatie" / "x.yaml"
    assert written.read_text(encoding="utf-8") == "id: x\n"


def test_writes_several_files(tmp_path: Path) -> None:
    written = write_files(tmp_path, {"a.json": "{}\n", "b.json": "[]\n"})
    assert written == [tmp_path / "a.json", tmp_path / "b.json"]
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == "[]\n"


@pytest.mark.parametrize("relative", ["../x.yaml", "a/../../x.yaml", "a/..", "/etc/x.yaml", ""])
def test_a_path_out_of_the_base_is_refused(tmp_path: Path, relative: str) -> None:
    base = tmp_path / "base"
    with pytest.raises(WriteError, match="must be relative and stay inside"):
        write_under(base, relative, "x\n")
    assert not base.exists()
    assert _names(tmp_path) == []


@posix_only
def test_a_symlinked_folder_on_the_way_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    base = tmp_path / "base"
    base.mkdir()
    (base / "phase").symlink_to(outside)
    with pytest.raises(WriteError, match=r"phase' is a symbolic link"):
        contained_path(base, "phase/x.yaml")
    assert _names(outside) == []


@posix_only
def test_a_symlinked_file_is_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text("old\n", encoding="utf-8")
    link = tmp_path / "x.yaml"
    link.symlink_to(elsewhere)
    with pytest.raises(WriteError, match="symbolic link"):
        write_text(link, "new\n")
    assert elsewhere.read_text(encoding="utf-8") == "old\n"
    assert link.is_symlink()


def test_bytes_are_written_as_given_and_never_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "out" / "book.xlsx"
    write_bytes(target, b"PK\x03\x04\x00\xff")
    assert target.read_bytes() == b"PK\x03\x04\x00\xff"
    link = tmp_path / "link.xlsx"
    link.symlink_to(target)
    with pytest.raises(WriteError, match="symbolic link"):
        write_bytes(link, b"new")
    assert target.read_bytes() == b"PK\x03\x04\x00\xff"


def _fsync_failing_for(
    monkeypatch: pytest.MonkeyPatch, names: str | set[str], error: BaseException
) -> None:
    """os.fsync raises `error` for the temporary files that become `names`, and syncs the
    others (files are synced by several threads at once: in no fixed order)."""
    failing = {names} if isinstance(names, str) else names
    opened: dict[int, str] = {}
    real_open, real_fsync = os.open, os.fsync

    def open_(path: str | Path, flags: int, mode: int = 0o777) -> int:
        descriptor = real_open(path, flags, mode)
        opened[descriptor] = Path(path).name
        return descriptor

    def fsync(fd: int) -> None:
        if any(opened.get(fd, "").startswith(f".{name}.") for name in failing):
            raise error
        real_fsync(fd)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "fsync", fsync)


def _replace_failing_for(monkeypatch: pytest.MonkeyPatch, name: str, error: BaseException) -> None:
    """Renaming a file into place as `name` raises `error`."""
    real_replace = Path.replace

    def replace(self: Path, target: Path) -> Path:
        if Path(target).name == name:
            raise error
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)


def _several(base: Path) -> dict[str, str]:
    (base / "old.yaml").write_text("old\n", encoding="utf-8")
    (base / "old.yaml").chmod(0o600)
    return {"old.yaml": "replaced\n", "a/new.yaml": "new\n", "b/third.yaml": "3\n", "z.yaml": "4\n"}


def _everything(base: Path) -> dict[str, bytes]:
    return {p.relative_to(base).as_posix(): p.read_bytes() for p in base.rglob("*") if p.is_file()}


@pytest.mark.parametrize("step", ["fsync", "rename"])
def test_several_files_are_all_written_or_the_ones_written_are_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    files = _several(tmp_path)
    full = OSError(errno.ENOSPC, "No space left on device")
    failing = _fsync_failing_for if step == "fsync" else _replace_failing_for
    failing(monkeypatch, "third.yaml", full)
    with pytest.raises(WriteError) as raised:
        write_files(tmp_path, files)
    assert str(raised.value) == (
        f"cannot write '{tmp_path / 'b' / 'third.yaml'}': No space left on device; fix that "
        "(free space, permissions, the folder) and run again; nothing was changed"
    )
    assert _everything(tmp_path) == {"old.yaml": b"old\n"}
    assert stat.S_IMODE((tmp_path / "old.yaml").stat().st_mode) == 0o600
    assert _names(tmp_path) == ["old.yaml"]  # the folders made for the new files are gone


def test_a_file_that_cannot_be_put_back_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _several(tmp_path)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name in ("new.yaml", "second.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    files = {"old.yaml": "replaced\n", "a/new.yaml": "new\n", "second.yaml": "2\n", **files}
    _replace_failing_for(monkeypatch, "third.yaml", OSError(errno.EIO, "Input/output error"))
    with pytest.raises(WriteError) as raised:
        write_files(tmp_path, files)
    # The last written first: the order in which they were (not) put back.
    assert str(raised.value) == (
        f"cannot write '{tmp_path / 'b' / 'third.yaml'}': Input/output error; fix that (free "
        "space, permissions, the folder) and run again; these files were written and could "
        f"not be put back: {tmp_path / 'second.yaml'}, {tmp_path / 'a' / 'new.yaml'}"
    )
    assert _everything(tmp_path) == {
        "old.yaml": b"old\n",
        "a/new.yaml": b"new\n",
        "second.yaml": b"2\n",
    }


@pytest.mark.parametrize("step", ["fsync", "rename"])
def test_an_interrupted_set_of_writes_is_put_back_and_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    files = _several(tmp_path)
    failing = _fsync_failing_for if step == "fsync" else _replace_failing_for
    failing(monkeypatch, "third.yaml", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_files(tmp_path, files)
    assert _everything(tmp_path) == {"old.yaml": b"old\n"}
    assert _names(tmp_path) == ["old.yaml"]


def test_a_sync_that_fails_names_the_first_such_file_in_the_order_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"f{index:02}.yaml": f"{index}\n" for index in range(40)}
    failing = {f"f{index:02}.yaml" for index in (7, 23, 31)}
    _fsync_failing_for(monkeypatch, failing, OSError(errno.EIO, "Input/output error"))
    with pytest.raises(WriteError, match=r"f07\.yaml': Input/output error.*nothing was changed"):
        write_files(tmp_path, files)
    assert _names(tmp_path) == []


def test_every_text_is_encoded_before_the_first_write(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match=r"z.yaml': the text holds a character that UTF-8"):
        write_files(tmp_path, {"a.yaml": "a\n", "z.yaml": "\udc80"})
    assert _names(tmp_path) == []


def test_a_write_of_nothing_writes_nothing(tmp_path: Path) -> None:
    assert write_files(tmp_path / "new", {}) == []
    assert _names(tmp_path) == []


@pytest.mark.parametrize(
    ("intruder", "left"),
    [(False, ["kept"]), (True, ["kept", "new", "new/deeper", "new/deeper/mine.txt"])],
)
def test_only_the_folders_made_for_the_files_are_removed_and_only_when_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, intruder: bool, left: list[str]
) -> None:
    (tmp_path / "kept").mkdir()
    files = {"kept/a.yaml": "a\n", "new/deeper/b.yaml": "b\n", "new/c.yaml": "c\n"}
    real_replace = Path.replace

    def replace(self: Path, target: Path) -> Path:
        if Path(target).name == "c.yaml":
            if intruder:  # someone else's file, put there while journeyctl wrote
                (tmp_path / "new" / "deeper" / "mine.txt").write_text("mine\n", encoding="utf-8")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(WriteError, match="nothing was changed"):
        write_files(tmp_path, files)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == left
