"""Writing a file so that it is either the old file or the whole new one, never half.

The text goes to a temporary file in the target's folder, is flushed to disk, and is then
renamed over the target: a crash, a full disk or a refused permission leaves the target as it
was and no temporary file behind (one killed outright leaves one, which the next write into
that folder removes: `litter`). Paths given relative to a base folder are checked to stay
inside it, so that an id or a name from a file can never make journeyctl write elsewhere.

Before the first byte is written every target is checked (`targets`): only a missing or a
regular file is replaced, never a device, a FIFO or a socket. `write_files` checks all its
targets before it writes any, writes and syncs every text to its temporary file (a few
threads at once) before it renames the first into place, and puts back those it renamed if
a later rename fails, so that a command that writes several files changes all of them or
none.

The folder is synced after the rename, which makes the rename itself durable. `write_files`
syncs each folder once, after all its files: a folder of a thousand new files is synced once,
not a thousand times, and each file's text is still on disk before its rename.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path, PurePath

from journeyctl.write.litter import remove_stale_temporaries, temporary_path
from journeyctl.write.targets import WriteError, check_folder, check_target, is_symlink

# Windows translates newlines in files not opened as binary.
_BINARY = getattr(os, "O_BINARY", 0)


def write_under(
    base: Path, relative: str | PurePath, text: str, *, sync_folder: bool = True
) -> Path:
    """Write `text` to `base / relative`, refusing any path that would land outside `base`."""
    target = contained_path(base, relative)
    write_text(target, text, sync_folder=sync_folder)
    return target


def write_files(base: Path, files: Mapping[str, str]) -> list[Path]:
    """Write each `relative name -> text` under `base`, all or nothing; the paths written.

    Every target is checked before the first write (inside `base`, no symbolic link on the
    way, missing or a regular file, in a folder that can be written in) and every text
    encoded; if a write then fails, the files written before it are put back as they were.
    """
    check_folder(base)
    targets = [contained_path(base, name) for name in files]
    for target in targets:
        check_target(target)
    data = {
        target: encoded(target, text) for target, text in zip(targets, files.values(), strict=True)
    }
    for folder in dict.fromkeys(target.parent for target in data):
        remove_stale_temporaries(folder)
    _write_all_or_nothing(data)
    return list(data)


def contained_path(base: Path, relative: str | PurePath) -> Path:
    """`base / relative`, or a WriteError if it is absolute, climbs out, or goes through a symlink."""
    parts = PurePath(relative).parts
    if not parts or PurePath(relative).is_absolute() or ".." in parts or "" in parts:
        raise WriteError(
            f"cannot write '{relative}' under '{base}': the path must be relative and stay "
            "inside that folder; use a plain relative path such as 'phase/cluster/id.yaml'"
        )
    target = base.joinpath(*parts)
    # A symlink on the way (or as the file itself) could point anywhere, so none is followed.
    for step in [base.joinpath(*parts[: index + 1]) for index in range(len(parts))]:
        if is_symlink(step):
            raise WriteError(
                f"cannot write '{shown(target)}': '{shown(step)}' is a symbolic link, which journeyctl does "
                "not write through; replace it with a real folder or file; nothing was changed"
            )
    return target


def shown(path: Path) -> str:
    """`path` as the user would type it: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def write_text(path: Path, text: str, *, sync_folder: bool = True) -> None:
    """Replace `path` with `text` (UTF-8, newlines as given) atomically; create missing folders.

    The file keeps its permission bits if it existed. On any error the target is unchanged,
    no temporary file is left, and a WriteError says what happened. With `sync_folder=False`
    the caller syncs the folder later (`sync_folders`).
    """
    write_bytes(path, encoded(path, text), sync_folder=sync_folder)


def encoded(path: Path, text: str) -> bytes:
    """`text` as UTF-8, or a WriteError naming `path` for a character UTF-8 cannot encode."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise WriteError(
            f"cannot write '{path}': the text holds a character that UTF-8 cannot encode "
            f"({error.reason} at position {error.start}); remove it; nothing was changed"
        ) from None


def write_bytes(path: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Replace `path` with `data` atomically (a workbook, say), as `write_text` does text."""
    check_target(path)
    remove_stale_temporaries(path.parent)
    try:
        _write(path, data)
    except OSError as error:
        raise WriteError(_failure(path, error, [])) from None
    if sync_folder:
        _sync_folder(path.parent)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _replace_atomically(path, data)


