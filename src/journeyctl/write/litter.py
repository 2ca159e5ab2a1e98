"""The writer's temporary files: named so that git ignores them, and removed after a crash.

Every temporary file (and every staging folder of `write_folder`) is named
`.<name>.<12 hex digits>.journeyctl-tmp` beside what it becomes. A write that ends normally
renames or removes it; a process killed mid-write (SIGKILL, a power cut) cannot, so the next
write into that folder removes what an earlier run left: only names of exactly this pattern,
and only those last changed before this run began, so that a write in progress, or a file
that merely looks alike, is never touched. `init` writes `GITIGNORE_PATTERN` into the
repository's `.gitignore`, so that `git status` does not show them meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import time
from pathlib import Path

SUFFIX = ".journeyctl-tmp"
GITIGNORE_PATTERN = f".*{SUFFIX}"
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}" + re.escape(SUFFIX))

# When this run began, as far as the writer can tell (it is imported before the first write),
# in nanoseconds as file times are kept (st_mtime_ns): compared exactly, not as floats.
RUN_STARTED_NS = time.time_ns()


def temporary_path(path: Path) -> Path:
    """A new name beside `path` for what becomes `path` once it is complete."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{SUFFIX}")


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove what an earlier, killed write left in `folder` (nothing deeper); the paths
    removed. A folder that cannot be listed, or an entry that cannot be removed, is left."""
    try:
        with os.scandir(folder) as listing:
            entries = [entry for entry in listing if _TEMPORARY.fullmatch(entry.name)]
    except OSError:
        return []
    removed = []
    for entry in entries:
        with contextlib.suppress(OSError):
            if _remove_if_stale(entry):
                removed.append(Path(entry.path))
    return sorted(removed)


def _remove_if_stale(entry: os.DirEntry[str]) -> bool:
    if entry.stat(follow_symlinks=False).st_mtime_ns >= RUN_STARTED_NS:
        return False  # made during this run: another write may be using it
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)  # a staging folder of write_folder
        return True
    if entry.is_file(follow_symlinks=False):
        Path(entry.path).unlink()
        return True
    return False  # a symbolic link or a device: never one the writer made
