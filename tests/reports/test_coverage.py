"""Coverage beyond the hand-computed file: a reason with no contacts in the period, and a
reason whose phase the framework does not define."""

from __future__ import annotations

from dataclasses import replace

from journeyctl.model.framework import ContactVolume
from journeyctl.reports import coverage_report
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
    assert [row.contacts for row in report.rows] == [300, 0, 0]
    assert report.total.to_dict() == {
        "reasons": 3,
        "covered": 2,
        "uncovered": 1,
        "share": 0.6667,
        "contacts": 300,
        "covered_contacts": 300,
        "contact_share": 1.0,
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
