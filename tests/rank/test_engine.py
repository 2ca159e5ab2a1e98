"""The ranking of the small tree beside this file, against numbers computed by hand.

The tree (tests/rank/tree): weights customers 1, contacts 1, belang 2 (wet has weight 0).

2025, maxima customers 1000, contacts 400, belang 5; sum of weights 4:
  a: 1000/1000 + 120/400 + 2 x 5/5 = 1 + .3 + 2 = 3.3    -> 82.5
  b:  500/1000 + 400/400 + 2 x 2/5 = .5 + 1 + .8 = 2.3   -> 57.5
  c:  250/1000 +  50/400 + 0       = .25 + .125 = .375   -> 9.4 (9.375), estimated
2024 (a and b only), maxima customers 1000, contacts 500:
  a:  200/1000 +  50/500 + 2 = 2.3 -> 57.5; b: 1 + 1 + .8 = 2.8 -> 70.0: b first, a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from journeyctl.errors import UsageError
from journeyctl.load import load_tree
from journeyctl.model import Framework, Journey
from journeyctl.rank import Comparison, ContactShare, RankedJourney, Ranking, rank
from tests.conftest import as_shown
from tests.rank import options as options_of

TREE = Path(__file__).parent / "tree"


@pytest.fixture(scope="module")
def framework_and_journeys() -> tuple[Framework, list[Journey]]:
    tree = load_tree(TREE)
    assert tree.framework is not None and not tree.findings
    return tree.framework.model, sorted((d.model for d in tree.journeys), key=lambda j: j.id)


Tree = tuple[Framework, list[Journey]]


def ranked(framework_and_journeys: Tree, **options: Any) -> Ranking:
    framework, journeys = framework_and_journeys
    return rank(framework, journeys, options_of(**options))


def scores(ranking: Ranking) -> list[tuple[str, float]]:
    return [(j.id, j.score) for j in ranking.journeys]


def test_the_default_ranking(framework_and_journeys: Tree) -> None:
    ranking = ranked(framework_and_journeys)
    assert scores(ranking) == [("a", 82.5), ("b", 57.5), ("c", 9.4)]
    assert [j.rank for j in ranking.journeys] == [1, 2, 3]
    assert (ranking.period, ranking.period_chosen, ranking.without_period) == ("2025", True, 0)
    # `estimated: true`, as files wrote it before each value was marked, means both.
    assert [j.estimated for j in ranking.journeys] == [(), (), ("customers", "contacts")]
    assert [j.status for j in ranking.journeys] == ["mapped", "improving", "listed"]
    assert ranking.language == "nl"


def test_a_period_asked_for_is_not_chosen(framework_and_journeys: Tree) -> None:
    ranking = ranked(framework_and_journeys, period="2024")
    assert scores(ranking) == [("b", 70.0), ("a", 57.5)]
    assert (ranking.period_chosen, ranking.without_period) == (False, 0)
    assert [(u.id, u.reason) for u in ranking.unranked] == [("c", "no volumes for 2024 (has 2025)")]


def test_compare_gives_each_journey_its_place_then_and_the_movement(
    framework_and_journeys: Tree,
) -> None:
    ranking = ranked(framework_and_journeys, compare="2024")
    a, b, c = ranking.journeys
    assert ranking.compare_period == "2024"
    assert a.compare == Comparison("2024", 2, 200, 50, 0.25)
    assert b.compare == Comparison("2024", 1, 1000, 500, 0.5)
    assert c.compare is None
    assert [j.movement for j in ranking.journeys] == [1, -1, None]


def test_compare_ranks_the_selection_only(framework_and_journeys: Tree) -> None:
    # Alone in the selection, a is first in both years: no movement.
    ranking = ranked(framework_and_journeys, compare="2024", persona="gezin")
    assert [(j.id, j.movement) for j in ranking.journeys] == [("a", 0)]


def test_top_cuts_after_the_compared_ranks_are_known(framework_and_journeys: Tree) -> None:
    ranking = ranked(framework_and_journeys, compare="2024", top=1)
    assert [(j.id, j.compare.rank if j.compare else None) for j in ranking.journeys] == [("a", 2)]


@pytest.mark.parametrize(
    ("compare", "message"),
    [
        (
            "2023",
            "--compare '2023': no journey has volumes for that period; periods present: 2024, 2025",
        ),
        ("2024-Q5", "--compare '2024-Q5' is not a period; write 2025, 2025-Q3 or 2025-06"),
    ],
)
def test_a_compare_period_without_volumes_is_a_usage_error(
    framework_and_journeys: Tree, compare: str, message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        ranked(framework_and_journeys, compare=compare)
    assert as_shown(raised.value) == message


def test_what_if_weights(framework_and_journeys: Tree) -> None:
    # customers 1, contacts 3, belang 2, wet 1 (from 0): sum 7.
    # a: 1 + 3 x .3 + 2 + 0 = 3.9 -> 55.7; b: .5 + 3 + .8 + 1 = 5.3 -> 75.7
    # c: .25 + 3 x .125 = .625 -> 8.9
    ranking = ranked(framework_and_journeys, weights={"contacts": 3.0, "wet": 1.0})
    assert scores(ranking) == [("b", 75.7), ("a", 55.7), ("c", 8.9)]
    assert ranking.weights == {"customers": 1.0, "contacts": 3.0, "belang": 2.0, "wet": 1.0}
    assert ranking.framework_weights == {"customers": 1.0, "contacts": 1.0, "belang": 2.0}
    assert ranking.changed_weights() == {"contacts": (1.0, 3.0), "wet": (0.0, 1.0)}


def test_a_criterion_weighed_zero_drops_out(framework_and_journeys: Tree) -> None:
    # customers 1, contacts 1: a 1 + .3 = 1.3 / 2 -> 65.0; b .5 + 1 -> 75.0
    ranking = ranked(framework_and_journeys, weights={"belang": 0.0})
    assert list(ranking.weights) == ["customers", "contacts"]
    assert scores(ranking)[:2] == [("b", 75.0), ("a", 65.0)]
    assert ranking.changed_weights() == {"belang": (2.0, 0.0)}


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"gewicht": 1.0}, "'gewicht' is not a weight; valid: customers, contacts, belang, wet"),
        ({"contacts": -1.0}, "a weight is a finite number from 0 to below 10^12"),
        ({"contacts": float("inf")}, "a weight is a finite number from 0 to below 10^12"),
    ],
)
def test_bad_weights_are_usage_errors(
    framework_and_journeys: Tree, weights: dict[str, float], message: str
) -> None:
    with pytest.raises(UsageError, match=message.replace("^", r"\^")):
        ranked(framework_and_journeys, weights=weights)


def test_normalising_over_the_framework_keeps_the_scores_of_the_whole(
    framework_and_journeys: Tree,
) -> None:
    # Alone in phase q, c holds both maxima of the selection: (1 + 1 + 0) / 4 -> 50.0.
    assert scores(ranked(framework_and_journeys, phase="q")) == [("c", 50.0)]
    framework_wide = ranked(framework_and_journeys, phase="q", normalise="framework")
    assert scores(framework_wide) == [("c", 9.4)]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"phase": "Klant Blijven"}, ["c"]),
        ({"cluster": "ik betaal"}, ["a", "b"]),
        ({"owner": "ANN DE VRIES"}, ["a", "b"]),
        ({"owner": "ann"}, ["a", "b"]),
        ({"team": "facturatie"}, ["a"]),
        ({"persona": "Gezin"}, ["a"]),
        ({"status": "improving"}, ["b"]),
        ({"status": "In kaart gebracht"}, ["a"]),
        ({"status": "geinventariseerd"}, ["c"]),
    ],
)
def test_filters_take_an_id_or_a_name(
    framework_and_journeys: Tree, options: dict[str, str], expected: list[str]
) -> None:
    assert [j.id for j in ranked(framework_and_journeys, **options).journeys] == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"team": "sales"},
            "--team 'sales' is not in framework.yaml; known: t1 (Facturatie)",
        ),
        (
            {"persona": "gezinnen"},
            "--persona 'gezinnen' is not in framework.yaml; did you mean 'gezin'? "
            "known: gezin (Gezin)",
        ),
        (
            {"status": "done"},
            "--status 'done' is not a journey status; known: listed (geïnventariseerd), "
            "mapped (in kaart gebracht), improving (wordt verbeterd), monitoring (wordt "
            "gevolgd), retired (vervallen)",
        ),
    ],
)
def test_unknown_filter_values_list_the_valid_ones(
    framework_and_journeys: Tree, options: dict[str, str], message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        ranked(framework_and_journeys, **options)
    assert as_shown(raised.value) == message


def test_names_for_people(framework_and_journeys: Tree) -> None:
    a, _, c = ranked(framework_and_journeys).journeys
    assert (a.phase_name, a.cluster_name, a.owner_name) == (
        "Klant zijn",
        "Ik betaal",
        "Ann de Vries",
    )
    assert (c.phase_name, c.cluster_name, c.owner_name) == ("Klant blijven", "Ik vertrek", None)
    assert ranked(framework_and_journeys).criteria_names == {
        "belang": "Strategisch belang",
        "wet": "Regelgeving",
    }


def test_the_language_can_be_overridden(framework_and_journeys: Tree) -> None:
    assert ranked(framework_and_journeys, lang="en").language == "en"
    with pytest.raises(UsageError, match=r"^'de' is not a language"):
        ranked(framework_and_journeys, lang="de")


def test_journeys_with_errors_are_unranked_and_the_rest_renormalised(
    framework_and_journeys: Tree,
) -> None:
    # Without a: maxima customers 500, contacts 400, belang 2.
    # b: 1 + 1 + 2 = 4 -> 100.0; c: .5 + .125 + 0 = .625 -> 15.6 (15.625)
    ranking = ranked(framework_and_journeys, invalid=frozenset({"a", "gone"}))
    assert scores(ranking) == [("b", 100.0), ("c", 15.6)]
    assert [(u.id, u.name, u.reason) for u in ranking.unranked] == [
        ("a", "Ik betaal mijn factuur", "has validation errors"),
        ("gone", "gone", "has validation errors"),
    ]


def test_a_filtered_out_journey_with_errors_is_not_listed(framework_and_journeys: Tree) -> None:
    ranking = ranked(framework_and_journeys, phase="q", invalid=frozenset({"a"}))
    assert ranking.unranked == []


def test_the_contact_share_of_the_journeys_shown(framework_and_journeys: Tree) -> None:
    # r1 (a's) 600 and r2 (b's, through a step) 400 of 2000; r3 is nobody's.
    assert ranked(framework_and_journeys).contact_share == ContactShare(1000, 2000)
    top = ranked(framework_and_journeys, top=1).contact_share
    assert top == ContactShare(600, 2000) and top.share == 0.3
    # No contact reason has volumes for 2024: the share is not known.
    assert ranked(framework_and_journeys, period="2024").contact_share is None


def test_json_adds_compare_changed_weights_and_contact_share(framework_and_journeys: Tree) -> None:
    # With wet at 1 (sum 5), a and b tie at 66.0 (3.3 / 5); b has more contacts: b first.
    # c: .375 / 5 -> 7.5
    data = ranked(framework_and_journeys, compare="2024", weights={"wet": 1.0}).to_dict()
    journeys = data["journeys"]
    assert isinstance(journeys, list)
    assert [(j["id"], j["score"]) for j in journeys] == [("b", 66.0), ("a", 66.0), ("c", 7.5)]
    assert journeys[2]["compare"] is None and journeys[2]["estimated"] == ["customers", "contacts"]
    assert data["compare_period"] == "2024"
    assert data["changed_weights"] == {"wet": {"framework": 0.0, "used": 1.0}}
    assert data["contact_share"] == {"covered": 1000, "total": 2000, "share": 0.5}
    assert journeys[1]["compare"] == {
        "period": "2024",
        "rank": 2,
        "customers": 200,
        "contacts": 50,
        "contact_rate": 0.25,
        "estimated": [],
    }
    assert "phase_name" not in journeys[0]
    plain = ranked(framework_and_journeys).to_dict()
    assert "compare_period" not in plain and "changed_weights" not in plain
    plain_journeys = plain["journeys"]
    assert isinstance(plain_journeys, list) and "compare" not in plain_journeys[0]


def test_movement_without_a_compared_period_is_none() -> None:
    journey = RankedJourney(1, "a", "A", "p", "c", None, 1, 1, 1.0, 100.0)
    assert journey.movement is None
    moved = RankedJourney(
        3, "a", "A", "p", "c", None, 1, 1, 1.0, 1.0, compare=Comparison("x", 1, 1, 1, 1.0)
    )
    assert moved.movement == -2
