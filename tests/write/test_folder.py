"""`write_folder`: a set of files into a folder, all of them or none."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeyctl.write import WriteError, write_folder
from journeyctl.write.folder import _digest, _digest_of


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_new_folder_gets_every_file(tmp_path: Path) -> None:
    written = write_folder(tmp_path / "site", {"index.html": "a\n", "journeys/x.html": "b\n"})
    assert written.written == [tmp_path / "site/index.html", tmp_path / "site/journeys/x.html"]
    assert tree(tmp_path / "site") == {"index.html": b"a\n", "journeys/x.html": b"b\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_existing_folder_keeps_the_files_not_in_the_set(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "journeys").mkdir(parents=True)
    (site / "notes.txt").write_bytes(b"mine\n")
    (site / "index.html").write_bytes(b"old\n")
    write_folder(site, {"index.html": "new\n", "journeys/x.html": "b\n"})
    assert tree(site) == {"index.html": b"new\n", "journeys/x.html": b"b\n", "notes.txt": b"mine\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_that_cannot_be_written_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"old\n")
    with pytest.raises(WriteError, match="UTF-8 cannot encode"):
        # The second file cannot be encoded: the first must not land either.
        write_folder(site, {"index.html": "new\n", "z.html": "\udc80"})
    assert tree(site) == {"index.html": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_is_no_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_bytes(b"mine\n")
    with pytest.raises(WriteError, match="it is a file, not a folder"):
        write_folder(target, {"index.html": "a\n"})
    assert target.read_bytes() == b"mine\n"


def test_a_file_in_the_way_of_a_folder_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "journeys").write_bytes(b"mine\n")
    with pytest.raises(WriteError, match="is a file, not a folder; move it away"):
        write_folder(site, {"index.html": "a\n", "journeys/x.html": "b\n"})
    assert tree(site) == {"journeys": b"mine\n"}


def test_a_path_outside_the_folder_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="must be relative and stay inside"):
        write_folder(tmp_path / "site", {"index.html": "a\n", "../escape.html": "b\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_through_a_symlink_to_a_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    write_folder(tmp_path / "link", {"index.html": "a\n"})
    assert tree(real) == {"index.html": b"a\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_tidy_deletes_what_an_earlier_write_left_and_nothing_else(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = {"index.html": "a\n", "journeys/old.html": "o\n", "journeys/edited.html": "e\n"}
    assert write_folder(site, first, tidy=True).removed == []
    (site / "notes.txt").write_bytes(b"mine\n")
    (site / "journeys/edited.html").write_bytes(b"changed by hand\n")
    second = write_folder(site, {"index.html": "b\n", "journeys/new.html": "n\n"}, tidy=True)
    assert second.written == [site / "index.html", site / "journeys/new.html"]
    assert second.removed == [site / "journeys/old.html"]
    assert tree(site) == {
        ".journeyctl-written": b"".join(
            f"{_digest(text)}  {name}\n".encode()
            for name, text in [("index.html", "b\n"), ("journeys/new.html", "n\n")]
        ),
        "index.html": b"b\n",
        "journeys/edited.html": b"changed by hand\n",
        "journeys/new.html": b"n\n",
        "notes.txt": b"mine\n",
    }


def test_tidy_removes_a_folder_it_leaves_empty_but_never_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_folder(site, {"journeys/a/x.html": "x\n", "keep/y.html": "y\n"}, tidy=True)
    (site / "keep/mine.txt").write_bytes(b"mine\n")
    removed = write_folder(site, {"index.html": "i\n"}, tidy=True).removed
    assert removed == [site / "journeys/a/x.html", site / "keep/y.html"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        ".journeyctl-written",
        "index.html",
        "keep",
        "keep/mine.txt",
    ]
    assert write_folder(site, {}, tidy=True).removed == [site / "index.html"]
    assert site.is_dir()


@pytest.mark.parametrize(
    "record",
    [
        "{digest}  ../outside.html\n",  # climbs out of the folder
        "{digest}  /abs/outside.html\n",
        "{digest}  link.html\n",  # a symlink the user made
        "garbage without two spaces\n",
        "\udc80",  # not UTF-8
    ],
)
def test_tidy_trusts_no_record_line_outside_the_folder(tmp_path: Path, record: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    outside = tmp_path / "outside.html"
    outside.write_bytes(b"o\n")
    (site / "link.html").symlink_to(outside)
    text = record.format(digest=_digest("o\n"))
    (site / ".journeyctl-written").write_bytes(text.encode("utf-8", "surrogateescape"))
    assert write_folder(site, {"index.html": "i\n"}, tidy=True).removed == []
    assert outside.read_bytes() == b"o\n"
    assert (site / "link.html").is_symlink()


def test_without_tidy_no_record_is_written_or_read(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_folder(site, {"index.html": "a\n", "x.html": "x\n"}, tidy=True)
    result = write_folder(site, {"index.html": "b\n"})
    assert result.removed == []
    assert (site / "x.html").read_bytes() == b"x\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_record_that_is_not_a_regular_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    os.mkfifo(site / ".journeyctl-written")  # reading it would wait for a writer forever
    with pytest.raises(WriteError) as raised:
        write_folder(site, {"index.html": "a\n"}, tidy=True)
    assert str(raised.value).startswith(
        f"cannot write '{site / '.journeyctl-written'}': it is a named pipe (FIFO), which is "
        "not a regular file;"
    )
    assert sorted(p.name for p in site.iterdir()) == [".journeyctl-written"]
    # Without tidy the record is neither read nor written: the FIFO is none of its business.
    assert write_folder(site, {"index.html": "a\n"}).written == [site / "index.html"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_in_a_files_place_is_refused_before_any_file_moves(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "journeys").mkdir(parents=True)
    (site / "index.html").write_bytes(b"old\n")
    os.mkfifo(site / "journeys" / "x.html")
    with pytest.raises(WriteError, match="it is a named pipe"):
        write_folder(site, {"index.html": "new\n", "journeys/x.html": "x\n"})
    assert (site / "index.html").read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failure_names_the_file_in_the_folder_asked_for_not_the_staging_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WriteError) as raised:
        write_folder(Path("site"), {"index.html": "ok", "broken.html": "\ud800"})
    assert str(raised.value).startswith(
        "cannot write 'site/broken.html': the text holds a character that UTF-8 cannot encode"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_texts_made_one_at_a_time_land_as_a_mapping_does(tmp_path: Path) -> None:
    from journeyctl.write.folder import write_folder_made

    files = {f"journeys/{n}.html": f"page {n}\n" for n in range(100)}
    made = write_folder_made(tmp_path / "a", list(files), iter(files.values()), tidy=True)
    whole = write_folder(tmp_path / "b", files, tidy=True)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert [p.relative_to(tmp_path / "a") for p in made.written] == [
        p.relative_to(tmp_path / "b") for p in whole.written
    ]


def test_a_text_that_cannot_be_made_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    from journeyctl.write.folder import write_folder_made

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"old\n")
    made: list[int] = []

    def texts() -> Iterator[str]:
        for number in range(60):
            made.append(number)
            if number == 50:
                raise RuntimeError("a template failed")
            yield f"page {number}\n"

    names = ["index.html", *(f"journeys/{n}.html" for n in range(1, 60))]
    with pytest.raises(RuntimeError, match="a template failed"):
        write_folder_made(site, names, texts(), tidy=True)
    assert made[-1] == 50  # nothing asked for after the failure
    assert tree(site) == {"index.html": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_write_that_fails_in_a_thread_is_said_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeyctl.write import folder

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"old\n")

    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(folder, "_write_new", full)
    with pytest.raises(WriteError, match="No space left on device; fix that"):
        write_folder(site, {"index.html": "new\n", "x.html": "x\n"})
    assert tree(site) == {"index.html": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("size", [0, 1, 2046, 2047, 2048, 4094, 4095, 100_000])
def test_a_digest_in_pieces_is_the_digest_of_the_whole(size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert _digest_of(data) == hashlib.blake2b(data, digest_size=16).hexdigest()
