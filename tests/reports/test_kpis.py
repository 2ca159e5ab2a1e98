"""A KPI's change, trend and distance to its target, direction-aware, case by case."""

from __future__ import annotations

from datetime import date

import pytest

from journeyctl.model import Journey
from journeyctl.model.framework import Kpi
from journeyctl.model.journey import KpiRecord
from journeyctl.reports import KpiReport, kpi_row, kpis_report, shortfall
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
    }


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
