"""What every test of loading shares."""

from __future__ import annotations

import pytest

from journeyctl.load import yamlfile


@pytest.fixture(autouse=True)
def read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads its scalars afresh.

    Plain values and the tags of plain scalars are remembered for the whole process
    (`_PLAIN_VALUES`, `_PLAIN_TAGS`): without fresh memos, a value that another test (or an
    earlier run in the same process) read first would never reach the readers and the
    messages tested here, and a mistake in them would go unnoticed.
    """
    monkeypatch.setattr(yamlfile, "_PLAIN_VALUES", {})
    monkeypatch.setattr(yamlfile, "_PLAIN_TAGS", dict(yamlfile._WORD_TAGS))
