"""What every page says it was made from: the commit and its date in git, the newest file's
date outside it; never the clock, so the same tree gives the same words."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime, timezone
from pathlib import Path

from journeyctl.render import Made, made_from
from tests.diff.conftest import Repository, git, repo
from tests.render.conftest import TREE

__all__ = ["repo"]  # the fixture: a git repository holding a small tree


def test_in_git_the_commit_and_its_date(repo: Repository) -> None:
    made = made_from(repo.root, [])
    short = git(repo.path, "rev-parse", "--short", "HEAD")
    day = git(repo.path, "log", "-1", "--format=%cs")
    assert made == Made(short, date.fromisoformat(day), changed=False)
    said = f"Made with journeyctl from commit {short} of {made.date.day} {made.date:%b %Y}."
    assert made.said("en") == said


def test_changes_not_committed_are_said(repo: Repository) -> None:
    (repo.root / "notes.txt").write_text("not committed", encoding="utf-8")
    made = made_from(repo.root, [])
    assert made.changed
    assert made.said("nl").endswith(", met wijzigingen die nog niet zijn vastgelegd.")


def test_outside_git_the_newest_file_in_utc(tmp_path: Path) -> None:
    root = tmp_path / "journeys"
    shutil.copytree(TREE, root)
    files = sorted(root.rglob("*.yaml"))
    for number, path in enumerate(files):
        os.utime(path, (0, datetime(2025, 3, 1 + number, 23, 30, tzinfo=timezone.utc).timestamp()))
    made = made_from(root, files)
    assert made == Made(None, date(2025, 3, len(files)))
    assert made.said("en") == (
        f"Made with journeyctl from files last changed on {len(files)} Mar 2025 (not in git)."
    )
    assert made.said("nl").startswith("Gemaakt met journeyctl uit bestanden die het laatst")
