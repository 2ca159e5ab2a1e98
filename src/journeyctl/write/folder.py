"""Writing a set of files into a folder all at once: the whole set, or none of it.

The files are written to a staging folder beside the target first; only when every one of
them is there do they move into the target (one rename when the target is new, else one
rename per file, on the same file system). A failure before that leaves the target as it
was and no staging folder behind. Files in the target that are not in the set are never
touched: a folder that also holds the user's own files keeps them.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from collections.abc import Mapping
from pathlib import Path

from journeyctl.write.atomic import WriteError, contained_path, write_under


def write_folder(target: Path, files: Mapping[str, str]) -> list[Path]:
    """Write each `relative name -> text` under `target`, all or nothing; the paths written."""
    folder = _real_folder(target)
    for name in files:
        _check_room(target, name)
    staging = folder.parent / f".{folder.name}.{secrets.token_hex(6)}.tmp"
    try:
        for name, text in files.items():
            write_under(staging, name, text)
        _move_into_place(staging, folder, list(files))
    except OSError as error:
        raise WriteError(
            f"cannot write into '{target}': {error.strerror or error}; fix that (free space, "
            "permissions, the folder) and run again; nothing was changed"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    return [contained_path(target, name) for name in files]


def _real_folder(target: Path) -> Path:
    """The target as an absolute path, through a symlink to a folder, so that the staging
    folder lands on the same file system as the files it moves into."""
    if target.exists() and not target.is_dir():
        raise WriteError(
            f"cannot write into '{target}': it is a file, not a folder; give a folder (it is "
            "created when missing) or move the file away; nothing was changed"
        )
    return target.resolve() if target.is_symlink() else target.absolute()


def _check_room(folder: Path, name: str) -> None:
    """A WriteError, before anything is written, where a file cannot land: a path that leaves
    the folder or goes through a symlink, a folder in the file's place or a file in the way
    of its folder."""
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


def _move_into_place(staging: Path, folder: Path, names: list[str]) -> None:
    if not folder.exists():
        staging.rename(folder)
        return
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(path)
