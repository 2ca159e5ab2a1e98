"""Alerts on the small tree beyond the hand-computed file: the threshold's edge, the top
window, no period to compare with, retired journeys, a rise from nothing, estimated volumes,
the warnings of validate as signals, and the order of the rows and of their signals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from journeyctl.model import Journey
from journeyctl.model.framework import AlertPolicy
from journeyctl.model.journey import KpiRecord, Volume
from journeyctl.reports import (
    AlertRow,
    AlertsReport,
    ReportInput,
    Signal,
    alerts_report,
    prepare,
)
from journeyctl.reports.alerts import signal_text
from tests.reports.tree import TODAY, checked, report_input


def kinds(report: AlertsReport) -> list[tuple[str, str]]:
    """(kind, journey) of every signal, row by row."""
    return [(signal.kind, row.journey) for row in report.rows for signal in row.signals]


def signals_of(report: AlertsReport, journey: str) -> list[Signal]:
    return [signal for row in report.rows if row.journey == journey for signal in row.signals]


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
    """d's contacts went from 1 to 900, but d is retired (and was never reviewed)."""
    assert all(journey != "d" for _, journey in kinds(alerts_report(report_input())))
    given = report_input()
    ownerless = tuple(
        j.model_copy(update={"owner": None}) if j.id == "d" else j for j in given.journeys
    )
    assert "d" not in [
        row.journey for row in alerts_report(replace(given, journeys=ownerless)).rows
    ]


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
    assert not {kind for kind, _ in kinds(report)} & {"contact_rate_up", "contacts_up"}
    assert ("top_unworked", "a") in kinds(report)


def test_a_rise_from_zero_contacts_is_always_a_signal() -> None:
    """e had 10 customers and no contacts in 2024: any rise counts, change None."""
    given = report_input()
    journeys = tuple(_with_empty_2024(j) if j.id == "e" else j for j in given.journeys)
    report = alerts_report(replace(given, journeys=journeys))
    rising = [(s.kind, s.before, s.change) for s in signals_of(report, "e")][:2]
    assert rising == [("contact_rate_up", 0, None), ("contacts_up", 0, None)]


def _with_empty_2024(journey: Journey) -> Journey:
    empty = Volume(period="2024", customers=10, contacts=0)
    return journey.model_copy(update={"volumes": [empty, *journey.volumes]})


def test_a_rise_of_exactly_the_threshold_in_contacts_is_no_alert() -> None:
    """a's contacts doubled, 10 -> 20: a change of exactly 1.0, which a float holds exactly."""
    assert ("contacts_up", "a") not in with_threshold(1.0)
    assert ("contacts_up", "a") in with_threshold(0.99)


def with_2024_and_2025(journey_id: str, before: Volume, after: Volume) -> list[Signal]:
    """The signals of one journey, with its volumes replaced by these two."""
    given = report_input()
    journeys = tuple(
        j.model_copy(update={"volumes": [before, after]}) if j.id == journey_id else j
        for j in given.journeys
    )
    return signals_of(alerts_report(replace(given, journeys=journeys)), journey_id)


def test_no_contacts_in_either_period_is_no_rise() -> None:
    """0 contacts before and after: nothing rose, though the change from 0 is not a number."""
    signals = with_2024_and_2025(
        "e",
        Volume(period="2024", customers=10, contacts=0),
        Volume(period="2025", customers=10, contacts=0),
    )
    assert [s.kind for s in signals] == ["top_unworked", "no_owner"]


def test_no_customers_in_a_period_gives_no_contact_rate() -> None:
    """e's contacts rose from 1 to 5, but it had no customers in 2025: no rate to compare."""
    signals = with_2024_and_2025(
        "e",
        Volume(period="2024", customers=10, contacts=1),
        Volume(period="2025", customers=0, contacts=5),
    )
    assert [(s.kind, s.before, s.after, s.change) for s in signals] == [
        ("contacts_up", 1, 5, 4.0),
        ("top_unworked", None, None, None),
        ("no_owner", None, None, None),
    ]


