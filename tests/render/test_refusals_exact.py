"""A refused template's one line, whole: the file and line it names (the innermost of the
project's templates, else of any template, else the page's name) and what it says."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from journeyctl.render import BUILTIN_TEMPLATES, TemplateRefused, environment, targets
from journeyctl.render.loader import TemplateFolders
from journeyctl.render.targets import TargetRefused, check_targets
from journeyctl.render.templating import render
from tests.render.test_templating import render_with


def refusal(env_templates: Path | None, name: str) -> str:
    with pytest.raises(TemplateRefused) as refused:
        render(environment(env_templates), name, {})
    return str(refused.value)


def test_a_shipped_template_that_fails_names_its_own_file_and_line() -> None:
    assert refusal(None, "index.html.j2") == (
        f"{BUILTIN_TEMPLATES / 'base.html.j2'}:2: 'lang' is undefined; fix the template"
    )


def test_a_page_template_that_is_missing_is_named_by_the_page(tmp_path: Path) -> None:
    assert refusal(tmp_path, "nope.html.j2") == (
        f"nope.html.j2: template 'nope.html.j2' not found in '{tmp_path}' nor among "
        f"journeyctl's own templates; add it to '{tmp_path}' or correct the name"
    )


def test_a_failure_in_a_shipped_macro_is_the_projects_line_that_called_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "index.html.j2").write_text(
        "a\n{% import '_macros.html.j2' as m %}{{ m.journey_link(none, '') }}\n",
        encoding="utf-8",
    )
    assert refusal(tmp_path, "index.html.j2") == (
        f"{tmp_path / 'index.html.j2'}:2: 'None' has no attribute 'page'; fix the template"
    )


def test_a_failure_in_an_included_project_template_is_its_own_line(tmp_path: Path) -> None:
    (tmp_path / "part.html.j2").write_text("x\n\n{{ 1 / 0 }}\n", encoding="utf-8")
    with pytest.raises(TemplateRefused) as refused:
        render_with(tmp_path, "index.html.j2", "a\n{% include 'part.html.j2' %}\n")
    assert str(refused.value) == (
        f"{tmp_path / 'part.html.j2'}:3: ZeroDivisionError: division by zero; fix the template"
    )


def test_a_template_that_does_not_parse_is_named_by_its_path(tmp_path: Path) -> None:
    with pytest.raises(TemplateRefused) as refused:
        render_with(tmp_path, "index.html.j2", "a\nb\n{% if %}\n")
    assert str(refused.value) == (
        f"{tmp_path / 'index.html.j2'}:3: Expected an expression, got 'end of statement block'; "
        "fix the template"
    )


def test_recursion_without_end_says_how_to_stop_it(tmp_path: Path) -> None:
    with pytest.raises(TemplateRefused) as refused:
        render_with(tmp_path, "index.html.j2", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    message = str(refused.value)
    assert message.startswith(f"{tmp_path / 'index.html.j2'}:1: "), message
    assert message.split(": ", 1)[1] == (
        "the template calls itself (a macro or an include) too deeply, without end; "
        "give the recursion a condition that stops it"
    )


def test_a_project_file_is_one_under_the_projects_folder(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    project = tmp_path / "project"
    assert not TemplateFolders(None, shipped).is_project_file(str(shipped / "a.html.j2"))
    folders = TemplateFolders(project, shipped)
    assert folders.is_project_file(str(project / "a.html.j2"))
    assert folders.is_project_file(str(project / "parts/a.html.j2"))
    assert not folders.is_project_file(str(shipped / "a.html.j2"))


# -- targets ---------------------------------------------------------------------------------

KINDS = {
    "a folder": stat.S_IFDIR,
    "a FIFO": stat.S_IFIFO,
    "a socket": stat.S_IFSOCK,
    "a device": stat.S_IFCHR,
    "a file": stat.S_IFREG,
}


@pytest.mark.parametrize(("mode", "kind"), [(mode, kind) for kind, mode in KINDS.items()])
def test_the_kind_of_what_is_in_the_way(mode: int, kind: str) -> None:
    assert targets._kind(mode | 0o644) == kind


def test_a_block_device_is_a_device() -> None:
    assert targets._kind(stat.S_IFBLK | 0o600) == "a device"


def test_a_fifo_where_a_page_goes_is_named(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    os.mkfifo(tmp_path / "journeys/a.html")
    with pytest.raises(TargetRefused) as refused:
        check_targets(tmp_path, ["index.html", "journeys/a.html"])
    assert str(refused.value) == (
        f"cannot write '{tmp_path / 'journeys/a.html'}': a FIFO of that name is in the way; "
        "move it away; nothing was written"
    )


def test_a_fifo_where_a_folder_of_pages_goes_is_named(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "journeys")
    with pytest.raises(TargetRefused) as refused:
        check_targets(tmp_path, ["journeys/a.html"])
    assert str(refused.value) == (
        f"cannot write pages into '{tmp_path / 'journeys'}': it is a FIFO, not a folder; move "
        "it away; nothing was written"
    )


def test_nothing_is_beside_the_file_systems_root() -> None:
    assert targets._beside(Path("/")) == ""


def test_beside_the_root_on_another_drive_is_shown_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    def other_drive(path: object, start: object = None) -> str:
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(os.path, "relpath", other_drive)
    site = Path("/projects/site")
    assert targets._beside(Path("/projects/journeys")) == f", such as '{site}' beside it"
