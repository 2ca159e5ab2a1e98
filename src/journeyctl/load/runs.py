"""The stored result of a whole run: a repeated `validate` of a tree whose files have not
changed answers with what the last run printed, without parsing, validating or importing
the model.

A run's result is filed under a key that holds everything it depends on:

- the tree: a digest of every file's path and content (`TreeDigest`), in the loader's
  order. The loader makes it from the bytes it read (`load_source`), so that a file
  changed while a run read it is never filed under the content it had before; the
  console script makes it with `plain_tree_digest`, which reads the same files and gives up
  (None: no stored answer, the full run) on anything the loader would report rather than
  read (a `.yml` file, a symlink, a FIFO, a folder it cannot list, a folder named like a
  YAML file, a file over the limit);
- journeyctl: its version, the size and time of every file of the package (the rules are
  code), the Python and the folders it imports from (an upgraded dependency changes them);
- the run: the command and its options, the root, the working folder (findings name files
  relative to it), colour, and today's date (reviews fall overdue by the calendar).

Each set of options has a slot of its own (a file named by a hash of them), holding the
result of its last run: a pre-commit hook's `validate --format text` and CI's JSON keep
theirs apart. A slot is written to a temporary file and renamed over the old one, so that
a reader sees a whole one or the one before.

Untrusted: a slot is plain bytes (a header, the key, the exit code and the text; no
`marshal`, no pickle) and carries a keyed BLAKE2 checksum whose key is `key` in the cache
folder, made once with the folder, readable by its owner only. A slot that is not whole,
was filed under another key, or was not written with this folder's key is not believed: it
is ignored and the run is made in full. The text still passes the one safe-text path on its
way to the terminal.

Only the standard library: the console script reads a slot before anything heavy is
imported.
"""

# ruff: noqa: PTH100, PTH103, PTH105, PTH108, PTH111, PTH116, PTH117, PTH118, PTH120, PTH123
# (os.path, not pathlib: importing pathlib would cost the console script's answer a quarter)

from __future__ import annotations

import os
import stat
import sys
from datetime import date

try:  # BLAKE2 without OpenSSL: `hashlib` loads it, a few milliseconds a run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython has _blake2
    from hashlib import blake2b

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

_FORMAT = 2  # the layout of a slot and of what its key holds; bump it when either changes
_MAGIC = b"journeyctl-run 2\n"
_DIGEST = 32
_KEY_FILE = "key"
_KEY_BYTES = 32
_MAX_RESULT_BYTES = 256 * 1024 * 1024
# A file changed this long before a run began, or later, may have been changed again within
# the file system's timestamp resolution (up to 2 s on some): its size and times do not
# vouch for its content, which is read (as git does with its index).
_RACY_NS = 3_000_000_000
# As the loader reads: at most the file size limit (`load.limits.MAX_FILE_BYTES`), plus one
# byte to see a file over it (a test keeps the two equal).
READ_AT_MOST = 5 * 1024 * 1024 + 1
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cache_folder() -> str | None:
    """Where the cache is kept: JOURNEYCTL_CACHE_DIR, else the user's cache folder
    (`$XDG_CACHE_HOME/journeyctl`, else `~/.cache/journeyctl`); None without a home."""
    chosen = os.environ.get("JOURNEYCTL_CACHE_DIR")
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return os.path.join(base, "journeyctl")
    home = os.path.expanduser("~")
    if home == "~" or not os.path.isabs(home):  # no home folder to be found: no cache
        return None
    return os.path.join(home, ".cache", "journeyctl")


def this_day() -> date:
    """Today's date, as the checks judge reviews by it: part of a run's key."""
    return date.today()


def file_hash(content: bytes) -> bytes:
    """A file's content as 20 bytes: what the cache files a file's records under."""
    return blake2b(content, digest_size=20).digest()


