"""A KPI's change, trend and distance to its target, direction-aware, case by case."""

from __future__ import annotations

import random
from datetime import date

import pytest

from journeyctl.model import Journey
from journeyctl.model.framework import Kpi
from journeyctl.model.journey import KpiRecord, Measurement
from journeyctl.reports import KpiReport, kpi_row, kpis_report, shortfall
from journeyctl.reports.kpis import last_points, months_before, stale_limit
from tests.reports.tree import report_input

JOURNEY = Journey(id="j", name="J", phase="p", cluster="c")
DAYS = [date(2024, 1, 1), date(2024, 6, 30), date(2024, 12, 31)]


def record(values: list[float], target: float | None) -> KpiRecord:
    """The first value is the baseline, the others measurements, half a year apart."""
    return KpiRecord.model_validate(
        {
            "baseline": {"value": values[0], "date": DAYS[0]},
            "target": target,
            "measurements": [
                {"value": v, "date": d} for v, d in zip(values[1:], DAYS[1:], strict=False)
            ],
        }
    )


# higher_is_better, points (baseline first), target -> change, trend, reached, away
CASES = [
    (True, [10, 20, 30], 50, "improved", "improving", False, False),
    (True, [10, 30, 20], 50, "improved", "worsening", False, True),
    (True, [10, 5], 50, "declined", "worsening", False, True),
    (True, [10, 10], 50, "unchanged", "steady", False, False),
    (True, [10, 60, 55], 50, "improved", "worsening", True, False),  # still at target
    (True, [10, 60, 45], 50, "improved", "worsening", False, True),
    (False, [10, 8, 6], 5, "improved", "improving", False, False),
    (False, [10, 4, 7], 5, "improved", "worsening", False, True),
    (False, [10, 12], 5, "declined", "worsening", False, True),
    (False, [10, 5], 5, "improved", "improving", True, False),
    (True, [10, 20], None, "improved", "improving", None, False),
    (True, [10], 50, None, None, None, False),
]


@pytest.mark.parametrize(
    ("higher", "values", "target", "change", "trend", "reached", "away"), CASES
)
def test_direction_aware(
    higher: bool,
    values: list[float],
    target: float | None,
    change: str | None,
    trend: str | None,
    reached: bool | None,
    away: bool,
) -> None:
    kpi = Kpi(id="k", name="K", higher_is_better=higher)
    row = kpi_row(JOURNEY, kpi, record(values, target), rank=None)
    assert (row.change, row.trend, row.target_reached, row.away_from_target) == (
        change,
        trend,
        reached,
        away,
    )


def test_delta_is_the_difference_a_person_computes() -> None:
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), record([3.9, 4.9], None), rank=None)
    assert row.delta == 1.0
    assert (row.baseline, row.latest, row.previous, row.measurements) == (3.9, 4.9, 3.9, 1)


def test_as_of_leaves_out_later_measurements() -> None:
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), record([1, 2, 3], None), None, DAYS[1])
    assert (row.latest, row.latest_date, row.measurements) == (2, DAYS[1], 1)


def test_a_measurement_on_the_baseline_day_comes_after_it() -> None:
    kpi_record = KpiRecord.model_validate(
        {
            "baseline": {"value": 1, "date": DAYS[0]},
            "measurements": [{"value": 2, "date": DAYS[0]}],
        }
    )
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), kpi_record, rank=None)
    assert [p.value for p in row.points] == [1, 2]
    assert row.trend == "improving"


@pytest.mark.parametrize(
    ("value", "target", "higher", "expected"),
    [(4, 10, True, 6), (12, 10, True, 0), (12, 10, False, 2), (8, 10, False, 0)],
)
def test_shortfall(value: float, target: float, higher: bool, expected: float) -> None:
    assert shortfall(value, target, higher) == expected


def test_top_keeps_the_first_journeys_of_the_ranking() -> None:
    assert {row.journey for row in kpis_report(report_input(), top=1).rows} == {"b"}


def test_period_measures_up_to_its_end() -> None:
    """In 2024, c's ratio was last measured at 0.8 (the 0.4 of mid-2025 comes later)."""
    report = kpis_report(report_input(period="2024"))
    ratio = next(row for row in report.rows if row.kpi == "ratio")
    assert report.as_of == date(2024, 12, 31)
    assert (ratio.latest, ratio.previous, ratio.target_reached) == (0.8, 1.0, False)


