"""The small tree of the render tests, as every page's view, terminal report and page see it."""

from __future__ import annotations

from functools import cache

from journeyctl.reports import ReportInput
from tests.render.conftest import render_tree  # noqa: F401  (a fixture these tests use)
from tests.render.conftest import report_input as _report_input
from tests.render.conftest import site as _site


@cache
def prepared() -> ReportInput:
    return _report_input()


@cache
def pages(lang: str = "en") -> dict[str, str]:
    """The site of the small tree, HTML and Markdown, by path."""
    return _site(formats=("html", "md"), lang=lang)
