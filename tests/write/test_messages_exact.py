"""Every refusal of the writer in full: what went wrong, what to do, what was changed."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from journeyctl.write import (
    WriteError,
    check_folder,
    check_target,
    child_list,
    child_map,
    contained_path,
    edit_yaml,
    new_json,
    new_yaml,
    write_files,
    write_folder,
    write_text,
)


def _message(action: Callable[[], object]) -> str:
    with pytest.raises(WriteError) as raised:
        action()
    return str(raised.value)


OUTSIDE = (
    "cannot write '{relative}' under '{base}': the path must be relative and stay inside that "
    "folder; use a plain relative path such as 'phase/cluster/id.yaml'"
)


@pytest.mark.parametrize("relative", ["", "/abs/x.yaml", "../x.yaml", "a/../../x.yaml", ".."])
def test_a_path_that_leaves_its_base_is_refused_in_full(tmp_path: Path, relative: str) -> None:
    expected = OUTSIDE.format(relative=relative, base=tmp_path)
    assert _message(lambda: contained_path(tmp_path, relative)) == expected
    assert _message(lambda: write_files(tmp_path, {relative: "x\n"})) == expected
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("relative", ["x.yaml", "a/b/x.yaml", "./x.yaml"])
def test_a_path_that_stays_inside_is_given_back(tmp_path: Path, relative: str) -> None:
    assert contained_path(tmp_path, relative) == tmp_path / relative


def test_a_symbolic_link_on_the_way_is_named_in_full(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "real/file.yaml").write_bytes(b"old\n")
    (tmp_path / "real/linked.yaml").symlink_to(tmp_path / "real/file.yaml")
    for relative, step in [("link/a/x.yaml", "link"), ("real/linked.yaml", "real/linked.yaml")]:
        assert _message(lambda: contained_path(tmp_path, relative)) == (  # noqa: B023
            f"cannot write '{tmp_path / relative}': '{tmp_path / step}' is a symbolic link, "
            "which journeyctl does not write through; replace it with a real folder or file; "
            "nothing was changed"
        )
    assert _message(lambda: check_target(tmp_path / "real/linked.yaml")) == (
        f"cannot write '{tmp_path / 'real/linked.yaml'}': it is a symbolic link, which "
        "journeyctl does not write through; replace it with a real file; nothing was changed"
    )
    assert (tmp_path / "real/file.yaml").read_bytes() == b"old\n"


def test_a_file_where_a_folder_goes_is_named_in_full(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"mine\n")
    target = tmp_path / "a/b/x.yaml"
    assert _message(lambda: write_text(target, "x\n")) == (
        f"cannot write '{target}': {os.strerror(errno.ENOTDIR)}: '{tmp_path / 'a'}' is a file, "
        "not a folder; move it away or write elsewhere; nothing was written"
    )
    assert _message(lambda: check_folder(tmp_path / "a")) == (
        f"cannot write into '{tmp_path / 'a'}': it is a file, not a folder; give a folder (it is "
        "created when missing); nothing was written"
    )
    assert (tmp_path / "a").read_bytes() == b"mine\n"


@pytest.fixture
def no_folder_writable(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, int]]:
    """os.access says no to every folder (as it does to anyone but root on a locked one)."""
    asked: list[tuple[object, int]] = []

    def access(path: object, mode: int, **kwargs: object) -> bool:
        asked.append((path, mode))
        return False

    monkeypatch.setattr(os, "access", access)
    return asked


def test_a_folder_that_cannot_be_written_in_is_named_in_full(
    tmp_path: Path, no_folder_writable: list[tuple[object, int]]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked / "new/x.yaml"
    refused = (
        f"cannot write '{{path}}': {os.strerror(errno.EACCES)}: journeyctl cannot make files in "
        f"the folder '{locked}'; change its permissions or write elsewhere; nothing was written"
    )
    assert _message(lambda: check_target(target)) == refused.format(path=target)
    assert no_folder_writable == [(locked, os.W_OK | os.X_OK)]
    assert _message(lambda: check_folder(locked)) == refused.format(path=locked)
    assert _message(lambda: check_folder(locked / "new")) == refused.format(path=locked / "new")
    with pytest.raises(WriteError) as raised:
        check_target(target, parameter="out")
    assert raised.value.parameter == "out"
    assert sorted(p.name for p in locked.iterdir()) == []


def test_a_write_that_fails_on_the_way_is_named_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    (tmp_path / "old.yaml").write_bytes(b"old\n")
    assert _message(lambda: write_text(tmp_path / "old.yaml", "new\n")) == (
        f"cannot write '{tmp_path / 'old.yaml'}': No space left on device; fix that (free "
        "space, permissions, the folder) and run again; nothing was changed"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.yaml"]
    assert (tmp_path / "old.yaml").read_bytes() == b"old\n"


def test_a_folder_that_cannot_be_moved_into_place_is_named_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename(self: Path, target: Path) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(Path, "rename", rename)
    assert _message(lambda: write_folder(tmp_path / "site", {"a.html": "a\n"})) == (
        f"cannot write into '{tmp_path / 'site'}': Invalid cross-device link; fix that (free "
        "space, permissions, the folder) and run again; nothing was changed"
    )
    assert list(tmp_path.iterdir()) == []  # nor the staging folder


def test_a_folder_in_a_files_place_is_named_in_full(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a.html").mkdir(parents=True)
    (site / "b").write_bytes(b"mine\n")
    assert _message(lambda: write_folder(site, {"a.html": "a\n"})) == (
        f"cannot write '{site / 'a.html'}': a folder of that name is in the way; move it away; "
        "nothing was changed"
    )
    assert _message(lambda: write_folder(site, {"b/c/x.html": "x\n"})) == (
        f"cannot write '{site / 'b/c/x.html'}': '{site / 'b'}' is a file, not a folder; move "
        "it away; nothing was changed"
    )
    assert sorted(p.name for p in site.iterdir()) == ["a.html", "b"]


@pytest.mark.parametrize(
    ("text", "helper", "kind", "held"),
    [
        ("kpis: 3\n", child_map, "mapping", "int"),
        ("kpis: [a]\n", child_map, "mapping", "CommentedSeq"),
        ("volumes: x\n", child_list, "list", "_ReadBare"),
        ("volumes: {a: 1}\n", child_list, "list", "CommentedMap"),
    ],
)
def test_adding_under_a_value_of_another_kind_is_refused_in_full(
    text: str, helper: Callable[[CommentedMap, str], object], kind: str, held: str
) -> None:
    key = text.split(":")[0]
    assert _message(lambda: edit_yaml(text, lambda document: helper(document, key))) == (
        f"cannot add to '{key}': it holds {held}, not a {kind}; run journeyctl validate and "
        "fix the file first; nothing was changed"
    )


@pytest.mark.parametrize("text", ["a: [unclosed\n", "a: 1\n a: 2\n", "key: 'open\n"])
def test_a_file_that_is_not_yaml_is_refused_in_full(text: str) -> None:
    try:
        YAML().load(text)
    except YAMLError as error:
        reason = " ".join(str(error).split())
    assert _message(lambda: edit_yaml(text, lambda document: None)) == (
        f"cannot edit a file that is not valid YAML ({reason}); run journeyctl validate and "
        "fix it first; nothing was changed"
    )


@pytest.mark.parametrize("text", ["- a list\n", "", "just text\n", "# only a comment\n"])
def test_a_file_that_is_no_mapping_is_refused_in_full(text: str) -> None:
    assert _message(lambda: edit_yaml(text, lambda document: None)) == (
        "cannot edit a file whose top level is not a mapping of keys to values; run journeyctl "
        "validate and fix it first; nothing was changed"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (b"bytes", "bytes (b'bytes')"),
        ({1, 2}, "set ({1, 2})"),
        (1j, "complex (1j)"),
    ],
)
def test_a_value_yaml_cannot_hold_is_refused_in_full(value: object, shown: str) -> None:
    expected = (
        f"cannot write a value of type {shown} to YAML; give text, a number, a date, "
        "true/false, or lists and mappings of them"
    )
    assert _message(lambda: new_yaml({"x": value})) == expected
    assert _message(lambda: new_yaml({"x": [1, {"y": value}]})) == expected


@pytest.mark.parametrize(("text", "position"), [("\udc80", 0), ("ab\ud800", 2)])
def test_a_lone_surrogate_is_refused_in_full(text: str, position: int) -> None:
    expected = (
        f"cannot write the text {text!r}: it holds a lone surrogate (position {position}), "
        "which is not a character; remove it"
    )
    assert _message(lambda: new_yaml({"x": text})) == expected
    assert _message(lambda: new_yaml({text: 1})) == expected


def test_json_that_cannot_be_written_is_refused_in_full() -> None:
    assert _message(lambda: new_json({"x": float("inf")})) == (
        "cannot write this data as JSON: Out of range float values are not JSON compliant: "
        "inf; leave out what JSON cannot hold"
    )
