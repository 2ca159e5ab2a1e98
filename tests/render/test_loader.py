"""Templates are read only from the project's templates folder and the shipped one: a file
that leads out, is not a regular file, is too big or is not UTF-8 is refused by name."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyctl.render import TemplateRefused
from journeyctl.render import loader as loader_module
from journeyctl.render.loader import TemplateFolders
from tests.render.test_templating import render_with


def link_out(folder: Path) -> str:
    (folder / "part.html.j2").symlink_to(folder.parent / "secret.txt")
    (folder.parent / "secret.txt").write_text("secret\n", encoding="utf-8")
    return "leads outside the templates folder"


def fifo(folder: Path) -> str:
    os.mkfifo(folder / "part.html.j2")
    return "is not a regular file; templates are plain text files"


def too_big(folder: Path) -> str:
    (folder / "part.html.j2").write_text("x" * 1_000_001, encoding="utf-8")
    return "is more than 1,000,000 bytes, more than a template may be"


def not_utf8(folder: Path) -> str:
    (folder / "part.html.j2").write_bytes(b"ab\xff")
    return "is not UTF-8 text (byte 3); save it as UTF-8"


CASES: dict[str, Callable[[Path], str]] = {
    "a link out of the folder": link_out,
    "a FIFO": fifo,
    "a file past the size limit": too_big,
    "not UTF-8": not_utf8,
}


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_an_included_file_is_refused(tmp_path: Path, make: Callable[[Path], str]) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    words = make(folder)
    with pytest.raises(TemplateRefused) as refused:
        render_with(folder, "index.html.j2", "a\n{% include 'part.html.j2' %}\n")
    message = str(refused.value)
    assert message.startswith(f"{folder / 'index.html.j2'}:2: ")
    assert str(folder / "part.html.j2") in message and words in message, message
    assert "secret" not in message.replace("secret.txt", "")


def test_a_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    (tmp_path / "part.html.j2").write_text("x" * loader_module.MAX_TEMPLATE_BYTES, "utf-8")
    html = render_with(tmp_path, "index.html.j2", "{% include 'part.html.j2' %}")
    assert html == "x" * loader_module.MAX_TEMPLATE_BYTES


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.html.j2").write_text("real", encoding="utf-8")
    (tmp_path / "part.html.j2").symlink_to(tmp_path / "real.html.j2")
    assert render_with(tmp_path, "index.html.j2", "{% include 'part.html.j2' %}") == "real"


def test_a_name_in_a_subfolder_and_with_dots_is_found(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts/a.html.j2").write_text("in a folder", encoding="utf-8")
    html = render_with(tmp_path, "index.html.j2", "{% include './parts/./a.html.j2' %}")
    assert html == "in a folder"


def test_a_shipped_template_missing_says_to_reinstall(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "index.html.j2").write_text("x", encoding="utf-8")
    folders = TemplateFolders(None, shipped)
    from jinja2 import Environment, TemplateNotFound

    with pytest.raises(TemplateNotFound) as missing:
        folders.get_source(Environment(), "ranking.html.j2")
    assert missing.value.message == (
        "template 'ranking.html.j2' not found; it ships with journeyctl, so reinstall "
        "journeyctl or add the file to your templates folder"
    )
    project = tmp_path / "project"
    project.mkdir()
    with pytest.raises(TemplateNotFound) as missing:
        TemplateFolders(project, shipped).get_source(Environment(), "mine.html.j2")
    assert missing.value.message == (
        f"template 'mine.html.j2' not found in '{project}' nor among journeyctl's own "
        f"templates; add it to '{project}' or correct the name"
    )
    assert TemplateFolders(project, shipped).get_source(Environment(), "index.html.j2")[:2] == (
        "x",
        str(shipped / "index.html.j2"),
    )
