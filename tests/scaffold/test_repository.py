"""`init` as a feature: the files it writes, in order, and git's part, failure included."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Literal

import pytest

from journeyctl.scaffold import CI_FILES, init_files, init_repository
from journeyctl.schema import schema_files
from journeyctl.write import WriteError


@pytest.fixture(autouse=True)
def git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A git configuration of the test's own, so that the user's does not decide the branch."""
    config = tmp_path / "gitconfig"
    config.write_text("[init]\n\tdefaultBranch = hoofd\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setattr("journeyctl.scaffold.repository.installed_from", lambda: None)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_gitignore_ignores_the_writers_temporaries(language: Literal["nl", "en"]) -> None:
    lines = init_files(language, None)[".gitignore"].splitlines()
    assert lines[-3:] == [".journeyctl-cache/", "site/", ".*.journeyctl-tmp"]


def test_init_writes_the_files_then_the_schemas_and_makes_a_repository(tmp_path: Path) -> None:
    made = init_repository(tmp_path / "repo", "en", "gitlab", force=False)
    base = tmp_path / "repo"
    files = [*init_files("en", None, ci="gitlab", branch="hoofd"), *schema_files()]
    assert made.base == base
    assert [p.relative_to(base).as_posix() for p in made.written] == [
        *files[:-3],
        *(f"schemas/{name}" for name in files[-3:]),
    ]
    assert (made.repository.branch, made.repository.exists, made.repository.git) == (
        "hoofd",
        False,
        True,
    )
    assert (made.ci_file, made.source, made.failure) == (CI_FILES["gitlab"], None, None)
    assert (base / ".git").is_dir()


def test_a_repository_git_cannot_make_is_reported_after_the_files_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = subprocess.run

    def failing_init(arguments: list[str], **options: object) -> object:
        if "init" in arguments:
            return subprocess.CompletedProcess(arguments, 1, "", "fatal: no\n")
        return real(arguments, **options)  # type: ignore[call-overload]

    monkeypatch.setattr("journeyctl.write.repository.subprocess.run", failing_init)
    made = init_repository(tmp_path / "repo", "nl", "github", force=False)
    assert len(made.written) == 10
    assert isinstance(made.failure, WriteError)
    assert str(made.failure) == (
        f"the files were written, but git could not make a repository in "
        f"'{tmp_path / 'repo'}' (fatal: no); run `git init` there yourself"
    )


def test_nothing_is_written_where_the_folder_cannot_be_one(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(WriteError, match="it is a file, not a folder"):
        init_repository(tmp_path / "file", "nl", "github", force=True)