def test_the_summary_counts_each_change() -> None:
    """One KPI of each change, one not measured, one at its target."""
    kpi = Kpi(id="k", name="K", unit="%")
    cases: list[tuple[list[float], float | None]] = [
        ([1, 2], None),
        ([2, 1], None),
        ([1, 1], 1),
        ([1, 1], 2),
        ([1], None),
    ]
    rows = tuple(
        kpi_row(JOURNEY, kpi, record(values, target), rank=None) for values, target in cases
    )
    assert KpiReport("2025", None, rows).counts() == {
        "kpis": 5,
        "improved": 1,
        "declined": 1,
        "unchanged": 2,
        "not_measured": 1,
        "target_reached": 1,
        "on_track": 1,  # at its target
        "off_track": 1,  # 1 against a target of 2: no better than the baseline
        "no_target": 2,  # measured, but without a target to be on or off track to
        "stale": 0,
        "journeys_without_kpis": 0,
    }


def test_every_kpi_is_in_one_category_of_the_summary() -> None:
    """On track, off track, measured without a target, or not measured (a baseline at
    most): with and without a target, a baseline and measurements, each KPI once."""
    kpi = Kpi(id="k", name="K")
    records = [
        KpiRecord(),
        KpiRecord(target=5),
        record([1], None),
        record([1], 5),
        record([1, 2], None),
        record([1, 2], 5),
        record([1, 0], 5),
        record([1, 9], 5),
        KpiRecord.model_validate({"measurements": [{"value": 2, "date": DAYS[1]}]}),
        KpiRecord.model_validate({"target": 5, "measurements": [{"value": 2, "date": DAYS[1]}]}),
    ]
    for kpi_record in records:
        row = kpi_row(JOURNEY, kpi, kpi_record, rank=None)
        counts = KpiReport("2025", None, (row,)).counts()
        categories = ("on_track", "off_track", "no_target", "not_measured")
        assert [counts[name] for name in categories].count(1) == 1, kpi_record
        assert sum(counts[name] for name in categories) == counts["kpis"] == 1


@pytest.mark.parametrize(
    ("values", "target", "higher", "on_track", "progress", "since_previous"),
    [
        # Better than the baseline, and the last move toward the target: on track.
        ([0, 5, 8], 10, True, True, 0.8, 3.0),
        # Better than the baseline, but the last move away from it: off track.
        ([0, 8, 5], 10, True, False, 0.5, -3.0),
        # Worse than the baseline: off track, a negative share of the way.
        ([4, 2], 10, True, False, -1 / 3, -2.0),
        # No move at all: off track (not better than the baseline).
        ([4, 4], 10, True, False, 0.0, 0.0),
        # Beyond the target: reached, on track, more than the whole way.
        ([1.0, 0.3], 0.5, False, True, 1.4, -0.7),
        # Lower is better and it fell toward the target: on track.
        ([1.0, 0.9, 0.8], 0.5, False, True, 0.4, -0.1),
        # The baseline is the target: no share of the way to speak of.
        ([5, 6], 5, True, True, None, 1.0),
        # No target: neither on nor off track.
        ([1, 2], None, True, None, None, 1.0),
        # Only a baseline: nothing moved, nothing measured.
        ([3], 5, True, None, None, None),
    ],
)
def test_on_track_the_share_of_the_way_and_the_last_move(
    values: list[float],
    target: float | None,
    higher: bool,
    on_track: bool | None,
    progress: float | None,
    since_previous: float | None,
) -> None:
    kpi = Kpi(id="k", name="K", higher_is_better=higher)
    row = kpi_row(JOURNEY, kpi, record(values, target), rank=None)
    assert row.on_track is on_track
    assert row.progress == (None if progress is None else pytest.approx(progress))
    assert row.since_previous == since_previous


@pytest.mark.parametrize(
    ("stale_before", "stale"),
    [(None, False), (date(2024, 12, 31), False), (date(2025, 1, 1), True)],
)
def test_a_latest_measurement_before_the_limit_is_stale(
    stale_before: date | None, stale: bool
) -> None:
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), record([1, 2, 3], 5), None, None, stale_before)
    assert row.stale is stale  # the latest is of 31 Dec 2024


def test_nothing_measured_is_never_stale() -> None:
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), KpiRecord(target=5), None, None, date(2030, 1, 1))
    assert row.stale is False


@pytest.mark.parametrize(
    ("day", "months", "before"),
    [
        (date(2025, 6, 1), 6, date(2024, 12, 1)),
        (date(2025, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 12, 31), 12, date(2024, 12, 31)),
        (date(2025, 1, 15), 1, date(2024, 12, 15)),
        (date(2025, 3, 31), 1, date(2025, 2, 28)),
    ],
)
def test_months_before(day: date, months: int, before: date) -> None:
    assert months_before(day, months) == before


def test_the_stale_limit_is_of_the_period_asked_for_else_of_today() -> None:
    """Six months (the framework's default) before the end of 2024, or before today."""
    assert stale_limit(report_input(period="2024")) == date(2024, 6, 30)
    assert stale_limit(report_input()) == date(2024, 12, 1)  # today is 1 Jun 2025


