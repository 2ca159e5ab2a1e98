"""The owners page: one view for the terminal, its Markdown and the HTML and Markdown pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from journeyctl.formats.reports import as_markdown
from journeyctl.reports import owners_report
from journeyctl.text import Lang
from journeyctl.views.cells import NONE, Cell
from journeyctl.views.owners import owners_view
from tests.views.conftest import pages, prepared
from tests.views.tables import html_tables, markdown_tables, view_rows


def test_the_view_whole_with_a_journey_that_has_no_owner() -> None:
    given = prepared()
    journeys = tuple(
        j.model_copy(update={"owner": None}) if j.id == "i-move-house" else j
        for j in given.journeys
    )
    shown = owners_view(owners_report(replace(given, journeys=journeys)), "en")
    assert shown.owners.title == "Journey owners"
    assert shown.owners.headers == (
        "Owner",
        "Journeys",
        "Reviews overdue",
        "Open improvements they own",
        "Open improvements on their journeys",
    )
    assert shown.owners.numeric == (False, True, True, True, True)
    assert shown.owners.rows == (
        (Cell("Ann Smith"), Cell("1"), Cell("1", tone="bad"), Cell("0"), Cell("0")),
        (Cell("Bob Jones"), Cell("2"), Cell("1", tone="bad"), Cell("1"), Cell("1")),
        (Cell("Without an owner"), Cell("1"), Cell("0"), Cell("0"), Cell("0")),
    )
    assert shown.overdue.title == "Reviews overdue on 15 Jan 2026"
    assert shown.overdue.rows == (
        (
            Cell("I sign up", link="journeys/i-sign-up"),
            Cell("Ann Smith"),
            Cell("quarterly"),
            Cell("never"),
            Cell(NONE),
        ),
        (
            Cell("I pay my bill", link="journeys/i-pay-my-bill"),
            Cell("Bob Jones"),
            Cell("quarterly"),
            Cell("1 Jun 2025"),
            Cell("136"),
        ),
    )
    assert shown.tables == (shown.owners, shown.overdue)
    assert shown.notes == ()


def test_nobody_overdue_says_none() -> None:
    report = owners_report(prepared())
    calm = replace(report, rows=tuple(replace(row, overdue=()) for row in report.rows))
    shown = owners_view(calm, "nl")
    assert (shown.overdue.rows, shown.overdue.empty) == ((), "Geen.")
    assert [row[2] for row in shown.owners.rows] == [Cell("0"), Cell("0")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_report_and_the_pages_show_the_same_cells(lang: Lang) -> None:
    shown = owners_view(owners_report(prepared()), lang)
    expected = [view_rows(table) for table in shown.tables]
    assert markdown_tables(as_markdown(owners_report(prepared()), lang)) == expected
    assert html_tables(pages(lang)["owners.html"]) == expected
    assert markdown_tables(pages(lang)["owners.md"]) == expected
