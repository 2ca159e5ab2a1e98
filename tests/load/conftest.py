"""What every test of loading shares."""

from __future__ import annotations

import pytest

from journeyctl.load import positions, scalars, schema_errors, tags


@pytest.fixture(autouse=True)
def read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads its scalars, key tables and model keys afresh.

    Plain values, short texts and the tags of plain scalars (`PLAIN_VALUES`,
    `SHARED_TEXTS`, `PLAIN_TAGS`), the key
    tables that mappings with the same keys share (`positions._tables`) and the keys each
    model has (`schema_errors._known_keys`) are remembered for the whole process: without
    fresh memos, what another test (or an earlier run in the same process) worked out first
    would never reach the code that works it out and the messages tested here, and a
    mistake in them would go unnoticed.
    """
    monkeypatch.setattr(scalars, "PLAIN_VALUES", {})
    monkeypatch.setattr(scalars, "SHARED_TEXTS", {})
    monkeypatch.setattr(tags, "PLAIN_TAGS", dict(tags.WORD_TAGS))
    monkeypatch.setattr(positions, "_tables", {})
    schema_errors._known_keys.cache_clear()
