from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

# Before any test module imports openpyxl: the package decides, before openpyxl is first
# imported, that openpyxl parses with defusedxml and not lxml (see its __init__).
import journeyctl.inventory  # noqa: F401

CASES = Path(__file__).parent / "cases"
BASE_TREE = CASES / "base"
REPO_ROOT = Path(__file__).parent.parent
TODAY = date(2026, 1, 15)


# What a user's shell may hold that changes journeyctl's output; each test starts without it
# and sets what it needs, so the suite passes whatever the environment says.
_USER_ENVIRONMENT = (
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLUMNS",
    "LINES",
    "JOURNEYCTL_ROOT",
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "PYTHONIOENCODING",
    "XDG_CACHE_HOME",
)


@pytest.fixture(autouse=True)
def neutral_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _USER_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty cache of its own, never the user's: a test must not
    leave files in the home folder, nor pass because an earlier one warmed the cache."""
    monkeypatch.setenv("JOURNEYCTL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


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


def as_shown(error: Exception) -> str:
    """A feature's usage error as the command line shows it: the option, then the message."""
    parameter = getattr(error, "parameter", None)
    return f"--{parameter} {error}" if parameter else str(error)
