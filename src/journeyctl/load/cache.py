"""A warm cache of what reading each file gave, keyed by the file's content.

A repeated run over a tree reads every file's bytes (to know whether it changed) but
parses only the files whose content it has not seen: for the others it takes the data,
the problems and the position index from the cache, and validates the data against the
model again. The cache can therefore never change a result, only skip work. (A run of
`validate` on a tree where no file changed skips even that: `journeyctl.load.runs`.)

Where: in the user's cache folder (`$XDG_CACHE_HOME/journeyctl`, or `~/.cache/journeyctl`;
`JOURNEYCTL_CACHE_DIR` names another), a folder per root named by a hash of the root's
absolute path, and in it one pack per folder of the tree, named by a hash of the folder's
path. A run reads the pack of each folder it meets and rewrites only the packs of folders
where a file changed, came or went, so that one changed file costs a small pack, not the
whole tree's; the packs of folders that are gone are removed. Not in the tree: a read-only
tree, a checkout shared by several users and a tree in git all work without an entry in
`.gitignore`.

Safe to distrust: a pack is plain values written with `marshal` (never pickle: nothing in
it is ever run), behind a header that names the format, the Python and journeyctl versions
and a fingerprint of the code that reads files, and a keyed BLAKE2 checksum of the rest,
whose key is the cache folder's own (`journeyctl.load.runs`: random, readable by its owner
only). A pack that is missing, truncated, corrupt, written by another version, not written
with this folder's key (planted, or copied from elsewhere) or unreadable is ignored before
anything in it is unpacked, and rebuilt; a record filed under another key than its own is
not believed. A pack is written to a temporary file in the same folder and renamed over
the old one, so that two processes writing at once each leave a whole pack and a reader
never sees half of one. Any error while writing (a read-only home, a full disk) leaves the
cache out, never the result.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from journeyctl.finding import Rule
from journeyctl.load import runs
from journeyctl.load.problems import FileProblem
from journeyctl.load.rules import LOAD_RULES
from journeyctl.load.runs import file_hash
from journeyctl.load.scalars import RefusedValue

_FORMAT = 2  # the layout of a pack and its records; bump it when either changes
_MAGIC = b"journeyctl-cache 2\n"
_FINGERPRINT = 16
_DIGEST = 32  # bytes of the checksum after the header
_MAX_PACK_BYTES = 1024 * 1024 * 1024
_PACK_SUFFIX = ".pack"
_RULES: dict[str, Rule] = {rule.id: rule for rule in LOAD_RULES}

# A record, as plain values: (False, problems) for a file that did not load, or
# (True, data, problems, positions, dated) for one that did; `dated` lists the key paths of
# the values marshal cannot write (dates, refused values), which stand in the data as
# tuples, or is None when a key is one (then the whole data is decoded).
Record = tuple[Any, ...]
PlainProblem = tuple[str, str, int | None, int | None]


def cache_folder() -> Path | None:
    """Where the cache is kept: JOURNEYCTL_CACHE_DIR, else the user's cache folder."""
    folder = runs.cache_folder()
    return None if folder is None else Path(folder)


def _within(folder: str, parent: str) -> bool:
    """Whether `folder` is `parent` or below it (every folder is below the root, `""`)."""
    return not parent or folder == parent or folder.startswith(f"{parent}/")


def folder_of(path: str) -> str:
    """The folder of a root-relative file path (`""` for the root): whose pack holds it."""
    return path.rpartition("/")[0]


