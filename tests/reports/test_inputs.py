"""What the reports share: the periods settled once and the ranking."""

from __future__ import annotations

from datetime import date

import pytest

from journeyctl.errors import UsageError
from journeyctl.model.journey import Volume
from journeyctl.reports import prepare, previous_period
from tests.conftest import as_shown
from tests.reports.tree import TODAY, checked, report_input


@pytest.mark.parametrize(
    ("period", "before"),
    [
        ("2025", "2024"),
        ("2025-Q3", "2025-Q2"),
        ("2025-Q1", "2024-Q4"),
        ("2025-06", "2025-05"),
        ("2025-10", "2025-09"),
        ("2025-01", "2024-12"),
    ],
)
def test_previous_period(period: str, before: str) -> None:
    assert previous_period(period) == before


def test_the_default_period_is_ranks_and_compare_the_one_before() -> None:
    given = report_input(today=date(2025, 6, 1))
    assert (given.period, given.compare, given.as_of) == ("2025", "2024", None)
    # The ranking shows the movement against it too (render's ranking page uses it).
    assert given.ranking.compare_period == "2024"
    assert given.today == date(2025, 6, 1)


def test_no_compare_when_no_journey_has_the_period_before() -> None:
    given = report_input(period="2024")
    assert (given.period, given.compare, given.as_of) == ("2024", None, date(2024, 12, 31))


def test_a_compare_period_nobody_has_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as raised:
        report_input(compare="2023")
    assert as_shown(raised.value) == (
        "--compare '2023': no journey has volumes for that period; periods present: 2024, 2025"
    )


def test_today_defaults_to_the_clock() -> None:
    from journeyctl.reports import prepare
    from tests.reports.tree import checked

    tree = checked()
    given = prepare(tree.framework, tree.journeys, tree.improvements)
    assert given.today == date.today()


@pytest.mark.parametrize(("period", "before"), [("2025-Q2", "2025-Q1"), ("2025-02", "2025-01")])
def test_the_period_before_the_second_of_a_year(period: str, before: str) -> None:
    assert previous_period(period) == before


def test_an_asked_period_is_compared_with_the_one_before_it() -> None:
    """With volumes for 2023 too, 2024 is ranked and compared with 2023, not the default 2025."""
    tree = checked()
    earlier = Volume(period="2023", customers=100, contacts=10)
    journeys = [
        j.model_copy(update={"volumes": [earlier, *j.volumes]}) if j.id == "a" else j
        for j in tree.journeys
    ]
    given = prepare(tree.framework, journeys, tree.improvements, period="2024", today=TODAY)
    assert (given.period, given.compare) == ("2024", "2023")
    assert (given.ranking.period, given.ranking.compare_period) == ("2024", "2023")


def test_a_tree_without_volumes_has_no_period_and_nothing_to_compare() -> None:
    tree = checked()
    journeys = [j.model_copy(update={"volumes": []}) for j in tree.journeys]
    given = prepare(tree.framework, journeys, tree.improvements, today=TODAY)
    assert (given.period, given.compare, given.as_of, given.ranking.journeys) == (
        None,
        None,
        None,
        [],
    )


def test_a_journey_by_id() -> None:
    given = report_input()
    found = given.journey("b")
    assert (found.id if found else None, given.journey("nobody")) == ("b", None)
