"""The `journeyctl-validate` hook of `.pre-commit-hooks.yaml`, run by pre-commit itself.

A repository made by `journeyctl init` points pre-commit at this repository (a local path
as `repo:`, its HEAD as `rev:`), as one made by a journeyctl installed from git does. pre-commit clones
it, builds the hook's environment with pip, and runs the hook: it passes on the tree `init`
made, fails with the finding on a broken one, and as a git hook it stops that commit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# Slow (pre-commit clones this repository and builds the hook's environment with pip): left
# out of the quick suite.
pytestmark = pytest.mark.slow

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)


def _run(folder: Path, *command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )


def _this_repository_head() -> str | None:
    done = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return done.stdout.strip() if done.returncode == 0 else None


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")
def test_pre_commit_runs_the_hook_from_this_repository(tmp_path: Path) -> None:
    head = _this_repository_head()
    if head is None:
        pytest.skip("this copy of journeyctl is not a git repository")
    env = _environment(tmp_path)
    repository = _framework(tmp_path, env)
    (repository / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO_ROOT.as_posix()}\n    rev: {head}\n"
        "    hooks:\n      - id: journeyctl-validate\n",
        encoding="utf-8",
    )
    _the_hook_passes_fails_and_stops_a_commit(repository, env)


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")
def test_pre_commit_runs_the_configuration_init_wrote_as_it_is(tmp_path: Path) -> None:
    """Without a repository to pin, `init` writes a local hook: it runs the journeyctl on
    the PATH, with nothing to fill in first."""
    env = _environment(tmp_path)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    repository = _framework(tmp_path, env)
    assert "repo: local" in (repository / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    _the_hook_passes_fails_and_stops_a_commit(repository, env)


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("GIT_DIR", None)
    return env


def _framework(tmp_path: Path, env: dict[str, str]) -> Path:
    """A framework repository made by `journeyctl init`, its files staged in git."""
    repository = tmp_path / "framework"
    journeyctl = [sys.executable, "-m", "journeyctl"]
    assert _run(tmp_path, *journeyctl, "init", str(repository), env=env).returncode == 0
    # The first import of the inventory: a cluster, an owner and a journey.
    sheet = tmp_path / "inventaris.csv"
    sheet.write_text(
        "Klantreis;Fase;Cluster;Cluster-id;Eigenaar;Eigenaar-id\n"
        "Ik ontvang mijn factuur;Klant zijn;Ik ontvang en betaal de factuur;factuur;CX-team;"
        "cx-team\n",
        encoding="utf-8",
    )
    imported = _run(repository, *journeyctl, "import", str(sheet), "--add-missing", env=env)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    for command in (
        ["init", "-q", "-b", "main"],
        ["config", "user.name", "Test"],
        ["config", "user.email", "test@example.org"],
        ["add", "-A"],
    ):
        _run(repository, "git", *command, env=env).check_returncode()
    return repository


def _the_hook_passes_fails_and_stops_a_commit(repository: Path, env: dict[str, str]) -> None:
    assert PRE_COMMIT is not None
    _run(repository, "git", "add", "-A", env=env).check_returncode()
    passed = _run(repository, PRE_COMMIT, "run", "--all-files", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "journeyctl validate" in passed.stdout and "Passed" in passed.stdout

    journey = next((repository / "journeys").rglob("ik-*.yaml"))
    journey.write_text(
        journey.read_text(encoding="utf-8").replace("owner: cx-team", "owner: niemand"),
        encoding="utf-8",
    )
    _run(repository, "git", "add", "-A", env=env).check_returncode()
    failed = _run(repository, PRE_COMMIT, "run", "--all-files", env=env)
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "error   JC203 unknown owner 'niemand'" in failed.stdout

    _run(repository, PRE_COMMIT, "install", env=env).check_returncode()
    commit = _run(repository, "git", "commit", "-q", "-m", "broken", env=env)
    assert commit.returncode != 0
    assert _run(repository, "git", "rev-list", "--all", env=env).stdout == ""