@pytest.mark.parametrize(
    ("a_2024", "rate_up", "contacts_up"),
    [
        (["customers", "contacts"], True, True),
        # Only the customers: the rate is computed from them, the contacts were counted.
        (["customers"], True, False),
        (["contacts"], True, True),
    ],
)
def test_an_estimated_value_in_either_period_marks_what_it_gave(
    a_2024: list[str], rate_up: bool, contacts_up: bool
) -> None:
    """a's 2024 values estimated: the rises computed from them are estimated, its top-10
    signal is not (its 2025 volume, which ranked it, was counted); e's 2025 customers
    estimated: its rank came from them, so its top-10 signal is estimated, and its missing
    owner is not."""
    given = report_input()
    journeys = tuple(
        estimating(j, {"2025": ["customers"]})
        if j.id == "e"
        else estimating(j, {"2024": a_2024})
        if j.id == "a"
        else j
        for j in given.journeys
    )
    report = alerts_report(prepare_again(given, journeys))
    assert [(s.kind, s.estimated) for s in signals_of(report, "a")] == [
        ("contact_rate_up", rate_up),
        ("contacts_up", contacts_up),
        ("top_unworked", False),
    ]
    assert [(s.kind, s.estimated) for s in signals_of(report, "e")] == [
        ("top_unworked", True),
        ("no_owner", False),
    ]
    estimated = {row.journey: row.estimated for row in report.rows}
    assert estimated == {"b": False, "c": False, "a": True, "e": True}
    rows = report.to_dict()["rows"]
    assert isinstance(rows, list)
    assert [row["estimated"] for row in rows] == [False, False, True, True]
    assert [s["estimated"] for s in rows[2]["signals"]] == [rate_up, contacts_up, False]


def estimating(journey: Journey, values: dict[str, list[str]]) -> Journey:
    """The journey with the values of its volumes of some periods marked estimated."""
    volumes = [
        v.model_copy(update={"estimated": values.get(v.period, [])}) for v in journey.volumes
    ]
    return journey.model_copy(update={"volumes": volumes})


def prepare_again(given: ReportInput, journeys: tuple[Journey, ...]) -> ReportInput:
    """The small tree with other journeys, ranked again (the ranking holds the estimates)."""
    return prepare(given.framework, journeys, given.improvements, today=given.today)


def _report(*rows: AlertRow) -> AlertsReport:
    return AlertsReport("2025", "2024", 0.2, 10, TODAY, rows)


def test_the_plain_values_are_rounded_to_four_places_for_rates_and_changes_only() -> None:
    """Contact rates and changes are rounded to 4 places; counts and KPI values are as they are."""
    rate = Signal("contact_rate_up", "contact_rate", None, 1 / 3, 2 / 3, 1.0)
    contacts = Signal("contacts_up", "contacts", None, 3, 4, 1 / 3)
    kpi = Signal("kpi_away_from_target", "nps", "NPS", 0.123456, 0.654321, None, 1.5)
    report = _report(AlertRow("a", "A", 1, None, None, (rate, contacts, kpi)))
    [row] = report.to_dict()["rows"]  # type: ignore[misc]
    assert [
        (s["measure"], s["before"], s["after"], s["change"], s["target"]) for s in row["signals"]
    ] == [
        ("contact_rate", 0.3333, 0.6667, 1.0, None),
        ("contacts", 3, 4, 0.3333, None),
        ("nps", 0.123456, 0.654321, None, 1.5),
    ]
    assert report.to_dict()["measured_until"] is None
    assert report.to_rows()[0]["signals"] == (
        "contact_rate_up: contact_rate 0.3333 -> 0.6667 (+100.00%); "
        "contacts_up: contacts 3 -> 4 (+33.33%); "
        "kpi_away_from_target: nps 0.1235 -> 0.6543 (target 1.5)"
    )


def test_a_rate_without_a_value_stays_none() -> None:
    signal = Signal("contact_rate_up", "contact_rate")
    rows = _report(AlertRow("a", "A", 1, None, None, (signal,))).to_dict()["rows"]
    assert isinstance(rows, list)
    [row] = rows
    [plain] = row["signals"]
    assert (plain["before"], plain["after"], plain["change"]) == (None, None, None)
    assert signal_text(signal) == "contact_rate_up: contact_rate null -> null"


