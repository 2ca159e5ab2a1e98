"""Alerts on the small tree beyond the hand-computed file: the threshold's edge, the top
window, no period to compare with, retired journeys and a rise from nothing."""

from __future__ import annotations

from dataclasses import replace

from journeyctl.model import Journey
from journeyctl.model.framework import AlertPolicy
from journeyctl.model.journey import KpiRecord, Volume
from journeyctl.reports import Alert, AlertsReport, ReportInput, alerts_report, prepare
from tests.reports.tree import TODAY, checked, report_input


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


def test_a_rise_of_exactly_the_threshold_in_contacts_is_no_alert() -> None:
    """a's contacts doubled, 10 -> 20: a change of exactly 1.0, which a float holds exactly."""
    assert ("contacts_up", "a") not in with_threshold(1.0)
    assert ("contacts_up", "a") in with_threshold(0.99)


def with_2024_and_2025(journey_id: str, before: Volume, after: Volume) -> list[Alert]:
    """The alerts with one journey's volumes replaced by these two."""
    given = report_input()
    journeys = tuple(
        j.model_copy(update={"volumes": [before, after]}) if j.id == journey_id else j
        for j in given.journeys
    )
    return list(alerts_report(replace(given, journeys=journeys)).rows)


def test_no_contacts_in_either_period_is_no_rise() -> None:
    """0 contacts before and after: nothing rose, though the change from 0 is not a number."""
    rows = with_2024_and_2025(
        "e",
        Volume(period="2024", customers=10, contacts=0),
        Volume(period="2025", customers=10, contacts=0),
    )
    assert [(a.kind, a.journey) for a in rows if a.journey == "e"] == [("top_unworked", "e")]


def test_no_customers_in_a_period_gives_no_contact_rate() -> None:
    """e's contacts rose from 1 to 5, but it had no customers in 2025: no rate to compare."""
    rows = with_2024_and_2025(
        "e",
        Volume(period="2024", customers=10, contacts=1),
        Volume(period="2025", customers=0, contacts=5),
    )
    assert [(a.kind, a.before, a.after, a.change) for a in rows if a.journey == "e"] == [
        ("contacts_up", 1, 5, 4.0),
        ("top_unworked", None, None, None),
    ]


def test_the_plain_values_are_rounded_to_four_places_for_rates_and_changes_only() -> None:
    """Contact rates and changes are rounded to 4 places; counts and KPI values are as they are."""
    rate = Alert("contact_rate_up", "a", "A", 1, "contact_rate", None, 1 / 3, 2 / 3, 1.0, None)
    contacts = Alert("contacts_up", "a", "A", 1, "contacts", None, 3, 4, 1 / 3, None)
    kpi = Alert("kpi_away_from_target", "a", "A", 1, "nps", "NPS", 0.123456, 0.654321, None, 1.5)
    report = AlertsReport("2025", "2024", 0.2, 10, (rate, contacts, kpi))
    assert [
        (row["measure"], row["before"], row["after"], row["change"], row["target"])
        for row in report.to_dict()["rows"]  # type: ignore[attr-defined]
    ] == [
        ("contact_rate", 0.3333, 0.6667, 1.0, None),
        ("contacts", 3, 4, 0.3333, None),
        ("nps", 0.123456, 0.654321, None, 1.5),
    ]
    assert report.to_dict()["measured_until"] is None
    assert report.to_rows()[0]["before"] == 0.3333


def test_a_rate_without_a_value_stays_none() -> None:
    alert = Alert("contact_rate_up", "a", "A", 1, "contact_rate", None, None, None, None, None)
    rows = AlertsReport("2025", "2024", 0.2, 10, (alert,)).to_dict()["rows"]
    assert isinstance(rows, list)
    [row] = rows
    assert (row["before"], row["after"], row["change"]) == (None, None, None)


def prepared(
    journeys: tuple[Journey, ...], period: str | None = None, **framework: object
) -> ReportInput:
    """The small tree with other journeys (ranked again) and framework fields."""
    tree = checked()
    return prepare(
        tree.framework.model_copy(update=framework),
        journeys,
        tree.improvements,
        period=period,
        today=TODAY,
    )


def _kpi(*points: tuple[str, float], target: float) -> KpiRecord:
    """The first point is the baseline, the others measurements."""
    (day, value), *measured = points
    return KpiRecord.model_validate(
        {
            "baseline": {"date": day, "value": value},
            "target": target,
            "measurements": [{"date": d, "value": v} for d, v in measured],
        }
    )


AWAY = _kpi(("2024-01-01", 5), ("2024-06-30", 1), target=10)


def test_kpis_away_from_target_in_ranking_order_unranked_last() -> None:
    """b (1st), a (3rd) and e (4th) moved away from a target, and f, which has no volumes:
    a comes after b though its id sorts first, f after all four ranked journeys."""
    tree = checked()
    extra = Journey(
        id="f", name="Journey F", phase="fase-a", cluster="cluster-a", kpis={"nps": AWAY}
    )
    journeys = tuple(
        j.model_copy(update={"kpis": {"nps": AWAY}}) if j.id in ("a", "e") else j
        for j in tree.journeys
    )
    rows = alerts_report(prepared((*journeys, extra))).rows
    assert [
        (a.journey, a.rank, a.before, a.after, a.target)
        for a in rows
        if a.kind == "kpi_away_from_target"
    ] == [
        ("b", 1, 0, -5, 10),
        ("a", 3, 5, 1, 10),
        ("e", 4, 5, 1, 10),
        ("f", None, 5, 1, 10),
    ]


def test_a_journeys_kpis_away_from_target_in_the_frameworks_order() -> None:
    """With ratio before nps in framework.yaml, a's ratio alert comes first (not by id)."""
    tree = checked()
    ratio = _kpi(("2024-01-01", 1), ("2024-06-30", 2), target=0.5)
    journeys = tuple(
        j.model_copy(update={"kpis": {"nps": AWAY, "ratio": ratio}}) if j.id == "a" else j
        for j in tree.journeys
    )
    reversed_kpis = list(reversed(tree.framework.kpis))
    rows = alerts_report(prepared(journeys, kpis=reversed_kpis)).rows
    assert [
        (a.measure, a.measure_name)
        for a in rows
        if a.journey == "a" and a.kind == "kpi_away_from_target"
    ] == [
        ("ratio", "Contacts per customer"),
        ("nps", "NPS"),
    ]


def test_kpis_away_count_what_was_measured_by_the_end_of_the_period() -> None:
    """a's NPS moved towards the target in 2024 and away in 2025: an alert in 2025 only."""
    tree = checked()
    kpi = _kpi(("2024-01-01", 0), ("2024-06-30", 5), ("2025-03-01", 2), target=10)
    journeys = tuple(
        j.model_copy(update={"kpis": {"nps": kpi}}) if j.id == "a" else j for j in tree.journeys
    )

    def away(period: str) -> list[tuple[str, float | None, float | None]]:
        rows = alerts_report(prepared(journeys, period=period)).rows
        return [(a.journey, a.before, a.after) for a in rows if a.kind == "kpi_away_from_target"]

    assert away("2024") == [("b", 0, -5)]
    assert away("2025") == [("b", 0, -5), ("a", 5, 2)]
