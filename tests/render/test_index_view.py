"""What the index shows: phases as columns, clusters inside, journeys as cards."""

from __future__ import annotations

from journeyctl.render.context import Context
from journeyctl.render.index_view import IndexView, index_view
from journeyctl.text import Names
from tests.render.conftest import report_input


def view() -> IndexView:
    prepared = report_input()
    context = Context(prepared.framework, "en", Names(prepared.framework), ("index",))
    return index_view(context, prepared.journeys, prepared.ranking)


def test_phases_clusters_and_cards_in_the_frameworks_order() -> None:
    shown = view()
    layout = [
        (phase.name, [(c.name, [card.id for card in c.journeys]) for c in phase.clusters])
        for phase in shown.phases
    ]
    assert layout == [
        ("Joining", [("I sign up", ["i-sign-up"])]),
        (
            "Being a customer",
            [
                ("I get and pay my bill", ["i-pay-my-bill", "i-get-a-reminder"]),
                ("I move house", ["i-move-house"]),
            ],
        ),
    ]


def test_a_card_shows_owner_status_volumes_rank_and_movement() -> None:
    cards = {card.id: card for p in view().phases for c in p.clusters for card in c.journeys}
    pay = cards["i-pay-my-bill"]
    assert (pay.name, pay.owner, pay.status, pay.status_key) == (
        "I pay my bill",
        "Bob Jones",
        "improving",
        "improving",
    )
    assert (pay.customers, pay.contacts, pay.rank, pay.movement) == ("5,000", "1,000", "1", "=")
    assert (pay.page, pay.steps) == ("journeys/i-pay-my-bill", "4 steps")
    house = cards["i-move-house"]
    assert (house.customers, house.rank, house.movement, house.steps) == (
        "-",
        "-",
        "",
        "",
    )


def test_the_sequences_and_the_summary() -> None:
    shown = view()
    assert [[s.name for s in seq.steps] for seq in shown.sequences] == [
        ["I sign up", "I pay my bill", "I get a reminder"]
    ]
    assert shown.summary == "4 journeys, 1 mapped; volumes and ranks of 2025, movement against 2024"
    assert (shown.title, shown.period, shown.compare_period) == ("Example Power", "2025", "2024")


def test_a_cluster_without_journeys_says_which_command_adds_one() -> None:
    prepared = report_input()
    journeys = [j for j in prepared.journeys if j.cluster != "moving"]
    context = Context(prepared.framework, "en", Names(prepared.framework), ("index",))
    shown = index_view(context, journeys, prepared.ranking)
    moving = next(c for p in shown.phases for c in p.clusters if c.id == "moving")
    assert moving.journeys == []
    assert moving.empty == (
        "No journeys yet; add one with journeyctl new NAME --phase being --cluster moving"
    )
    assert shown.no_sequences.startswith("No journey says which journeys come before it")