class TreeDigest:
    """One digest of a tree's files: each one's path and content hash, in the loader's order.

    `spoil` marks a tree that holds something the loader reports instead of reading (a
    `.yml` file, an unreadable file): its runs are not stored. `files` keeps each path and
    content hash, in order.
    """

    def __init__(self) -> None:
        self._hash = blake2b(digest_size=_DIGEST, person=b"jc-tree")
        self._whole = True
        self.files: list[tuple[str, bytes]] = []

    def add(self, path: str, content_hash: bytes) -> None:
        encoded = path.encode("utf-8", "surrogatepass")
        self._hash.update(len(encoded).to_bytes(4, "big"))
        self._hash.update(encoded)
        self._hash.update(content_hash)
        self.files.append((path, content_hash))

    def spoil(self) -> None:
        self._whole = False

    def value(self) -> bytes | None:
        return self._hash.digest() if self._whole else None


# What a file's status says of it: inode, device, size, and the times of its last change
# of content (mtime) and of anything (ctime, which no tool can set back).
Signature = tuple[int, int, int, int, int]
Manifest = dict[str, tuple[Signature, bytes]]


def signature(status: os.stat_result) -> Signature:
    return (status.st_ino, status.st_dev, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def plain_tree_digest(root: str, known: Manifest | None = None) -> bytes | None:
    """The digest the loader would make of the folder `root`, or None where the folder holds
    anything but folders and regular files (hidden folders are left out, as the loader
    leaves them), or a file that cannot be read: then only a full run can say what it is.

    A file whose status is the one `known` holds for its path is taken to hold the content
    of the hash it gives, unread (see `store_result`: only statuses old enough to vouch for
    the content are kept); any other file is read.
    """
    files: list[tuple[str, os.DirEntry[str]]] = []
    try:
        seen = {_identity(os.stat(root))}
        if not _walk(root, "", files, seen):
            return None
        files.sort(key=_order)
        digest = TreeDigest()
        for path, entry in files:
            held = known.get(path) if known else None
            if held is not None and held[0] == signature(entry.stat(follow_symlinks=False)):
                digest.add(path, held[1])
                continue
            content = _read_plain(entry.path)
            if content is None:
                return None
            digest.add(path, file_hash(content))
    except OSError:
        return None
    return digest.value()


def _order(file: tuple[str, object]) -> list[str]:
    # The loader's order of entries (`load.sources.order`): folder by folder.
    return file[0].split("/")


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _walk(
    folder: str,
    relative: str,
    files: list[tuple[str, os.DirEntry[str]]],
    seen: set[tuple[int, int]],
) -> bool:
    """Add the YAML files under `folder` to `files`; False on anything the loader reports."""
    with os.scandir(folder) as listing:
        entries = list(listing)
    for entry in entries:
        if entry.is_symlink():
            return False
        name = entry.name
        if entry.is_dir(follow_symlinks=False):
            if name.startswith("."):  # hidden folders are not part of the tree
                continue
            if name.lower().endswith((".yaml", ".yml")):  # named where a file is expected
                return False
            identity = _identity(entry.stat(follow_symlinks=False))
            if identity in seen:  # a folder mounted twice: the loader names it
                return False
            seen.add(identity)
            if not _walk(entry.path, f"{relative}{name}/", files, seen):
                return False
            continue
        lowered = name.lower()
        if lowered.endswith(".yml"):  # named by a warning, not read
            return False
        if lowered.endswith(".yaml"):
            files.append((relative + name, entry))
    return True


def _read_plain(path: str) -> bytes | None:
    """The bytes of the regular file at `path`, or None (not one, not readable, too big)."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        with open(descriptor, "rb", closefd=False) as file:
            content = file.read(READ_AT_MOST)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return content if len(content) < READ_AT_MOST else None


def _fingerprint() -> bytes:
    """journeyctl's version and code, the Python and what it imports from."""
    from journeyctl import __version__

    fingerprint = blake2b(digest_size=_DIGEST, person=b"jc-code")
    fingerprint.update(f"{_FORMAT} {__version__} {sys.version}".encode())
    for entry in _package_files(_PACKAGE):
        fingerprint.update(entry.encode("utf-8", "surrogatepass"))
    # The folders dependencies are imported from change when one is installed, upgraded or
    # removed. The first entry is the script's folder or the working one: not what runs.
    for folder in sys.path[1:]:
        try:
            status = os.stat(folder)
        except OSError:
            continue
        fingerprint.update(f"\0{folder} {status.st_size} {status.st_mtime_ns}".encode())
    return fingerprint.digest()


def _package_files(folder: str, relative: str = "") -> list[str]:
    found: list[str] = []
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name == "__pycache__":
            continue
        status = entry.stat(follow_symlinks=False)
        found.append(f"\0{relative}{entry.name} {status.st_size} {status.st_mtime_ns}")
        if entry.is_dir(follow_symlinks=False):
            found.extend(_package_files(entry.path, f"{relative}{entry.name}/"))
    return found


def _slot(command: str, options: Sequence[str]) -> bytes:
    """The slot of a command's options: the file that holds the result of its last run."""
    slot = blake2b(digest_size=16, person=b"jc-slot")
    for part in (command, *options):
        encoded = part.encode("utf-8", "surrogatepass")
        slot.update(len(encoded).to_bytes(4, "big"))
        slot.update(encoded)
    return slot.digest()


def _key(slot: bytes, day: date, tree: bytes) -> bytes:
    """The key of a run's whole input: options, journeyctl, the day and the tree."""
    key = blake2b(digest_size=_DIGEST, person=b"jc-run")
    key.update(slot)
    key.update(_fingerprint())
    key.update(day.isoformat().encode())
    key.update(tree)
    return key.digest()


def stored_result(
    command: str, options: Sequence[str], day: date, root: str
) -> tuple[int, str] | None:
    """The exit code and output of the last run of `command` with `options` on the day `day`
    on the folder `root`, if it is stored and nothing it depends on has changed since."""
    folder = cache_folder()
    if folder is None:
        return None
    secret = _secret(folder, create=False)
    if secret is None:
        return None
    slot = _slot(command, options)
    raw = read_small(os.path.join(folder, "runs", f"{slot.hex()}.run"))
    if raw is None:
        return None
    parsed = _parse(raw, secret)
    if parsed is None:
        return None
    key, code, manifest, text = parsed
    tree = plain_tree_digest(root, manifest)
    if tree is None or _key(slot, day, tree) != key:
        return None
    try:
        return code, text.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


_HASH = 20
_SIGNED = 8  # bytes of each number of a signature


def _parse(raw: bytes, secret: bytes) -> tuple[bytes, int, Manifest, bytes] | None:
    """A slot's key, exit code, manifest and text, if it is whole and made with `secret`."""
    start = len(_MAGIC)
    body_start = start + 2 * _DIGEST
    if not raw.startswith(_MAGIC) or len(raw) < body_start + 5:
        return None
    checksum = raw[start : start + _DIGEST]
    key = raw[start + _DIGEST : body_start]
    body = memoryview(raw)[body_start:]
    if _checksum(secret, key, body) != checksum:
        return None
    code, length = body[0], int.from_bytes(body[1:5], "big")
    manifest = _read_manifest(body[5 : 5 + length])
    if manifest is None or len(body) < 5 + length:
        return None
    return key, code, manifest, bytes(body[5 + length :])


def _read_manifest(raw: memoryview) -> Manifest | None:
    manifest: Manifest = {}
    at, end = 0, len(raw)
    numbers = 5 * _SIGNED
    while at < end:
        length = int.from_bytes(raw[at : at + 4], "big")
        at += 4
        record_end = at + length + numbers + _HASH
        if record_end > end:
            return None
        try:
            path = bytes(raw[at : at + length]).decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            return None
        at += length
        status = tuple(
            int.from_bytes(raw[at + n : at + n + _SIGNED], "big", signed=True)
            for n in range(0, numbers, _SIGNED)
        )
        at += numbers
        manifest[path] = (status, bytes(raw[at : at + _HASH]))  # type: ignore[assignment]
        at += _HASH
    return manifest


def _write_manifest(root: str, files: Sequence[tuple[str, bytes]], started_ns: int) -> bytes:
    """The status and content hash of each file whose status vouches for its content: one
    last changed well before the run began (`_RACY_NS`), so that a change since, even
    within the timestamps' resolution, shows in it."""
    old_enough = started_ns - _RACY_NS
    parts: list[bytes] = []
    for path, content_hash in files:
        try:
            status = os.lstat(os.path.join(root, path))
        except OSError:
            continue
        if not stat.S_ISREG(status.st_mode) or len(content_hash) != _HASH:
            continue
        if status.st_mtime_ns >= old_enough or status.st_ctime_ns >= old_enough:
            continue
        encoded = path.encode("utf-8", "surrogatepass")
        parts.append(len(encoded).to_bytes(4, "big") + encoded)
        parts.extend(number.to_bytes(_SIGNED, "big", signed=True) for number in signature(status))
        parts.append(content_hash)
    return b"".join(parts)


def store_result(
    command: str,
    options: Sequence[str],
    day: date,
    tree: bytes,
    code: int,
    text: str,
    *,
    root: str,
    files: Sequence[tuple[str, bytes]],
    started_ns: int,
) -> None:
    """Keep a run's exit code and output for the next run with the same input: `day`, the
    date the run judged by; `tree`, the digest of the tree it read under `root`, whose
    `files` (paths and content hashes) it began to read at `started_ns` (`time.time_ns()`).
    Any error (a read-only home, a full disk) leaves the result unstored, never the run
    changed."""
    folder = cache_folder()
    if folder is None or not 0 <= code <= 255:
        return
    try:
        secret = _secret(folder, create=True)
        if secret is None:
            return
        slot = _slot(command, options)
        key = _key(slot, day, tree)
        manifest = _write_manifest(root, files, started_ns)
        encoded = text.encode("utf-8", "surrogatepass")
        if len(manifest) + len(encoded) > _MAX_RESULT_BYTES:
            return
        body = bytes([code]) + len(manifest).to_bytes(4, "big") + manifest + encoded
        runs = os.path.join(folder, "runs")
        os.makedirs(runs, mode=0o700, exist_ok=True)
        content = _MAGIC + _checksum(secret, key, body) + key + body
        _replace(os.path.join(runs, f"{slot.hex()}.run"), content)
    except (OSError, ValueError, OverflowError):
        return


def _checksum(secret: bytes, key: bytes, body: bytes | memoryview) -> bytes:
    checksum = blake2b(digest_size=_DIGEST, key=secret, person=b"jc-result")
    checksum.update(key)
    checksum.update(body)
    return checksum.digest()


def secret_key(*, create: bool) -> bytes | None:
    """The cache folder's key for its checksums (made with the folder), or None."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        return _secret(folder, create=create)
    except (OSError, ValueError):
        return None


def _secret(folder: str, *, create: bool) -> bytes | None:
    """The folder's key, made when `create` and missing: random bytes only its owner reads.

    A key another user could have written or read (not the owner's, or open to the group or
    others) is no key: every slot and pack checked with it is ignored, and one is made anew.
    """
    path = os.path.join(folder, _KEY_FILE)
    found = read_small(path, _KEY_BYTES, private=True)
    if found is not None and len(found) == _KEY_BYTES:
        return found
    if not create:
        return None
    os.makedirs(folder, mode=0o700, exist_ok=True)
    temporary = _temporary(path)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(descriptor, "wb") as file:
            file.write(os.urandom(_KEY_BYTES))
        try:
            os.link(temporary, path)  # never over a key another run made meanwhile
        except FileExistsError:
            found = read_small(path, _KEY_BYTES, private=True)
            if found is None or len(found) != _KEY_BYTES:  # not a key: replaced
                os.replace(temporary, path)
    finally:
        _remove(temporary)
    found = read_small(path, _KEY_BYTES, private=True)
    return found if found is not None and len(found) == _KEY_BYTES else None


def read_small(path: str, limit: int = _MAX_RESULT_BYTES, *, private: bool = False) -> bytes | None:
    """The bytes of the regular file at `path` if it holds at most `limit` of them; with
    `private`, only a file of this user that no one else may read or write."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        if private and not _private(status):
            return None
        # Its size and one byte more, not the limit: a read asks for its whole size up front.
        with open(descriptor, "rb", closefd=False) as file:
            content = file.read(status.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return content if len(content) <= limit else None


def _private(status: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: the folder's rights decide
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o077


def _temporary(path: str) -> str:
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")


def _replace(path: str, content: bytes) -> None:
    """`content` as the file at `path`: written beside it, then renamed over it."""
    temporary = _temporary(path)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(descriptor, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        return
