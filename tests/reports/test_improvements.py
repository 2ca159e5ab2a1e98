"""Improvements beyond the hand-computed file: a journey the tree does not have, and the
journeys an improvement touches without volumes for the period."""

from __future__ import annotations

from dataclasses import replace

from journeyctl.model import Improvement
from journeyctl.reports import improvements_report
from tests.reports.tree import report_input


def test_a_journey_that_is_not_in_the_tree_is_named_by_its_id() -> None:
    """shared touches c and b; without c only b's volumes count, and c keeps its id."""
    given = report_input()
    without_c = replace(given, journeys=tuple(j for j in given.journeys if j.id != "c"))
    shared = improvements_report(without_c).rows[0]
    assert (shared.id, shared.journeys, shared.journey_names, shared.shared) == (
        "shared",
        ("c", "b"),
        ("c", "Journey B"),
        True,
    )
    assert (shared.customers, shared.contacts) == (200, 44)


def test_no_volumes_for_the_period_is_none_not_zero() -> None:
    """In 2024 e (touched by turned-down only) has no volumes yet."""
    rows = improvements_report(report_input(period="2024")).rows
    assert [(row.id, row.customers, row.contacts) for row in rows] == [
        ("shared", 250, 90),
        ("finished", 200, 40),
        ("turned-down", None, None),
    ]


def test_a_journey_named_twice_counts_once() -> None:
    given = report_input()
    twice = Improvement.model_validate(
        {"id": "twice", "title": "Twice", "journeys": ["b", "b"], "status": "idea"}
    )
    [row] = improvements_report(replace(given, improvements=(twice,))).rows
    assert (row.journeys, row.shared, row.customers, row.contacts) == (("b",), False, 200, 44)
