"""Temporary files: what a killed write left is removed at the next write into its folder,
and nothing else is, not even a name that merely looks alike."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyctl.write import litter, write_files, write_folder, write_text
from journeyctl.write.litter import (
    GITIGNORE_PATTERN,
    remove_stale_temporaries,
    temporary_path,
)

HEX = "0123456789ab"


SECOND = 1_000_000_000  # nanoseconds


def _before_the_run(path: Path) -> None:
    os.utime(path, ns=(litter.RUN_STARTED_NS - 60 * SECOND,) * 2)


def _in_this_run(path: Path) -> None:
    os.utime(path, ns=(litter.RUN_STARTED_NS + SECOND,) * 2)


# Each entry a folder might hold: name, what it is, when it was last changed, and whether the
# next write into the folder removes it.
ENTRIES = [
    (f".x.yaml.{HEX}.journeyctl-tmp", "file", _before_the_run, True),
    (f"..gitignore.{HEX}.journeyctl-tmp", "file", _before_the_run, True),
    (f".site.{HEX}.journeyctl-tmp", "folder", _before_the_run, True),  # a staging folder
    (f".y.yaml.{HEX}.journeyctl-tmp", "file", _in_this_run, False),  # maybe in use
    (f".z.yaml.{HEX}.journeyctl-tmp", "symlink", _before_the_run, False),
    (f".x.yaml.{HEX}.tmp", "file", _before_the_run, False),  # someone else's pattern
    (f".x.yaml.{HEX.upper()}.journeyctl-tmp", "file", _before_the_run, False),
    (f".x.yaml.{HEX[:-1]}.journeyctl-tmp", "file", _before_the_run, False),  # 11 digits
    (f".x.yaml.{HEX}0.journeyctl-tmp", "file", _before_the_run, False),  # 13 digits
    (f".x.yaml.{HEX[:-1]}g.journeyctl-tmp", "file", _before_the_run, False),
    (f"x.yaml.{HEX}.journeyctl-tmp", "file", _before_the_run, False),  # not hidden
    (f"..{HEX}.journeyctl-tmp", "file", _before_the_run, False),  # no name
    (f".x.yaml.{HEX}.journeyctl-tmp.bak", "file", _before_the_run, False),
    (f".x.yaml.{HEX}.journeyctl-tmp~", "file", _before_the_run, False),
    (f".x.yaml.{HEX}journeyctl-tmp", "file", _before_the_run, False),
    (f".x.yaml-{HEX}.journeyctl-tmp", "file", _before_the_run, False),
    ("notes.yaml", "file", _before_the_run, False),
]


def _make(folder: Path, name: str, what: str, when: Callable[[Path], None]) -> None:
    path = folder / name
    if what == "folder":
        (path / "journeys").mkdir(parents=True)
        (path / "journeys" / "x.html").write_text("half a site\n", encoding="utf-8")
    elif what == "symlink":
        (folder / "target.yaml").write_text("t\n", encoding="utf-8")
        path.symlink_to(folder / "target.yaml")
        os.utime(path, ns=(litter.RUN_STARTED_NS - 60 * SECOND,) * 2, follow_symlinks=False)
        return
    else:
        path.write_text("half a file\n", encoding="utf-8")
    when(path)


def _writes(folder: Path) -> dict[str, Callable[[], object]]:
    return {
        "write_text": lambda: write_text(folder / "new.yaml", "new\n"),
        "write_files": lambda: write_files(folder, {"new.yaml": "new\n"}),
        "write_files deeper": lambda: write_files(folder.parent, {"f/new.yaml": "new\n"}),
        "write_folder beside": lambda: write_folder(folder / "site", {"new.html": "new\n"}),
    }


@pytest.mark.parametrize("write", list(_writes(Path())))
@pytest.mark.parametrize(("name", "what", "when", "removed"), ENTRIES, ids=[e[0] for e in ENTRIES])
def test_the_next_write_removes_only_stale_temporaries_of_its_own(
    tmp_path: Path,
    name: str,
    what: str,
    when: Callable[[Path], None],
    removed: bool,
    write: str,
) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    _make(folder, name, what, when)
    _writes(folder)[write]()
    present = (folder / name).exists() or (folder / name).is_symlink()
    assert present is not removed


def test_removing_returns_what_it_removed_and_leaves_the_rest(tmp_path: Path) -> None:
    for name, what, when, _ in ENTRIES:
        _make(tmp_path, name, what, when)
    removed = remove_stale_temporaries(tmp_path)
    assert removed == sorted(tmp_path / name for name, *_, gone in ENTRIES if gone)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*(name for name, *_, gone in ENTRIES if not gone), "target.yaml"])


def test_a_folder_that_cannot_be_listed_removes_nothing(tmp_path: Path) -> None:
    assert remove_stale_temporaries(tmp_path / "missing") == []
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path / "file") == []


def test_a_temporary_that_cannot_be_removed_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / f".x.yaml.{HEX}.journeyctl-tmp"
    stale.write_text("half\n", encoding="utf-8")
    _before_the_run(stale)
    removable = tmp_path / f".y.yaml.{HEX}.journeyctl-tmp"
    removable.write_text("half\n", encoding="utf-8")
    _before_the_run(removable)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == stale.name:
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert remove_stale_temporaries(tmp_path) == [removable]
    assert stale.exists()


def test_a_temporary_name_is_the_pattern_that_is_removed_and_ignored(tmp_path: Path) -> None:
    names = {temporary_path(tmp_path / "x.yaml").name for _ in range(20)}
    assert len(names) == 20
    for name in names:
        assert re.fullmatch(r"\.x\.yaml\.[0-9a-f]{12}\.journeyctl-tmp", name)
    assert temporary_path(tmp_path / "x.yaml").parent == tmp_path
    assert GITIGNORE_PATTERN == ".*.journeyctl-tmp"


def test_a_write_leaves_no_temporary_of_its_own(tmp_path: Path) -> None:
    write_text(tmp_path / "x.yaml", "one\n")
    write_files(tmp_path, {"x.yaml": "two\n", "y.yaml": "y\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml", "y.yaml"]


_KILLED_MID_WRITE = """
import os, signal, sys
from pathlib import Path
from journeyctl.write import write_files

