"""New files that never replace one: a file refused if it is there, several all or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.write import WriteError, create_file, create_files


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(WriteError, match="exists already"):
        create_file(tmp_path, "x.yaml", "theirs\n")
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "mine\n"
    assert create_file(tmp_path, "a/y.yaml", "new\n") == tmp_path / "a" / "y.yaml"


def test_create_file_refuses_a_file_that_is_there_in_full(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/x.yaml").write_bytes(b"mine\n")
    with pytest.raises(WriteError) as raised:
        create_file(tmp_path, "a/x.yaml", "new\n")
    assert str(raised.value) == (
        f"'{tmp_path / 'a/x.yaml'}' exists already; journeyctl never overwrites a file it did "
        "not just make: choose another name, or edit that file"
    )
    assert (tmp_path / "a/x.yaml").read_bytes() == b"mine\n"
    assert create_file(tmp_path, "a/y.yaml", "new\n") == tmp_path / "a/y.yaml"
    assert (tmp_path / "a/y.yaml").read_bytes() == b"new\n"


def test_create_files_refuses_as_a_whole_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "b").write_text("mine\n", encoding="utf-8")
    files = {"a": "1\n", "b": "2\n"}
    with pytest.raises(WriteError, match="holds b already; nothing was written"):
        create_files(tmp_path, files, force=False)
    assert not (tmp_path / "a").exists()
    create_files(tmp_path, files, force=True)
    assert (tmp_path / "b").read_text(encoding="utf-8") == "2\n"


def test_create_files_checks_every_file_before_the_first(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()  # a folder where the second file goes
    with pytest.raises(WriteError, match="it is a folder, which is not a regular file"):
        create_files(tmp_path, {"a": "1\n", "b": "2\n"}, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]


def test_create_files_names_every_file_that_is_there(tmp_path: Path) -> None:
    files = {"journeys/framework.yaml": "a\n", ".gitignore": "b\n", "README.md": "c\n"}
    (tmp_path / ".gitignore").write_bytes(b"mine\n")
    (tmp_path / "README.md").symlink_to("elsewhere")  # a dangling link is there too
    with pytest.raises(WriteError) as raised:
        create_files(tmp_path, files, force=False)
    assert str(raised.value) == (
        f"'{tmp_path}' holds .gitignore, README.md already; nothing was written. Run it "
        "in an empty folder, or pass --force to replace these files"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "README.md"]
