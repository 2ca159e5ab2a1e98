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
    # c's term names it by its id and adds nothing: no volume.
    assert [(t.journey_name, t.contacts, t.avoided) for t in shared.terms] == [
        ("c", None, None),
        ("Journey B", 44, 4.4),
    ]
    assert shared.value == 4


def test_no_volumes_for_the_period_is_none_not_zero() -> None:
    """In 2024 e (touched by turned-down only) has no volumes yet."""
    rows = improvements_report(report_input(period="2024")).rows
    assert [(row.id, row.customers, row.contacts) for row in rows] == [
        ("shared", 200, 90),  # the larger journey's customers (b: 200, c: 50), never the sum
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


def improvement(
    id_: str, effort: int | None, contacts: str | None, status: str = "idea"
) -> Improvement:
    expected = {"nps": 5} if contacts is None else {"contacts": contacts}
    data = {"id": id_, "title": id_, "journeys": ["d"], "status": status, "expected": expected}
    return Improvement.model_validate(data | ({} if effort is None else {"effort": effort}))


def test_open_improvements_go_by_value_per_effort_then_value_then_without_a_value() -> None:
    """d has 900 contacts in 2025: -10% avoids 90, -50% 450, -20% 180, -40% 360."""
    given = report_input()
    improvements = (
        improvement("kpi-only", 1, None),
        improvement("big-project", 5, "-50%"),  # 450 / 5 = 90
        improvement("small", 1, "-10%"),  # 90 / 1 = 90: ties on 90, by id
        improvement("no-effort", None, "-40%"),  # 360, after every one with an effort
        improvement("medium", 2, "-20%"),  # 180 / 2 = 90
        improvement("done", 1, "-90%", status="implemented"),
    )
    rows = improvements_report(replace(given, improvements=improvements)).rows
    assert [(r.id, r.value, r.value_per_effort) for r in rows] == [
        ("big-project", 450, 90.0),
        ("medium", 180, 90.0),
        ("small", 90, 90.0),
        ("no-effort", 360, None),
        ("kpi-only", None, None),
        ("done", 810, 810.0),
    ]
    # The median of the open values (90, 180, 360, 450) is 270: only effort 2 or less and a
    # value of at least that is a quick win; none here, small and medium are below it.
    assert [r.id for r in rows if r.quick_win] == []


def test_a_quick_win_has_a_low_effort_and_a_value_of_at_least_the_median() -> None:
    given = report_input()
    improvements = (
        improvement("quick", 2, "-30%"),  # 270, effort 2
        improvement("slow", 3, "-40%"),  # 360, effort 3: too much effort
        improvement("small", 1, "-1%"),  # 9: too little value
    )
    rows = improvements_report(replace(given, improvements=improvements)).rows
    assert {r.id: r.quick_win for r in rows} == {"quick": True, "slow": False, "small": False}
    assert improvements_report(replace(given, improvements=improvements)).median_value == 270


def test_a_rise_in_contacts_is_a_negative_value() -> None:
    given = report_input()
    [row] = improvements_report(replace(given, improvements=(improvement("more", 1, "+5%"),))).rows
    assert (row.value, row.contacts_change, row.quick_win) == (-45, 0.05, False)


def test_estimated_contacts_make_an_estimated_value() -> None:
    given = report_input()
    journeys = tuple(
        j.model_copy(
            update={
                "volumes": [v.model_copy(update={"estimated": ["contacts"]}) for v in j.volumes]
            }
        )
        if j.id == "d"
        else j
        for j in given.journeys
    )
    [row] = improvements_report(
        replace(given, journeys=journeys, improvements=(improvement("x", 1, "-10%"),))
    ).rows
    assert (row.value, row.estimated, row.terms[0].estimated) == (90, True, True)
