"""The repository `init` makes, asked of git in-process: which branch, whether one exists."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from journeyctl.write import WriteError
from journeyctl.write.repository import Repository, make_repository, repository_of


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return done.stdout.strip() or done.stderr.strip()


@pytest.fixture(autouse=True)
def git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git configuration of the test's own; no repository above the test's folder counts."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Test\n\temail = test@example.org\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return config


@pytest.mark.parametrize(("configured", "branch"), [(None, "master"), ("trunk", "trunk")])
def test_outside_git_the_branch_is_the_one_git_init_would_make(
    tmp_path: Path, configured: str | None, branch: str
) -> None:
    if configured:
        git(tmp_path, "config", "--global", "init.defaultBranch", configured)
    (tmp_path / "here").mkdir()
    expected = Repository(branch, exists=False, git=True)
    assert repository_of(tmp_path / "here") == expected
    assert repository_of(tmp_path / "here/not/made/yet") == expected


def test_inside_a_repository_its_branch_is_named(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "--initial-branch=develop")
    (repo / "sub").mkdir()
    expected = Repository("develop", exists=True, git=True)
    assert repository_of(repo) == expected
    assert repository_of(repo / "sub") == expected
    assert repository_of(repo / "sub/new/deeper") == expected


def test_a_detached_head_counts_as_the_default_branch(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "--initial-branch=develop")
    git(repo, "commit", "-q", "--allow-empty", "-m", "first")
    git(repo, "checkout", "-q", "--detach")
    assert repository_of(repo) == Repository("master", exists=True, git=True)


def test_make_repository_makes_one_on_the_branch(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    make_repository(folder, "hoofd")
    assert git(folder, "symbolic-ref", "--short", "HEAD") == "hoofd"
    assert repository_of(folder) == Repository("hoofd", exists=True, git=True)


def test_a_repository_git_cannot_make_is_refused_saying_why(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (tmp_path / "probe").mkdir()
    reason = git(tmp_path / "probe", "init", "--quiet", "--initial-branch=bad..name")
    assert reason.startswith("fatal:")
    with pytest.raises(WriteError) as raised:
        make_repository(folder, "bad..name")
    assert str(raised.value) == (
        f"the files were written, but git could not make a repository in '{folder}' "
        f"({reason}); run `git init` there yourself"
    )


def test_without_git_nothing_is_made_and_the_refusal_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert repository_of(tmp_path) == Repository("master", exists=False, git=False)
    with pytest.raises(WriteError) as raised:
        make_repository(tmp_path, "main")
    assert str(raised.value) == (
        f"the files were written, but git could not make a repository in '{tmp_path}' "
        "(git is not installed); run `git init` there yourself"
    )