# (the signal, its text in a CSV cell)
SIGNAL_TEXTS = {
    "a rise": (
        Signal("contacts_up", "contacts", None, 8300, 12800, 0.5422, estimated=True),
        "contacts_up: contacts 8300 -> 12800 (+54.22%), estimated",
    ),
    "a rise from 0": (
        Signal("contacts_up", "contacts", None, 0, 5, None),
        "contacts_up: contacts 0 -> 5",
    ),
    "a review": (
        Signal("review_overdue", cadence="quarterly", last_reviewed=TODAY, days_overdue=3),
        "review_overdue: last reviewed 2025-06-01, quarterly, 3 days overdue",
    ),
    "never reviewed": (
        Signal("review_overdue", cadence="monthly"),
        "review_overdue: never reviewed, monthly",
    ),
    "a KPI without a baseline": (
        Signal("kpi_without_baseline", "nps", "NPS"),
        "kpi_without_baseline: nps",
    ),
    "no owner": (Signal("no_owner"), "no_owner"),
    "top unworked, estimated": (
        Signal("top_unworked", estimated=True),
        "top_unworked: estimated",
    ),
}


@pytest.mark.parametrize(("signal", "text"), SIGNAL_TEXTS.values(), ids=SIGNAL_TEXTS.keys())
def test_a_signal_as_plain_text(signal: Signal, text: str) -> None:
    assert signal_text(signal) == text


def test_the_counts_are_of_journeys_signals_and_each_kind() -> None:
    counts = alerts_report(report_input()).counts()
    assert counts == {
        "journeys": 4,
        "signals": 10,
        "contact_rate_up": 2,
        "contacts_up": 1,
        "top_unworked": 2,
        "kpi_away_from_target": 1,
        "review_overdue": 2,
        "no_owner": 1,
        "kpi_without_baseline": 1,
    }


def test_the_warnings_of_validate_are_signals_as_the_checks_read_them() -> None:
    """b's review is overdue (1 Jan, quarterly: due 3 Apr), c was never reviewed though it
    is improving; e has no owner; c's NPS has no baseline. On 3 April b's review is not
    overdue yet; validate warns about the same journeys."""
    report = alerts_report(report_input())
    warned = [(kind, j) for kind, j in kinds(report) if kind in WARNED]
    assert warned == [
        ("review_overdue", "b"),
        ("review_overdue", "c"),
        ("kpi_without_baseline", "c"),
        ("no_owner", "e"),
    ]
    findings = sorted(
        (RULES[f.rule], Path(f.file).stem) for f in checked().validation.findings if f.rule in RULES
    )
    assert findings == sorted(warned)
    early = alerts_report(report_input(today=date(2025, 4, 3)))
    assert ("review_overdue", "b") not in kinds(early)
    assert ("review_overdue", "b") in kinds(alerts_report(report_input(today=date(2025, 4, 4))))


WARNED = ("review_overdue", "no_owner", "kpi_without_baseline")
RULES = {"JC305": "review_overdue", "JC304": "no_owner", "JC306": "kpi_without_baseline"}


def test_rows_are_in_ranking_order_unranked_last_by_id_and_signals_by_kind() -> None:
    """Two journeys without volumes and without an owner (unranked) come after the ranked
    ones, by id; a journey's signals in the order of the kinds."""
    tree = checked()
    extra = [
        Journey(id=i, name=f"Journey {i}", phase="fase-a", cluster="cluster-a") for i in ("z", "g")
    ]
    report = alerts_report(prepared((*tree.journeys, *extra)))
    assert [(row.journey, row.rank) for row in report.rows] == [
        ("b", 1),
        ("c", 2),
        ("a", 3),
        ("e", 4),
        ("g", None),
        ("z", None),
    ]
    assert [row.kinds for row in report.rows][:3] == [
        ("kpi_away_from_target", "review_overdue"),
        ("contact_rate_up", "review_overdue", "kpi_without_baseline"),
        ("contact_rate_up", "contacts_up", "top_unworked"),
    ]
    assert (report.rows[0].owner, report.rows[0].owner_name) == ("ann", "Ann")


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
        (row.journey, row.rank, s.before, s.after, s.target)
        for row in rows
        for s in row.signals
        if s.kind == "kpi_away_from_target"
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
    report = alerts_report(prepared(journeys, kpis=reversed_kpis))
    assert [
        (s.measure, s.measure_name)
        for s in signals_of(report, "a")
        if s.kind == "kpi_away_from_target"
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
        return [
            (row.journey, s.before, s.after)
            for row in rows
            for s in row.signals
            if s.kind == "kpi_away_from_target"
        ]

    assert away("2024") == [("b", 0, -5)]
    assert away("2025") == [("b", 0, -5), ("a", 5, 2)]
