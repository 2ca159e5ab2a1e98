"""The improvements page: one view for the terminal, its Markdown and the HTML and Markdown
pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from journeyctl.formats.reports import as_markdown
from journeyctl.model import Improvement
from journeyctl.reports import ImprovementsReport, improvements_report
from journeyctl.text import Lang
from journeyctl.views.cells import Cell, Figure
from journeyctl.views.improvements import StatusCount, axis_top, improvements_view
from tests.views.conftest import pages, prepared
from tests.views.tables import html_tables, markdown_tables, view_rows

PAY = Cell("I pay my bill", link="journeys/i-pay-my-bill")
REMIND = Cell("I get a reminder", link="journeys/i-get-a-reminder")


def test_the_view_whole() -> None:
    shown = improvements_view(improvements_report(prepared()), "en")
    table = shown.improvements
    assert table.title == "Improvements, period 2025"
    assert table.headers == (
        "Improvement", "Status", "Owner", "Journeys", "Customers (largest journey)", "Contacts",
        "Effort (1-5)", "Started", "Done",
    )  # fmt: skip
    assert table.numeric == (False, False, False, False, True, True, True, False, False)
    assert (table.flexible, table.one_line) == (3, frozenset({7, 8}))
    assert table.anchors == ("explain-the-amount", "one-tap-payment")
    assert table.rows == (
        (
            Cell("Explain why the amount changed"),
            Cell("in progress", below="open"),
            Cell("Bob Jones"),
            Cell("I pay my bill", parts=(PAY,)),
            Cell("5,000"),
            Cell("1,000"),
            Cell("2"),
            Cell("1 Mar 2025"),
            Cell("-"),
        ),
        (
            Cell("One-tap payment link", below="shared"),
            Cell("implemented", below="done"),
            Cell("Ann Smith"),
            Cell("I pay my bill; I get a reminder", parts=(PAY, REMIND)),
            Cell("up to 5,000"),  # the larger journey's customers, never their sum (5,700)
            Cell("1,300"),
            Cell("3"),
            Cell("10 Jan 2025"),
            Cell("30 May 2025"),
        ),
    )
    assert shown.by_journey.headers == ("Journey", "Open", "Done", "Rejected")
    assert shown.by_journey.rows == (
        (PAY, Cell("1"), Cell("1"), Cell("0")),
        (REMIND, Cell("0"), Cell("1"), Cell("0")),
    )
    assert shown.tables == (shown.first, table, shown.details, shown.by_journey)
    assert shown.notes == (
        "2 improvements: 1 open, 1 done, 0 rejected; 1 shared by several journeys",
        "By status: in progress 1, implemented 1",
        "Value: the contacts a period would avoid, the contacts of each journey it touches in "
        "2025 times the expected change; ordered by value per effort point. Quick win: effort 2 "
        "or less and a value of at least 100 (the median).",
    )
    assert shown.figures == (
        Figure("1", "open"),
        Figure("1", "quick wins"),
        Figure("1", "done", "good"),
        Figure("1", "shared by several journeys"),
        Figure("0", "rejected"),
    )
    assert shown.by_status[3:5] == (
        StatusCount("in-progress", "in progress", "1"),
        StatusCount("implemented", "implemented", "1"),
    )
    assert [item.count for item in shown.by_status] == ["0", "0", "0", "1", "1", "0"]


def test_which_first_the_details_and_the_matrix() -> None:
    """explain-the-amount expects 10% fewer contacts of I pay my bill (1,000 in 2025): 100
    avoided, effort 2, 50 per effort point; the only one, so the median and a quick win."""
    shown = improvements_view(improvements_report(prepared()), "en", explain=True)
    assert shown.first.headers == (
        "Rank", "Improvement", "Journeys", "Contacts", "Effect on contacts", "Contacts avoided",
        "Effort (1-5)", "Per effort point",
    )  # fmt: skip
    assert shown.first.rows == (
        (
            Cell("1"),
            Cell(
                "Explain why the amount changed",
                below="quick win",
                tone="good",
                link="improvements#explain-the-amount",
            ),
            Cell("I pay my bill", parts=(PAY,)),
            Cell("1,000"),
            Cell("-10%"),
            Cell("100", tone="strong"),
            Cell("2"),
            Cell("50.0"),
        ),
    )
    assert shown.explanation is not None
    assert shown.explanation.rows == (
        (
            Cell("Explain why the amount changed"),
            Cell("I pay my bill"),
            Cell("1,000 \u00d7 10%"),
            Cell("100"),
        ),
    )
    assert shown.details.rows[0] == (
        Cell("Explain why the amount changed", link="improvements#explain-the-amount"),
        Cell("The bill says in one line why the amount differs from last month's."),
        Cell("contacts -10%"),
        Cell("-"),
        Cell("PAY-12"),
    )
    assert shown.matrix is not None
    assert [(p.number, p.effort, p.value, p.quick_win) for p in shown.matrix.points] == [
        (1, 2, 100, True)
    ]
    assert (shown.matrix.top, shown.matrix.ticks, shown.matrix.median) == (
        100,
        ("0", "50", "100"),
        100,
    )
    assert "Explain why the amount changed" in shown.matrix.said
    assert shown.tables[:2] == (shown.first, shown.explanation)


def test_without_effects_on_contacts_no_value_no_matrix_and_a_hint() -> None:
    given = prepared()
    kpi_only = tuple(i.model_copy(update={"expected": {}}) for i in given.improvements)
    shown = improvements_view(improvements_report(replace(given, improvements=kpi_only)), "en")
    assert (shown.first.rows, shown.matrix) == ((), None)
    assert shown.first.empty.startswith("No open improvement expects an effect on contacts yet")
    assert shown.notes[-1] == (
        "Without a value (no expected effect on contacts, or no contacts in 2025): "
        "Explain why the amount changed"
    )


def test_columns_no_improvement_fills_are_left_out() -> None:
    given = prepared()
    bare = tuple(
        i.model_copy(update={"effort": None, "started": None, "done": None})
        for i in given.improvements
    )
    shown = improvements_view(improvements_report(replace(given, improvements=bare)), "en")
    assert shown.improvements.headers[-2:] == ("Customers (largest journey)", "Contacts")
    assert shown.improvements.numeric[-2:] == (True, True)
    assert shown.improvements.one_line == frozenset()
    assert all(len(row) == 6 for row in shown.improvements.rows)


def test_no_improvements_says_so_and_counts_nothing() -> None:
    given = replace(prepared(), improvements=())
    shown = improvements_view(improvements_report(given), "nl")
    assert (shown.improvements.rows, shown.improvements.empty) == ((), "Nog geen verbeteringen.")
    assert shown.by_journey.rows == ()
    assert len(shown.notes) == 1


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_report_and_the_pages_show_the_same_cells(lang: Lang) -> None:
    report = improvements_report(prepared())
    expected = [view_rows(table) for table in improvements_view(report, lang).tables]
    assert markdown_tables(as_markdown(report, lang)) == expected
    assert markdown_tables(pages(lang)["improvements.md"]) == expected
    html = pages(lang)["improvements.html"]
    assert html_tables(html) == expected
    assert '<tr id="one-tap-payment">' in html
    assert (
        '<a href="journeys/i-pay-my-bill.html">I pay my bill</a><br>'
        '<a href="journeys/i-get-a-reminder.html">I get a reminder</a>'
    ) in html


@pytest.mark.parametrize(
    ("value", "top"),
    [
        (1, 2), (2, 2), (3, 3), (7, 8), (9, 10), (10, 10), (11, 20), (25, 30), (35, 40),
        (45, 50), (55, 60), (61, 80), (85, 100), (100, 100), (101, 200), (27_150, 30_000),
    ],
)  # fmt: skip
def test_the_value_axis_ends_at_a_round_number_above_the_largest_value(
    value: int, top: int
) -> None:
    assert axis_top(value) == top


def with_improvements(*data: dict[str, object]) -> ImprovementsReport:
    given = prepared()
    improvements = tuple(Improvement.model_validate(d) for d in data)
    return improvements_report(replace(given, improvements=improvements))


def test_the_explanation_names_a_journey_without_contacts_and_marks_estimates() -> None:
    """12.5% of I pay my bill's 1,000 contacts (estimated here) is 125; I move house has no
    volume in 2025 and adds nothing; a done improvement with a value is not explained."""
    given = prepared()
    journeys = tuple(
        j.model_copy(
            update={
                "volumes": [v.model_copy(update={"estimated": ["contacts"]}) for v in j.volumes]
            }
        )
        if j.id == "i-pay-my-bill"
        else j
        for j in given.journeys
    )
    open_one = {
        "id": "open-one", "title": "Open one", "journeys": ["i-pay-my-bill", "i-move-house"],
        "status": "planned", "effort": 1, "expected": {"contacts": "-12.5%"},
    }  # fmt: skip
    done = {
        "id": "done", "title": "Done", "journeys": ["i-get-a-reminder"],
        "status": "implemented", "effort": 1, "expected": {"contacts": "-10%"},
    }  # fmt: skip
    report = improvements_report(
        replace(
            given,
            journeys=journeys,
            improvements=tuple(Improvement.model_validate(d) for d in (open_one, done)),
        )
    )
    shown = improvements_view(report, "en", explain=True)
    table = shown.explanation
    assert table is not None
    assert (table.title, table.numeric, table.flexible, table.one_line) == (
        "Value, journey by journey",
        (False, False, True, True),
        0,
        frozenset({2}),
    )
    assert table.headers == ("Improvement", "Journey", "Contacts", "Contacts avoided")
    assert table.rows == (
        (
            Cell("Open one"),
            Cell("I pay my bill"),
            Cell("1,000 \u00d7 12.5%", mark="~"),
            Cell("125"),
        ),
        (Cell("Open one"), Cell("I move house"), Cell("no volume in 2025"), Cell("-")),
    )
    # The value is marked as computed from an estimate; the done one is not among the first.
    assert [row[1].text for row in shown.first.rows] == ["Open one"]
    assert shown.first.rows[0][4:6] == (Cell("-12.5%"), Cell("125", tone="strong", mark="~"))
    assert shown.notes[-1] == "~ estimated, not counted"
    empty = improvements_view(with_improvements(), "en", explain=True).explanation
    assert empty is not None and empty.empty.startswith("No open improvement expects")


def test_an_expected_effect_on_a_kpi_is_a_change_with_its_sign() -> None:
    given = prepared()
    first = given.improvements[0]
    effects = {"contacts": "-10%", "nps": 8, "ces": 0.8, "wait": -2.5}
    changed = first.model_copy(update={"expected": effects})
    report = improvements_report(replace(given, improvements=(changed, *given.improvements[1:])))
    row = next(row for row in improvements_view(report, "nl").details.rows)
    assert row[2].text.split("; ")[1:] == [
        "Net Promoter Score +8",  # the framework's name of the KPI
        "ces +0,8",
        "wait -2,5",
    ]
