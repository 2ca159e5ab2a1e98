"""`write_folder` with `tidy`: which left-over files it reads to compare, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.write import write_folder
from journeyctl.write.folder import RECORD, _digest

LIMIT = 64 * 1024 * 1024  # a left-over file larger than this is kept unread


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as file:
        file.truncate(size)  # zeros, without writing them


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
@pytest.mark.parametrize(("size", "removed"), [(LIMIT, True), (LIMIT + 1, False)])
def test_tidy_compares_a_left_over_file_up_to_64_mib(
    tmp_path: Path, size: int, removed: bool
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _sparse(site / "big.bin", size)
    (site / RECORD).write_text(f"{_digest(chr(0) * size)}  big.bin\n", encoding="utf-8")
    result = write_folder(site, {"index.html": "i\n"}, tidy=True)
    assert result.removed == ([site / "big.bin"] if removed else [])
    assert (site / "big.bin").exists() is not removed


def test_tidy_removes_an_unchanged_file_that_is_not_utf8(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.bin").write_bytes(b"a\x80\xffb\n")
    digest = _digest("a\udc80\udcffb\n")  # the bytes as surrogateescape reads them
    (site / RECORD).write_text(f"{digest}  old.bin\n", encoding="utf-8")
    result = write_folder(site, {"index.html": "i\n"}, tidy=True)
    assert result.removed == [site / "old.bin"]
    assert sorted(p.name for p in site.iterdir()) == [RECORD, "index.html"]


def test_the_record_holds_the_digests_b2sum_l_128_writes(tmp_path: Path) -> None:
    # `printf 'a\n' | b2sum -l 128`, and the same for 'é\n': a record can be checked by hand.
    write_folder(tmp_path / "site", {"b.html": "é\n", "a/x.html": "a\n"}, tidy=True)
    assert (tmp_path / "site" / RECORD).read_text(encoding="utf-8") == (
        "b93e0fc7bb21633c08bba07c5e71dc00  a/x.html\nbad657e10774c914cace953a5047c92f  b.html\n"
    )


@pytest.mark.parametrize("name", ["my  page.html", " leading.html", "a  b  c.html", "é.html"])
def test_tidy_reads_a_record_line_up_to_its_first_two_spaces(tmp_path: Path, name: str) -> None:
    site = tmp_path / "site"
    write_folder(site, {name: "old\n", "index.html": "i\n"}, tidy=True)
    assert write_folder(site, {"index.html": "i\n"}, tidy=True).removed == [site / name]
    assert sorted(p.name for p in site.iterdir()) == [RECORD, "index.html"]


def test_tidy_trusts_no_line_but_digest_two_spaces_name(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "x.html").write_bytes(b"x\n")
    digest = _digest("x\n")
    lines = [f"{digest}\tx.html", f"{digest} x.html", f"{digest}x.html"]
    (site / RECORD).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    assert write_folder(site, {"index.html": "i\n"}, tidy=True).removed == []
    assert (site / "x.html").read_bytes() == b"x\n"


def test_an_existing_folder_gets_files_two_folders_deeper(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_bytes(b"mine\n")
    result = write_folder(site, {"journeys/a/x.html": "x\n", "index.html": "i\n"})
    assert result.written == [site / "journeys/a/x.html", site / "index.html"]
    assert (site / "journeys/a/x.html").read_bytes() == b"x\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_left_over_file_that_cannot_be_removed_stays_and_is_not_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    write_folder(site, {"a/old.html": "o\n", "b/gone.html": "g\n", "index.html": "i\n"}, tidy=True)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == "old.html":
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    result = write_folder(site, {"index.html": "i\n"}, tidy=True)
    assert result.removed == [site / "b/gone.html"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        RECORD,
        "a",
        "a/old.html",
        "index.html",
    ]


def test_tidy_names_what_it_removed_by_the_path_it_was_given(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    site = tmp_path / "link" / "site"  # a folder under a symlinked one: not resolved
    write_folder(site, {"old.html": "o\n", "index.html": "i\n"}, tidy=True)
    result = write_folder(site, {"index.html": "i\n"}, tidy=True)
    assert result.written == [site / "index.html"]
    assert result.removed == [site / "old.html"]
    assert sorted(p.name for p in (tmp_path / "real/site").iterdir()) == [RECORD, "index.html"]
