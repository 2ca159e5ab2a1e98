"""Journeys in ranking order in every report, the unranked ones after all ranked ones, by id.

In 2025 the small tree ranks b 1, c 2, a 3, e 4; d is retired and not ranked. Here d (and
e) also get a KPI, an improvement and a contact reason, so that d has to find its place
behind e in each report, and not beside a (the third of four) or before the ranked ones.
"""

from __future__ import annotations

from dataclasses import replace

from journeyctl.model import Improvement, Journey
from journeyctl.model.journey import KpiRecord
from journeyctl.reports import (
    ReportInput,
    coverage_report,
    improvements_report,
    kpis_report,
    owners_report,
)
from tests.reports.tree import report_input

NPS = KpiRecord.model_validate(
    {
        "baseline": {"value": 1, "date": "2024-01-01"},
        "measurements": [{"value": 2, "date": "2025-01-01"}],
    }
)


def with_d_and_e_everywhere() -> ReportInput:
    given = report_input()
    journeys = tuple(_everywhere(j) if j.id in ("d", "e") else j for j in given.journeys)
    improvement = Improvement.model_validate(
        {"id": "for-d", "title": "For d and e", "journeys": ["d", "e"], "status": "idea"}
    )
    return replace(given, journeys=journeys, improvements=(*given.improvements, improvement))


def _everywhere(journey: Journey) -> Journey:
    return journey.model_copy(update={"kpis": {"nps": NPS}, "contact_reasons": ["reden-a"]})


def test_the_ranking_of_the_small_tree() -> None:
    ranks = {j.id: j.rank for j in report_input().ranking.journeys}
    assert ranks == {"b": 1, "c": 2, "a": 3, "e": 4}


def test_kpis_of_an_unranked_journey_come_last() -> None:
    rows = kpis_report(with_d_and_e_everywhere()).rows
    assert [(row.journey, row.kpi, row.rank) for row in rows] == [
        ("b", "nps", 1),
        ("c", "nps", 2),
        ("c", "ratio", 2),
        ("e", "nps", 4),
        ("d", "nps", None),
    ]


def test_improvements_by_journey_put_an_unranked_journey_last() -> None:
    by_journey = improvements_report(with_d_and_e_everywhere()).by_journey
    assert [(j.journey, j.open, j.done, j.rejected) for j in by_journey] == [
        ("b", ("shared",), ("finished",), ()),
        ("c", ("shared",), (), ()),
        ("e", ("for-d",), (), ("turned-down",)),
        ("d", ("for-d",), (), ()),
    ]


def test_the_journeys_that_cover_a_reason_are_in_ranking_order_and_none_retired() -> None:
    """d lists every reason too, but it is retired: it covers nothing."""
    rows = coverage_report(with_d_and_e_everywhere()).rows
    assert [(row.id, row.journeys, row.journey_names) for row in rows] == [
        ("reden-a", ("c", "a", "e"), ("Journey C", "Journey A", "Journey E")),
        ("reden-b", ("c",), ("Journey C",)),
        ("reden-c", (), ()),
    ]


def test_an_owners_journeys_are_in_ranking_order() -> None:
    rows = owners_report(report_input()).rows
    assert [(row.owner, row.journeys, row.journey_names) for row in rows] == [
        ("ann", ("b", "a"), ("Journey B", "Journey A")),
        ("bob", ("c", "d"), ("Journey C", "Journey D")),
        (None, ("e",), ("Journey E",)),
    ]
