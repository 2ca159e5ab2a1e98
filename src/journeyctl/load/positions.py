"""Where each key and value of a document is written, in a few flat arrays.

Reading records this while it builds the data (`journeyctl.load.plain_reader`,
`journeyctl.load.full_reader`), so that a check that reports on a file finds its positions
without parsing the file again, and without keeping the parser's node tree, which costs
about twenty times the file's size.

An *entry* is one place in the document: the root, a key with its value, or a list item.
Each entry holds the 0-based line and column of its key and of its value (a list item or
the root: the value's twice), and the container its value opens (-1 for a scalar). A
*container* is a mapping or a list: its entries are consecutive from its first one; a
mapping finds an entry by the value its key loads as (`yes:` is True), the last of repeated
keys winning and the mapping's own keys winning over merged ones, as in the loaded data.
Merged keys (`<<: *defaults`) are entries that point where their text is written.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any

Position = tuple[int, int]
PathPart = str | int

_CELLS = 5  # per entry: key line, key column, value line, value column, container or -1
_NO_CONTAINER = -1
_SHORT_MAX = 32_767
# Mappings with the same keys in the same order (every step of every journey) share one
# key table; bounded, so that hostile files cannot grow it without end.
_SHARED_TABLE_KEYS = 64
_SHARED_TABLES = 20_000
_tables: dict[tuple[object, ...], dict[object, int]] = {}


# An index as plain values, for the cache (`journeyctl.load.cache`): the cells' and firsts'
# bytes with their array type codes, and per container a list's length or its mapping's
# keys with their offsets.
PlainIndex = tuple[bytes, str, bytes, str, list[object]]


class PositionIndex:
    """The positions of one document's keys and values, found by key paths.

    An index from the cache stays in its plain form until a finding asks for a position:
    on a clean tree, none does.
    """

    __slots__ = ("_cells", "_decode_key", "_firsts", "_plain", "_tables")

    def __init__(
        self, cells: array[int], firsts: array[int], tables: list[dict[object, int] | int]
    ) -> None:
        self._cells = cells
        self._firsts = firsts
        self._tables = tables  # per container: key -> offset (a mapping), or a list's length
        self._plain: PlainIndex | None = None
        self._decode_key: Callable[[object], object] | None = None

    @classmethod
    def from_plain(
        cls, plain: PlainIndex, decode_key: Callable[[object], object] | None = None
    ) -> PositionIndex:
        """An index that unpacks `plain` (from `to_plain`) when first asked for a position.

        `decode_key` turns a key as the cache stores it back into the key (a date, say).
        """
        index = cls(array("i"), array("i"), [])
        index._plain = plain
        index._decode_key = decode_key
        return index

    def to_plain(self, encode_key: Callable[[object], object] | None = None) -> PlainIndex:
        """The index as plain values (bytes, text, tuples and numbers) for the cache."""
        self._unpack()
        tables: list[object] = []
        # One entry for each key table (every step of a journey has the same): marshal
        # writes an object met again as a reference to the first, and reads it back as one.
        entries: dict[int, object] = {}
        for table in self._tables:
            if isinstance(table, dict):
                entry = entries.get(id(table))
                if entry is None:
                    keys = tuple(table) if encode_key is None else tuple(map(encode_key, table))
                    entry = entries[id(table)] = (keys, tuple(table.values()))
                tables.append(entry)
            else:
                tables.append(table)
        cells, firsts = self._cells, self._firsts
        return (cells.tobytes(), cells.typecode, firsts.tobytes(), firsts.typecode, tables)

    def _unpack(self) -> None:
        if self._plain is None:
            return
        cells, cells_type, firsts, firsts_type, tables = self._plain
        decode_key = self._decode_key
        self._cells, self._firsts = array(cells_type), array(firsts_type)
        self._cells.frombytes(cells)
        self._firsts.frombytes(firsts)
        self._tables = [_table_of(table, decode_key) for table in tables]
        self._plain = None

    def locate(self, path: Sequence[object], *, key: bool = False) -> Position:
        """1-based line and column of the value at `path` (or of its key, with `key=True`).

        A part of `path` is a key's loaded value (text, or True for `yes:`) or a list index.
        A path that does not resolve fully (a missing key) points at the deepest place that
        exists.
        """
        self._unpack()
        entry = self.walk(path)[-1]
        cell = entry * _CELLS + (0 if key else 2)
        return self._cells[cell] + 1, self._cells[cell + 1] + 1

    def walk(self, path: Sequence[object]) -> list[int]:
        """The entries along `path`, from the root's (0) to the deepest that exists: one more
        than the parts of `path` that resolved."""
        self._unpack()
        entries = [0]
        for part in path:
            entry = self._child(entries[-1], part)
            if entry is None:
                break
            entries.append(entry)
        return entries

    def offset(self, entry: int, parent: int) -> int:
        """Where `entry` stands among the entries of the container that `parent` opens."""
        self._unpack()
        return entry - self._firsts[self._cells[parent * _CELLS + 4]]

    def _child(self, entry: int, part: object) -> int | None:
        container = self._cells[entry * _CELLS + 4]
        if container == _NO_CONTAINER:
            return None
        table = self._tables[container]
        if isinstance(table, dict):
            try:
                offset = table.get(part)
            except TypeError:  # an unhashable part matches no key
                return None
        else:
            offset = part if type(part) is int and 0 <= part < table else None
        return None if offset is None else self._firsts[container] + offset


class IndexRecorder:
    """Collects the entries of a document's containers as reading builds them, children first.

    The builder writes each container's entries itself (`add`), in the loop that builds
    the container: a call per entry would cost as much as building the data.
    """

    def __init__(self) -> None:
        self._cells = [0, 0, 0, 0, _NO_CONTAINER]  # the root's, filled in by `finish`
        self._firsts: list[int] = []
        self._tables: list[dict[object, int] | int] = []
        self.container_of: dict[int, int] = {}  # id of a list or mapping node: its container

    def add(self, node: object, cells: list[int], table: dict[object, int] | int) -> None:
        """Record the container `node`: its entries' `cells`, and `keys_table` of its keys
        (a mapping) or its length (a list)."""
        self.container_of[id(node)] = self.add_container(cells, table)

    def add_container(self, cells: list[int], table: dict[object, int] | int) -> int:
        """Record a container as `add` does, without its node; the number it gets."""
        container = len(self._firsts)
        self._firsts.append(len(self._cells) // _CELLS)
        self._cells += cells
        self._tables.append(table)
        return container

    def finish(self, root: Any) -> PositionIndex:
        """The index, with `root` (the document's node) as its first entry."""
        mark = root.start_mark
        container = self.container_of.get(id(root), _NO_CONTAINER)
        return self.finish_at(mark.line, mark.column, container)

    def finish_at(self, line: int, column: int, container: int) -> PositionIndex:
        """The index, with the document's root written at `line`, `column` (0-based) and
        opening `container`."""
        self._cells[0:_CELLS] = [line, column, line, column, container]
        return PositionIndex(_compact(self._cells), _compact(self._firsts), self._tables)


def _compact(numbers: list[int]) -> array[int]:
    """`numbers` in two bytes each where they fit (any file under 32,768 lines), else four."""
    fits = not numbers or (max(numbers) <= _SHORT_MAX and min(numbers) >= -1)
    return array("h" if fits else "i", numbers)


def _table_of(
    plain: object, decode_key: Callable[[object], object] | None
) -> dict[object, int] | int:
    if isinstance(plain, int):
        return plain
    keys: tuple[object, ...]
    offsets: tuple[int, ...]
    keys, offsets = plain  # type: ignore[misc]
    if decode_key is not None:
        keys = tuple(map(decode_key, keys))
    if offsets == tuple(range(len(keys))):  # no repeated keys: the shared table
        return keys_table(keys)
    return dict(zip(keys, offsets, strict=True))


def keys_table(keys: tuple[object, ...]) -> dict[object, int]:
    """Each key's offset in its mapping, the last of repeated keys winning."""
    table = _tables.get(keys)
    if table is None:
        table = {key: offset for offset, key in enumerate(keys)}
        if len(keys) <= _SHARED_TABLE_KEYS and len(_tables) < _SHARED_TABLES:
            _tables[keys] = table
    return table


def index_of_plain(data: object, places: list[int]) -> PositionIndex:
    """The index of `data` read from a document without repeated keys, merges or aliases,
    given the 0-based line and column of the root, then of each key and each value, in the
    order they are written (the data's own order)."""
    recorder = IndexRecorder()
    written = iter(places)
    pairs = zip(written, written, strict=True)  # (line, column), one after the other
    line, column = next(pairs)
    container = _record_plain(data, pairs, recorder)
    return recorder.finish_at(line, column, container)


def _record_plain(value: object, pairs: Iterator[tuple[int, int]], recorder: IndexRecorder) -> int:
    """Record the list or mapping `value` and those inside it, children first; its number."""
    cells: list[int] = []
    if type(value) is dict:
        for item in value.values():
            (key_line, key_column), (line, column) = next(pairs), next(pairs)
            inner = type(item) is dict or type(item) is list
            child = _record_plain(item, pairs, recorder) if inner else _NO_CONTAINER
            cells += (key_line, key_column, line, column, child)
        return recorder.add_container(cells, keys_table(tuple(value)))
    assert type(value) is list
    for item in value:
        line, column = next(pairs)
        inner = type(item) is dict or type(item) is list
        child = _record_plain(item, pairs, recorder) if inner else _NO_CONTAINER
        cells += (line, column, line, column, child)
    return recorder.add_container(cells, len(value))