def test_a_row_names_the_kpi_and_its_unit() -> None:
    kpi = Kpi(id="k", name="Share online", unit="%", higher_is_better=False)
    row = kpi_row(JOURNEY, kpi, record([10, 20], None), rank=3)
    assert (row.journey, row.journey_name, row.rank, row.kpi, row.kpi_name, row.unit) == (
        "j",
        "J",
        3,
        "k",
        "Share online",
        "%",
    )
    assert row.higher_is_better is False


def test_nothing_measured_has_no_day_measured_until() -> None:
    """The day is null in the JSON, not the ranking's period end, while nothing is measured."""
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), KpiRecord(target=5), rank=None)
    data = KpiReport("2025", None, (row,)).to_dict()
    assert (data["as_of"], data["measured_until"]) == (None, None)
    rows = data["rows"]
    assert isinstance(rows, list)
    [plain] = rows
    assert (plain["baseline_date"], plain["latest_date"], plain["points"]) == (None, None, [])


def test_the_last_move_is_the_last_two_points_of_the_row() -> None:
    # The alerts take a KPI's last move without making its row: the same two points,
    # whatever days the measurements and the baseline share and whatever `as_of` cuts.
    rng = random.Random(3)
    kpi = Kpi(id="k", name="K")
    for _ in range(300):
        days = [date(2025, 1, rng.randint(1, 4)) for _ in range(rng.randint(0, 5))]
        measured = [Measurement(date=day, value=rng.randint(0, 9)) for day in days]
        baseline = rng.choice([None, Measurement(date=date(2025, 1, rng.randint(1, 4)), value=5)])
        record = KpiRecord(baseline=baseline, measurements=measured)
        as_of = rng.choice([None, date(2025, 1, rng.randint(1, 4))])
        expected = kpi_row(JOURNEY, kpi, record, None, as_of).points[-2:]
        assert last_points(record, as_of) == expected


def test_a_baseline_after_as_of_does_not_count() -> None:
    """A baseline taken after the period's end was not there yet at its end: no baseline, no
    point, no change, no share of the way; the KPI is not measured in that period."""
    kpi_record = KpiRecord.model_validate(
        {
            "baseline": {"value": -30, "date": date(2025, 6, 30)},
            "target": -5,
            "measurements": [{"value": -19, "date": date(2026, 6, 30)}],
        }
    )
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), kpi_record, None, date(2024, 12, 31))
    assert (row.baseline, row.baseline_date, row.points) == (None, None, ())
    assert (row.latest, row.previous, row.change, row.delta, row.progress) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert (row.on_track, row.target_reached, row.measurements) == (None, None, 0)
    assert last_points(kpi_record, date(2024, 12, 31)) == ()
    # On its own day, and with no period asked for, the baseline counts.
    assert (
        kpi_row(JOURNEY, Kpi(id="k", name="K"), kpi_record, None, date(2025, 6, 30)).baseline == -30
    )
    assert kpi_row(JOURNEY, Kpi(id="k", name="K"), kpi_record, None).baseline_date == date(
        2025, 6, 30
    )


def test_a_baseline_after_as_of_is_no_point_before_a_measurement() -> None:
    """A measurement before the period's end, the baseline after it: the measurement alone,
    no change against a baseline that was not there yet."""
    kpi_record = KpiRecord.model_validate(
        {
            "baseline": {"value": 10, "date": date(2025, 3, 31)},
            "target": 20,
            "measurements": [{"value": 12, "date": date(2024, 12, 31)}],
        }
    )
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), kpi_record, None, date(2024, 12, 31))
    assert [p.value for p in row.points] == [12]
    assert (row.baseline, row.previous, row.change, row.trend, row.since_previous) == (
        None,
        None,
        None,
        None,
        None,
    )


def test_at_its_target_a_kpi_is_on_track_even_below_its_baseline() -> None:
    # A baseline already past the target (60 against 50) and a latest of 55: still there.
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), record([60, 55], 50), rank=None)
    assert (row.target_reached, row.on_track) == (True, True)


def test_the_report_marks_and_counts_the_kpis_gone_stale_by_its_day() -> None:
    late = kpis_report(report_input(today=date(2031, 1, 1)))
    assert [row.stale for row in late.rows] == [True, False, True]
    assert late.counts()["stale"] == 2


def test_the_json_gives_the_share_of_the_way_to_four_places() -> None:
    row = kpi_row(JOURNEY, Kpi(id="k", name="K"), record([0, 1], 3), rank=None)
    rows = KpiReport("2025", None, (row,)).to_dict()["rows"]
    assert isinstance(rows, list)
    assert rows[0]["progress"] == 0.3333