calls = []
real_fsync = os.fsync
def fsync(fd):
    calls.append(fd)
    if len(calls) == 3:  # files' texts on disk, none renamed yet
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync(fd)
os.fsync = fsync
write_files(Path(sys.argv[1]), {f"{n}.yaml": f"{n}\\n" for n in "abcde"})
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_write_killed_midway_leaves_temporaries_that_the_next_run_removes(
    tmp_path: Path,
) -> None:
    run = [sys.executable, "-c", _KILLED_MID_WRITE, str(tmp_path)]
    assert subprocess.run(run, check=False).returncode == -9
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left  # the texts staged so far, and not one of the files: none was renamed yet
    assert all(re.fullmatch(r"\.[a-e]\.yaml\.[0-9a-f]{12}\.journeyctl-tmp", n) for n in left)
    # The next run (a new process: the temporaries are older than it) removes them.
    again = [sys.executable, "-c", _KILLED_MID_WRITE.replace("== 3", "== 0"), str(tmp_path)]
    assert subprocess.run(again, check=False).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n}.yaml" for n in "abcde"]


def test_a_temporary_changed_as_this_run_began_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / f".x.yaml.{HEX}.journeyctl-tmp"
    temporary.write_text("half\n", encoding="utf-8")
    monkeypatch.setattr(litter, "RUN_STARTED_NS", temporary.stat().st_mtime_ns)
    assert remove_stale_temporaries(tmp_path) == []
    monkeypatch.setattr(litter, "RUN_STARTED_NS", temporary.stat().st_mtime_ns + 1)
    assert remove_stale_temporaries(tmp_path) == [temporary]
