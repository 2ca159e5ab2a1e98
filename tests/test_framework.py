"""The one way for a feature to get a checked tree: models, or the findings in the way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from journeyctl.errors import UsageError
from journeyctl.framework import check
from journeyctl.load import Entry, FileSystemSource
from tests.conftest import TODAY

JOURNEY = "klant-zijn/facturatie/ik-betaal.yaml"


def test_a_valid_tree_hands_over_its_models(tree_dir: Path) -> None:
    checked = check(tree_dir, today=TODAY)
    assert checked.usable
    assert checked.framework.name
    assert sorted(j.id for j in checked.journeys) == ["ik-betaal", "ik-meld-me-aan"]
    assert [i.id for i in checked.improvements] == ["betaallink"]


def test_findings_name_files_from_the_root_until_shown(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tree_dir / JOURNEY
    target.write_text(target.read_text(encoding="utf-8") + "onbekend: 1\n", encoding="utf-8")
    checked = check(tree_dir, today=TODAY)
    assert not checked.usable
    assert [f.file for f in checked.validation.findings] == [JOURNEY]
    monkeypatch.chdir(tree_dir / "klant-zijn")
    assert [f.file for f in checked.for_display().findings] == ["facturatie/ik-betaal.yaml"]
    assert [f.file for f in checked.for_display(tree_dir.parent).findings] == [
        f"journeys/{JOURNEY}"
    ]


def test_warnings_fail_only_when_strict(tree_dir: Path) -> None:
    target = tree_dir / JOURNEY
    target.write_text(
        target.read_text(encoding="utf-8").replace("owner: jan\n", ""), encoding="utf-8"
    )
    assert check(tree_dir, today=TODAY).validation.ok
    assert check(tree_dir, today=TODAY).usable
    assert not check(tree_dir, strict=True, today=TODAY).validation.ok


def test_without_a_framework_there_is_nothing_to_hand_over(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").unlink()
    checked = check(tree_dir, today=TODAY)
    assert not checked.usable
    with pytest.raises(ValueError, match="no framework that loaded"):
        checked.framework  # noqa: B018


def test_an_empty_root_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"^is empty;"):
        check("")


class _Replaced:
    """The tree of a folder with one file's text replaced, read without touching the folder."""

    def __init__(self, root: Path, path: str, text: str) -> None:
        self._disk = FileSystemSource(root)
        self.path, self.text = path, text

    @property
    def root(self) -> Path:
        return self._disk.root

    def entries(self) -> Iterator[Entry]:
        for entry in self._disk.entries():
            replaced = Entry(entry.path, self.text.encode("utf-8"))
            yield replaced if entry.path == self.path else entry


def test_a_source_is_checked_as_it_is_without_the_folders_cache(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("JOURNEYCTL_CACHE_DIR", str(cache))
    text = (tree_dir / JOURNEY).read_text(encoding="utf-8") + "onbekend: 1\n"
    checked = check(_Replaced(tree_dir, JOURNEY, text), today=TODAY)
    assert not checked.usable
    assert [f.file for f in checked.validation.findings] == [JOURNEY]
    assert checked.tree.root == tree_dir.resolve()
    assert not cache.exists() or not any(cache.iterdir())
    assert check(tree_dir, today=TODAY).usable  # the folder itself is unchanged
    assert any(cache.iterdir())  # and read through its cache