def _write_all_or_nothing(data: Mapping[Path, bytes]) -> None:
    """Write every file; if one fails, put back those written before it, remove the folders
    made for them, and raise.

    Every text is staged and synced beside its target first (`_stage_all`), and only then
    are they renamed into place, in order: a full disk or a failing sync changes nothing.
    """
    made = _missing_folders(data)
    try:
        staged = _stage_all(data)
    except BaseException:
        _remove_empty(made)
        raise
    renamed: list[tuple[Path, bytes | None]] = []
    try:
        for path, temporary in staged:
            before = _previous(path)
            temporary.replace(path)
            renamed.append((path, before))
    except BaseException as error:
        _remove_all(temporary for _, temporary in staged[len(renamed) :])
        left = _put_back(renamed)
        _remove_empty(made)
        if isinstance(error, OSError):
            raise WriteError(_failure(path, error, left)) from None
        raise
    sync_folders(data)


# Files staged at once by threads: a sync waits for the disk, not for Python, and syncs
# that wait together are committed together (a thousand new files in one folder: 2.4 s one
# at a time, 0.3 s eight at a time on a journaling file system).
_STAGING_THREADS = 8


def _stage_all(data: Mapping[Path, bytes]) -> list[tuple[Path, Path]]:
    """Each target with its temporary file, written and synced by a few threads at once.
    If any fails, none is left behind, and the error of the first in the order given is
    raised (a WriteError for an OSError)."""
    _make_folders(data)
    pool = ThreadPoolExecutor(_STAGING_THREADS, thread_name_prefix="write")
    futures = [(path, pool.submit(_staged_copy, path, content)) for path, content in data.items()]
    try:
        wait([future for _, future in futures])
    except BaseException:  # interrupted: the files not begun are not written
        pool.shutdown(wait=True, cancel_futures=True)
        _remove_all(_staged(futures))
        raise
    pool.shutdown()
    errors = ((path, error) for path, f in futures if (error := f.exception()) is not None)
    failed = next(errors, None)
    if failed is None:
        return [(path, future.result()) for path, future in futures]
    _remove_all(_staged(futures))
    path, error = failed
    if isinstance(error, OSError):
        raise WriteError(_failure(path, error, [])) from None
    raise error


def _make_folders(data: Mapping[Path, bytes]) -> None:
    """Every target's folder; a WriteError naming the first file of a folder that fails."""
    first_in: dict[Path, Path] = {}
    for path in data:
        first_in.setdefault(path.parent, path)
    for folder, path in first_in.items():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteError(_failure(path, error, [])) from None


def _staged(futures: list[tuple[Path, Future[Path]]]) -> Iterator[Path]:
    """The temporary files the threads wrote."""
    for _, future in futures:
        if future.done() and not future.cancelled() and future.exception() is None:
            yield future.result()


def _remove_all(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _missing_folders(paths: Iterable[Path]) -> list[Path]:
    """The folders that writing `paths` would make, deepest first."""
    missing = {
        folder: None
        for path in paths
        for folder in itertools.takewhile(lambda folder: not folder.exists(), path.parents)
    }
    return sorted(missing, key=lambda folder: len(folder.parts), reverse=True)


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only succeeds when empty: a file put there meanwhile stays


def _previous(path: Path) -> bytes | None:
    """What `path` holds now (checked to be a regular file or missing), to put back."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _put_back(done: list[tuple[Path, bytes | None]]) -> list[Path]:
    """Undo the writes of `done`, last first; the files that could not be put back."""
    failed = []
    for path, before in reversed(done):
        try:
            if before is None:
                path.unlink()
            else:
                _replace_atomically(path, before)
        except OSError:
            failed.append(path)
    return failed


def _failure(path: Path, error: OSError, left: list[Path]) -> str:
    """What went wrong, what to do, and what was changed: nothing, or the files in `left`."""
    changed = (
        "these files were written and could not be put back: " + ", ".join(map(str, left))
        if left
        else "nothing was changed"
    )
    return (
        f"cannot write '{path}': {error.strerror or error}; fix that (free space, "
        f"permissions, the folder) and run again; {changed}"
    )


def _replace_atomically(path: Path, data: bytes) -> None:
    temporary = _staged_copy(path, data)
    try:
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _staged_copy(path: Path, data: bytes) -> Path:
    """A temporary file beside `path` holding `data`, synced to disk, with the permission
    bits of the file it is to replace; nothing left behind if that fails."""
    mode = _existing_mode(path)
    temporary = temporary_path(path)
    # Created like any new file (0o666 less the umask); an existing file's bits are copied.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            temporary.chmod(mode)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def sync_folders(paths: Iterable[Path]) -> None:
    """Make the renames of files written with `sync_folder=False` durable: each of their
    folders is synced once, several at once (as files are staged) where there are many."""
    folders = list(dict.fromkeys(path.parent for path in paths))
    if len(folders) <= 1:
        for folder in folders:
            _sync_folder(folder)
        return
    with ThreadPoolExecutor(_STAGING_THREADS, thread_name_prefix="sync") as pool:
        for _ in pool.map(_sync_folder, folders):
            pass


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows a folder to be synced."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable enough
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(descriptor)
