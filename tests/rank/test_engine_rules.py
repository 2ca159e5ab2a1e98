"""Ranking against numbers computed by hand."""

from __future__ import annotations

import pytest

from journeyctl.errors import UsageError
from journeyctl.model import Framework, Journey
from journeyctl.rank import Filters, RankOptions, latest_period, rank
from tests.conftest import as_shown

FRAMEWORK = Framework.model_validate(
    {
        "name": "T",
        "phases": [{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
        "clusters": [
            {"id": "c", "name": "C", "phase": "p"},
            {"id": "d", "name": "D", "phase": "q"},
        ],
        "owners": [{"id": "ann", "name": "Ann"}],
        "criteria": [
            {"id": "belang", "name": "Belang", "kind": "scale", "weight": 2},
            {"id": "wet", "name": "Wet", "kind": "yes-no", "weight": 1},
            {"id": "genegeerd", "name": "Gewicht nul", "kind": "number", "weight": 0},
        ],
    }
)


def journey(
    id: str, customers: int, contacts: int, period: str = "2025", **extra: object
) -> Journey:
    data = {
        "id": id,
        "name": id.upper(),
        "phase": "p",
        "cluster": "c",
        "volumes": [{"period": period, "customers": customers, "contacts": contacts}],
        **extra,
    }
    return Journey.model_validate(data)


def test_score_matches_hand_computation() -> None:
    journeys = [
        journey("a", 1000, 100, criteria={"belang": 5, "wet": True}),
        journey("b", 500, 400, criteria={"belang": 2, "wet": False}),
        journey("c", 250, 50),  # criteria missing: count 0, flagged
    ]
    ranking = rank(FRAMEWORK, journeys, RankOptions())
    # weights: customers 1, contacts 1, belang 2, wet 1 (genegeerd has weight 0): sum 5
    # a: 1000/1000*1 + 100/400*1 + 5/5*2 + 1*1 = 1 + .25 + 2 + 1 = 4.25 -> 85.0
    # b: .5 + 1 + 2/5*2 + 0 = 2.3 -> 46.0
    # c: .25 + .125 + 0 + 0 = .375 -> 7.5
    assert [(j.id, j.score, j.rank) for j in ranking.journeys] == [
        ("a", 85.0, 1),
        ("b", 46.0, 2),
        ("c", 7.5, 3),
    ]
    assert ranking.weights == {"customers": 1.0, "contacts": 1.0, "belang": 2.0, "wet": 1.0}
    assert ranking.journeys[2].missing_criteria == ["belang", "wet"]
    assert sum(ranking.journeys[0].terms.values()) == pytest.approx(85.0)


def test_ties_on_rounded_score_go_to_contacts_then_customers_then_id() -> None:
    framework = Framework.model_validate(
        {
            "name": "T",
            "phases": [{"id": "p", "name": "P"}],
            "ranking": {"customers": 1, "contacts": 0},
        }
    )
    journeys = [
        journey("z", 1000, 10),
        journey("y", 1000, 20),
        journey("x", 1000, 20),
        journey("w", 999, 5),  # 99.9: not a tie with 100.0
    ]
    ranking = rank(framework, journeys, RankOptions())
    assert [j.id for j in ranking.journeys] == ["x", "y", "z", "w"]


def test_contact_rate_ordering_leaves_out_zero_customers() -> None:
    journeys = [journey("a", 100, 50), journey("b", 10, 20), journey("c", 0, 5)]
    ranking = rank(FRAMEWORK, journeys, RankOptions(by="contact-rate"))
    assert [(j.id, j.contact_rate) for j in ranking.journeys] == [("b", 2.0), ("a", 0.5)]
    assert [(u.id, u.reason) for u in ranking.unranked] == [
        ("c", "0 customers in 2025: contact rate undefined")
    ]


def test_latest_period_prefers_the_longest_of_those_ending_last() -> None:
    journeys = [
        journey("a", 1, 1, "2025-12"),
        journey("b", 1, 1, "2025-Q4"),
        journey("c", 1, 1, "2025"),
    ]
    assert latest_period(journeys) == "2025"
    assert latest_period([journey("a", 1, 1, "2025-Q3"), journey("b", 1, 1, "2024")]) == "2025-Q3"


def test_other_periods_are_never_mixed_in() -> None:
    journeys = [journey("a", 10, 1, "2025"), journey("old", 99999, 99999, "2024")]
    ranking = rank(FRAMEWORK, journeys, RankOptions())
    assert [j.id for j in ranking.journeys] == ["a"]
    assert [(u.id, u.reason) for u in ranking.unranked] == [
        ("old", "no volumes for 2025 (has 2024)")
    ]


def test_filters_apply_before_normalisation() -> None:
    journeys = [journey("big", 1000, 1000), journey("small", 10, 10, phase="q", cluster="d")]
    ranking = rank(FRAMEWORK, journeys, RankOptions(filters=Filters(phase="q")))
    # Alone in its phase, 'small' is the maximum for both volume terms: (1 + 1) / 5 -> 40.0
    assert [(j.id, j.score) for j in ranking.journeys] == [("small", 40.0)]


def test_top_cuts_the_list() -> None:
    journeys = [journey(name, n, n) for name, n in (("a", 3), ("b", 2), ("c", 1))]
    assert [j.id for j in rank(FRAMEWORK, journeys, RankOptions(top=2)).journeys] == ["a", "b"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (RankOptions(period="2023"), "'2023': no journey has volumes for that period"),
        (RankOptions(period="2025-Q9"), "is not a period"),
        (RankOptions(filters=Filters(owner="anne")), "did you mean 'ann'?"),
        (RankOptions(filters=Filters(phase="zzz")), "'zzz' is not in framework.yaml"),
    ],
)
def test_bad_options_are_usage_errors(options: RankOptions, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("?", r"\?")):
        rank(FRAMEWORK, [journey("a", 1, 1)], options)


def test_example_ranking_agrees_with_a_hand_computation() -> None:
    from journeyctl.load import load_tree
    from tests.conftest import REPO_ROOT

    tree = load_tree(REPO_ROOT / "journeys")
    assert tree.framework is not None
    ranking = rank(tree.framework.model, [d.model for d in tree.journeys], RankOptions())
    by_id = {j.id: j for j in ranking.journeys}
    # Weights: customers 1, contacts 1.5, strategisch-belang 1, regelgeving 0.5 (sum 4).
    # The annual statement has the most customers and contacts, belang 5 and regelgeving yes.
    assert by_id["ik-ontvang-mijn-jaarafrekening"].score == 100.0
    # ik-verhuis: 49,800/415,000 x 1 + 66,400/104,500 x 1.5 + 5/5 x 1 + no x 0.5
    #           = 0.12 + 0.95311 + 1 + 0 = 2.07311; / 4 x 100 = 51.8
    assert by_id["ik-verhuis"].score == 51.8
    assert by_id["ik-verhuis"].rank == 3
    assert by_id["ik-verhuis"].contact_rate == round(66_400 / 49_800, 4)


def test_a_tree_without_volumes_ranks_every_journey_as_unranked() -> None:
    bare = [
        Journey.model_validate({"id": i, "name": i, "phase": "p", "cluster": "c"})
        for i in ("b", "a")
    ]
    ranking = rank(FRAMEWORK, bare, RankOptions())
    assert ranking.period is None and ranking.journeys == []
    assert [(u.id, u.reason) for u in ranking.unranked] == [
        ("a", "no volumes yet"),
        ("b", "no volumes yet"),
    ]
    with pytest.raises(UsageError, match="no journey has volumes yet"):
        rank(FRAMEWORK, bare, RankOptions(period="2025"))


def test_a_retired_journey_is_unranked_with_its_reason() -> None:
    journeys = [journey("a", 10, 1), journey("old", 99, 99, status="retired")]
    ranking = rank(FRAMEWORK, journeys, RankOptions())
    assert [j.id for j in ranking.journeys] == ["a"]
    assert [(u.id, u.reason) for u in ranking.unranked] == [("old", "retired")]


def test_the_unranked_reason_lists_every_other_period() -> None:
    other = Journey.model_validate(
        {
            "id": "old",
            "name": "Old",
            "phase": "p",
            "cluster": "c",
            "volumes": [
                {"period": "2024", "customers": 1, "contacts": 1},
                {"period": "2023", "customers": 1, "contacts": 1},
            ],
        }
    )
    ranking = rank(FRAMEWORK, [journey("a", 1, 1), other], RankOptions())
    assert [u.reason for u in ranking.unranked] == ["no volumes for 2025 (has 2023, 2024)"]


def test_ties_on_score_and_contacts_go_to_more_customers() -> None:
    framework = Framework.model_validate(
        {"name": "T", "phases": [{"id": "p", "name": "P"}], "ranking": {"customers": 0}}
    )
    journeys = [journey("a", 10, 50), journey("b", 30, 50), journey("c", 20, 50)]
    ranking = rank(framework, journeys, RankOptions())
    assert {j.score for j in ranking.journeys} == {100.0}
    assert [j.id for j in ranking.journeys] == ["b", "c", "a"]


def test_ranked_journeys_carry_owner_and_terms_rounded_to_two_decimals() -> None:
    journeys = [journey("a", 3, 3, owner="ann"), journey("b", 1, 1)]
    ranking = rank(FRAMEWORK, journeys, RankOptions())
    first, second = ranking.journeys
    assert (first.owner, second.owner) == ("ann", None)
    # b: customers 1/3 x 1 / 5 x 100 = 6.666..., the same for contacts; criteria count 0.
    assert second.terms == {"customers": 6.67, "contacts": 6.67, "belang": 0.0, "wet": 0.0}
    assert second.score == 13.3


def test_to_dict_shows_terms_only_when_explained() -> None:
    ranking = rank(FRAMEWORK, [journey("a", 1, 1)], RankOptions())
    plain = ranking.to_dict()
    journeys = plain["journeys"]
    assert isinstance(journeys, list) and "terms" not in journeys[0]
    explained = ranking.to_dict(explain=True)["journeys"]
    assert isinstance(explained, list) and explained[0]["terms"]["customers"] == 20.0


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (RankOptions(filters=Filters(cluster="d")), ["small"]),
        (RankOptions(filters=Filters(cluster="c")), ["big"]),
        (RankOptions(filters=Filters(owner="ann")), ["small"]),
    ],
)
def test_cluster_and_owner_filters_keep_only_matching_journeys(
    options: RankOptions, expected: list[str]
) -> None:
    journeys = [
        journey("big", 1000, 1000),
        journey("small", 10, 10, phase="q", cluster="d", owner="ann"),
    ]
    assert [j.id for j in rank(FRAMEWORK, journeys, options).journeys] == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            RankOptions(period="2023"),
            "--period '2023': no journey has volumes for that period; periods present: 2024, 2025",
        ),
        (
            RankOptions(filters=Filters(cluster="zzz")),
            "--cluster 'zzz' is not in framework.yaml; known: c (C), d (D)",
        ),
        (
            RankOptions(filters=Filters(owner="zzz")),
            "--owner 'zzz' is not in framework.yaml; known: ann (Ann)",
        ),
    ],
)
def test_usage_errors_say_the_whole_fix(options: RankOptions, message: str) -> None:
    journeys = [journey("a", 1, 1), journey("b", 1, 1, period="2024")]
    with pytest.raises(UsageError) as raised:
        rank(FRAMEWORK, journeys, options)
    assert as_shown(raised.value) == message


