"""A real git repository holding the small base tree, committed and tagged `base`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BASE_TREE

BETAAL = "klant-zijn/facturatie/ik-betaal.yaml"
AANMELD = "klant-worden/aanmelden/ik-meld-me-aan.yaml"
BETAALLINK = "improvements/betaallink.yaml"


def git(repository: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repository), *arguments], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8").strip()


class Repository:
    """The repository, with its tree root at `journeys/`, and small edits of its files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = path / "journeys"

    def edit(self, file: str, old: str, new: str) -> None:
        target = self.root / file
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {file}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    def write(self, file: str, text: str) -> None:
        (self.root / file).parent.mkdir(parents=True, exist_ok=True)
        (self.root / file).write_text(text, encoding="utf-8")

    def commit(self, message: str = "change") -> str:
        git(self.path, "add", "-A")
        git(self.path, "commit", "-q", "-m", message)
        return git(self.path, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    path = tmp_path / "repo"
    shutil.copytree(BASE_TREE, path / "journeys")
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Test")
    git(path, "config", "user.email", "test@example.org")
    repository = Repository(path)
    repository.commit("base")
    git(path, "tag", "base")
    return repository
