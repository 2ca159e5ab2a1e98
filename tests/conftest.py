from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
BASE_TREE = CASES / "base"
REPO_ROOT = Path(__file__).parent.parent
TODAY = date(2026, 1, 15)


@pytest.fixture
def tree_dir(tmp_path: Path) -> Path:
    """A copy of the small valid base tree, to break in a test."""
    target = tmp_path / "journeys"
    shutil.copytree(BASE_TREE, target)
    return target


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path
