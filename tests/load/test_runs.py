"""The stored result of a run: filed under the digest of exactly the bytes the loader read,
which the console script's own walk of the folder makes alike or not at all; never given
back for another tree, version, code, day or set of options; never believed when it is not
whole or not made with the cache folder's key."""

from __future__ import annotations

import os
import shutil
import stat
import time
from datetime import date
from pathlib import Path

import pytest

import journeyctl
from journeyctl.framework import check
from journeyctl.load import runs
from journeyctl.load.limits import MAX_FILE_BYTES
from tests.conftest import BASE_TREE, REPO_ROOT, TODAY

DAY = date(2026, 1, 15)
OPTIONS = ("/root", "/cwd", "text", "", "")


def _loaded_digest(root: Path) -> bytes | None:
    return check(root, today=TODAY).tree.digest


def test_the_walk_makes_the_loaders_digest(tree_dir: Path) -> None:
    (tree_dir / "README.md").write_text("not part of the tree\n", encoding="utf-8")
    (tree_dir / ".hidden").mkdir()
    (tree_dir / ".hidden" / "x.yaml").write_text("not: read\n", encoding="utf-8")
    (tree_dir / "klant-zijn" / ".x.yaml").write_text("id: hidden-file\n", encoding="utf-8")
    (tree_dir / "Upper.YAML").write_text("id: upper\n", encoding="utf-8")
    deep = tree_dir / "a" / "b" / "improvements"
    deep.mkdir(parents=True)
    (deep / "x.yaml").write_text("id: x\n", encoding="utf-8")
    digest = _loaded_digest(tree_dir)
    assert digest is not None
    assert runs.plain_tree_digest(str(tree_dir)) == digest


def test_the_walk_of_the_example_makes_the_loaders_digest() -> None:
    root = REPO_ROOT / "journeys"
    assert runs.plain_tree_digest(str(root)) == _loaded_digest(root)


def test_a_change_to_a_file_changes_the_digest(tree_dir: Path) -> None:
    before = runs.plain_tree_digest(str(tree_dir))
    journey = next(tree_dir.glob("*/*/*.yaml"))
    journey.write_bytes(journey.read_bytes() + b"# one more line\n")
    after = runs.plain_tree_digest(str(tree_dir))
    assert before is not None and after is not None and before != after
    assert after == _loaded_digest(tree_dir)


def test_a_moved_file_changes_the_digest(tree_dir: Path) -> None:
    before = runs.plain_tree_digest(str(tree_dir))
    journey = next(tree_dir.glob("*/*/*.yaml"))
    journey.rename(journey.parent.parent / journey.name)
    assert runs.plain_tree_digest(str(tree_dir)) not in (before, None)


def _yml(tree: Path) -> None:
    (tree / "x.yml").write_text("id: x\n", encoding="utf-8")


def _file_symlink(tree: Path) -> None:
    journey = next(tree.glob("*/*/*.yaml"))
    (tree / "link.yaml").symlink_to(journey)


def _folder_symlink(tree: Path) -> None:
    (tree / "elsewhere").symlink_to(next(tree.glob("*/*/")), target_is_directory=True)


def _fifo(tree: Path) -> None:
    os.mkfifo(tree / "pipe.yaml")


