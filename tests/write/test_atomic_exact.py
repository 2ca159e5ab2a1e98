"""Atomic writes, exactly: which folder each write syncs, and the whole of each message."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.write import WriteError, atomic, write_bytes, write_text, write_under


@pytest.fixture
def synced_folders(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders synced after a rename, in order (not synced for real)."""
    folders: list[Path] = []
    monkeypatch.setattr(atomic, "_sync_folder", folders.append)
    return folders


def test_each_write_syncs_its_folder_unless_told_not_to(
    tmp_path: Path, synced_folders: list[Path]
) -> None:
    assert write_under(tmp_path, "a/x.yaml", "x\n") == tmp_path / "a/x.yaml"
    write_text(tmp_path / "b/y.yaml", "y\n")
    write_bytes(tmp_path / "c/z.xlsx", b"z")
    assert synced_folders == [tmp_path / "a", tmp_path / "b", tmp_path / "c"]
    write_under(tmp_path, "a/x2.yaml", "x\n", sync_folder=False)
    write_text(tmp_path / "b/y2.yaml", "y\n", sync_folder=False)
    write_bytes(tmp_path / "c/z2.xlsx", b"z", sync_folder=False)
    assert synced_folders == [tmp_path / "a", tmp_path / "b", tmp_path / "c"]
    assert (tmp_path / "a/x2.yaml").read_bytes() == b"x\n"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ab\udc80", "surrogates not allowed at position 2"),
        ("\ud800x", "surrogates not allowed at position 0"),
    ],
)
def test_text_utf8_cannot_encode_is_named_with_its_file(
    tmp_path: Path, text: str, reason: str
) -> None:
    target = tmp_path / "x.yaml"
    for write in (lambda: write_text(target, text), lambda: write_under(tmp_path, "x.yaml", text)):
        with pytest.raises(WriteError) as raised:
            write()
        assert str(raised.value) == (
            f"cannot write '{target}': the text holds a character that UTF-8 cannot encode "
            f"({reason}); remove it; nothing was changed"
        )
    assert list(tmp_path.iterdir()) == []
