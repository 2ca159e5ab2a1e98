"""The warm cache never changes a result: every validate case of the suite is loaded with
the cache cold, warm, and spoiled in each way a pack can be spoiled, and the findings
(files, positions, rules and messages) must be the same every time. A pack is per folder of
the tree, rewritten only where a file changed."""

from __future__ import annotations

import marshal
import re
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journeyctl.checks import Validation, validate
from journeyctl.framework import check
from journeyctl.load import FileCache, FileSystemSource, load_source
from journeyctl.load import tree as loading
from journeyctl.load.cache import (
    cache_folder,
    decode_data,
    decode_dated,
    decode_value,
    encode_data,
    encode_dated,
    encode_value,
    folder_of,
    is_plain_index,
)
from journeyctl.load.positions import PositionIndex
from journeyctl.load.scalars import RefusedValue
from journeyctl.load.yamlfile import Parsed, parse
from tests.conftest import BASE_TREE, CASES, TODAY

_JOURNEYS = Path("klant-zijn/facturatie")


def _trees(base: Path) -> list[Path]:
    """One tree with every journey and improvement case, and one per framework case."""
    shared = base / "shared"
    shutil.copytree(BASE_TREE, shared)
    for case in sorted((CASES / "journey").glob("*.yaml")):
        shutil.copy(case, shared / _JOURNEYS / case.name)
    for case in sorted((CASES / "improvement").glob("*.yaml")):
        shutil.copy(case, shared / "improvements" / case.name)
    trees = [shared]
    for case in sorted((CASES / "framework").glob("*.yaml")):
        tree = base / f"framework-{case.stem}"
        shutil.copytree(BASE_TREE, tree)
        shutil.copy(case, tree / "framework.yaml")
        trees.append(tree)
    return trees


def _validate(root: Path, packs: Path | None) -> Validation:
    cache = FileCache(packs) if packs is not None else None
    return validate(load_source(FileSystemSource(root), cache=cache), today=TODAY)


def _same(first: Validation, second: Validation) -> None:
    assert second.findings == first.findings
    assert second.not_shown == first.not_shown
    assert second.notes == first.notes
    assert second.journeys == first.journeys


def _packs(packs: Path) -> list[Path]:
    found = sorted(packs.glob("*.pack"))
    assert found
    return found


def _truncate(root: Path, packs: Path) -> None:
    for pack in _packs(packs):
        pack.write_bytes(pack.read_bytes()[:-100])


