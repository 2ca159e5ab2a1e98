"""A warm cache of what reading each file gave, keyed by the file's content.

A repeated run over a tree reads every file's bytes (to know whether it changed) but
parses only the files whose content it has not seen: for the others it takes the data,
the problems and the position index from the cache, and validates the data against the
model again. The cache can therefore never change a result, only skip work.

Where: one pack per root in the user's cache folder (`$XDG_CACHE_HOME/journeyctl`, or
`~/.cache/journeyctl`), named by a hash of the root's absolute path. Not in the tree: a
read-only tree, a checkout shared by several users and a tree in git all work without an
entry in `.gitignore`; `JOURNEYCTL_CACHE_DIR` names another folder.

Safe to distrust: the pack is plain values written with `marshal` (never pickle: nothing
in it is ever run), behind a header that names the format, the Python and journeyctl
versions and a fingerprint of the code that reads files, and a BLAKE2 checksum of
everything after it. A pack that is missing, truncated, corrupt, written by another
version or unreadable is ignored and rebuilt. It is written to a temporary file in the
same folder and renamed over the old one, so that two processes writing at once each
leave a whole pack and a reader never sees half of one. Any error while writing (a
read-only home, a full disk) leaves the cache out, never the result.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from journeyctl.finding import Rule
from journeyctl.load.problems import FileProblem
from journeyctl.load.rules import LOAD_RULES
from journeyctl.load.runs import file_hash
from journeyctl.load.scalars import RefusedValue

_FORMAT = 1  # the layout of a pack and its records; bump it when either changes
_MAGIC = b"journeyctl-cache\n"
_DIGEST = 32  # bytes of the checksum after the header
_MAX_PACK_BYTES = 2 * 1024 * 1024 * 1024
_RULES: dict[str, Rule] = {rule.id: rule for rule in LOAD_RULES}

# A record, as plain values: (False, problems) for a file that did not load, or
# (True, data, problems, positions) for one that did.
Record = tuple[Any, ...]
PlainProblem = tuple[str, str, int | None, int | None]


def cache_folder() -> Path | None:
    """Where packs are kept: JOURNEYCTL_CACHE_DIR, else the user's cache folder."""
    chosen = os.environ.get("JOURNEYCTL_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    if base and Path(base).is_absolute():
        return Path(base) / "journeyctl"
    try:
        return Path.home() / ".cache" / "journeyctl"
    except RuntimeError:  # no home folder to be found: no cache
        return None


class FileCache:
    """The records of one root's files, by kind and content hash; saved when they changed."""

    def __init__(self, pack: Path | None) -> None:
        self.pack = pack
        self._old: dict[bytes, bytes] = _read_pack(pack) if pack is not None else {}
        self._new: dict[bytes, bytes] = {}

    @classmethod
    def for_root(cls, root: Path) -> FileCache:
        folder = cache_folder()
        if folder is None:
            return cls(None)
        name = hashlib.blake2b(str(root.absolute()).encode("utf-8"), digest_size=16).hexdigest()
        return cls(folder / f"{name}.pack")

    @staticmethod
    def key(kind: str, content: bytes) -> bytes:
        return FileCache.filed(kind, file_hash(content))

    @staticmethod
    def filed(kind: str, content_hash: bytes) -> bytes:
        """The key of a file of `kind` whose content has the hash `content_hash`."""
        return kind.encode("ascii") + b":" + content_hash

    def get(self, key: bytes) -> Record | None:
        """The record stored under `key`, or None (also for one that cannot be read back,
        or that was stored for other content)."""
        stored = self._old.get(key)
        if stored is None:
            return None
        try:
            filed_under, record = marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            return None
        if filed_under != key or not isinstance(record, tuple) or not record:
            return None
        self._new[key] = stored
        return record

    def put(self, key: bytes, record: Record) -> None:
        # Each record names its key, so that one moved to another key is not believed. A
        # value marshal cannot write leaves this file out of the cache.
        with contextlib.suppress(ValueError):
            self._new[key] = marshal.dumps((key, record))

    def save(self) -> None:
        """Write the records used or made in this run, if they differ from the pack's."""
        if self.pack is None or self._new.keys() == self._old.keys():
            return
        with contextlib.suppress(OSError, ValueError):
            _write_pack(self.pack, self._new)


def _header() -> bytes:
    """What a pack must start with to be read: format, versions, and the reading code."""
    from journeyctl import __version__

    fingerprint = hashlib.blake2b(digest_size=16)
    fingerprint.update(f"{_FORMAT} {__version__} {sys.version} {marshal.version}".encode())
    package = Path(__file__).parent.parent
    for folder in ("load", "model"):
        for source in sorted((package / folder).glob("*.py")):
            status = source.stat()
            fingerprint.update(f"{source.name} {status.st_size} {status.st_mtime_ns}".encode())
    return _MAGIC + fingerprint.digest()


def _read_pack(pack: Path) -> dict[bytes, bytes]:
    try:
        with pack.open("rb") as file:
            raw = file.read(_MAX_PACK_BYTES + 1)
    except OSError:
        return {}
    header = _header()
    body_start = len(header) + _DIGEST
    if len(raw) > _MAX_PACK_BYTES or not raw.startswith(header) or len(raw) < body_start:
        return {}
    body = memoryview(raw)[body_start:]
    if hashlib.blake2b(body, digest_size=_DIGEST).digest() != raw[len(header) : body_start]:
        return {}
    try:
        records = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(records, dict):
        return {}
    return {k: v for k, v in records.items() if type(k) is bytes and type(v) is bytes}


def _write_pack(pack: Path, records: dict[bytes, bytes]) -> None:
    body = marshal.dumps(records)
    checksum = hashlib.blake2b(body, digest_size=_DIGEST).digest()
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