class FileCache:
    """The records of one root's files, by kind and content hash, in a pack per folder of
    the tree; `save` rewrites the packs whose records changed."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder  # this root's packs
        self._secret: bytes | None = None
        self._old: dict[str, dict[bytes, bytes]] = {}  # per folder of the tree: its pack
        self._new: dict[str, dict[bytes, bytes]] = {}  # per folder: the records of this run
        self._disk: dict[str, set[bytes]] = {}  # per folder: the keys its pack holds now
        self._held = False
        # Folders the loader is done with and whose pack stays as it is: only the keys used
        # are kept, not the records (a tree's packs are most of a warm run's memory).
        self._released: dict[str, set[bytes]] = {}
        self._open: list[str] = []  # the folders being read, each within the one before

    @classmethod
    def for_root(cls, root: Path) -> FileCache:
        folder = cache_folder()
        if folder is None:
            return cls(None)
        name = hashlib.blake2b(str(root.absolute()).encode("utf-8"), digest_size=16).hexdigest()
        return cls(folder / "packs" / name)

    @staticmethod
    def key(kind: str, content: bytes) -> bytes:
        return FileCache.filed(kind, file_hash(content))

    @staticmethod
    def filed(kind: str, content_hash: bytes) -> bytes:
        """The key of a file of `kind` whose content has the hash `content_hash`."""
        return kind.encode("ascii") + b":" + content_hash

    def pack_of(self, folder: str) -> Path | None:
        """The pack of a folder of the tree (root-relative, `""` for the root)."""
        if self.folder is None:
            return None
        name = hashlib.blake2b(folder.encode("utf-8", "surrogatepass"), digest_size=16)
        return self.folder / f"{name.hexdigest()}{_PACK_SUFFIX}"

    def get(self, path: str, key: bytes) -> Record | None:
        """The record of the file at `path` stored under `key`, or None (also for one that
        cannot be read back, or that was stored for other content)."""
        folder = folder_of(path)
        self._finish_before(folder)
        old = self._old.get(folder)
        if old is None:
            old = self._old[folder] = self._read(folder)
            self._disk[folder] = set(old)
            used = self._released.pop(folder, set())
            self._new.setdefault(folder, {k: old[k] for k in used if k in old})
        stored = old.get(key)
        if stored is None:
            return None
        try:
            filed_under, record = marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            return None
        if filed_under != key or not isinstance(record, tuple) or not record:
            return None
        self._new[folder][key] = stored
        return record

    def put(self, path: str, key: bytes, record: Record) -> None:
        # Each record names its key, so that one moved to another key is not believed. A
        # value marshal cannot write leaves this file out of the cache.
        folder = folder_of(path)
        if folder in self._released:
            self.get(path, key)  # the folder's pack again, and the records it had
        with contextlib.suppress(ValueError):
            self._new.setdefault(folder, {})[key] = marshal.dumps((key, record))

    def _finish_before(self, folder: str) -> None:
        """Let go of the records of the folders the loader is done with. It reads a tree in
        `load.sources.order`, where a folder's files and subfolders come together, so a folder
        whose subtree `folder` is not in is complete; if its pack stays as it is, only the keys
        used are kept. Not while held: a second tree comes through the same folders again."""
        if self._held:
            return
        while self._open and not _within(folder, self._open[-1]):
            self._release(self._open.pop())
        if not self._open or self._open[-1] != folder:
            self._open.append(folder)

    def _release(self, folder: str) -> None:
        records = self._new.get(folder)
        if records is None or records.keys() != self._disk.get(folder):
            return  # its pack is to be written: the records stay
        self._released[folder] = set(records)
        del self._new[folder]
        self._old.pop(folder, None)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Save once, when the block ends: two trees loaded through this cache in it (the
        revisions `diff` compares) keep the records of both."""
        self._held = True
        try:
            yield
        finally:
            self._held = False
        self.save()

    def save(self) -> None:
        """Write the packs of the folders whose records differ from their pack's, and remove
        the packs of folders this run did not meet (gone from the tree)."""
        if self.folder is None or self._held:
            return
        changed = {
            folder: records
            for folder, records in self._new.items()
            if records.keys() != self._disk.get(folder, set())
        }
        with contextlib.suppress(OSError, ValueError):
            if changed:
                secret = self._key(create=True)
                if secret is None:
                    return
                for folder, records in changed.items():
                    pack = self.pack_of(folder)
                    assert pack is not None
                    if records:
                        _write_pack(pack, folder, records, secret)
                    else:
                        pack.unlink(missing_ok=True)
                    self._disk[folder] = set(records)
            self._remove_others()

    def _remove_others(self) -> None:
        assert self.folder is not None
        if not self.folder.is_dir():
            return
        kept = {self.pack_of(folder) for folder in (*self._new, *self._released)}
        for pack in self.folder.iterdir():
            if pack.suffix == _PACK_SUFFIX and pack not in kept:
                pack.unlink(missing_ok=True)

    def _key(self, *, create: bool) -> bytes | None:
        if self._secret is None:
            self._secret = runs.secret_key(create=create)
        return self._secret

    def _read(self, folder: str) -> dict[bytes, bytes]:
        pack = self.pack_of(folder)
        if pack is None:
            return {}
        secret = self._key(create=False)
        return {} if secret is None else _read_pack(pack, folder, secret)


_fingerprint: bytes | None = None


def _header() -> bytes:
    """What a pack must start with to be read: format, versions, and the reading code."""
    global _fingerprint  # computed once a run
    if _fingerprint is None:
        from journeyctl import __version__

        fingerprint = hashlib.blake2b(digest_size=_FINGERPRINT)
        fingerprint.update(f"{_FORMAT} {__version__} {sys.version} {marshal.version}".encode())
        package = Path(__file__).parent.parent
        for folder in ("load", "model"):
            for source in sorted((package / folder).glob("*.py")):
                status = source.stat()
                fingerprint.update(f"{source.name} {status.st_size} {status.st_mtime_ns}".encode())
        _fingerprint = fingerprint.digest()
    return _MAGIC + _fingerprint


def _checksum(secret: bytes, folder: str, body: bytes | memoryview) -> bytes:
    checksum = hashlib.blake2b(digest_size=_DIGEST, key=secret, person=b"jc-pack")
    checksum.update(_header())
    checksum.update(folder.encode("utf-8", "surrogatepass") + b"\0")
    checksum.update(body)
    return checksum.digest()


