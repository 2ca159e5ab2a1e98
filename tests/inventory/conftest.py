from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyctl.inventory.importing import ImportResult

FIXTURES = Path(__file__).parent / "fixtures"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by relative path: to show that nothing was written."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@dataclass
class Fifo:
    path: Path
    opened: bool = False  # whether anything opened it for reading (said once the block ends)


@contextmanager
def fifo(path: Path) -> Iterator[Fifo]:
    """A named pipe at `path`, with a writer waiting for a reader: code that opens it and
    reads gets an empty pipe at once rather than waiting forever (a failing test, not a
    hung one). `opened` says, after the block, whether anything opened it."""
    os.mkfifo(path)
    pipe = Fifo(path)

    def writer() -> None:
        os.close(os.open(path, os.O_WRONLY))  # returns once a reader opens it

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        yield pipe
    finally:
        thread.join(0.05)
        pipe.opened = not thread.is_alive()
        release = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # lets the writer's open return
        thread.join(5)
        os.close(release)


def plan_import(root: Path, path: Path, **options: object) -> ImportResult:
    """`path` read against the tree at `root` and planned, nothing written (ImportOptions
    by keyword)."""
    from journeyctl.framework import check
    from journeyctl.inventory.importing import ImportOptions, read_import

    return read_import(path, check(root), ImportOptions(**options))  # type: ignore[arg-type]