def test_a_period_asked_of_a_tree_without_volumes_says_so_exactly() -> None:
    bare = Journey.model_validate({"id": "a", "name": "A", "phase": "p", "cluster": "c"})
    with pytest.raises(UsageError) as raised:
        rank(FRAMEWORK, [bare], RankOptions(period="2025"))
    assert as_shown(raised.value) == (
        "--period '2025': no journey has volumes for that period; no journey has volumes yet"
    )


def test_the_example_takes_2025_and_compares_with_2024() -> None:
    from journeyctl.load import load_tree
    from tests.conftest import REPO_ROOT

    tree = load_tree(REPO_ROOT / "journeys")
    assert tree.framework is not None
    journeys = [d.model for d in tree.journeys]
    # Three journeys have 2026-Q1 figures already: too few to rank 2026-Q1.
    assert latest_period(journeys) == "2026-Q1"
    ranking = rank(tree.framework.model, journeys, RankOptions(compare="2024"))
    assert (ranking.period, ranking.period_chosen, ranking.without_period) == ("2025", True, 0)
    by_id = {j.id: j for j in ranking.journeys}
    verhuis = by_id["ik-verhuis"].compare
    assert verhuis is not None
    assert (verhuis.customers, verhuis.contacts, verhuis.contact_rate) == (47_300, 71_200, 1.5053)
    # The solar panel journey's 2025 customers are an estimate; the retired one is not ranked.
    assert by_id["ik-informeer-naar-zonnepanelen"].estimated == ("customers",)
    assert ("ik-stap-over-naar-groene-stroom", "retired") in {
        (u.id, u.reason) for u in ranking.unranked
    }


