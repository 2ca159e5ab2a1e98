"""What a source says about what it cannot read, asserted whole, and the order it reads in.

Failures that a test run as root cannot provoke for real (a folder or file it may not
read, a read that fails half-way, a file replaced between looking and opening) are
simulated at the operating system call that would fail.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from journeyctl.errors import UsageError
from journeyctl.load import rules, sources
from journeyctl.load.problems import FileProblem
from journeyctl.load.sources import (
    Entry,
    FileSystemSource,
    GitRevisionSource,
    order,
    read_regular_file,
)
from tests.conftest import as_shown

NOT_A_FILE = "not a file; only YAML files belong under the root, remove it or move it elsewhere"


def write(root: Path, files: dict[str, bytes]) -> Path:
    for path, content in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(content)
    return root


def problems(source: FileSystemSource | GitRevisionSource) -> dict[str, tuple[str, str]]:
    return {
        entry.path: (entry.content.rule.id, entry.content.message)
        for entry in source.entries()
        if isinstance(entry.content, FileProblem)
    }


def message(result: bytes | FileProblem) -> str:
    assert isinstance(result, FileProblem), result
    return result.message


def git(repository: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repository), *arguments], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8").strip()


def committed(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.org")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    return root


# --- order --------------------------------------------------------------------------


def test_a_folder_comes_before_a_longer_name_beside_it_from_either_source(
    tmp_path: Path,
) -> None:
    # As text, "a-b.yaml" sorts before "a/b.yaml" ("-" before "/"); folder by folder, "a"
    # comes first.
    root = write(tmp_path, {"x/a-b.yaml": b"id: ab\n", "x/a/b.yaml": b"id: b\n"})
    expected = ["x/a/b.yaml", "x/a-b.yaml"]
    assert [entry.path for entry in FileSystemSource(root).entries()] == expected
    from_git = GitRevisionSource(committed(root), "main", "")
    assert [entry.path for entry in from_git.entries()] == expected
    assert order("x/a-b.yaml") == ("x", "a-b.yaml")


# --- the root -----------------------------------------------------------------------


def test_the_root_refusals_say_what_to_pass(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as empty:
        FileSystemSource(" ")
    assert as_shown(empty.value) == (
        "--root is empty; pass the folder that holds framework.yaml, or leave it out to use "
        "journeys/"
    )
    with pytest.raises(UsageError) as missing:
        FileSystemSource(tmp_path / "nowhere")
    assert as_shown(missing.value) == (
        f"--root '{tmp_path / 'nowhere'}': folder not found; run journeyctl from the folder "
        "that holds journeys/, or pass the folder that holds framework.yaml"
    )


def refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: Path, *, named: bool = True) -> None:
    """Listing `folder` fails as it does for a user without permission on it."""
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == folder:
            if named:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write(tmp_path / "root", {"a/x.yaml": b"id: x\n", "b/y.yaml": b"id: y\n"})
    refuse_listing(monkeypatch, root / "a")
    entries = {entry.path: entry.content for entry in FileSystemSource(root).entries()}
    assert entries["b/y.yaml"] == b"id: y\n"
    assert message(entries["a"]) == (
        "cannot read this folder (Permission denied), so its files are not checked; give it "
        "read and execute permission, or move it out of the root"
    )


@pytest.mark.parametrize("named", [True, False])
def test_a_root_that_cannot_be_listed_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: bool
) -> None:
    root = write(tmp_path / "root", {"x.yaml": b"id: x\n"})
    refuse_listing(monkeypatch, root, named=named)
    with pytest.raises(UsageError) as refused:
        list(FileSystemSource(root).entries())
    assert str(refused.value) == (
        f"cannot read the root folder '{root.resolve()}': Permission denied; check its permissions"
    )


# --- what is not a file -------------------------------------------------------------


def test_a_fifo_and_a_broken_link_are_named_whole(tmp_path: Path) -> None:
    root = write(tmp_path / "root", {"ok.yaml": b"id: ok\n"})
    os.mkfifo(root / "pipe.yaml")
    (root / "gone.yaml").symlink_to("elders.yaml")
    assert problems(FileSystemSource(root)) == {
        "gone.yaml": (
            "JC004",
            "a symlink to 'elders.yaml', which does not exist; fix the link or remove it",
        ),
        "pipe.yaml": ("JC004", f"not read: a named pipe (FIFO), {NOT_A_FILE}"),
    }


def test_a_link_back_to_a_folder_is_named_by_its_target_and_the_next_folder_still_read(
    tmp_path: Path,
) -> None:
    root = write(tmp_path / "root", {"b/y.yaml": b"id: y\n"})
    (root / "a-loop").symlink_to(".")
    entries = {entry.path: entry.content for entry in FileSystemSource(root).entries()}
    assert entries["b/y.yaml"] == b"id: y\n"
    assert message(entries["a-loop"]) == (
        "a symlink to a folder that is read already (.): a loop, or a second way to the same "
        "files; not followed, remove the link"
    )


def test_a_file_that_cannot_be_looked_at_or_opened_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x.yaml").write_bytes(b"id: x\n")
    (tmp_path / "link.yaml").symlink_to("x.yaml")
    denied = "cannot read file: Permission denied; check its permissions"
    real_stat, real_open = os.stat, os.open

    def stat_denied(path: Any, *, follow_symlinks: bool = True) -> os.stat_result:
        if Path(path).name == "x.yaml" and follow_symlinks:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, follow_symlinks=follow_symlinks)

    def open_denied(path: Any, flags: int, *args: Any) -> int:
        if Path(path).suffix == ".yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    with monkeypatch.context() as patched:
        patched.setattr(os, "stat", stat_denied)
        assert message(read_regular_file(tmp_path / "x.yaml")) == denied
    monkeypatch.setattr(os, "open", open_denied)
    # A link to a file that exists but cannot be opened is not a broken link.
    assert message(read_regular_file(tmp_path / "link.yaml")) == denied
    assert message(read_regular_file(tmp_path / "x.yaml")) == denied


def test_a_file_replaced_by_a_fifo_after_it_was_looked_at_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x.yaml").write_bytes(b"id: x\n")
    real_fstat = os.fstat

    def fstat_fifo(descriptor: int) -> os.stat_result:
        status = real_fstat(descriptor)
        return os.stat_result((stat.S_IFIFO | 0o644, *status[1:]))

    monkeypatch.setattr(os, "fstat", fstat_fifo)
    assert message(read_regular_file(tmp_path / "x.yaml")) == (
        f"not read: a named pipe (FIFO), {NOT_A_FILE}"
    )


def test_a_read_that_fails_half_way_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x.yaml").write_bytes(b"id: x\n")

    def failing(descriptor: int, size: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", failing)
    assert message(read_regular_file(tmp_path / "x.yaml")) == (
        "cannot read file: Input/output error; check its permissions"
    )


def test_the_size_limit_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.yaml").write_bytes(b"#" * 1234)
    (tmp_path / "fits.yaml").write_bytes(b"#" * 1000)
    assert message(read_regular_file(tmp_path / "big.yaml")) == (
        "file is 1,234 bytes, over the limit of 1,000; split it or remove what does not "
        "belong in it"
    )
    assert read_regular_file(tmp_path / "fits.yaml") == b"#" * 1000


# --- git ----------------------------------------------------------------------------


def test_links_submodules_and_blobs_at_the_limit_in_a_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write(tmp_path / "repo", {"x.yaml": b"id: x\n", "tab\there.yaml": b"id: t\n"})
    (root / "link.yaml").symlink_to("x.yaml")
    committed(root)
    commit = git(root, "rev-parse", "HEAD")
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{commit},sub.yaml")
    git(root, "commit", "-q", "-m", "a submodule")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", len(b"id: x\n"))
    entries = {e.path: e.content for e in GitRevisionSource(root, "main", "/").entries()}
    assert entries["x.yaml"] == b"id: x\n"  # exactly at the limit: read
    assert entries["tab\there.yaml"] == b"id: t\n"
    assert message(entries["link.yaml"]) == (
        "not read: a symlink in this revision; journeyctl reads files, not links, from git: "
        "commit the file itself"
    )
    assert message(entries["sub.yaml"]) == "not read: a submodule, not a file; move it out"


def _remove_blob(root: Path, path: str) -> str:
    blob = git(root, "rev-parse", f"HEAD:{path}")
    (root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    return blob


def test_a_blob_missing_from_the_repository_is_named_and_the_rest_read(tmp_path: Path) -> None:
    root = committed(write(tmp_path / "repo", {"a.yaml": b"id: a\n", "b.yaml": b"id: b\n"}))
    blob = _remove_blob(root, "a.yaml")
    entries = {e.path: e.content for e in GitRevisionSource(root, "main", "").entries()}
    assert entries["b.yaml"] == b"id: b\n"
    assert message(entries["a.yaml"]) == f"git cannot read blob {blob}; run git fsck"


def test_a_blob_that_goes_missing_while_the_revision_is_read_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"a.yaml": b"id: a\n", "b.yaml": b"id: b\n", "c.yaml": b"id: c\n"}
    root = committed(write(tmp_path / "repo", files))
    source = GitRevisionSource(root, "main", "")
    listed = list(source._listing())
    blob = _remove_blob(root, "b.yaml")  # listed with its size, gone when it is read
    monkeypatch.setattr(source, "_listing", lambda: iter(listed))
    entries = source.entries()
    assert next(entries) == Entry("a.yaml", b"id: a\n")
    second = next(entries)
    assert (second.path, second.content) == (
        "b.yaml",
        FileProblem(rules.UNREADABLE_FILE, f"git cannot read blob {blob}; run git fsck"),
    )
    assert list(entries) == [Entry("c.yaml", b"id: c\n")]


def test_a_file_name_that_is_not_utf8_is_read_from_a_revision(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / os.fsdecode(b"caf\xe9.yaml")).write_bytes(b"id: cafe\n")
    entries = {e.path: e.content for e in GitRevisionSource(committed(root), "main", "").entries()}
    assert entries == {"caf\ufffd.yaml": b"id: cafe\n"}


def test_the_root_inside_a_revision_may_be_written_with_slashes(tmp_path: Path) -> None:
    root = committed(write(tmp_path / "repo", {"journeys/x.yaml": b"id: x\n"}))
    source = GitRevisionSource(root, "main", "/journeys/")
    assert source.root == root / "journeys"
    assert [entry.path for entry in source.entries()] == ["x.yaml"]


def test_revision_refusals_say_what_to_name(tmp_path: Path) -> None:
    root = committed(write(tmp_path / "repo", {"journeys/x.yaml": b"id: x\n"}))
    refusals = {
        "": "'' is not a git revision; name a commit, branch or tag",
        "-h": "'-h' is not a git revision; name a commit, branch or tag",
        "nergens": f"revision 'nergens' not found in the git repository at '{root}'; name a "
        "commit, branch or tag that exists (git log lists them)",
    }
    for revision, refusal in refusals.items():
        with pytest.raises(UsageError) as raised:
            GitRevisionSource(root, revision, "journeys")
        assert str(raised.value) == refusal
    with pytest.raises(UsageError) as missing:
        GitRevisionSource(root, "main", "elders")
    assert str(missing.value) == (
        "root folder 'elders' not found in revision 'main'; pass the folder that holds "
        "framework.yaml in that revision"
    )


def test_without_git_a_revision_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UsageError) as raised:
        GitRevisionSource(tmp_path, "main", "")
    assert str(raised.value) == "git is not installed or not on PATH; install git to read revisions"


@pytest.mark.slow
def test_a_revision_read_halfway_leaves_no_process_behind(tmp_path: Path) -> None:
    files = {f"{n}.yaml": f"id: x{n}\n".encode() * 2000 for n in range(200)}
    root = committed(write(tmp_path / "repo", files))
    before = set(threading.enumerate())
    entries = GitRevisionSource(root, "main", "").entries()
    assert next(entries).path == "0.yaml"
    entries.close()  # the reader of the rest goes away: git and the writing thread end
    assert set(threading.enumerate()) <= before
