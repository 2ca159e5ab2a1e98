"""Writing a set of files into a folder all at once: the whole set, or none of it.

The files are written to a staging folder beside the target first; only when every one of
them is there do they move into the target (one rename when the target is new, else one
rename per file, on the same file system). A failure before that leaves the target as it
was and no staging folder behind.

Files in the target that are not in the set are the user's and stay, with one exception
when asked for (`tidy`): a file that an earlier write put there, listed with its digest in
the folder's record (`.journeyctl-written`), that is no longer in the set and still holds
exactly what was written (a rendered page of a journey that was removed or renamed) is
deleted, and so is a folder that this leaves empty. A file the user changed since, or any
name the record cannot vouch for, is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.write.atomic import contained_path, write_files
from journeyctl.write.litter import remove_stale_temporaries, temporary_path
from journeyctl.write.targets import WriteError, check_folder, check_target

RECORD = ".journeyctl-written"


@dataclass(frozen=True)
class FolderWrite:
    """What `write_folder` did: the files written, and the earlier ones it deleted."""

    written: list[Path]
    removed: list[Path] = field(default_factory=list)


def write_folder(target: Path, files: Mapping[str, str], *, tidy: bool = False) -> FolderWrite:
    """Write each `relative name -> text` under `target`, all or nothing; with `tidy`, record
    what was written and delete what an earlier write left that is no longer in the set."""
    folder = _real_folder(target)
    for name in [*files, RECORD] if tidy else files:
        _check_room(target, name)
    previous = _read_record(folder) if tidy else {}
    if tidy:
        files = {**files, RECORD: _record(files)}
    remove_stale_temporaries(folder.parent)  # staging folders of a write that was killed
    staging = temporary_path(folder)
    try:
        _write_staged(staging, target, files)
        _move_into_place(staging, folder, list(files))
    except OSError as error:
        raise WriteError(
            f"cannot write into '{target}': {error.strerror or error}; fix that (free space, "
            "permissions, the folder) and run again; nothing was changed"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    written = [contained_path(target, name) for name in files if name != RECORD]
    return FolderWrite(written, _remove_left_over(folder, previous, files))


def _write_staged(staging: Path, target: Path, files: Mapping[str, str]) -> None:
    """Write the files into the staging folder; a failure names the file in the target, as
    the user gave it, not in the staging folder, which they never asked for."""
    try:
        write_files(staging, files)
    except WriteError as error:
        raise WriteError(str(error).replace(str(staging), str(target))) from None


def _real_folder(target: Path) -> Path:
    """The target as an absolute path, through a symlink to a folder, so that the staging
    folder lands on the same file system as the files it moves into."""
    check_folder(target)
    return target.resolve() if target.is_symlink() else target.absolute()


def _check_room(folder: Path, name: str) -> None:
    """A WriteError, before anything is written, where a file cannot land: a path that leaves
    the folder or goes through a symlink, a folder in the file's place, a file in the way of
    its folder, a device, FIFO or socket in its place, or a folder that cannot be written in."""
    path = contained_path(folder, name)
    if path.is_dir():
        raise WriteError(
            f"cannot write '{path}': a folder of that name is in the way; move it away; "
            "nothing was changed"
        )
    for parent in path.relative_to(folder).parents:
        if (folder / parent).exists() and not (folder / parent).is_dir():
            raise WriteError(
                f"cannot write '{path}': '{folder / parent}' is a file, not a folder; move it "
                "away; nothing was changed"
            )
    check_target(path)


def _move_into_place(staging: Path, folder: Path, names: list[str]) -> None:
    if not folder.exists():
        staging.rename(folder)
        return
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(path)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _record(files: Mapping[str, str]) -> str:
    """One line per file: its digest, two spaces and its name (as `b2sum` writes them)."""
    return "".join(f"{_digest(text)}  {name}\n" for name, text in sorted(files.items()))


def _read_record(folder: Path) -> dict[str, str]:
    """The earlier record's `name -> digest`; empty when there is none or it is unreadable,
    so that a missing or damaged record only means nothing is deleted."""
    try:
        text = (folder / RECORD).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    entries = (line.split("  ", 1) for line in text.splitlines())
    return {entry[1]: entry[0] for entry in entries if len(entry) == 2}


def _remove_left_over(
    folder: Path, previous: Mapping[str, str], now: Mapping[str, str]
) -> list[Path]:
    removed = []
    for name, digest in sorted(previous.items()):
        if name in now:
            continue
        path = _unchanged_file(folder, name, digest)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
                _remove_empty_parents(folder, path)
    return removed


def _unchanged_file(folder: Path, name: str, digest: str) -> Path | None:
    """The file of a record line, if it is inside the folder, a regular file and unchanged."""
    try:
        path = contained_path(folder, name)
        if not path.is_file() or path.stat().st_size > 64 * 1024 * 1024:
            return None
        text = path.read_bytes().decode("utf-8", "surrogateescape")
    except (WriteError, OSError):
        return None
    return path if _digest(text) == digest else None


def _remove_empty_parents(folder: Path, path: Path) -> None:
    for parent in path.parents:
        if parent == folder or folder not in parent.parents:
            return
        try:
            parent.rmdir()  # only succeeds when empty
        except OSError:
            return
