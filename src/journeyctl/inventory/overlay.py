"""The tree as it would be after an import: the files on disk with the planned texts in
place, for the checks to judge before anything is written."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from journeyctl.load.sources import Entry, FileSystemSource, order


class OverlaySource:
    """`FileSystemSource(root)`, with `texts` (relative path -> new text) in place."""

    def __init__(self, root: Path, texts: Mapping[str, str]) -> None:
        self._disk = FileSystemSource(root)
        self._texts = dict(texts)

    @property
    def root(self) -> Path:
        return self._disk.root

    def entries(self) -> Iterator[Entry]:
        pending = dict(self._texts)
        found = []
        for entry in self._disk.entries():
            text = pending.pop(entry.path, None)
            found.append(entry if text is None else Entry(entry.path, text.encode("utf-8")))
        found += [Entry(path, text.encode("utf-8")) for path, text in pending.items()]
        yield from sorted(found, key=lambda entry: order(entry.path))
