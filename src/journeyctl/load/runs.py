"""The stored result of a whole run: a repeated `validate` of a tree whose files have not
changed answers with what the last run printed, without parsing, validating or importing
the model.

A run's result is filed under a key that holds everything it depends on:

- the tree: a digest of every file's path and content (`TreeDigest`), in the loader's
  order. The loader makes it from the bytes it read (`load_source`), so that a file
  changed while a run read it is never filed under the content it had before; the
  console script makes it with `plain_tree_digest`, which reads the same files and gives up
  (None: no stored answer, the full run) on anything the loader would report rather than
  read (a `.yml` file, a symlink, a FIFO, a folder it cannot list, a file over the limit);
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

_FORMAT = 1  # the layout of a slot and of what its key holds; bump it when either changes
_MAGIC = b"journeyctl-run 1\n"
_DIGEST = 32
_KEY_FILE = "key"
_KEY_BYTES = 32
_MAX_RESULT_BYTES = 256 * 1024 * 1024
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
    `.yml` file, an unreadable file): its runs are not stored.
    """

    def __init__(self) -> None:
        self._hash = blake2b(digest_size=_DIGEST, person=b"jc-tree")
        self._whole = True

    def add(self, path: str, content_hash: bytes) -> None:
        encoded = path.encode("utf-8", "surrogatepass")
        self._hash.update(len(encoded).to_bytes(4, "big"))
        self._hash.update(encoded)
        self._hash.update(content_hash)

    def spoil(self) -> None:
        self._whole = False

    def value(self) -> bytes | None:
        return self._hash.digest() if self._whole else None


def plain_tree_digest(root: str) -> bytes | None:
    """The digest the loader would make of the folder `root`, or None where the folder holds
    anything but folders and regular files (hidden folders are left out, as the loader
    leaves them), or a file that cannot be read: then only a full run can say what it is."""
    paths: list[str] = []
    try:
        seen = {_identity(os.stat(root))}
        if not _walk(root, "", paths, seen):
            return None
    except OSError:
        return None
    paths.sort(key=_order)
    digest = TreeDigest()
    for path in paths:
        content = _read_plain(os.path.join(root, path))
        if content is None:
            return None
        digest.add(path, file_hash(content))
    return digest.value()


def _order(path: str) -> list[str]:
    # The loader's order of entries (`load.sources.order`): folder by folder.
    return path.split("/")


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _walk(folder: str, relative: str, paths: list[str], seen: set[tuple[int, int]]) -> bool:
    """Add the YAML files under `folder` to `paths`; False on anything the loader reports."""
    with os.scandir(folder) as listing:
        entries = list(listing)
    for entry in entries:
        if entry.is_symlink():
            return False
        name = entry.name
        if entry.is_dir(follow_symlinks=False):
            if name.startswith("."):  # hidden folders are not part of the tree
                continue
            identity = _identity(entry.stat(follow_symlinks=False))
            if identity in seen:  # a folder mounted twice: the loader names it
                return False
            seen.add(identity)
            if not _walk(entry.path, f"{relative}{name}/", paths, seen):
                return False
            continue
        lowered = name.lower()
        if lowered.endswith(".yml"):  # named by a warning, not read
            return False
        if lowered.endswith(".yaml"):
            paths.append(relative + name)
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


def _slot_and_key(
    command: str, options: Sequence[str], day: date, tree: bytes
) -> tuple[str, bytes]:
    """The slot of the run's options (file name), and the key of its whole input."""
    slot = blake2b(digest_size=16, person=b"jc-slot")
    for part in (command, *options):
        encoded = part.encode("utf-8", "surrogatepass")
        slot.update(len(encoded).to_bytes(4, "big"))
        slot.update(encoded)
    key = blake2b(digest_size=_DIGEST, person=b"jc-run")
    key.update(slot.digest())
    key.update(_fingerprint())
    key.update(day.isoformat().encode())
    key.update(tree)
    return f"{slot.hexdigest()}.run", key.digest()


def stored_result(
    command: str, options: Sequence[str], day: date, tree: bytes
) -> tuple[int, str] | None:
    """The exit code and output of the last run of `command` with `options` on the day `day`
    on the tree of digest `tree`, if it is stored and nothing it depends on has changed."""
    folder = cache_folder()
    if folder is None:
        return None
    secret = _secret(folder, create=False)
    if secret is None:
        return None
    slot, key = _slot_and_key(command, options, day, tree)
    raw = _read_small(os.path.join(folder, "runs", slot))
    if raw is None:
        return None
    return _parse(raw, key, secret)


def _parse(raw: bytes, key: bytes, secret: bytes) -> tuple[int, str] | None:
    start = len(_MAGIC)
    body_start = start + 2 * _DIGEST
    if not raw.startswith(_MAGIC) or len(raw) < body_start + 1:
        return None
    checksum, filed_under, body = (
        raw[start : start + _DIGEST],
        raw[start + _DIGEST : body_start],
        raw[body_start:],
    )
    if filed_under != key or _checksum(secret, key, body) != checksum:
        return None
    try:
        text = body[1:].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    return body[0], text


def store_result(
    command: str, options: Sequence[str], day: date, tree: bytes, code: int, text: str
) -> None:
    """Keep a run's exit code and output for the next run with the same input (`day`: the
    date the run judged by). Any error (a read-only home, a full disk) leaves the result
    unstored, never the run changed."""
    folder = cache_folder()
    if folder is None or not 0 <= code <= 255:
        return
    try:
        secret = _secret(folder, create=True)
        if secret is None:
            return
        slot, key = _slot_and_key(command, options, day, tree)
        body = bytes([code]) + text.encode("utf-8", "surrogatepass")
        if len(body) > _MAX_RESULT_BYTES:
            return
        runs = os.path.join(folder, "runs")
        os.makedirs(runs, mode=0o700, exist_ok=True)
        _replace(os.path.join(runs, slot), _MAGIC + _checksum(secret, key, body) + key + body)
    except (OSError, ValueError):
        return


def _checksum(secret: bytes, key: bytes, body: bytes) -> bytes:
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
    found = _read_small(path, _KEY_BYTES, private=True)
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
            found = _read_small(path, _KEY_BYTES, private=True)
            if found is None or len(found) != _KEY_BYTES:  # not a key: replaced
                os.replace(temporary, path)
    finally:
        _remove(temporary)
    found = _read_small(path, _KEY_BYTES, private=True)
    return found if found is not None and len(found) == _KEY_BYTES else None


def _read_small(
    path: str, limit: int = _MAX_RESULT_BYTES, *, private: bool = False
) -> bytes | None:
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
        with open(descriptor, "rb", closefd=False) as file:
            content = file.read(limit + 1)
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
