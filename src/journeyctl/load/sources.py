"""Where the files of a tree come from: a folder on disk, or a git revision (for `diff`).

A source yields one `Entry` per file of the tree that is read (framework, journeys,
improvements: see `journeyctl.load.kinds`) with its bytes, and one per thing that cannot be
read (a `.yml` file, a FIFO, a device, an unreadable folder, a file over the size limit, a
folder named like a file, `x.yaml/`) with the problem to report there. Paths are relative
to the root, with `/` between folders, in the same order for both sources, so that a tree
reads the same from either.

On disk, only regular files are ever opened: a FIFO would block the read forever and a
device such as /dev/zero never ends. A symlink to a regular file is read wherever it
points; a symlink to anything else is a finding. Symlinked folders are followed, each
real folder once: a link back to a folder already read (a loop, or a second way to the
same files that would read every journey twice) is a finding at the link.

From git, blobs are read from the object database without a checkout, each once, through
one `git cat-file --batch` process; their sizes come from `git ls-tree`, so a blob over
the limit is never read. Symbolic links and submodules in a revision are not followed.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from journeyctl import paths
from journeyctl.errors import UsageError
from journeyctl.load import rules
from journeyctl.load.kinds import Kind, is_hidden, kind_of
from journeyctl.load.limits import MAX_FILE_BYTES
from journeyctl.load.problems import FileProblem

# Opening a FIFO for reading without O_NONBLOCK waits for a writer; with it, the open
# returns at once, and the file type is checked before anything is read.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Entry:
    """One file of the tree: its bytes, or the problem that stands in for them."""

    path: str  # relative to the root, `/` between folders
    content: bytes | FileProblem


class Source(Protocol):
    """Anything the loader can read a tree from."""

    @property
    def root(self) -> Path:
        """The root as a folder path: what findings' paths are relative to, for display."""
        ...

    def entries(self) -> Iterator[Entry]: ...


def order(path: str) -> tuple[str, ...]:
    """The one order of entries, folder by folder, the same for every source."""
    return tuple(path.split("/"))


def unread_problem(path: str) -> FileProblem | None:
    """The finding for a file of the tree that is never read, or None for one that is."""
    if kind_of(path) is Kind.MISNAMED:
        return FileProblem(
            rules.IGNORED_FILE,
            f"not read: only .yaml files count; rename it to {_name(path)[:-4]}.yaml",
        )
    return None


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def folder_problem(path: str, link: str | None = None) -> FileProblem:
    """The finding for a folder at `path`, whose name is that of a file of the tree (`x.yaml`):
    a file replaced by a folder, or a folder misnamed. Its files are read all the same."""
    name = _name(path)
    suffix = name[name.rfind(".") :]
    what = paths.kind(stat.S_IFDIR)
    if link is not None:
        what = f"a symlink to {what} ({link})"
    return FileProblem(
        rules.UNREADABLE_FILE,
        f"{what} where a YAML file is expected (the name ends in {suffix}); replace the "
        f"folder with the file, or rename the folder so that its name does not end in {suffix}",
    )


def too_big(size: int, *, at_least: bool = False) -> FileProblem:
    more = "more than " if at_least else ""
    return FileProblem(
        rules.TOO_COMPLEX,
        f"file is {more}{size:,} bytes, over the limit of {MAX_FILE_BYTES:,}; "
        "split it or remove what does not belong in it",
    )


class FileSystemSource:
    """The files under a folder on disk."""

    def __init__(self, root: Path | str) -> None:
        # The messages name the folder, not the option that set it: the command line
        # puts "--root" in front (UsageError.parameter).
        if str(root).strip() == "":
            raise UsageError(
                "is empty; pass the folder that holds framework.yaml, or leave it out to "
                "use journeys/",
                parameter="root",
            )
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise UsageError(
                f"'{root}' is a file, not a folder; pass the folder that holds framework.yaml",
                parameter="root",
            )
        if not root.is_dir():
            raise UsageError(
                f"'{root}': folder not found; run journeyctl from the folder that holds "
                "journeys/, or pass the folder that holds framework.yaml",
                parameter="root",
            )
        self._root = root.resolve()

    @property
    def root(self) -> Path:
        return self._root

    def entries(self) -> Iterator[Entry]:
        listed: list[tuple[str, FileProblem | None]] = sorted(
            self._listing(), key=lambda item: order(item[0])
        )
        root = str(self._root)
        for path, problem in listed:
            if problem is not None:
                yield Entry(path, problem)
            else:
                yield Entry(path, read_regular_file(f"{root}{os.sep}{path}"))

    def _listing(self) -> Iterator[tuple[str, FileProblem | None]]:
        """Every path of the tree, with None where it is to be read."""
        folder_errors: list[OSError] = []
        visited = {_identity(self._root)}
        for folder, subfolders, files in os.walk(
            self._root, onerror=folder_errors.append, followlinks=True
        ):
            here = self._relative(folder)
            if here is None:  # pragma: no cover - os.walk stays under the root
                continue
            kept = []
            for name in sorted(subfolders):
                if is_hidden(name):
                    continue
                identity = _identity(Path(folder) / name)
                if identity in visited:
                    yield _join(here, name), _folder_read_twice(Path(folder) / name)
                    continue
                if identity is not None:
                    visited.add(identity)
                kept.append(name)
                if kind_of(name).is_named:  # a folder `x.yaml/`: named, and read as any other
                    yield _join(here, name), _named_folder(Path(folder) / name)
            subfolders[:] = kept
            for name in files:
                path = _join(here, name)
                if kind_of(path).is_read:
                    yield path, None
                elif (problem := unread_problem(path)) is not None:
                    yield path, problem
        for error in folder_errors:
            yield self._unreadable_folder(error)

    def _relative(self, folder: str | os.PathLike[str]) -> str | None:
        try:
            relative = Path(folder).relative_to(self._root).as_posix()
        except ValueError:
            return None
        return "" if relative == "." else relative

    def _unreadable_folder(self, error: OSError) -> tuple[str, FileProblem]:
        where = self._relative(error.filename) if error.filename else None
        if where == "" or where is None:
            raise UsageError(
                f"cannot read the root folder '{self._root}': {error.strerror or error}; "
                "check its permissions"
            )
        return where, FileProblem(
            rules.UNREADABLE_FILE,
            f"cannot read this folder ({error.strerror or error}), so its files are not "
            "checked; give it read and execute permission, or move it out of the root",
        )


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        status = folder.stat()
    except OSError:
        return None  # os.walk reports it when it tries to list it
    return status.st_dev, status.st_ino