@pytest.mark.parametrize(
    ("period", "compare", "message"),
    [
        (
            "2025",
            "2026-Q1",
            "--compare '2026-Q1' is a quarter and the period ranked, 2025, a year: their volumes "
            "do not compare; give an earlier year, such as 2024 (periods with volumes: 2024, "
            "2025, 2026-Q1)",
        ),
        (
            "2026-Q1",
            "2025",
            "--compare '2025' is a year and the period ranked, 2026-Q1, a quarter: their volumes "
            "do not compare; no earlier quarter has volumes, so leave --compare out (periods "
            "with volumes: 2024, 2025, 2026-Q1)",
        ),
        (
            "2024",
            "2025",
            "--compare '2025' is not before the period ranked, 2024; no earlier year has "
            "volumes, so leave --compare out (periods with volumes: 2024, 2025, 2026-Q1)",
        ),
    ],
)
def test_a_period_is_compared_with_an_earlier_one_of_its_kind(
    period: str, compare: str, message: str
) -> None:
    journeys = [journey("a", 1, 1), journey("b", 1, 1, period="2024")]
    journeys.append(journey("c", 1, 1, period="2026-Q1"))
    with pytest.raises(UsageError) as raised:
        rank(FRAMEWORK, journeys, RankOptions(period=period, compare=compare))
    assert as_shown(raised.value) == message
    assert rank(FRAMEWORK, journeys, RankOptions(period="2025", compare="2024")).compare_period
