"""Finding the repository and reading both revisions: never a checkout, each blob once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeyctl.diff import Commit, diff, head_commit
from journeyctl.diff.revisions import repository_of, source_of
from journeyctl.errors import UsageError
from journeyctl.load import sources
from tests.conftest import as_shown
from tests.diff.conftest import AANMELD, Repository, git


def test_the_root_is_found_inside_its_repository(repo: Repository) -> None:
    assert repository_of(str(repo.root)) == (repo.path.resolve(), "journeys")
    assert repository_of(str(repo.path)) == (repo.path.resolve(), "")


def test_a_root_deleted_in_the_working_tree_is_still_found(repo: Repository) -> None:
    assert repository_of(str(repo.root / "gone")) == (repo.path.resolve(), "journeys/gone")


def test_a_root_outside_any_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    with pytest.raises(UsageError, match="is not inside a git repository") as raised:
        repository_of(str(tmp_path / "journeys"))
    assert raised.value.parameter == "root"


def test_an_empty_root_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="is empty"):
        repository_of("")


@pytest.mark.parametrize("missing", ["base", "head"])
def test_a_revision_that_does_not_exist_is_a_usage_error(repo: Repository, missing: str) -> None:
    revisions = {"base": "base", "head": "HEAD", missing: "no-such-branch"}
    with pytest.raises(UsageError, match="revision 'no-such-branch' not found"):
        diff(str(repo.root), revisions["base"], revisions["head"])


def test_each_blob_is_read_once_and_the_working_tree_is_not_touched(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit(AANMELD, "customers: 500", "customers: 600")
    repo.commit()
    repo.edit(AANMELD, "customers: 600", "customers: 700")  # uncommitted, must stay
    read: list[str] = []
    real_read = sources._BlobReader.read

    def counting_read(self: sources._BlobReader, blob: str) -> bytes | object:
        read.append(blob)
        return real_read(self, blob)

    monkeypatch.setattr(sources._BlobReader, "read", counting_read)
    result = diff(str(repo.root), "base", "HEAD")
    files = git(repo.path, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
    assert len(read) == 2 * len(files) == 8
    assert len(set(read)) == len(files) + 1  # the one file that changed has two blobs
    assert [j.id for j in result.journeys] == ["ik-meld-me-aan"]
    assert "customers: 700" in (repo.root / AANMELD).read_text(encoding="utf-8")
    assert git(repo.path, "status", "--porcelain") == f"M journeys/{AANMELD}"


def test_the_messages_whole(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    root = str(tmp_path / "journeys")
    with pytest.raises(UsageError) as outside:
        repository_of(root)
    assert as_shown(outside.value) == (
        f"--root '{root}' is not inside a git repository; diff compares git revisions, so run "
        "it in a clone of the framework's repository"
    )
    with pytest.raises(UsageError) as empty:
        repository_of("  ")
    assert as_shown(empty.value) == (
        "--root is empty; pass the folder that holds framework.yaml, or leave it out to use "
        "journeys/"
    )


def test_a_root_outside_the_work_tree_that_git_was_told_of_is_refused(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIT_DIR and GIT_WORK_TREE make git answer for a repository elsewhere."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.setenv("GIT_DIR", str(repo.path / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(repo.path))
    with pytest.raises(UsageError) as raised:
        repository_of(str(outside))
    assert as_shown(raised.value) == (
        f"--root '{outside}' is outside the git repository at '{repo.path.resolve()}'; "
        "pass a folder inside it"
    )


def test_without_git_it_says_to_install_git(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(UsageError) as raised:
        repository_of(str(repo.root))
    assert as_shown(raised.value) == (
        "git is not installed or not on PATH; install git to compare revisions"
    )


def test_the_working_tree_is_read_from_the_folder_itself(repo: Repository) -> None:
    assert source_of(repo.path, "journeys", None).root == repo.root
    assert source_of(repo.path, "", None).root == repo.path


def test_the_commit_a_working_tree_stands_on(repo: Repository) -> None:
    short = git(repo.path, "rev-parse", "--short", "HEAD")
    day = date.fromisoformat(git(repo.path, "log", "-1", "--format=%cs"))
    assert head_commit(repo.root) == Commit(short, day, changed=False)
    repo.edit(AANMELD, "name:", "name: X")
    assert head_commit(str(repo.root)) == Commit(short, day, changed=True)


def test_no_commit_outside_a_repository_or_before_the_first(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    assert head_commit(tmp_path / "journeys") is None
    assert head_commit(tmp_path / "missing") is None
    git(tmp_path, "init", "-q")
    assert head_commit(tmp_path / "journeys") is None


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts parsed from here on."""
    from journeyctl.load import tree as loading

    texts: list[str] = []
    real_parse = loading.parse

    def counting(text: str) -> object:
        texts.append(text)
        return real_parse(text)

    monkeypatch.setattr(loading, "parse", counting)
    return texts


def test_what_both_revisions_hold_is_parsed_once_and_then_not_again(
    repo: Repository, parsed: list[str]
) -> None:
    repo.edit(AANMELD, "customers: 500", "customers: 600")
    repo.commit()
    files = git(repo.path, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
    first = diff(str(repo.root), "base", "HEAD")
    assert len(parsed) == len(files) + 1  # the one file that changed, twice
    parsed.clear()
    assert diff(str(repo.root), "base", "HEAD") == first  # from the folder's cache
    assert parsed == []


def test_without_the_cache_both_revisions_are_still_compared_alike(
    repo: Repository, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit(AANMELD, "customers: 500", "customers: 600")
    repo.commit()
    cached = diff(str(repo.root), "base", "HEAD")
    monkeypatch.setenv("JOURNEYCTL_NO_CACHE", "1")
    parsed.clear()
    assert diff(str(repo.root), "base", "HEAD") == cached
    files = git(repo.path, "ls-tree", "-r", "--name-only", "HEAD").splitlines()
    assert len(parsed) == len(files) + 1
