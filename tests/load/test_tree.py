"""Loading a tree: files by kind, root-relative names, one parse per file, capped findings."""

from __future__ import annotations

import gc
import os
import subprocess
from pathlib import Path

import pytest

from journeyctl.checks import validate
from journeyctl.load import FINDINGS_PER_FILE, load_source, load_tree, tree
from journeyctl.load.source_map import SourceMap
from journeyctl.load.sources import FileSystemSource, GitRevisionSource
from tests.conftest import TODAY

JOURNEY = "klant-zijn/facturatie/ik-betaal.yaml"


def _load(root: Path) -> tree.Tree:
    return load_source(FileSystemSource(root))


def test_findings_and_documents_name_files_relative_to_the_root(tree_dir: Path) -> None:
    target = tree_dir / JOURNEY
    target.write_text(target.read_text(encoding="utf-8") + "onbekend: 1\n", encoding="utf-8")
    (tree_dir / "framework.yml").write_text("name: x\n", encoding="utf-8")
    loaded = _load(tree_dir)
    assert loaded.root == tree_dir.resolve()
    assert {(f.file, f.rule) for f in loaded.findings} == {
        (JOURNEY, "JC101"),
        ("framework.yml", "JC008"),
    }
    assert loaded.framework is not None and loaded.framework.file == "framework.yaml"
    assert loaded.framework.path == tree_dir.resolve() / "framework.yaml"


def test_load_tree_names_files_as_the_working_directory_sees_them(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree_dir.parent)
    (tree_dir / "framework.yml").write_text("name: x\n", encoding="utf-8")
    assert [f.file for f in load_tree(tree_dir).findings] == ["journeys/framework.yml"]


def test_improvements_at_any_depth_and_upper_case_suffixes_are_read(tree_dir: Path) -> None:
    improvement = next((tree_dir / "improvements").glob("*.yaml"))
    deeper = tree_dir / "klant-zijn" / "improvements" / "2025"
    deeper.mkdir(parents=True)
    improvement.rename(deeper / improvement.name.upper())
    loaded = _load(tree_dir)
    assert [d.file for d in loaded.improvements] == [
        f"klant-zijn/improvements/2025/{improvement.name.upper()}"
    ]
    assert len(loaded.journeys) == loaded.journey_files == 2


def test_a_journey_that_cannot_be_read_is_counted_and_known_by_name(tree_dir: Path) -> None:
    os.mkfifo(tree_dir / "klant-zijn" / "pijp.yaml")
    loaded = _load(tree_dir)
    assert loaded.journey_files == 3
    assert loaded.unloaded_journeys == {"pijp"}
    assert [(f.file, f.rule) for f in loaded.findings] == [("klant-zijn/pijp.yaml", "JC004")]


def test_a_missing_framework_is_a_finding(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").unlink()
    assert [(f.file, f.rule) for f in _load(tree_dir).findings] == [("framework.yaml", "JC007")]


def test_a_framework_that_cannot_be_read_is_that_finding_only(tree_dir: Path) -> None:
    (tree_dir / "framework.yaml").unlink()
    (tree_dir / "framework.yaml").symlink_to("/dev/zero")
    assert [(f.file, f.rule) for f in _load(tree_dir).findings] == [("framework.yaml", "JC004")]


def test_each_file_is_parsed_once_also_when_checks_report_on_it(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tree_dir / JOURNEY
    target.write_text(
        target.read_text(encoding="utf-8").replace("owner: jan\n", ""), encoding="utf-8"
    )
    parsed: list[str] = []
    real_parse = tree.parse

    def counting_parse(text: str) -> object:
        parsed.append(text)
        return real_parse(text)

    def second_parse(text: str) -> None:
        raise AssertionError("a file was parsed again to find a position")

    monkeypatch.setattr(tree, "parse", counting_parse)
    monkeypatch.setattr(SourceMap, "from_text", second_parse)
    findings = validate(_load(tree_dir), today=TODAY).findings
    assert [(f.file, f.rule, f.line) for f in findings] == [(JOURNEY, "JC304", 1)]
    assert len(parsed) == len(set(parsed)) == 4  # framework, two journeys, one improvement


def test_the_collector_is_left_as_it_was(tree_dir: Path) -> None:
    assert gc.isenabled()
    _load(tree_dir)
    assert gc.isenabled()
    gc.disable()
    try:
        _load(tree_dir)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _unknown_keys(count: int) -> str:
    return "".join(f"onbekend-{i}: {i}\n" for i in range(count))


def test_the_findings_of_loading_are_capped_per_file_and_the_rest_counted(tree_dir: Path) -> None:
    target = tree_dir / JOURNEY
    target.write_text(target.read_text(encoding="utf-8") + _unknown_keys(300), encoding="utf-8")
    loaded = _load(tree_dir)
    assert len(loaded.findings) == FINDINGS_PER_FILE
    assert sum(loaded.not_shown[JOURNEY].values()) == 300 - FINDINGS_PER_FILE


def test_a_tree_reads_the_same_from_a_git_revision(tree_dir: Path) -> None:
    repository = tree_dir.parent
    for arguments in (
        ["init", "-q"],
        ["config", "user.name", "Test"],
        ["config", "user.email", "test@example.org"],
        ["add", "-A"],
        ["commit", "-q", "-m", "tree"],
    ):
        subprocess.run(["git", "-C", str(repository), *arguments], check=True)
    from_git = load_source(GitRevisionSource(repository, "HEAD", "journeys"))
    from_disk = _load(tree_dir)
    assert [(d.file, d.model) for d in from_git.journeys] == [
        (d.file, d.model) for d in from_disk.journeys
    ]
    assert from_git.framework is not None and from_disk.framework is not None
    assert from_git.framework.model == from_disk.framework.model
    assert from_git.findings == from_disk.findings == []
