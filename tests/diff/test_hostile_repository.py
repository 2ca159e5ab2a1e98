"""A repository under review may be hostile: its `.git/config` and `.gitattributes` can name
programs that git runs for some commands (an fsmonitor, a pager, hooks, filters, an external
diff, a text conversion). `diff` reads revisions with plumbing commands that run none of
them, so reviewing a pull request never runs what the pull request wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from tests.diff.conftest import BETAAL, Repository, git, repo

__all__ = ["repo"]


def _marker_command(marker: Path) -> str:
    return f"touch {marker}; false"


HOSTILE_CONFIG = [
    ("core.fsmonitor", "{command}"),
    ("core.pager", "{command}"),
    ("pager.ls-tree", "{command}"),
    ("diff.external", "{command}"),
    ("filter.evil.smudge", "{command}"),
    ("filter.evil.clean", "{command}"),
    ("filter.evil.process", "{command}"),
    ("diff.evil.textconv", "{command}"),
    ("core.sshCommand", "{command}"),
    ("uploadpack.packObjectsHook", "{command}"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "value"), HOSTILE_CONFIG, ids=[k for k, _ in HOSTILE_CONFIG])
def test_diff_runs_nothing_a_hostile_repository_names(
    repo: Repository, tmp_path: Path, key: str, value: str
) -> None:
    marker = tmp_path / "ran"
    (repo.path / ".gitattributes").write_text("* filter=evil diff=evil\n", encoding="utf-8")
    hooks = repo.path / ".git" / "hooks"
    for hook in ("post-checkout", "post-index-change", "reference-transaction"):
        (hooks / hook).write_text(f"#!/bin/sh\n{_marker_command(marker)}\n", encoding="utf-8")
        (hooks / hook).chmod(0o755)
    repo.edit(BETAAL, "contacts: 200}", "contacts: 260}")
    git(repo.path, "config", key, value.format(command=_marker_command(marker)))
    result = CliRunner().invoke(app, ["diff", "base", "--root", str(repo.root)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "contacten 200 -> 260" in result.stdout
    assert not marker.exists(), f"{key} ran"


def test_a_revision_that_looks_like_an_option_is_never_passed_to_git_as_one(
    repo: Repository,
) -> None:
    result = CliRunner().invoke(app, ["diff", "--root", str(repo.root), "--", "--output=/dev/full"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: '--output=/dev/full' is not a git revision; name a commit, branch or tag\n"
    )
