"""The git repository a new framework lives in: `init` makes one where there is none, so that
the first pull request has a branch to be compared with (`journeyctl diff BRANCH`).

git is asked, never configured: the branch is the one the folder's repository is on, or the
one `git init` would make there (`init.defaultBranch`, else git's own `master`), so that the
README and the CI workflow that `init` writes name the branch the repository really has.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from journeyctl.write.targets import WriteError

_GIT_DEFAULT_BRANCH = "master"  # what git init makes when init.defaultBranch is not set


@dataclass(frozen=True)
class Repository:
    """Where the framework's repository stands: its branch, and whether `init` must make it."""

    branch: str
    exists: bool
    git: bool  # whether git is installed; without it nothing is made


def repository_of(folder: Path) -> Repository:
    """The repository that holds `folder` (or the one `git init` would make there)."""
    above = next((p for p in (folder, *folder.parents) if p.is_dir()), Path.cwd())
    inside = _git(above, "rev-parse", "--is-inside-work-tree")
    if inside is None:
        return Repository(_GIT_DEFAULT_BRANCH, exists=False, git=False)
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        branch = _git(above, "symbolic-ref", "--quiet", "--short", "HEAD")
        name = branch.stdout.strip() if branch is not None and branch.returncode == 0 else ""
        return Repository(name or _GIT_DEFAULT_BRANCH, exists=True, git=True)
    if inside.returncode == 0:  # inside a .git folder or a bare repository: no work tree
        raise WriteError(
            f"'{folder}' is inside a git repository's own folder (.git, or a bare repository); "
            "make the framework in a working folder instead; nothing was written"
        )
    configured = _git(above, "config", "--get", "init.defaultBranch")
    name = configured.stdout.strip() if configured is not None else ""
    return Repository(name or _GIT_DEFAULT_BRANCH, exists=False, git=True)


def make_repository(folder: Path, branch: str) -> None:
    """`git init` in `folder` on `branch`; a WriteError that says what to run if it fails."""
    done = _git(folder, "init", "--quiet", f"--initial-branch={branch}")
    if done is None or done.returncode != 0:
        reason = done.stderr.strip() if done is not None else "git is not installed"
        raise WriteError(
            f"the files were written, but git could not make a repository in '{folder}' "
            f"({reason}); run `git init` there yourself"
        )


def _git(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str] | None:
    """git's answer, or None if git is not installed."""
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        return None
