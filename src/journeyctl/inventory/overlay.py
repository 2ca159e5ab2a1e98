"""The tree as it would be after an import: the files on disk with the planned texts in
place, for the checks to judge before anything is written.

Judging it must not cost a second load of the whole tree: an import that changes one cell
of a 500-journey inventory changes one file. So the tree is loaded for the import through a
`Remembered` cache, which keeps what reading each file gave (the record the load's cache
keeps, by kind and content); the tree after the import is then loaded through it, and only
the files whose text the plan changes are parsed again. It works with the cache on disk
(`--no-cache` off: records read from it or made are kept too) and without it.
"""

from __future__ import annotations

import contextlib
import heapq
import marshal
from collections.abc import Iterator, Mapping
from pathlib import Path

from journeyctl.checks import validate
from journeyctl.framework import CheckedTree
from journeyctl.load import FileCache, FileSystemSource, load_source
from journeyctl.load.cache import Record
from journeyctl.load.sources import Entry, order
from journeyctl.write import check_reads_back, same_data


class OverlaySource:
    """`FileSystemSource(root)`, with `texts` (relative path -> new text) in place."""

    def __init__(self, root: Path, texts: Mapping[str, str]) -> None:
        self._disk = FileSystemSource(root)
        self._texts = dict(texts)

    @property
    def root(self) -> Path:
        return self._disk.root

    def entries(self) -> Iterator[Entry]:
        """The files on disk and the planned texts in the one order, a planned text in
        place of the file it replaces; each read or encoded as it comes, never all at once
        (an import of 10,000 new journeys held every text twice while its tree loaded)."""
        planned: list[str | Entry] = sorted(self._texts, key=_place)
        on_disk: Iterator[str | Entry] = self._disk.entries()
        merged = heapq.merge(planned, on_disk, key=_place)
        previous = None
        for item in merged:  # a planned text comes before the file of the same path
            if isinstance(item, str):
                previous = item
                yield Entry(item, self._texts[item].encode("utf-8"))
            elif item.path != previous:
                yield item


def _place(item: str | Entry) -> tuple[str, ...]:
    return order(item if isinstance(item, str) else item.path)


class Remembered(FileCache):
    """A load's cache that also keeps, in memory, the record of every file it read or
    restored, for a second load of the same tree in this run; around the cache on disk, or
    none. Records are kept marshalled, so that each load restores objects of its own."""

    def __init__(self, disk: FileCache | None, records: dict[bytes, bytes] | None = None) -> None:
        super().__init__(None)
        self.disk = disk
        self.records: dict[bytes, bytes] = {} if records is None else records

    def get(self, path: str, key: bytes) -> Record | None:
        stored = self.records.get(key)
        if stored is not None:
            record: Record = marshal.loads(stored)
            return record
        found = self.disk.get(path, key) if self.disk is not None else None
        if found is not None:
            self._keep(key, found)
        return found

    def put(self, path: str, key: bytes, record: Record) -> None:
        self._keep(key, record)
        if self.disk is not None:
            self.disk.put(path, key, record)

    def save(self) -> None:
        if self.disk is not None:
            self.disk.save()

    def in_memory(self) -> Remembered:
        """The same records, without the cache on disk: for a tree that is not on disk."""
        return Remembered(None, self.records)

    def _keep(self, key: bytes, record: Record) -> None:
        with contextlib.suppress(ValueError):  # a value marshal cannot write: not kept
            self.records[key] = marshal.dumps(record)


def check_for_import(root: Path | str, *, cache: bool) -> tuple[CheckedTree, Remembered]:
    """The tree at `root` loaded and checked as `journeyctl.framework.check` does, and the
    records of its files, for `check_after`."""
    folder = FileSystemSource(root)
    remembered = Remembered(FileCache.for_root(folder.root) if cache else None)
    tree = load_source(folder, cache=remembered)
    return CheckedTree(tree, validate(tree)), remembered


def check_after(
    root: Path,
    texts: Mapping[str, str],
    remembered: Remembered | None,
    unread: Mapping[str, bytes] | None = None,
) -> CheckedTree:
    """The tree at `root` with `texts` in place, checked; the files whose text is the same
    as when `remembered` saw them are restored from their records, not parsed again.

    `unread`: new documents written without reading them back (`new_yaml(read_back=False)`),
    by path, each with the data it was written from (marshalled): the load reads them, and
    each must read back as that data, or a WriteError says so before anything is written.
    """
    records = Remembered(None) if remembered is None else remembered
    reading = _ReadingBack(records.records, unread or {})
    tree = load_source(OverlaySource(root, texts), cache=reading)
    for path, data in reading.unread.items():  # not compared as the load read it
        check_reads_back(texts[path], marshal.loads(data))
    return CheckedTree(tree, validate(tree))


class _ReadingBack(Remembered):
    """The records of the files read before, for the load of the tree after an import; it
    keeps none of its own (no load follows), and compares each new document's data as the
    load reads it with the data it was written from: a new journey is parsed once, not
    once to read it back and again to check the tree."""

    def __init__(self, records: dict[bytes, bytes], unread: Mapping[str, bytes]) -> None:
        super().__init__(None, records)
        self.unread = dict(unread)  # path -> marshalled data, until read back

    def put(self, path: str, key: bytes, record: Record) -> None:
        # A record is (True, data, problems, positions, dated) for a file that loaded, its
        # data the parsed data itself where no value had to be encoded (`dated` empty).
        data = self.unread.get(path)
        if data is None or record[0] is not True or record[4] != []:
            return
        if same_data(record[1], marshal.loads(data)):
            del self.unread[path]