def _flip_a_byte(root: Path, packs: Path) -> None:
    for pack in _packs(packs):
        raw = bytearray(pack.read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        pack.write_bytes(bytes(raw))


def _foreign_version(root: Path, packs: Path) -> None:
    for pack in _packs(packs):
        raw = pack.read_bytes()
        pack.write_bytes(raw.replace(b"journeyctl-cache 2\n", b"journeyctl-cache 2\n\x00", 1))


def _empty(root: Path, packs: Path) -> None:
    for pack in _packs(packs):
        pack.write_bytes(b"")


def _another_key(root: Path, packs: Path) -> None:
    """Whole packs, but checked with a key that is not the cache folder's: planted, or
    copied from another machine."""
    folder = cache_folder()
    assert folder is not None
    (folder / "key").write_bytes(b"k" * 32)


def _swapped(root: Path, packs: Path) -> None:
    """Each folder's pack under another folder's name: whole, but not that folder's."""
    found = _packs(packs)
    contents = [pack.read_bytes() for pack in found]
    for pack, content in zip(found, contents[1:] + contents[:1], strict=True):
        pack.write_bytes(content)


def _folders(root: Path) -> set[str]:
    return {folder_of(path.relative_to(root).as_posix()) for path in root.rglob("*.yaml")}


def _rewritten(
    root: Path, packs: Path, change: Callable[[dict[bytes, bytes]], dict[bytes, bytes]]
) -> None:
    """Every pack's records changed by `change`, behind a header and checksum that are
    right: a pack written by a faulty version, or by hand, is still not trusted."""
    cache = FileCache(packs)
    for folder in _folders(root):
        cache._new[folder] = change(cache._read(folder))  # spoiling on purpose
        cache._old[folder] = {}
    cache.save()


def _records_replaced(root: Path, packs: Path, record: object, *, filed: bool = True) -> None:
    _rewritten(
        root,
        packs,
        lambda old: {
            key: marshal.dumps((key, record)) if filed else marshal.dumps(record) for key in old
        },
    )


def _records_moved(root: Path, packs: Path) -> None:
    """Each record under the next one's key: whole and right, but for other content."""

    def moved(old: dict[bytes, bytes]) -> dict[bytes, bytes]:
        keys, stored = list(old), list(old.values())
        return dict(zip(keys, stored[1:] + stored[:1], strict=True))

    _rewritten(root, packs, moved)


SPOILERS: dict[str, Callable[[Path, Path], None]] = {
    "truncated": _truncate,
    "a byte flipped": _flip_a_byte,
    "foreign version": _foreign_version,
    "empty": _empty,
    "checked with another key": _another_key,
    "another folder's": _swapped,
    "records of junk": lambda root, packs: _records_replaced(
        root, packs, b"\xff\x00junk", filed=False
    ),
    "records of other values": lambda root, packs: _records_replaced(
        root, packs, (True, {"id": 1}, [], ("x",), [])
    ),
    "records of failed files": lambda root, packs: _records_replaced(root, packs, (False, [])),
    "records naming no rule": lambda root, packs: _records_replaced(
        root, packs, (False, [("JC999", "x", 1, 1)])
    ),
    "records with a wrong path to a date": lambda root, packs: _rewritten(
        root, packs, lambda old: {key: _dated_wrongly(key, value) for key, value in old.items()}
    ),
    "records filed under another key": _records_moved,
}


def _dated_wrongly(key: bytes, stored: bytes) -> bytes:
    _, record = marshal.loads(stored)
    if record[0] is True:
        record = (*record[:4], [("no", "such", "path")])
    return marshal.dumps((key, record))


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _trees(tmp_path_factory.mktemp("cases"))


def test_cold_and_warm_give_the_same_findings(trees: list[Path], tmp_path: Path) -> None:
    for index, root in enumerate(trees):
        packs = tmp_path / str(index)
        uncached = _validate(root, None)
        cold = _validate(root, packs)
        assert _packs(packs)
        warm = _validate(root, packs)
        _same(uncached, cold)
        _same(uncached, warm)


def test_the_shared_tree_has_findings_to_compare(trees: list[Path]) -> None:
    findings = _validate(trees[0], None).findings
    assert len({f.rule for f in findings}) > 10
    assert all(f.line is not None for f in findings if f.rule in {"JC001", "JC002"})


@pytest.mark.slow
@pytest.mark.parametrize("spoil", SPOILERS.values(), ids=SPOILERS.keys())
def test_a_spoiled_pack_is_ignored_and_rebuilt(
    trees: list[Path], tmp_path: Path, spoil: Callable[[Path, Path], None]
) -> None:
    for index, root in enumerate(trees[:2]):
        packs = tmp_path / str(index)
        expected = _validate(root, None)
        _validate(root, packs)
        spoil(root, packs)
        _same(expected, _validate(root, packs))
        _same(expected, _validate(root, packs))  # rebuilt by the run before


def test_a_warm_run_parses_only_what_changed(trees: list[Path], tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(trees[0], root)
    packs = tmp_path / "packs"
    _validate(root, packs)
    changed = root / _JOURNEYS / "ik-betaal.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "oops: [\n", encoding="utf-8")
    warm = _validate(root, packs)
    _same(_validate(root, None), warm)
    assert any(f.rule == "JC001" and f.file.endswith("ik-betaal.yaml") for f in warm.findings)


def test_an_unwritable_cache_folder_leaves_the_result_alone(
    trees: list[Path], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    expected = _validate(trees[0], None)
    _same(expected, _validate(trees[0], blocker / "packs"))


def test_writing_leaves_whole_packs_and_no_temporary_files(
    trees: list[Path], tmp_path: Path
) -> None:
    packs = tmp_path / "packs"
    _validate(trees[0], packs)
    written = {pack.name: pack.stat().st_mtime_ns for pack in _packs(packs)}
    assert len(written) == len(_folders(trees[0]))  # a pack per folder
    _validate(trees[1], packs)  # another tree's packs replace them
    assert all(pack.suffix == ".pack" for pack in packs.iterdir())
    assert len(_packs(packs)) == len(_folders(trees[1]))
    _same(_validate(trees[1], None), _validate(trees[1], packs))


def test_one_changed_file_rewrites_its_folders_pack_only(trees: list[Path], tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(trees[0], root)
    packs = tmp_path / "packs"
    _validate(root, packs)
    before = {pack: pack.stat().st_ino for pack in _packs(packs)}
    changed = root / _JOURNEYS / "ik-betaal.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    _validate(root, packs)
    after = {pack: pack.stat().st_ino for pack in _packs(packs)}
    assert before.keys() == after.keys()
    rewritten = [pack for pack in after if after[pack] != before[pack]]
    assert rewritten == [FileCache(packs).pack_of(_JOURNEYS.as_posix())]


def test_the_pack_of_a_folder_that_is_gone_is_removed(trees: list[Path], tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(trees[0], root)
    packs = tmp_path / "packs"
    _validate(root, packs)
    shutil.rmtree(root / "klant-worden")
    _validate(root, packs)
    assert len(_packs(packs)) == len(_folders(root))
    assert FileCache(packs).pack_of("klant-worden/aanmelden") not in _packs(packs)


def test_a_pack_not_made_with_the_folders_key_is_never_unpacked(
    trees: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = tmp_path / "packs"
    _validate(trees[0], packs)
    _another_key(trees[0], packs)
    unpacked: list[object] = []
    real_loads = marshal.loads

    def counting(data: bytes) -> object:
        unpacked.append(data)
        return real_loads(data)

    monkeypatch.setattr("journeyctl.load.cache.marshal.loads", counting)
    _same(_validate(trees[0], None), _validate(trees[0], packs))
    assert unpacked == []


def test_check_uses_the_cache_folder_and_can_go_without(
    trees: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYCTL_CACHE_DIR", str(tmp_path / "cache"))
    uncached = check(trees[0], today=TODAY, cache=False)
    assert not (tmp_path / "cache").exists()
    cold = check(trees[0], today=TODAY)
    assert len(list((tmp_path / "cache" / "packs").glob("*/*.pack"))) == len(_folders(trees[0]))
    warm = check(trees[0], today=TODAY)
    _same(uncached.validation, cold.validation)
    _same(uncached.validation, warm.validation)
    assert [j.model for j in warm.tree.journeys] == [j.model for j in uncached.tree.journeys]


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOURNEYCTL_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "journeyctl"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "journeyctl"
    monkeypatch.setenv("JOURNEYCTL_CACHE_DIR", str(tmp_path / "chosen"))
    assert cache_folder() == tmp_path / "chosen"


def test_values_marshal_cannot_write_come_back_as_they_were() -> None:
    refused = RefusedValue()
    moment = datetime(2025, 1, 31, 12, 30, tzinfo=timezone(timedelta(hours=1)))
    data = {
        "day": date(2025, 1, 31),
        "moment": moment,
        "list": [date(2024, 2, 29), "text", 1, 1.5, True, None],
        date(2025, 2, 1): "a date as a key",
        refused: "a refused key",
        "refused": RefusedValue(),
    }
    plain = encode_data(data)
    marshal.dumps(plain)  # writable as plain values
    back = decode_data(marshal.loads(marshal.dumps(plain)))
    assert isinstance(back, dict)
    assert back["day"] == date(2025, 1, 31)
    assert back["moment"] == moment
    assert back["list"] == [date(2024, 2, 29), "text", 1, 1.5, True, None]
    assert back[date(2025, 2, 1)] == "a date as a key"
    assert isinstance(back["refused"], RefusedValue)
    assert sum(isinstance(key, RefusedValue) for key in back) == 1
    assert data[refused] == "a refused key"  # encoding leaves the data alone


@pytest.fixture
def parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the loader parses from here on: what the cache did not spare it."""
    texts: list[str] = []
    real_parse = loading.parse

    def counting_parse(text: str) -> object:
        texts.append(text)
        return real_parse(text)

    monkeypatch.setattr(loading, "parse", counting_parse)
    return texts


def test_a_warm_run_parses_nothing_it_has_seen(
    trees: list[Path], tmp_path: Path, parsed_texts: list[str]
) -> None:
    # The packs' folder does not exist yet, nor does its parent: both are made.
    packs = tmp_path / "new" / "deeper"
    cold = _validate(trees[0], packs)
    parsed_cold = len(parsed_texts)
    assert parsed_cold > 20  # every file, also those that did not load
    parsed_texts.clear()
    warm = _validate(trees[0], packs)
    assert parsed_texts == []
    _same(cold, warm)


def test_after_one_change_a_warm_run_parses_that_file_only(
    trees: list[Path], tmp_path: Path, parsed_texts: list[str]
) -> None:
    root = tmp_path / "tree"
    shutil.copytree(trees[0], root)
    packs = tmp_path / "packs"
    _validate(root, packs)
    changed = root / _JOURNEYS / "ik-betaal.yaml"
    text = changed.read_text(encoding="utf-8") + "# changed\n"
    changed.write_text(text, encoding="utf-8")
    parsed_texts.clear()
    _validate(root, packs)
    assert parsed_texts == [text]


def test_a_failed_write_leaves_no_temporary_file(
    trees: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, target: Path) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", refuse)
    packs = tmp_path / "packs"
    _same(_validate(trees[0], None), _validate(trees[0], packs))
    assert list(packs.iterdir()) == []


def test_a_temporary_file_that_cannot_be_removed_leaves_the_result_alone(
    trees: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *arguments: object) -> None:
        raise OSError("input/output error")

    monkeypatch.setattr(Path, "replace", refuse)
    monkeypatch.setattr(Path, "unlink", refuse)
    _same(_validate(trees[0], None), _validate(trees[0], tmp_path / "packs"))


def test_the_pack_is_written_beside_itself_and_renamed_over_the_old_one(
    trees: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moves: list[tuple[Path, Path]] = []
    real_replace = Path.replace

    def recording(self: Path, target: Path) -> Path:
        moves.append((Path(self), Path(target)))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", recording)
    packs = tmp_path / "packs"
    _validate(trees[0], packs)
    assert {target for _, target in moves} == set(_packs(packs))
    for temporary, pack in moves:
        assert temporary.parent == pack.parent
        assert temporary.name.startswith(".") and temporary.name.endswith(".tmp")
        assert pack.exists() and not temporary.exists()


def test_a_record_marshal_cannot_write_is_left_out(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "packs")
    key = FileCache.key("Journey", b"id: x\n")
    cache.put("a/x.yaml", key, (True, object()))
    assert cache.get("a/x.yaml", key) is None
    cache.save()
    assert not (tmp_path / "packs").exists()


def test_each_root_has_packs_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    first = FileCache.for_root(tmp_path / "a").folder
    assert first is not None
    assert first.parent == tmp_path / "cache" / "packs"
    assert re.fullmatch(r"[0-9a-f]{32}", first.name)
    assert FileCache.for_root(Path("a")).folder == first  # relative or absolute, one root
    assert FileCache.for_root(tmp_path / "b").folder != first
    pack = FileCache(first).pack_of("klant-zijn/facturatie")
    assert pack is not None and re.fullmatch(r"[0-9a-f]{32}\.pack", pack.name)
    assert FileCache(first).pack_of("klant-zijn") != pack


def test_a_value_the_cache_did_not_write_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^not a value of the cache: 'x'$"):
        decode_value(("x", 1))


def test_refused_keys_stay_distinct() -> None:
    data = {RefusedValue(): 1, RefusedValue(): 2}
    back = decode_data(marshal.loads(marshal.dumps(encode_data(data))))
    assert isinstance(back, dict)
    assert sorted(back.values()) == [1, 2]
    assert all(isinstance(key, RefusedValue) for key in back)


_INDEXED = """\
name: x
2025-01-31: a date as a key
steps:
  - {name: a, emotion: 1}
  - name: b
    notes: [n1, n2]
merged:
  <<: {inherited: 1}
  own: 2
repeated: 1
repeated: 2
"""


def _parsed_index() -> Parsed:
    parsed = parse(_INDEXED)
    assert isinstance(parsed, Parsed), parsed
    return parsed


_PATHS: list[tuple[object, ...]] = [
    ("name",),
    (date(2025, 1, 31),),
    ("steps",),
    ("steps", 0, "emotion"),
    ("steps", 1, "notes", 1),
    ("merged", "inherited"),
    ("merged", "own"),
    ("repeated",),
]


def test_positions_read_back_from_the_cache_are_the_same() -> None:
    index = _parsed_index().positions
    plain = marshal.loads(marshal.dumps(index.to_plain(encode_value)))
    assert is_plain_index(plain)
    back = PositionIndex.from_plain(plain, decode_value)
    for path in _PATHS:
        for key in (False, True):
            assert back.locate(path, key=key) == index.locate(path, key=key), (path, key)
    assert back.locate(("steps", 1, "notes", 1)) == (6, 17)
    assert back.locate(("repeated",), key=True) == (11, 1)


def test_mappings_with_the_same_keys_share_a_table_in_the_cache_and_texts_one_object() -> None:
    parsed = parse("- {name: web, stage: s}\n- {name: web, stage: t}\n- {name: x}\n")
    assert isinstance(parsed, Parsed), parsed
    data, plain = marshal.loads(marshal.dumps((parsed.data, parsed.positions.to_plain())))
    first, second, third, _ = plain[4]  # children first: the list last
    assert first is second and first is not third
    assert data[0]["name"] is data[1]["name"] is parsed.data[0]["name"]  # type: ignore[index]


def _spoiled_indexes() -> list[object]:
    good = _parsed_index().positions.to_plain(encode_value)
    cells, cells_type, firsts, firsts_type, tables = good
    return [
        list(good),
        good[:4],
        (*good, None),
        ("cells", cells_type, firsts, firsts_type, tables),
        (cells, "q", firsts, firsts_type, tables),
        (cells, cells_type, "firsts", firsts_type, tables),
        (cells, cells_type, firsts, "q", tables),
        (cells, cells_type, firsts, firsts_type, tuple(tables)),
    ]


def test_only_an_index_of_the_plain_shape_is_believed() -> None:
    assert is_plain_index(_parsed_index().positions.to_plain(encode_value))
    assert [is_plain_index(spoiled) for spoiled in _spoiled_indexes()] == [False] * 8


@pytest.mark.parametrize(
    ("text", "types", "place"),
    [
        # Lines past 32,767: the cells take four bytes a number instead of two.
        ("a: 1\n" + "# a comment\n" * 40_000 + "b: [x, y]\n", ("i", "h"), (40_002, 8)),
        # Entries past 32,767 too: so do the containers' first entries.
        ("a: [" + "1, " * 40_000 + "]\nb: [x, y]\n", ("i", "i"), (2, 8)),
    ],
)
def test_the_index_of_a_large_file_reads_back(
    text: str, types: tuple[str, str], place: tuple[int, int]
) -> None:
    parsed = parse(text)
    assert isinstance(parsed, Parsed), parsed
    plain = marshal.loads(marshal.dumps(parsed.positions.to_plain(encode_value)))
    assert (plain[1], plain[3]) == types
    assert is_plain_index(plain)
    back = PositionIndex.from_plain(plain, decode_value)
    assert back.locate(("b", 1)) == place
    assert back.locate(("a",), key=True) == (1, 1)


def test_a_document_from_the_cache_names_its_file_as_a_parsed_one_does(
    trees: list[Path], tmp_path: Path, parsed_texts: list[str]
) -> None:
    def names(packs: Path) -> list[tuple[str, Path, str]]:
        loaded = load_source(FileSystemSource(trees[0]), cache=FileCache(packs))
        documents = [*loaded.journeys, *loaded.improvements]
        return [(d.file, d.path, d.display) for d in documents]

    cold = names(tmp_path / "packs")
    parsed_texts.clear()
    assert names(tmp_path / "packs") == cold
    assert parsed_texts == []  # every document came from the cache
    assert ("klant-zijn/facturatie/ik-betaal.yaml", trees[0] / _JOURNEYS / "ik-betaal.yaml") in [
        (file, path) for file, path, _ in cold
    ]


def test_only_the_dated_values_are_decoded_and_come_back() -> None:
    moment = datetime(2025, 1, 31, 12, 30)
    data = {
        "review": {"last_reviewed": date(2025, 1, 31)},
        "list": [1, {"at": moment}, "x"],
        "plain": "text",
    }
    plain, dated = encode_dated(data)
    assert dated == [("review", "last_reviewed"), ("list", 1, "at")]
    back = decode_dated(marshal.loads(marshal.dumps(plain)), dated)
    assert back == data
    assert data["review"] == {"last_reviewed": date(2025, 1, 31)}  # encoding copies


def test_plain_data_is_not_copied() -> None:
    data = {"name": "x", "steps": [{"emotion": 1}]}
    plain, dated = encode_dated(data)
    assert (plain, dated) == (data, [])
    assert plain is data


def test_a_dated_key_decodes_the_whole_data() -> None:
    data = {date(2025, 2, 1): "a date as a key", "day": date(2025, 1, 31)}
    plain, dated = encode_dated(data)
    assert dated is None
    assert decode_dated(marshal.loads(marshal.dumps(plain)), dated) == data


def test_a_dated_value_at_the_top_comes_back() -> None:
    plain, dated = encode_dated(date(2025, 1, 31))
    assert decode_dated(plain, dated) == date(2025, 1, 31)


def test_a_warm_load_lets_go_of_the_folders_it_is_done_with(
    trees: list[Path], tmp_path: Path
) -> None:
    packs = tmp_path / "packs"
    _validate(trees[0], packs)
    cache = FileCache(packs)
    warm = validate(load_source(FileSystemSource(trees[0]), cache=cache), today=TODAY)
    _same(_validate(trees[0], None), warm)
    folders = _folders(trees[0])
    assert set(cache._released) | set(cache._old) == folders
    assert len(cache._old) <= 2  # the root, and the folder read last
    written = {pack: pack.stat().st_mtime_ns for pack in _packs(packs)}
    assert {pack: pack.stat().st_mtime_ns for pack in _packs(packs)} == written


def test_a_folder_met_again_after_it_was_let_go_is_read_again(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(BASE_TREE, root)
    packs = tmp_path / "packs"
    _validate(root, packs)
    cache = FileCache(packs)
    load_source(FileSystemSource(root), cache=cache)
    journey = root / "klant-worden" / "aanmelden" / "ik-meld-me-aan.yaml"
    key = FileCache.key("Journey", journey.read_bytes())
    path = "klant-worden/aanmelden/ik-meld-me-aan.yaml"
    assert "klant-worden/aanmelden" in cache._released
    assert cache.get(path, key) is not None  # out of order: its pack is read again
    cache.put(path, FileCache.key("Journey", b"id: other\n"), (False, []))
    cache.save()
    again = FileCache(packs)
    assert again.get(path, key) is not None  # the records it had are kept


def test_a_pack_over_the_limit_is_not_read(
    trees: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = tmp_path / "packs"
    expected = _validate(trees[0], None)
    _validate(trees[0], packs)
    monkeypatch.setattr("journeyctl.load.cache._MAX_PACK_BYTES", 16)
    monkeypatch.setattr("journeyctl.load.cache.marshal.loads", _never)
    _same(expected, _validate(trees[0], packs))


def _never(data: object) -> object:
    raise AssertionError("a pack over the limit was unpacked")