def _read_pack(pack: Path, folder: str, secret: bytes) -> dict[bytes, bytes]:
    raw = runs.read_small(str(pack), _MAX_PACK_BYTES)
    header = _header()
    body_start = len(header) + _DIGEST
    if raw is None or not raw.startswith(header) or len(raw) < body_start:
        return {}
    body = memoryview(raw)[body_start:]
    if _checksum(secret, folder, body) != raw[len(header) : body_start]:
        return {}
    try:
        records = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(records, dict):
        return {}
    return {k: v for k, v in records.items() if type(k) is bytes and type(v) is bytes}


def _write_pack(pack: Path, folder: str, records: dict[bytes, bytes], secret: bytes) -> None:
    body = marshal.dumps(records)
    checksum = _checksum(secret, folder, body)
    pack.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=pack.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as file:
            # Three writes, not one of the three joined: that would copy the whole pack.
            file.write(_header())
            file.write(checksum)
            file.write(body)
        Path(temporary).replace(pack)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


# Values marshal cannot write stand in the data as tuples, which YAML data never holds.
_DATE, _DATETIME, _REFUSED = "d", "t", "r"


def encode_value(value: object) -> object:
    """`value` (a scalar of the data: a key or a leaf) as plain values marshal can write."""
    kind = type(value)
    if kind is date:
        return (_DATE, value.toordinal())  # type: ignore[attr-defined]
    if kind is datetime:
        return (_DATETIME, value.isoformat())  # type: ignore[attr-defined]
    if kind is RefusedValue:
        return (_REFUSED, id(value))  # each refused value is distinct, even as a key
    return value


def decode_value(value: object) -> object:
    if type(value) is not tuple:
        return value
    if value[0] == _DATE:
        return date.fromordinal(value[1])
    if value[0] == _DATETIME:
        return datetime.fromisoformat(value[1])
    if value[0] == _REFUSED:
        return RefusedValue()
    raise ValueError(f"not a value of the cache: {value[0]!r}")


_PLAIN_LEAVES = (str, int, float, bool, type(None))


def encode_data(data: object) -> object:
    """The data with its dates and refused values as plain values (a copy where they are)."""
    return _convert(data, encode_value, _PLAIN_LEAVES)


Dated = list[tuple[object, ...]]


def encode_dated(data: object) -> tuple[object, Dated | None]:
    """`encode_data`, and the key paths of the values it encoded (so that reading back
    decodes those alone), or None when a key is one of them."""
    dated: Dated = []
    if not _find_dated(data, (), dated):
        return encode_data(data), None
    return (encode_data(data) if dated else data), dated


def _find_dated(value: object, path: tuple[object, ...], dated: Dated) -> bool:
    """Add the paths of the values marshal cannot write; False on such a key."""
    kind = type(value)
    if kind is dict:
        for key, item in value.items():  # type: ignore[attr-defined]
            if type(key) not in _PLAIN_LEAVES:
                return False
            if type(item) not in _PLAIN_LEAVES and not _find_dated(item, (*path, key), dated):
                return False
    elif kind is list:
        for index, item in enumerate(value):  # type: ignore[arg-type]
            if type(item) not in _PLAIN_LEAVES and not _find_dated(item, (*path, index), dated):
                return False
    else:
        dated.append(path)
    return True


def decode_dated(data: object, dated: Dated | None) -> object:
    """The data as `encode_dated` had it: the values at the paths `dated` decoded in place
    (the data is the cache's own copy), or all of it decoded where `dated` is None."""
    if dated is None:
        return decode_data(data)
    for path in dated:
        if not path:
            return decode_value(data)
        container: Any = data
        for part in path[:-1]:
            container = container[part]
        container[path[-1]] = decode_value(container[path[-1]])
    return data


def decode_data(data: object) -> object:
    """The data as `encode_data` had it."""
    return _convert(data, decode_value, _PLAIN_LEAVES)


def _convert(value: object, leaf: Callable[[object], object], plain: tuple[type, ...]) -> object:
    kind = type(value)
    if kind is dict:
        pairs = value.items()  # type: ignore[attr-defined]
        if all(type(k) is str for k in value):  # type: ignore[attr-defined]
            return {k: v if type(v) in plain else _convert(v, leaf, plain) for k, v in pairs}
        return {leaf(k): v if type(v) in plain else _convert(v, leaf, plain) for k, v in pairs}
    if kind is list:
        return [v if type(v) in plain else _convert(v, leaf, plain) for v in value]  # type: ignore[attr-defined]
    return leaf(value)


def encode_problems(problems: list[FileProblem]) -> list[PlainProblem] | None:
    """The problems as plain values, or None if one names a rule that is not loading's."""
    if any(_RULES.get(p.rule.id) is not p.rule for p in problems):
        return None
    return [(p.rule.id, p.message, p.line, p.column) for p in problems]


def decode_problems(plain: list[PlainProblem]) -> list[FileProblem]:
    """The problems `encode_problems` wrote; KeyError for a rule that is not loading's."""
    return [
        FileProblem(_RULES[rule], message, line, column) for rule, message, line, column in plain
    ]


def is_plain_index(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 5
        and isinstance(value[0], bytes)
        and isinstance(value[2], bytes)
        and value[1] in ("h", "i")
        and value[3] in ("h", "i")
        and isinstance(value[4], list)
    )
