"""The default period: the latest one that at least half of the journeys with volumes have."""

from __future__ import annotations

import pytest

from journeyctl.model import Framework, Journey
from journeyctl.rank import RankOptions, default_period, latest_period, rank
from journeyctl.rank.periods import earlier_period

FRAMEWORK = Framework.model_validate(
    {
        "name": "T",
        "phases": [{"id": "p", "name": "P"}],
        "clusters": [{"id": "c", "name": "C", "phase": "p"}],
    }
)


def journey(id_: str, *periods: str, status: str = "listed") -> Journey:
    volumes = [{"period": p, "customers": 10, "contacts": 1} for p in periods]
    return Journey.model_validate(
        {"id": id_, "name": id_, "phase": "p", "cluster": "c", "status": status, "volumes": volumes}
    )


def test_one_early_quarter_does_not_make_a_ranking_of_one() -> None:
    journeys = [
        journey("a", "2024", "2025", "2026-Q1"),
        journey("b", "2024", "2025"),
        journey("c", "2024", "2025"),
        journey("d", "2024"),
        journey("e"),  # no volumes: does not count
    ]
    assert latest_period(journeys) == "2026-Q1"
    assert default_period(journeys) == "2025"
    ranking = rank(FRAMEWORK, journeys, RankOptions())
    assert (ranking.period, ranking.period_chosen, ranking.without_period) == ("2025", True, 1)
    assert [j.id for j in ranking.journeys] == ["a", "b", "c"]


def test_exactly_half_is_enough() -> None:
    journeys = [
        journey("a", "2025", "2026-Q1"),
        journey("b", "2025", "2026-Q1"),
        journey("c", "2025"),
        journey("d", "2025"),
    ]
    assert default_period(journeys) == "2026-Q1"
    assert default_period(journeys[1:]) == "2025"  # one of three is less than half


def test_of_periods_ending_on_the_same_day_the_longest() -> None:
    journeys = [journey("a", "2025-12", "2025-Q4", "2025"), journey("b", "2025-12", "2025")]
    assert default_period(journeys) == "2025"


def test_retired_journeys_do_not_hold_the_period_back() -> None:
    journeys = [
        journey("a", "2024", "2025"),
        journey("old", "2023", status="retired"),
        journey("older", "2022", status="retired"),
    ]
    assert default_period(journeys) == "2025"


@pytest.mark.parametrize(
    ("journeys", "expected"),
    [([], None), ([journey("a")], None), ([journey("a", "2023", status="retired")], None)],
)
def test_no_period_without_rankable_volumes(journeys: list[Journey], expected: None) -> None:
    assert default_period(journeys) is expected


def test_only_retired_journeys_rank_in_their_latest_period_as_retired() -> None:
    ranking = rank(FRAMEWORK, [journey("old", "2023", status="retired")], RankOptions())
    assert ranking.period == "2023" and ranking.journeys == []
    assert [(u.id, u.reason) for u in ranking.unranked] == [("old", "retired")]


def test_a_period_given_leaves_no_count_of_journeys_without_it() -> None:
    journeys = [journey("a", "2024", "2025"), journey("b", "2024")]
    ranking = rank(FRAMEWORK, journeys, RankOptions(period="2025"))
    assert (ranking.period_chosen, ranking.without_period) == (False, 0)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2025", "2024"),  # not 2024-Q4 or 2025-Q1, though 2025-Q1 ends before 2025 does
        ("2025-Q2", "2025-Q1"),  # a quarter for a quarter, not the longer 2024
        ("2025-Q1", "2024-Q4"),
        ("2025-03", "2024"),  # no month earlier: the latest period before it of any kind
        ("2024", None),  # 2024-Q4 overlaps 2024: nothing is earlier
    ],
)
def test_the_period_to_compare_with_is_the_latest_earlier_one_of_its_kind(
    period: str, expected: str | None
) -> None:
    journeys = [journey("a", "2024", "2024-Q4", "2025-Q1", "2025"), journey("b", "2025-03")]
    assert earlier_period(journeys, period) == expected
