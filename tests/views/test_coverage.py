"""The coverage page: one view for the terminal, its Markdown and the HTML and Markdown pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from journeyctl.formats.reports import as_markdown
from journeyctl.reports import Coverage, coverage_report
from journeyctl.reports.coverage import Part
from journeyctl.text import Lang
from journeyctl.views.cells import Cell, Figure
from journeyctl.views.coverage import _tone, coverage_view
from tests.views.conftest import pages, prepared
from tests.views.tables import html_tables, markdown_tables, view_rows


def test_a_reason_that_no_journey_lists() -> None:
    """Sign-up's reason (400 of the 2,000 contacts) no longer listed: of the 3 reasons one is
    mapped (the bill's, 1,000 contacts), one only listed (moving, 600) and one not covered."""
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
        Figure("33%", "of the contact reasons covered by a mapped journey", "bad"),
        Figure("50%", "of the contacts in 2025 under reasons a mapped journey covers", "bad"),
        Figure("1", "covered only by a listed journey, not yet mapped", "bad"),
        Figure("1", "Not covered by any journey", "bad"),
    )
    assert shown.phases.headers == (
        "Phase", "Reasons", "Mapped", "Listed only", "Share mapped", "Contacts",
        "Of contacts mapped",
    )  # fmt: skip
    assert shown.phases.rows == (
        (Cell("Joining"), Cell("1"), Cell("0"), Cell("0"), Cell("0%"), Cell("400"), Cell("0%")),
        (Cell("Being a customer"), Cell("2"), Cell("1"), Cell("1"), Cell("50%"), Cell("1,600"), Cell("63%")),
        (Cell("Total", tone="strong"), Cell("3"), Cell("1"), Cell("1"), Cell("33%"), Cell("2,000"), Cell("50%")),
    )  # fmt: skip
    bill = Cell("I pay my bill", link="journeys/i-pay-my-bill")
    move = Cell("I move house", link="journeys/i-move-house")
    assert shown.reasons.rows == (
        (
            Cell("Question about the bill"),
            Cell("Being a customer"),
            Cell("mapped", tone="good"),
            Cell("I pay my bill", parts=(bill,)),
            Cell("1,000"),
        ),
        (
            Cell("Change of address"),
            Cell("Being a customer"),
            Cell("listed only"),
            Cell("I move house", parts=(move,)),
            Cell("600"),
        ),
        (
            Cell("Where is my sign-up?"),
            Cell("Joining"),
            Cell("not covered", tone="bad"),
            Cell("-"),
            Cell("400"),
        ),
    )
    assert shown.notes == (
        "1 of 3 contact reasons covered by a mapped journey (33%); 1 more only by a listed one; "
        "1 not covered",
        "Of the contacts in 2025: 50% under reasons a mapped journey covers, 30% under reasons "
        "only listed journeys cover",
    )


def test_without_contacts_the_share_is_a_count_only() -> None:
    report = coverage_report(prepared())
    uncounted = Coverage(reasons=3, contacts=None, mapped=Part(3, None), listed=Part(0, None))
    report = replace(
        report,
        period="1999",
        rows=tuple(replace(row, contacts=None) for row in report.rows),
        total=uncounted,
    )
    shown = coverage_view(report, "en")
    assert shown.notes[-1] == ("No contact reason has volumes for 1999: coverage is a count only")
    assert [f.caption for f in shown.figures] == [
        "of the contact reasons covered by a mapped journey",
        "covered only by a listed journey, not yet mapped",
        "Not covered by any journey",
    ]
    assert [f.tone for f in shown.figures] == ["good", "", "good"]
    assert shown.phases.rows[-1][5:] == (Cell("-"), Cell("-"))


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
