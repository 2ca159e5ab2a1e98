"""Alerts on the small tree beyond the hand-computed file: the threshold's edge, the top
window, no period to compare with, retired journeys and a rise from nothing."""

from __future__ import annotations

from dataclasses import replace

from journeyctl.model import Journey
from journeyctl.model.framework import AlertPolicy
from journeyctl.model.journey import Volume
from journeyctl.reports import alerts_report
from tests.reports.tree import report_input


def kinds(report: object) -> list[tuple[str, str]]:
    return [(alert.kind, alert.journey) for alert in report.rows]  # type: ignore[attr-defined]


def with_threshold(threshold: float) -> list[tuple[str, str]]:
    given = report_input()
    framework = given.framework.model_copy(
        update={"alerts": AlertPolicy(contact_rate_increase=threshold)}
    )
    return kinds(alerts_report(replace(given, framework=framework)))


def test_a_rise_of_exactly_the_threshold_is_no_alert() -> None:
    """c's contacts rose 50 -> 60 (20%), its contact rate 1.0 -> 1.5 (50%)."""
    assert ("contacts_up", "c") not in with_threshold(0.2)
    assert ("contacts_up", "c") in with_threshold(0.19)
    assert ("contact_rate_up", "c") not in with_threshold(0.5)
    assert ("contact_rate_up", "c") in with_threshold(0.49)


def test_the_default_threshold_is_twenty_percent() -> None:
    assert AlertPolicy().contact_rate_increase == 0.2


def test_retired_journeys_raise_none() -> None:
    """d's contacts went from 1 to 900, but d is retired."""
    assert all(journey != "d" for _, journey in kinds(alerts_report(report_input())))


def test_top_narrows_the_window_of_unworked_journeys() -> None:
    """a is third and e fourth in 2025: both unworked, only a in the top 3."""
    unworked = [
        j for kind, j in kinds(alerts_report(report_input(), top=3)) if kind == "top_unworked"
    ]
    assert unworked == ["a"]
    assert alerts_report(report_input(), top=3).top == 3


def test_without_an_earlier_period_nothing_rises() -> None:
    """2024 is the first year: nothing to compare with, so only the other kinds."""
    report = alerts_report(report_input(period="2024"))
    assert report.compare is None
    assert {kind for kind, _ in kinds(report)} <= {"top_unworked", "kpi_away_from_target"}
    assert ("top_unworked", "a") in kinds(report)


def test_a_rise_from_zero_contacts_is_the_largest() -> None:
    """e had 10 customers and no contacts in 2024: any rise is the largest, change None."""
    given = report_input()
    journeys = tuple(_with_empty_2024(j) if j.id == "e" else j for j in given.journeys)
    rows = alerts_report(replace(given, journeys=journeys)).rows
    for kind in ("contacts_up", "contact_rate_up"):
        first = next(alert for alert in rows if alert.kind == kind)
        assert (first.journey, first.before, first.change) == ("e", 0, None)


def _with_empty_2024(journey: Journey) -> Journey:
    empty = Volume(period="2024", customers=10, contacts=0)
    return journey.model_copy(update={"volumes": [empty, *journey.volumes]})
