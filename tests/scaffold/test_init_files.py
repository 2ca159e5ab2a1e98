"""The files `init` writes, whole: each case in init/ is every file of one repository.

A case file holds the files one after another, each under a line `=== <path> ===`, in the
order `init_files` gives them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeyctl.scaffold import CI, Language, Source, init_files

HERE = Path(__file__).parent / "init"
SOURCE = Source("https://example.org/owner/journeyctl", "0123456789abcdef0123456789abcdef01234567")
PINNED = Source("https://example.org/owner/journeyctl", "fedcba9876543210fedcba9876543210fedcba98")

# case -> (language, where journeyctl came from, CI service, branch)
CASES: dict[str, tuple[Language, Source | None, CI, str]] = {
    "nl-github-main": ("nl", None, "github", "main"),
    "en-gitlab-trunk-pinned": ("en", SOURCE, "gitlab", "trunk"),
    "en-github-develop-pinned": ("en", PINNED, "github", "develop"),
}


def _files(text: str) -> dict[str, str]:
    parts = re.split(r"^=== (.+) ===\n", text, flags=re.MULTILINE)
    assert parts[0] == ""
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("case", CASES)
def test_init_writes_exactly_these_files(case: str) -> None:
    language, source, ci, branch = CASES[case]
    expected = _files((HERE / f"{case}.txt").read_text(encoding="utf-8"))
    files = init_files(language, source, ci=ci, branch=branch)
    assert list(files) == list(expected)
    for path, text in files.items():
        assert text == expected[path], path


def test_the_defaults_are_github_and_main() -> None:
    assert init_files("nl", None) == init_files("nl", None, ci="github", branch="main")
