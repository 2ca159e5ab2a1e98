"""New files that must not replace anything: a journey `new` adds, a repository `init` makes.

A file that exists already is refused, never replaced, unless the caller says so (`init
--force`): a template must not eat someone's work. The writes are `write_under` and
`write_files`: atomic, never outside the base folder, and for several files all or none,
every file checked before the first is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from journeyctl.write.atomic import contained_path, write_files, write_under
from journeyctl.write.targets import WriteError


def create_file(base: Path, relative: str, text: str) -> Path:
    """Write a new file under `base`; a WriteError if something is there already."""
    target = contained_path(base, relative)
    if target.exists() or target.is_symlink():
        raise WriteError(
            f"'{target}' exists already; journeyctl never overwrites a file it did not "
            "just make: choose another name, or edit that file"
        )
    return write_under(base, relative, text)


def create_files(base: Path, files: Mapping[str, str], *, force: bool) -> list[Path]:
    """Write every file under `base`, all or none: refused as a whole if any exists, unless
    `force`, and if any cannot be written (`write_files` checks them all first)."""
    if not force:
        there = existing(base, files)
        if there:
            raise WriteError(
                f"'{base}' holds {', '.join(there)} already; nothing was written. Run it "
                "in an empty folder, or pass --force to replace these files"
            )
    return write_files(base, files)


def existing(base: Path, files: Mapping[str, str]) -> list[str]:
    """Which of `files` exist under `base` already."""
    return [name for name in files if (base / name).exists() or (base / name).is_symlink()]
