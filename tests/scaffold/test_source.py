"""Where this journeyctl was installed from (PEP 610's direct_url.json), and what CI installs."""

from __future__ import annotations

from importlib import metadata

import pytest

from journeyctl.scaffold.source import PLACEHOLDER, Source, installed_from, requirement


class _Installed:
    """An installed distribution whose direct_url.json (PEP 610) says `text`."""

    def __init__(self, text: str | None) -> None:
        self.text = text

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return self.text


@pytest.mark.parametrize(
    ("direct_url", "expected"),
    [
        (
            '{"url": "https://example.org/cx/journeyctl", '
            '"vcs_info": {"vcs": "git", "commit_id": "abc123", "requested_revision": "main"}}',
            Source("https://example.org/cx/journeyctl", "abc123"),
        ),
        ('{"url": "file:///home/me/journeyctl", "dir_info": {"editable": true}}', None),
        (
            '{"url": "file:///home/me/journeyctl", "vcs_info": {"vcs": "git", "commit_id": "a"}}',
            None,
        ),
        ('{"url": "https://example.org/x", "vcs_info": {"vcs": "hg", "commit_id": "a"}}', None),
        ('{"url": "https://example.org/x", "vcs_info": {"vcs": "git"}}', None),
        ('{"vcs_info": {"vcs": "git", "commit_id": "a"}}', None),
        ('["not", "an", "object"]', None),
        ("not json", None),
        (None, None),  # from a package index: no direct_url.json
    ],
)
def test_where_journeyctl_was_installed_from(
    monkeypatch: pytest.MonkeyPatch, direct_url: str | None, expected: Source | None
) -> None:
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: _Installed(direct_url))
    assert installed_from() == expected


def test_a_journeyctl_that_is_not_installed_came_from_nowhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(name: str) -> None:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr("importlib.metadata.distribution", missing)
    assert installed_from() is None


def test_the_requirement_pins_the_commit_or_is_the_placeholder() -> None:
    source = Source("https://example.org/cx/journeyctl", "abc123")
    assert requirement(source) == "journeyctl @ git+https://example.org/cx/journeyctl@abc123"
    assert requirement(None) == PLACEHOLDER
    assert PLACEHOLDER.startswith("REPLACE-ME:")  # what the CI configurations stop at