def _too_big(tree: Path) -> None:
    (tree / "big.yaml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))


def _folder_named_like_a_file(tree: Path) -> None:
    (tree / "klant-zijn" / "gone.yaml").mkdir()


REPORTED = {
    "a .yml file": _yml,
    "a FIFO": _fifo,
    "a file over the limit": _too_big,
    "a folder named like a YAML file": _folder_named_like_a_file,
}


@pytest.mark.parametrize("make", REPORTED.values(), ids=REPORTED.keys())
def test_what_the_loader_reports_is_no_plain_tree(tree_dir: Path, make: object) -> None:
    assert callable(make)
    make(tree_dir)
    assert runs.plain_tree_digest(str(tree_dir)) is None
    assert _loaded_digest(tree_dir) is None  # nor does the loader file a result under it


@pytest.mark.parametrize("make", [_file_symlink, _folder_symlink], ids=["file", "folder"])
def test_a_tree_with_a_symlink_is_no_plain_tree(tree_dir: Path, make: object) -> None:
    """The loader follows it (a folder once); the walk leaves such a tree to a full run."""
    assert callable(make)
    make(tree_dir)
    assert runs.plain_tree_digest(str(tree_dir)) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_that_cannot_be_listed_is_no_plain_tree(tree_dir: Path) -> None:
    folder = next(tree_dir.glob("*/*/"))
    folder.chmod(0)
    try:
        assert runs.plain_tree_digest(str(tree_dir)) is None
        assert _loaded_digest(tree_dir) is None
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_missing_root_is_no_plain_tree(tmp_path: Path) -> None:
    assert runs.plain_tree_digest(str(tmp_path / "missing")) is None


def test_the_read_limit_is_the_loaders() -> None:
    assert runs.READ_AT_MOST == MAX_FILE_BYTES + 1


def test_a_stored_result_comes_back_for_the_same_input_only(tree_dir: Path) -> None:
    _store(tree_dir, 1, "findings\n")
    assert _stored(tree_dir) == (1, "findings\n")
    assert runs.stored_result("validate", OPTIONS, date(2026, 1, 16), str(tree_dir)) is None
    for changed in range(len(OPTIONS)):
        other = tuple(o + "x" if i == changed else o for i, o in enumerate(OPTIONS))
        assert runs.stored_result("validate", other, DAY, str(tree_dir)) is None
    assert runs.stored_result("rank", OPTIONS, DAY, str(tree_dir)) is None
    journey = next(tree_dir.glob("*/*/*.yaml"))
    journey.write_bytes(journey.read_bytes() + b"# changed\n")
    assert _stored(tree_dir) is None


@pytest.mark.parametrize("name", ["gone.yaml", "gone.YML"])
def test_a_file_replaced_by_a_folder_is_no_stored_result(tree_dir: Path, name: str) -> None:
    """The folder adds no file to the tree's digest: the run stored without the file must not
    answer for the tree that holds a folder in its place."""
    _store(tree_dir, 0, "valid\n")
    (tree_dir / "klant-zijn" / name).mkdir()
    assert _stored(tree_dir) is None


def test_a_new_version_or_changed_code_is_no_stored_result(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "journeyctl"
    shutil.copytree(Path(runs.__file__).parent.parent, package)
    monkeypatch.setattr(runs, "_PACKAGE", str(package))
    _store(tree_dir, 0, "valid\n")
    assert _stored(tree_dir) == (0, "valid\n")
    version = journeyctl.__version__
    monkeypatch.setattr(journeyctl, "__version__", "99.0")
    assert _stored(tree_dir) is None
    monkeypatch.setattr(journeyctl, "__version__", version)
    assert _stored(tree_dir) == (0, "valid\n")
    rule = package / "checks" / "missing_owner.py"  # a rule changed: the rule set is code
    rule.write_text(rule.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _stored(tree_dir) is None
    _store(tree_dir, 0, "valid\n")
    (package / "checks" / "new_rule.py").write_text("", encoding="utf-8")  # a rule added
    assert _stored(tree_dir) is None


def test_an_installed_dependency_is_no_stored_result(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.setattr("sys.path", [*os.sys.path, str(site)])
    _store(tree_dir, 0, "valid\n")
    assert _stored(tree_dir) == (0, "valid\n")
    (site / "pydantic-9.0.dist-info").mkdir()
    assert _stored(tree_dir) is None


def _slot() -> Path:
    folder = runs.cache_folder()
    assert folder is not None
    [slot] = (Path(folder) / "runs").iterdir()
    return slot


def _truncate(slot: Path) -> None:
    slot.write_bytes(slot.read_bytes()[:-3])


def _flip(slot: Path) -> None:
    raw = bytearray(slot.read_bytes())
    raw[-2] ^= 0x01
    slot.write_bytes(bytes(raw))


def _other_key(slot: Path) -> None:
    """A whole slot, but checked with a key that is not the folder's: planted, not made."""
    raw = slot.read_bytes()
    start = len(b"journeyctl-run 2\n")
    forged = runs._checksum(b"k" * 32, raw[start + 32 : start + 64], raw[start + 64 :])
    slot.write_bytes(raw[:start] + forged + raw[start + 32 :])


def _another_key_file(slot: Path) -> None:
    key = slot.parent.parent / "key"
    key.write_bytes(b"k" * 32)


def _open_key_file(slot: Path) -> None:
    (slot.parent.parent / "key").chmod(0o644)


def _junk(slot: Path) -> None:
    slot.write_bytes(b"\x00junk" * 100)


def _folder(slot: Path) -> None:
    slot.unlink()
    slot.mkdir()


def _fifo_slot(slot: Path) -> None:
    slot.unlink()
    os.mkfifo(slot)


SPOILERS = {
    "truncated": _truncate,
    "a byte flipped": _flip,
    "checked with another key": _other_key,
    "another key file": _another_key_file,
    "a key file others may read": _open_key_file,
    "junk": _junk,
    "a folder": _folder,
    "a FIFO": _fifo_slot,
}


@pytest.mark.parametrize("spoil", SPOILERS.values(), ids=SPOILERS.keys())
def test_a_spoiled_slot_is_not_believed(tree_dir: Path, spoil: object) -> None:
    assert callable(spoil)
    _store(tree_dir, 0, "valid\n")
    spoil(_slot())
    assert _stored(tree_dir) is None


def test_a_spoiled_key_file_is_made_anew(tree_dir: Path, tmp_path: Path) -> None:
    _store(tree_dir, 0, "valid\n")
    key = _slot().parent.parent / "key"
    key.write_bytes(b"short")
    _store(tree_dir, 0, "valid\n")
    assert len(key.read_bytes()) == 32
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert _stored(tree_dir) == (0, "valid\n")


def test_no_result_is_stored_where_the_cache_folder_cannot_be(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("JOURNEYCTL_CACHE_DIR", str(blocker / "cache"))
    _store(tree_dir, 0, "valid\n")
    assert _stored(tree_dir) is None


def test_a_slot_is_replaced_whole_and_leaves_no_temporary_file(tree_dir: Path) -> None:
    _store(tree_dir, 0, "first\n")
    _store(tree_dir, 1, "second\n")
    assert _stored(tree_dir) == (1, "second\n")
    folder = runs.cache_folder()
    assert folder is not None
    assert sorted(p.name for p in (Path(folder) / "runs").iterdir()) == [_slot().name]


def test_text_that_is_no_utf_8_comes_back_as_it_was(tree_dir: Path) -> None:
    text = "naam \udcff en \u2028\n"  # a lone surrogate of an undecodable file name
    _store(tree_dir, 0, text)
    assert _stored(tree_dir) == (0, text)


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOURNEYCTL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert runs.cache_folder() == str(tmp_path / "journeyctl")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert runs.cache_folder() == str(tmp_path / "home" / ".cache" / "journeyctl")
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr("os.path.expanduser", lambda path: path)
    assert runs.cache_folder() is None


def _store(root: Path, code: int, text: str, *, started_ns: int | None = None) -> None:
    tree = check(root, today=TODAY).tree
    assert tree.digest is not None
    started = time.time_ns() if started_ns is None else started_ns
    runs.store_result(
        "validate",
        OPTIONS,
        DAY,
        tree.digest,
        code,
        text,
        root=str(root),
        files=tree.files,
        started_ns=started,
    )


def _stored(root: Path) -> tuple[int, str] | None:
    return runs.stored_result("validate", OPTIONS, DAY, str(root))


def test_the_base_tree_is_plain() -> None:
    assert runs.plain_tree_digest(str(BASE_TREE)) is not None


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the walk reads from here on."""
    read: list[str] = []
    real = runs._read_plain

    def counting(path: str) -> bytes | None:
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(runs, "_read_plain", counting)
    return read


def _age(root: Path, seconds: int = 60) -> None:
    """Every file of the tree last changed `seconds` ago (its ctime stays now)."""
    then = time.time() - seconds
    for path in root.rglob("*.yaml"):
        os.utime(path, (then, then))


def test_files_whose_status_vouches_for_them_are_not_read_again(
    tree_dir: Path, reads: list[str]
) -> None:
    # A status that changed less than a few seconds before the run does not vouch for the
    # content: stored as if the run began a minute from now, every file's status is old.
    _store(tree_dir, 0, "valid\n", started_ns=time.time_ns() + 60 * 10**9)
    assert _stored(tree_dir) == (0, "valid\n")
    assert reads == []


def test_a_file_changed_just_before_the_run_is_read(tree_dir: Path, reads: list[str]) -> None:
    _store(tree_dir, 0, "valid\n")  # every file changed just now (copied by the fixture)
    assert _stored(tree_dir) == (0, "valid\n")
    assert sorted(reads) == sorted(p.name for p in tree_dir.rglob("*.yaml"))


def test_a_change_that_keeps_size_and_times_is_seen(tree_dir: Path, reads: list[str]) -> None:
    """An edit of the same length with the old times put back (`touch -r`, `cp -p`) changes
    the file's ctime, which nothing sets back."""
    _age(tree_dir)
    _store(tree_dir, 0, "valid\n", started_ns=time.time_ns() + 60 * 10**9)
    journey = next(tree_dir.glob("*/*/*.yaml"))
    status = journey.stat()
    time.sleep(0.05)  # past the clock tick of the file system's timestamps
    journey.write_bytes(journey.read_bytes().replace(b"a", b"b", 1))
    os.utime(journey, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert journey.stat().st_size == status.st_size
    assert journey.stat().st_mtime_ns == status.st_mtime_ns
    assert _stored(tree_dir) is None
    assert reads == [journey.name]


def test_a_file_replaced_by_another_is_read(tree_dir: Path, reads: list[str]) -> None:
    _store(tree_dir, 0, "valid\n", started_ns=time.time_ns() + 60 * 10**9)
    journey = next(tree_dir.glob("*/*/*.yaml"))
    other = journey.with_name("other")
    other.write_bytes(journey.read_bytes())
    other.replace(journey)
    assert _stored(tree_dir) == (0, "valid\n")  # the same content, read again
    assert reads == [journey.name]


def test_a_manifest_of_junk_is_not_believed(tree_dir: Path) -> None:
    _store(tree_dir, 0, "valid\n")
    secret = runs.secret_key(create=False)
    assert secret is not None
    slot = _slot()
    raw = slot.read_bytes()
    start = len(b"journeyctl-run 2\n")
    key = raw[start + 32 : start + 64]
    for manifest in (
        b"\xff\xff\xff\xff",
        b"\x00\x00\x00\x05ab",
        b"\x00\x00\x00\x01\xff" + b"0" * 60,
    ):
        body = b"\x00" + len(manifest).to_bytes(4, "big") + manifest + b"valid\n"
        slot.write_bytes(raw[:start] + runs._checksum(secret, key, body) + key + body)
        assert _stored(tree_dir) is None


def test_a_small_file_is_read_whole_and_a_larger_one_not_at_all(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.write_bytes(b"x" * 100)
    assert runs.read_small(str(small), limit=100) == b"x" * 100
    assert runs.read_small(str(small), limit=99) is None
    assert runs.read_small(str(tmp_path / "missing")) is None
