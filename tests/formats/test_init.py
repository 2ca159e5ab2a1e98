"""Choosing a findings format by name: `auto` is GitHub's under GitHub Actions only."""

from __future__ import annotations

import pytest

from journeyctl.formats import resolve_format


@pytest.mark.parametrize(
    ("environment", "chosen"), [(None, "text"), ("true", "github"), ("false", "text")]
)
def test_auto_is_github_only_under_github_actions(
    monkeypatch: pytest.MonkeyPatch, environment: str | None, chosen: str
) -> None:
    if environment is None:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    else:
        monkeypatch.setenv("GITHUB_ACTIONS", environment)
    assert resolve_format("auto") == chosen
    assert resolve_format("sarif") == "sarif"
