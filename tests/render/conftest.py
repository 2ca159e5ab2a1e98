"""The small tree the render tests draw (`tree/`, in English) and helpers to render it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeyctl.framework import CheckedTree, check
from journeyctl.render import Page, RenderOptions, environment, plan_site, render_page
from journeyctl.reports import ReportInput, prepare

TREE = Path(__file__).parent / "tree"
TODAY = date(2026, 1, 15)


def checked(root: Path = TREE) -> CheckedTree:
    tree = check(root, today=TODAY)
    assert tree.usable, tree.validation.findings
    return tree


def report_input(root: Path = TREE) -> ReportInput:
    tree = checked(root)
    return prepare(tree.framework, tree.journeys, tree.improvements, today=TODAY)


def site(root: Path = TREE, templates: Path | None = None, **options: object) -> dict[str, str]:
    """Every page of the site of `root` (path -> text), through the shipped templates (and a
    project's `templates`, if given)."""
    tree = checked(root)
    settings = RenderOptions(today=TODAY, **options)  # type: ignore[arg-type]
    pages = plan_site(tree.framework, tree.journeys, tree.improvements, settings)
    env = environment(templates)
    return {page.path: render_page(env, page) for page in pages}


def page_of(pages: list[Page], path: str) -> Page:
    return next(page for page in pages if page.path == path)


@pytest.fixture
def render_tree(tmp_path: Path) -> Path:
    """A copy of the small tree, to change in a test."""
    import shutil

    target = tmp_path / "journeys"
    shutil.copytree(TREE, target)
    return target
