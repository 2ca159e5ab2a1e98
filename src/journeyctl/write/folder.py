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
import os
import shutil
from collections import deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from journeyctl.write.atomic import contained_path, encoded, sync_folders
from journeyctl.write.litter import remove_stale_temporaries, temporary_path
from journeyctl.write.targets import WriteError, check_folder, check_target

RECORD = ".journeyctl-written"
_BINARY = getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class FolderWrite:
    """What `write_folder` did: the files written, and the earlier ones it deleted."""

    written: list[Path]
    removed: list[Path] = field(default_factory=list)


def write_folder(target: Path, files: Mapping[str, str], *, tidy: bool = False) -> FolderWrite:
    """Write each `relative name -> text` under `target`, all or nothing; with `tidy`, record
    what was written and delete what an earlier write left that is no longer in the set."""
    return write_folder_made(target, list(files), iter(files.values()), tidy=tidy)


# Files written and synced at once by threads of their own, while the next text is made;
# at most this many texts wait for a thread, so that a site is held a few pages at a time.
_WRITERS = 4
_WAITING = 16


def write_folder_made(
    target: Path, names: Sequence[str], texts: Iterable[str], *, tidy: bool = False
) -> FolderWrite:
    """`write_folder` of the files `names`, whose texts `texts` makes one at a time in the
    same order: each is written to the staging folder as it comes (threads write and sync
    them while the next is made), so that a site of thousands of pages is never held whole.
    An error while a text is made (a template that fails) is raised as it is, and nothing
    is written to the target."""
    folder = _real_folder(target)
    folders: set[PurePath] = set()
    for name in [*names, RECORD] if tidy else names:
        _check_room(target, name, folders)
    previous = _read_record(folder) if tidy else {}
    remove_stale_temporaries(folder.parent)  # staging folders of a write that was killed
    staging = temporary_path(folder)
    digests: dict[str, str] = {}
    try:
        with _StagingWriter(staging) as writer:
            for name, text in zip(names, texts, strict=True):
                data = encoded(target / name, text)
                writer.write(name, data)
                if tidy:  # text UTF-8 encodes strictly is encoded as `_digest` does it
                    digests[name] = _digest_of(data)
            if tidy:
                writer.write(RECORD, _record(digests).encode("utf-8", "surrogateescape"))
        _move_into_place(staging, folder, [*names, RECORD] if tidy else list(names))
    except OSError as error:
        raise WriteError(
            f"cannot write into '{target}': {error.strerror or error}; fix that (free space, "
            "permissions, the folder) and run again; nothing was changed"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    written = [contained_path(target, name) for name in names]
    return FolderWrite(written, _remove_left_over(folder, previous, set(names)))


class _StagingWriter:
    """Files into a new staging folder, each written and synced by one of a few threads
    (a sync waits for the disk, not for Python); the folders synced once all are there.
    The first error of a thread is raised by the next `write` or at the end."""

    def __init__(self, staging: Path) -> None:
        self._staging = staging
        self._pool = ThreadPoolExecutor(max_workers=_WRITERS, thread_name_prefix="write")
        self._waiting: deque[Future[None]] = deque()
        self._folders: dict[Path, Path] = {}  # each folder, and a file written into it

    def __enter__(self) -> _StagingWriter:
        self._staging.mkdir()
        return self

    def write(self, name: str, data: bytes) -> None:
        path = self._staging.joinpath(*PurePath(name).parts)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders[path.parent] = path
        while len(self._waiting) >= _WAITING:
            self._waiting.popleft().result()
        self._waiting.append(self._pool.submit(_write_new, path, data))

    def __exit__(self, *error: object) -> None:
        try:
            for future in self._waiting:
                if error[0] is None:
                    future.result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if error[0] is None:
            sync_folders(self._folders.values())


def _write_new(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def _real_folder(target: Path) -> Path:
    """The target as an absolute path, through a symlink to a folder, so that the staging
    folder lands on the same file system as the files it moves into."""
    check_folder(target)
    return target.resolve() if target.is_symlink() else target.absolute()


def _check_room(folder: Path, name: str, folders: set[PurePath]) -> None:
    """A WriteError, before anything is written, where a file cannot land: a path that leaves
    the folder or goes through a symlink, a folder in the file's place, a file in the way of
    its folder, a device, FIFO or socket in its place, or a folder that cannot be written in.
    `folders`: the folders (relative to `folder`) found in place already, each looked at once
    for all the files it is to hold (a site's 2,000 maps share one)."""
    path = contained_path(folder, name)
    if path.is_dir():
        raise WriteError(
            f"cannot write '{path}': a folder of that name is in the way; move it away; "
            "nothing was changed"
        )
    for parent in path.relative_to(folder).parents:
        if parent in folders:
            continue
        if (folder / parent).exists() and not (folder / parent).is_dir():
            raise WriteError(
                f"cannot write '{path}': '{folder / parent}' is a file, not a folder; move it "
                "away; nothing was changed"
            )
        folders.add(parent)
    check_target(path)


def _move_into_place(staging: Path, folder: Path, names: list[str]) -> None:
    if not folder.exists():
        staging.rename(folder)
        return
    for parent in dict.fromkeys((folder / name).parent for name in names):
        parent.mkdir(parents=True, exist_ok=True)
    # A rename over an existing file frees the old one's blocks, which waits for the disk
    # (milliseconds a file on some): a few threads wait at once.
    with ThreadPoolExecutor(max_workers=_WRITERS, thread_name_prefix="move") as pool:
        for _ in pool.map(lambda name: (staging / name).replace(folder / name), names):
            pass


def _digest(text: str) -> str:
    return _digest_of(text.encode("utf-8", "surrogateescape"))


# hashlib lets go of the interpreter's lock while it hashes 2 KiB or more at once, and the
# thread that makes the pages then waits for the writers to hand it back (a third of a
# second for a site of 2,000 pages); it hashes smaller pieces, holding the lock.
_PIECE = 2047


def _digest_of(data: bytes) -> str:
    digest = hashlib.blake2b(digest_size=16)
    view = memoryview(data)
    for start in range(0, len(view), _PIECE):
        digest.update(view[start : start + _PIECE])
    return digest.hexdigest()


def _record(digests: Mapping[str, str]) -> str:
    """One line per file: its digest, two spaces and its name (as `b2sum` writes them)."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items()))


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
    folder: Path, previous: Mapping[str, str], now: Collection[str]
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
