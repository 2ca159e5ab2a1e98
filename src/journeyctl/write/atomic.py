"""Writing a file so that it is either the old file or the whole new one, never half.

The text goes to a temporary file in the target's folder, is flushed to disk, and is then
renamed over the target: a crash, a full disk or a refused permission leaves the target as it
was and no temporary file behind. Paths given relative to a base folder are checked to stay
inside it, so that an id or a name from a file can never make journeyctl write elsewhere.

The folder is synced after the rename, which makes the rename itself durable. A caller that
writes many files passes `sync_folder=False` and calls `sync_folders` once at the end: a
folder of a thousand new files is synced once, not a thousand times, and each file's text is
still on disk before its rename.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath

from journeyctl.errors import UsageError

# Windows translates newlines in files not opened as binary.
_BINARY = getattr(os, "O_BINARY", 0)


class WriteError(UsageError):
    """A file could not be written; the message says which, why and what to do.

    A usage error to the CLI (exit 2), like any other input the user must fix first.
    """


def write_under(
    base: Path, relative: str | PurePath, text: str, *, sync_folder: bool = True
) -> Path:
    """Write `text` to `base / relative`, refusing any path that would land outside `base`."""
    target = contained_path(base, relative)
    write_text(target, text, sync_folder=sync_folder)
    return target


def write_files(base: Path, files: Mapping[str, str]) -> list[Path]:
    """Write each `relative name -> text` under `base` (each file atomically); the paths written."""
    paths = [write_under(base, name, text, sync_folder=False) for name, text in files.items()]
    sync_folders(paths)
    return paths


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
        if step.is_symlink():
            raise WriteError(
                f"cannot write '{target}': '{step}' is a symbolic link, which journeyctl does "
                "not write through; replace it with a real folder or file; nothing was changed"
            )
    return target


def write_text(path: Path, text: str, *, sync_folder: bool = True) -> None:
    """Replace `path` with `text` (UTF-8, newlines as given) atomically; create missing folders.

    The file keeps its permission bits if it existed. On any error the target is unchanged,
    no temporary file is left, and a WriteError says what happened. With `sync_folder=False`
    the caller syncs the folder later (`sync_folders`).
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise WriteError(
            f"cannot write '{path}': the text holds a character that UTF-8 cannot encode "
            f"({error.reason} at position {error.start}); remove it; nothing was changed"
        ) from None
    write_bytes(path, data, sync_folder=sync_folder)


def write_bytes(path: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Replace `path` with `data` atomically (a workbook, say), as `write_text` does text."""
    if path.is_symlink():
        raise WriteError(
            f"cannot write '{path}': it is a symbolic link, which journeyctl does not write "
            "through; replace it with a real file; nothing was changed"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace_atomically(path, data)
        if sync_folder:
            _sync_folder(path.parent)
    except OSError as error:
        raise WriteError(
            f"cannot write '{path}': {error.strerror or error}; fix that (free space, "
            "permissions, the folder) and run again; nothing was changed"
        ) from None


def _replace_atomically(path: Path, data: bytes) -> None:
    mode = _existing_mode(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # Created like any new file (0o666 less the umask); an existing file's bits are copied.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            temporary.chmod(mode)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def sync_folders(paths: Iterable[Path]) -> None:
    """Make the renames of files written with `sync_folder=False` durable: each of their
    folders is synced once."""
    for folder in dict.fromkeys(path.parent for path in paths):
        _sync_folder(folder)


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
