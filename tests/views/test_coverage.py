"""The coverage page: one view for the terminal, its Markdown and the HTML and Markdown pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from journeyctl.formats.reports import as_markdown
from journeyctl.reports import Coverage, coverage_report
from journeyctl.text import Lang
from journeyctl.views.cells import Cell, Figure
from journeyctl.views.coverage import _tone, coverage_view
from tests.views.conftest import pages, prepared
from tests.views.tables import html_tables, markdown_tables, view_rows


def test_a_reason_that_no_journey_lists() -> None:
    """Sign-up's reason (400 of the 2,000 contacts) no longer listed: 2 of 3 reasons, 80%."""
    given = prepared()
    journeys = tuple(
        j.model_copy(
            update={
                "contact_reasons": [],
                "steps": [s.model_copy(update={"contact_reasons": []}) for s in j.steps],
            }
        )
        if j.id == "i-sign-up"
        else j
        for j in given.journeys
    )
    shown = coverage_view(coverage_report(replace(given, journeys=journeys)), "en")
    assert shown.figures == (
        Figure("67%", "of the contact reasons covered", "bad"),
        Figure("80%", "of the contacts in 2025 covered", ""),
        Figure("2 / 3", "covered", ""),
        Figure("1", "Not covered by any journey", "bad"),
    )
    assert shown.phases.rows == (
        (Cell("Joining"), Cell("1"), Cell("0"), Cell("0%"), Cell("400"), Cell("0%")),
        (Cell("Being a customer"), Cell("2"), Cell("2"), Cell("100%"), Cell("1,600"), Cell("100%")),
        (Cell("Total", tone="strong"), Cell("3"), Cell("2"), Cell("67%"), Cell("2,000"), Cell("80%")),
    )  # fmt: skip
    assert shown.reasons.rows[0] == (
        Cell("Where is my sign-up?"),
        Cell("Joining"),
        Cell("not covered", tone="bad"),
        Cell("400"),
    )
    assert shown.notes == ("2 of 3 contact reasons covered by a journey (67%)",)


def test_without_contacts_the_share_is_a_count_only() -> None:
    report = coverage_report(prepared())
    uncounted = Coverage(reasons=3, covered=3, contacts=None, covered_contacts=None)
    report = replace(
        report,
        period="1999",
        rows=tuple(replace(row, contacts=None) for row in report.rows),
        total=uncounted,
    )
    shown = coverage_view(report, "en")
    assert shown.notes[-1] == ("No contact reason has volumes for 1999: coverage is a count only")
    assert [f.caption for f in shown.figures] == [
        "of the contact reasons covered",
        "covered",
        "Not covered by any journey",
    ]
    assert shown.phases.rows[-1][4:] == (Cell("-"), Cell("-"))


@pytest.mark.parametrize(
    ("share", "tone"),
    [
        (None, ""),
        (1.0, "good"),
        (0.9, "good"),
        (0.8999, ""),
        (0.7, ""),
        (0.6999, "bad"),
        (0.0, "bad"),
    ],
)
def test_the_tone_of_a_share(share: float | None, tone: str) -> None:
    assert _tone(share) == tone


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_report_and_the_pages_show_the_same_cells(lang: Lang) -> None:
    report = coverage_report(prepared())
    expected = [view_rows(table) for table in coverage_view(report, lang).tables]
    assert markdown_tables(as_markdown(report, lang)) == expected
    assert html_tables(pages(lang)["coverage.html"]) == expected
    assert markdown_tables(pages(lang)["coverage.md"]) == expected