def _named_folder(folder: Path) -> FileProblem:
    return folder_problem(folder.name, str(folder.readlink()) if folder.is_symlink() else None)


def _folder_read_twice(link: Path) -> FileProblem:
    return FileProblem(
        rules.UNREADABLE_FILE,
        f"a symlink to a folder that is read already ({link.readlink() if link.is_symlink() else link.name}): "
        "a loop, or a second way to the same files; not followed, remove the link",
    )


def read_regular_file(path: Path | str) -> bytes | FileProblem:
    """The bytes of the regular file at `path` (through a symlink too), at most the size limit.

    Anything else is never opened: its size says nothing about its length, and reading it
    could block (a FIFO) or never end (/dev/zero). Plain system calls, not `pathlib`: a tree
    of thousands of files is read here, and the path objects cost more than the reading.
    """
    name = os.fspath(path)
    try:
        status = os.stat(name)  # noqa: PTH116 (see above)
    except OSError as error:
        return _cannot_open(Path(name), error)
    if not stat.S_ISREG(status.st_mode):
        return _not_a_file(Path(name), status.st_mode)
    if status.st_size > MAX_FILE_BYTES:
        return too_big(status.st_size)
    try:
        descriptor = os.open(name, _OPEN_FLAGS)
    except OSError as error:
        return _cannot_open(Path(name), error)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):  # replaced since it was looked at
            return _not_a_file(Path(name), mode)
        raw = _read_at_most(descriptor, status.st_size, MAX_FILE_BYTES + 1)
    except OSError as error:
        return _cannot_open(Path(name), error)
    finally:
        os.close(descriptor)
    if len(raw) > MAX_FILE_BYTES:  # it grew since it was looked at
        return too_big(MAX_FILE_BYTES, at_least=True)
    return raw


