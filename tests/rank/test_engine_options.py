"""The engine's options at their edges, on small frameworks built in the test.

Numbers are computed by hand in the comments; weights are customers 1 and contacts 1.
"""

from __future__ import annotations

from typing import Any

import pytest

from journeyctl.errors import UsageError
from journeyctl.model import Framework, Journey
from journeyctl.rank import NoMatch, rank
from tests.conftest import as_shown
from tests.rank import options as options_of

FRAMEWORK = Framework.model_validate(
    {
        "name": "T",
        "phases": [{"id": "p", "name": "P"}],
        "clusters": [
            {"id": "c1", "name": "C1", "phase": "p"},
            {"id": "c2", "name": "C2", "phase": "p"},
        ],
    }
)


def journey(
    id_: str, cluster: str = "c1", status: str = "listed", **volumes: tuple[int, int]
) -> Journey:
    """A journey with volumes given as `y2025=(customers, contacts)`."""
    return Journey.model_validate(
        {
            "id": id_,
            "name": id_.upper(),
            "phase": "p",
            "cluster": cluster,
            "status": status,
            "volumes": [
                {"period": period[1:], "customers": customers, "contacts": contacts}
                for period, (customers, contacts) in volumes.items()
            ],
        }
    )


def ranked(journeys: list[Journey], **options: Any) -> Any:
    return rank(FRAMEWORK, journeys, options_of(**options))


def test_the_language_asked_for_wins_over_the_framework_one() -> None:
    journeys = [journey("a", y2025=(10, 1))]
    assert ranked(journeys).language == "en"
    assert ranked(journeys, lang="nl").language == "nl"
    with pytest.raises(UsageError) as raised:
        ranked(journeys, lang="fr")
    assert as_shown(raised.value) == "--lang 'fr' is not a language of journeyctl; write nl or en"


def test_a_malformed_period_is_refused_as_the_period_option() -> None:
    with pytest.raises(UsageError) as raised:
        ranked([journey("a", y2025=(10, 1))], period="2025-Q5")
    assert as_shown(raised.value) == (
        "--period '2025-Q5' is not a period; write 2025, 2025-Q3 or 2025-06"
    )


def test_no_volumes_at_all_ranks_nothing_and_misses_no_period() -> None:
    ranking = ranked([journey("a"), journey("b")])
    assert (ranking.period, ranking.journeys, ranking.without_period) == (None, [], 0)
    assert [(u.id, u.reason) for u in ranking.unranked] == [
        ("a", "no volumes yet"),
        ("b", "no volumes yet"),
    ]


def test_a_retired_journey_is_not_counted_as_missing_the_period() -> None:
    # r is retired and has 2024 only; n is listed and has 2024 only: only n misses 2025.
    journeys = [
        journey("a", y2025=(10, 1)),
        journey("b", y2025=(10, 1)),
        journey("n", y2024=(10, 1)),
        journey("r", status="retired", y2024=(10, 1)),
    ]
    ranking = ranked(journeys)
    assert (ranking.period, ranking.without_period) == ("2025", 1)
    assert [(u.id, u.reason) for u in ranking.unranked] == [
        ("n", "no volumes for 2025 (has 2024)"),
        ("r", "retired"),
    ]


def test_by_contact_rate_over_the_framework_leaves_out_journeys_without_customers() -> None:
    # z (0 customers, 500 contacts) has no contact rate: it is unranked, and its contacts
    # must not set the maximum. x alone holds both maxima: (1 + 1) / 2 -> 100.0.
    # With z's contacts counted it would be (1 + 50/500) / 2 -> 55.0.
    journeys = [journey("x", y2025=(100, 50)), journey("z", cluster="c2", y2025=(0, 500))]
    ranking = ranked(journeys, by="contact-rate", normalise="framework", cluster="c1")
    assert [(j.id, j.score, j.contact_rate) for j in ranking.journeys] == [("x", 100.0, 0.5)]


def test_compare_over_the_framework_ranks_the_compared_period_too() -> None:
    # 2024: y (100, 100) before x (50, 10); 2025: x (100, 50) before y (10, 10).
    journeys = [
        journey("x", y2024=(50, 10), y2025=(100, 50)),
        journey("y", y2024=(100, 100), y2025=(10, 10)),
    ]
    ranking = ranked(journeys, compare="2024", normalise="framework")
    assert [(j.id, j.movement) for j in ranking.journeys] == [("x", 1), ("y", -1)]


def test_filters_that_match_no_journey_say_what_was_asked_and_the_statuses_there_are() -> None:
    # The statuses counted are those of the journeys the other filters let through (cluster
    # c1: a, b, r), retired ones too, in the order of the statuses; c2's d is not counted.
    journeys = [
        journey("a", y2025=(10, 1)),
        journey("b", status="improving"),
        journey("r", status="retired"),
        journey("d", cluster="c2", status="mapped"),
    ]
    ranking = ranked(journeys, status="mapped", cluster="C1")
    assert (ranking.journeys, ranking.unranked) == ([], [])
    assert ranking.no_match == NoMatch(
        (("cluster", "C1"), ("status", "mapped")),
        "mapped",
        (("listed", 1), ("improving", 1), ("retired", 1)),
    )
    # Without a status, only what was asked; with a match, nothing.
    assert ranked(journeys, cluster="c2", status="listed").no_match == NoMatch(
        (("cluster", "C2"), ("status", "listed")), "listed", (("mapped", 1),)
    )
    assert ranked(journeys, phase="p", cluster="c2").no_match is None
    assert ranked(journeys, status="retired").no_match is None  # r matches, unranked
    assert ranked([]).no_match is None  # no filter: nothing asked for


def test_a_filter_without_status_that_matches_nothing_names_the_filters() -> None:
    journeys = [journey("a", y2025=(10, 1))]
    assert ranked(journeys, cluster="c2").no_match == NoMatch((("cluster", "C2"),))
