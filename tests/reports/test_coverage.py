"""Coverage beyond the hand-computed file: a reason with no contacts in the period, a reason
whose phase the framework does not define, mapped against listed, retired journeys, and the
order by contacts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from journeyctl.model.framework import ContactVolume
from journeyctl.reports import CoverageReport, coverage_report
from tests.reports.tree import report_input


def test_a_reason_with_no_contacts_counts_as_zero() -> None:
    """Reasons B (covered) and C (not covered) had 0 contacts in 2025: A's 300 are all."""
    given = report_input()
    reasons = [
        r.model_copy(update={"volumes": [ContactVolume(period="2025", contacts=0)]})
        if r.id in ("reden-b", "reden-c")
        else r
        for r in given.framework.contact_reasons
    ]
    report = coverage_report(
        replace(given, framework=given.framework.model_copy(update={"contact_reasons": reasons}))
    )
    assert [(row.id, row.contacts) for row in report.rows] == [
        ("reden-a", 300),
        ("reden-b", 0),
        ("reden-c", 0),
    ]
    assert report.total.to_dict() == {
        "reasons": 3,
        "covered": 2,
        "uncovered": 1,
        "share": 0.6667,
        "contacts": 300,
        "covered_contacts": 300,
        "contact_share": 1.0,
        "mapped": 2,
        "mapped_share": 0.6667,
        "mapped_contacts": 300,
        "mapped_contact_share": 1.0,
        "listed": 0,
        "listed_share": 0.0,
        "listed_contacts": 0,
        "listed_contact_share": 0.0,
    }
    phase_b = report.phases[1].coverage
    assert (phase_b.contacts, phase_b.covered_contacts, phase_b.contact_share) == (0, 0, None)


def test_a_reason_in_a_phase_the_framework_lacks_shows_the_phases_id() -> None:
    """Validation reports the unknown phase; the report still names it, by its id."""
    given = report_input()
    reasons = [
        r.model_copy(update={"phase": "fase-x"}) if r.id == "reden-c" else r
        for r in given.framework.contact_reasons
    ]
    report = coverage_report(
        replace(given, framework=given.framework.model_copy(update={"contact_reasons": reasons}))
    )
    assert [(row.phase, row.phase_name) for row in report.rows] == [
        ("fase-a", "Phase A"),
        ("fase-a", "Phase A"),
        ("fase-x", "fase-x"),
    ]
    assert [p.coverage.reasons for p in report.phases] == [2, 0]


def with_statuses(**statuses: str) -> CoverageReport:
    given = report_input()
    journeys = tuple(
        j.model_copy(update={"status": statuses[j.id]}) if j.id in statuses else j
        for j in given.journeys
    )
    return coverage_report(replace(given, journeys=journeys))


def test_a_reason_only_a_listed_journey_covers_is_listed_not_mapped() -> None:
    """c (improving) covers A and B; with c only listed, A (c and a) and B (c) are listed."""
    report = with_statuses(c="listed")
    assert [(row.id, row.level, row.covered) for row in report.rows] == [
        ("reden-a", "listed", True),
        ("reden-b", "listed", True),
        ("reden-c", None, False),
    ]
    total = report.total
    assert (total.mapped.reasons, total.listed.reasons, total.covered) == (0, 2, 2)
    assert (total.mapped.contacts, total.listed.contacts, total.covered_contacts) == (0, 400, 400)
    assert (total.share_of(total.listed), total.contact_share_of(total.listed)) == (2 / 3, 1.0)
    assert (total.share_of(total.mapped), total.contact_share_of(total.mapped)) == (0.0, 0.0)


@pytest.mark.parametrize("status", ["mapped", "improving", "monitoring"])
def test_a_journey_mapped_or_further_maps_what_it_covers(status: str) -> None:
    report = with_statuses(c=status)
    assert [row.level for row in report.rows] == ["mapped", "mapped", None]


def test_a_retired_journey_covers_nothing() -> None:
    """With c retired only a (listed) covers A; B is left uncovered."""
    report = with_statuses(c="retired")
    assert [(row.id, row.journeys, row.level) for row in report.rows] == [
        ("reden-a", ("a",), "listed"),
        ("reden-b", (), None),
        ("reden-c", (), None),
    ]
    assert report.total.to_dict()["covered_contacts"] == 300


def test_the_reasons_are_sorted_by_contacts_the_most_first() -> None:
    """B gets more contacts than A; C, without a volume, stays last."""
    given = report_input()
    reasons = [
        r.model_copy(update={"volumes": [ContactVolume(period="2025", contacts=900)]})
        if r.id == "reden-b"
        else r
        for r in given.framework.contact_reasons
    ]
    report = coverage_report(
        replace(given, framework=given.framework.model_copy(update={"contact_reasons": reasons}))
    )
    assert [(row.id, row.contacts) for row in report.rows] == [
        ("reden-b", 900),
        ("reden-a", 300),
        ("reden-c", None),
    ]