def _read_at_most(descriptor: int, expected: int, limit: int) -> bytes:
    """Up to `limit` bytes of the file, to its end: one read where it is `expected` long (a
    short read of a regular file is its end)."""
    wanted = min(expected + 1, limit)
    raw = os.read(descriptor, wanted)
    if len(raw) < wanted:
        return raw
    chunks = [raw]
    read = len(raw)
    while read < limit:
        chunk = os.read(descriptor, min(limit - read, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        read += len(chunk)
    return b"".join(chunks)


def _not_a_file(path: Path, mode: int) -> FileProblem:
    what = paths.kind(mode)
    if path.is_symlink():
        what = f"a symlink to {what} ({path.readlink()})"
    return FileProblem(
        rules.UNREADABLE_FILE,
        f"not read: {what}, not a file; only YAML files belong under the root, "
        "remove it or move it elsewhere",
    )


def _cannot_open(path: Path, error: OSError) -> FileProblem:
    if path.is_symlink() and not path.exists():
        return FileProblem(
            rules.UNREADABLE_FILE,
            f"a symlink to '{path.readlink()}', which does not exist; fix the link or remove it",
        )
    return FileProblem(
        rules.UNREADABLE_FILE,
        f"cannot read file: {error.strerror or error}; check its permissions",
    )


class GitRevisionSource:
    """The files under `root` (a folder path inside the repository) in a git revision."""

    def __init__(self, repository: Path, revision: str, root: str) -> None:
        self._repository = repository
        self._folder = root.strip("/")
        self._root = repository / self._folder if self._folder else repository
        self.revision = revision
        self._commit = self._resolve(revision)
        self._check_root()

    @property
    def root(self) -> Path:
        return self._root

    def entries(self) -> Iterator[Entry]:
        listed = sorted(self._listing(), key=lambda item: order(item[0]))
        blobs = [blob for _, blob in listed if isinstance(blob, str)]
        reader = _BlobReader(self._repository, blobs) if blobs else None
        try:
            for path, blob in listed:
                if isinstance(blob, FileProblem):
                    yield Entry(path, blob)
                    continue
                assert reader is not None
                yield Entry(path, reader.read(blob))
        finally:
            if reader is not None:
                reader.close()

    def _resolve(self, revision: str) -> str:
        if not revision or revision.startswith("-"):
            raise UsageError(f"'{revision}' is not a git revision; name a commit, branch or tag")
        found = run_git(
            self._repository, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"
        )
        if found.returncode != 0:
            raise UsageError(
                f"revision '{revision}' not found in the git repository at '{self._repository}'; "
                "name a commit, branch or tag that exists (git log lists them)"
            )
        return found.stdout.decode("ascii").strip()

    def _check_root(self) -> None:
        kind = run_git(self._repository, "cat-file", "-t", f"{self._commit}:{self._folder}")
        if kind.stdout.strip() != b"tree":
            raise UsageError(
                f"root folder '{self._folder}' not found in revision '{self.revision}'; "
                "pass the folder that holds framework.yaml in that revision"
            )

    def _listing(self) -> Iterator[tuple[str, FileProblem | str]]:
        """Every path of the tree, with the blob to read or the problem to report."""
        listed = run_git(
            self._repository, "ls-tree", "-r", "-z", "--long", f"{self._commit}:{self._folder}"
        )
        named_folders: set[str] = set()
        for record in listed.stdout.split(b"\0"):
            if not record:
                continue
            meta, raw_path = record.split(b"\t", 1)
            mode, _, blob, size = meta.split()
            path = raw_path.decode("utf-8", errors="replace")
            folders = path.split("/")[:-1]
            if any(is_hidden(folder) for folder in folders):
                continue
            for depth, name in enumerate(folders, 1):
                if kind_of(name).is_named:  # a folder `x.yaml/`: named once, as on disk
                    folder = "/".join(folders[:depth])
                    if folder not in named_folders:
                        named_folders.add(folder)
                        yield folder, folder_problem(folder)
            if not kind_of(path).is_read:
                if (problem := unread_problem(path)) is not None:
                    yield path, problem
                continue
            yield path, _blob_or_problem(mode, blob.decode("ascii"), size)


def _blob_or_problem(mode: bytes, blob: str, size: bytes) -> FileProblem | str:
    if mode == b"120000":
        return FileProblem(
            rules.UNREADABLE_FILE,
            "not read: a symlink in this revision; journeyctl reads files, not links, "
            "from git: commit the file itself",
        )
    if not mode.startswith(b"100"):
        return FileProblem(rules.UNREADABLE_FILE, "not read: a submodule, not a file; move it out")
    if not size.isdigit():  # git lists a blob missing from the repository with size "BAD"
        return _unreadable_blob(blob)
    if int(size) > MAX_FILE_BYTES:
        return too_big(int(size))
    return blob


def _unreadable_blob(blob: str) -> FileProblem:
    return FileProblem(rules.UNREADABLE_FILE, f"git cannot read blob {blob}; run git fsck")


class _BlobReader:
    """One `git cat-file --batch` process: the blobs' ids in, their bytes out, in order.

    The ids are all written at once by a thread of their own, so that git answers one while
    the next is on its way, instead of a round trip per blob (thousands of them for a tree);
    `read` takes the answers in the order the ids were given.
    """

    def __init__(self, repository: Path, blobs: list[str]) -> None:
        self._process = subprocess.Popen(
            ["git", "-C", str(repository), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._writer = threading.Thread(target=self._ask, args=(blobs,), daemon=True)
        self._writer.start()

    def _ask(self, blobs: list[str]) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write("".join(f"{blob}\n" for blob in blobs).encode("ascii"))
            stdin.close()
        except (OSError, ValueError):  # git ended, or the reader closed early: nothing to ask
            return

    def read(self, blob: str) -> bytes | FileProblem:
        """The bytes of `blob`, the next one asked for."""
        assert self._process.stdout is not None
        header = self._process.stdout.readline().split()
        if len(header) != 3 or header[0] != blob.encode("ascii"):
            return _unreadable_blob(blob)
        content = self._process.stdout.read(int(header[2]))
        self._process.stdout.read(1)  # the newline after each blob
        return content

    def close(self) -> None:
        # Read to the end or not: closing the pipe ends git (and with it the thread that
        # may still be writing to it) without waiting for answers no one reads.
        if self._process.stdout is not None:
            self._process.stdout.close()
        if self._process.poll() is None and self._writer.is_alive():
            self._process.kill()
        self._process.wait()
        self._writer.join()


def run_git(
    folder: Path, *arguments: str, needed_to: str = "read revisions"
) -> subprocess.CompletedProcess[bytes]:
    """`git -C folder ARGUMENTS`, its output captured; without git, a usage error that says
    what git is `needed_to` do."""
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *arguments], capture_output=True, check=False
        )
    except FileNotFoundError:
        raise UsageError(
            f"git is not installed or not on PATH; install git to {needed_to}"
        ) from None
