"""What a site was made from: the commit and its date, or outside git the newest file's date.

Every page says it (the footer, also printed), so that a printed map or a page sent round
shows how current it is. Never the clock: the same tree gives the same words, and so the same
bytes (DESIGN: byte-identical output for the same input).

    made = made_from(root, files)   # the tree's folder and the files it read
    made.said(lang)                 # "Made from commit 9954edc of 6 Dec 2026"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from journeyctl.diff import head_commit
from journeyctl.text import Lang, format_date, label


@dataclass(frozen=True)
class Made:
    commit: str | None  # abbreviated as git abbreviates it; None outside a git repository
    date: date  # the commit's date; outside git the date the newest file was last changed
    changed: bool = False  # the folder has changes not committed

    def said(self, lang: Lang) -> str:
        day = format_date(self.date, lang)
        if self.commit is None:
            return label("render.made.files", lang).format(date=day)
        key = "render.made.changed" if self.changed else "render.made.commit"
        return label(key, lang).format(commit=self.commit, date=day)

    def on(self, lang: Lang) -> str:
        """ "made 6 Dec 2026, commit 9954edc": for a line under a page's title."""
        day = format_date(self.date, lang)
        if self.commit is None:
            return label("render.made.on", lang).format(date=day)
        return label("render.made.on_commit", lang).format(date=day, commit=self.commit)


def made_from(root: str | Path, files: Iterable[Path]) -> Made:
    """The commit the folder `root` stands on, with its date; outside git, the date (in UTC,
    whatever the machine's time zone) that the newest of `files` was last changed."""
    commit = head_commit(root)
    if commit is not None:
        return Made(commit.short, commit.date, commit.changed)
    times = [path.stat().st_mtime for path in files]
    newest = max(times) if times else 0.0
    return Made(None, datetime.fromtimestamp(newest, timezone.utc).date())
