"""The ranking page: order, movement and the share of contacts the top journeys hold."""

from __future__ import annotations

from journeyctl.rank import RankOptions, rank
from journeyctl.render.context import Context
from journeyctl.render.ranking_view import RankingView, ranking_view
from journeyctl.text import Names
from tests.render.conftest import checked


def view(period: str = "2025", compare: str | None = "2024") -> RankingView:
    tree = checked()
    options = RankOptions(period=period, compare=compare)
    ranking = rank(tree.framework, tree.journeys, options)
    top = rank(tree.framework, tree.journeys, RankOptions(period=period, compare=compare, top=10))
    context = Context(tree.framework, "en", Names(tree.framework), ("index", "ranking"))
    return ranking_view(context, ranking, top)


def test_rows_in_rank_order_with_movement_and_cumulative_share() -> None:
    rows = [
        (r.rank, r.name, r.movement, r.contacts, r.contacts_before, r.cumulative_share, r.bar)
        for r in view().rows
    ]
    assert rows == [
        (1, "I pay my bill", "=", "1,000", "900", "59%", 100.0),
        (2, "I sign up", "=", "400", "300", "82%", 73.0),
        (3, "I get a reminder", "=", "300", "100", "100%", 32.3),
    ]


def test_the_top_journeys_share_of_contacts() -> None:
    shown = view()
    assert shown.top == 3
    assert shown.top_share == "100%"
    assert shown.top_share_text == (
        "The top 3 journeys hold 100% of the contacts of all ranked journeys in 2025 (1,700 of 1,700)."
    )
    # The Life Cycle Model: the reasons of the ranked journeys against all reasons' contacts.
    assert shown.reason_share_text == (
        "The contact reasons of these journeys hold 70% of all contacts in 2025 (1,400 of 2,000)."
    )


def test_unranked_journeys_with_their_reason() -> None:
    assert [(u.name, u.reason) for u in view().unranked] == [("I move house", "no volumes yet")]


def test_without_a_compared_period_no_movement() -> None:
    shown = view(compare=None)
    assert shown.compare_period == ""
    assert {r.movement for r in shown.rows} == {""}
