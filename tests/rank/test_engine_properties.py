"""Properties of every ranking, whatever the volumes: stated, not only 'no exception'."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyctl.model import Framework, Journey
from journeyctl.rank import RANK_BY, RankBy, RankedJourney, RankOptions, rank
from tests.rank.test_engine_rules import FRAMEWORK, journey

# Small ranges make ties common, so that every tie-break is exercised.
_counts = st.integers(0, 6) | st.integers(0, 10**7)
_volumes = st.lists(
    st.tuples(_counts, _counts, st.integers(1, 5), st.booleans()), min_size=1, max_size=12
)
_by = st.sampled_from(RANK_BY)
_settings = settings(max_examples=80, deadline=None)


def _journeys(volumes: list[tuple[int, int, int, bool]]) -> list[Journey]:
    return [
        journey(f"j{i:02}", customers, contacts, criteria={"belang": belang, "wet": wet})
        for i, (customers, contacts, belang, wet) in enumerate(volumes)
    ]


def _primary(j: RankedJourney, by: RankBy) -> float:
    return {
        "score": j.score,
        "customers": float(j.customers),
        "contacts": float(j.contacts),
        "contact-rate": j.contact_rate or 0.0,
    }[by]


def _position(journeys: list[Journey], target: str, by: RankBy) -> int | None:
    ranking = rank(FRAMEWORK, journeys, RankOptions(by=by))
    return next((j.rank for j in ranking.journeys if j.id == target), None)


@pytest.mark.slow
@_settings
@given(volumes=_volumes, by=_by)
def test_any_ranking_is_complete_bounded_and_ordered_with_its_tie_breaks(
    volumes: list[tuple[int, int, int, bool]], by: RankBy
) -> None:
    journeys = _journeys(volumes)
    ranking = rank(FRAMEWORK, journeys, RankOptions(by=by))
    ranked = ranking.journeys
    assert len(ranked) + len(ranking.unranked) == len(journeys)
    assert [j.rank for j in ranked] == list(range(1, len(ranked) + 1))
    assert all(0 <= j.score <= 100 for j in ranked)
    for above, below in pairwise(ranked):
        # Ties: higher contacts, then higher customers, then id ascending.
        key_above = (-_primary(above, by), -above.contacts, -above.customers, above.id)
        key_below = (-_primary(below, by), -below.contacts, -below.customers, below.id)
        assert key_above < key_below


@pytest.mark.slow
@_settings
@given(volumes=_volumes, by=_by, data=st.data())
def test_the_ranking_does_not_depend_on_the_order_of_the_journeys(
    volumes: list[tuple[int, int, int, bool]], by: RankBy, data: st.DataObject
) -> None:
    journeys = _journeys(volumes)
    shuffled = data.draw(st.permutations(journeys))
    options = RankOptions(by=by)
    assert rank(FRAMEWORK, shuffled, options) == rank(FRAMEWORK, journeys, options)


@_settings
@given(
    others=st.lists(st.tuples(_counts, _counts), max_size=10),
    extra=st.tuples(st.integers(0, 100), st.integers(0, 100)),
    weights=st.tuples(st.integers(0, 5), st.integers(0, 5)).filter(any),
)
def test_the_journey_holding_both_maxima_scores_100(
    others: list[tuple[int, int]], extra: tuple[int, int], weights: tuple[int, int]
) -> None:
    framework = Framework.model_validate(
        {
            "name": "T",
            "phases": [{"id": "p", "name": "P"}],
            "ranking": {"customers": weights[0], "contacts": weights[1]},
        }
    )
    top_customers = max((c for c, _ in others), default=0) + extra[0] + 1
    top_contacts = max((n for _, n in others), default=0) + extra[1] + 1
    journeys = [journey(f"o{i:02}", c, n) for i, (c, n) in enumerate(others)]
    journeys.append(journey("leader", top_customers, top_contacts))
    ranked = rank(framework, journeys, RankOptions()).journeys
    assert all(0 <= j.score <= 100 for j in ranked)
    assert (ranked[0].id, ranked[0].score) == ("leader", 100.0)


@pytest.mark.slow
@_settings
@given(volumes=_volumes, by=_by, data=st.data())
def test_raising_a_journeys_contacts_never_lowers_its_rank(
    volumes: list[tuple[int, int, int, bool]], by: RankBy, data: st.DataObject
) -> None:
    journeys = _journeys(volumes)
    index = data.draw(st.integers(0, len(journeys) - 1))
    raise_by = data.draw(st.integers(1, 10**6))
    target = journeys[index]
    volume = target.volumes[0]
    raised = target.model_copy(
        update={"volumes": [volume.model_copy(update={"contacts": volume.contacts + raise_by})]}
    )
    before = _position(journeys, target.id, by)
    after = _position([*journeys[:index], raised, *journeys[index + 1 :]], target.id, by)
    if before is not None:
        assert after is not None and after <= before
