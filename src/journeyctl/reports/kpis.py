"""The `kpis` report: per journey and KPI, the baseline, the latest measurement, the target,
whether it improved since the baseline and where the last move went (seed 000, step 7).

Direction-aware: for a KPI whose `higher_is_better` is false (contact rate, process time) a
fall is an improvement. Points are the baseline and the measurements, by date; with
`as_of`, measurements after that day are left out (the state at the end of a period).

- `change`: the latest point against the baseline: improved, declined or unchanged; None
  without a baseline or without a measurement.
- `trend`: the latest point against the one before it: improving, worsening or steady;
  None with fewer than two points.
- `shortfall`: how far a value falls short of the target, in the KPI's direction (0 at or
  beyond the target). `target_reached`: the latest shortfall is 0. `away_from_target`: the
  last move made the shortfall larger (what the `alerts` report lists).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar, Literal

from journeyctl.model import Journey
from journeyctl.model.framework import Kpi
from journeyctl.model.journey import KpiRecord, Measurement
from journeyctl.reports.inputs import ReportInput
from journeyctl.reports.rows import Row, columns, csv_row

Change = Literal["improved", "declined", "unchanged"]
Trend = Literal["improving", "worsening", "steady"]


@dataclass(frozen=True)
class KpiPoint:
    date: date
    value: float
    baseline: bool = False  # the baseline, not a measurement


@dataclass(frozen=True)
class KpiRow:
    """One KPI of one journey."""

    journey: str
    journey_name: str
    rank: int | None  # the journey's rank in the report's period; None: not ranked
    kpi: str
    kpi_name: str
    unit: str | None
    higher_is_better: bool
    baseline: float | None
    baseline_date: date | None
    latest: float | None  # the latest measurement; None: measured never (or not by as_of)
    latest_date: date | None
    previous: float | None  # the point before the latest (the baseline if it is the only one)
    target: float | None
    change: Change | None
    delta: float | None  # latest - baseline
    trend: Trend | None
    target_reached: bool | None  # None without a target or a latest value
    away_from_target: bool
    measurements: int
    points: tuple[KpiPoint, ...]  # baseline and measurements by date, for a curve


@dataclass(frozen=True)
class KpiReport:
    name: ClassVar[str] = "kpis"
    # The CSV header: one row per journey and KPI (see docs/reports.md); the points, for a
    # curve, are in the JSON only.
    fields: ClassVar[tuple[str, ...]] = columns(KpiRow, leave_out=("points",))

    period: str | None
    as_of: date | None
    rows: tuple[KpiRow, ...]
    # The last day the measurements count (see ReportInput.measured_until).
    measured_until: date | None = None

    def counts(self) -> dict[str, int]:
        """How many KPIs improved, declined, stayed, were not measured; reached their target."""
        changes = [row.change for row in self.rows]
        return {
            "kpis": len(self.rows),
            "improved": changes.count("improved"),
            "declined": changes.count("declined"),
            "unchanged": changes.count("unchanged"),
            "not_measured": changes.count(None),
            "target_reached": sum(1 for row in self.rows if row.target_reached),
        }

    def to_rows(self) -> list[Row]:
        return [csv_row(self.fields, _plain(row)) for row in self.rows]

    def to_dict(self) -> dict[str, object]:
        rows: list[dict[str, object]] = []
        for row in self.rows:
            entry = _plain(row)
            entry["points"] = [
                {"date": p.date.isoformat(), "value": p.value, "baseline": p.baseline}
                for p in row.points
            ]
            rows.append(entry)
        return {
            "report": self.name,
            "period": self.period,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "measured_until": _iso(self.measured_until),
            "summary": self.counts(),
            "rows": rows,
        }


def _plain(row: KpiRow) -> dict[str, object]:
    entry: dict[str, object] = {name: getattr(row, name) for name in KpiReport.fields}
    for name in ("baseline_date", "latest_date"):
        day = entry[name]
        entry[name] = day.isoformat() if isinstance(day, date) else None
    return entry


def kpis_report(report_input: ReportInput, top: int | None = None) -> KpiReport:
    """Every KPI of every journey, the journeys in ranking order (unranked ones after, by
    id), each journey's KPIs in the framework's order; `top`: the first N journeys only."""
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    kpis = {kpi.id: kpi for kpi in report_input.framework.kpis}
    order = list(kpis)
    journeys = sorted(
        (j for j in report_input.journeys if j.kpis),
        key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id),
    )[:top]
    rows = tuple(
        kpi_row(journey, kpis[kpi_id], record, ranks.get(journey.id), report_input.as_of)
        for journey in journeys
        for kpi_id, record in sorted(journey.kpis.items(), key=lambda item: order.index(item[0]))
    )
    return KpiReport(report_input.period, report_input.as_of, rows, report_input.measured_until)


def kpi_row(
    journey: Journey, kpi: Kpi, record: KpiRecord, rank: int | None, as_of: date | None = None
) -> KpiRow:
    """One journey's KPI: its points, and how they moved (see the module's docstring)."""
    measured = sorted(
        (m for m in record.measurements if as_of is None or m.date <= as_of), key=_day
    )
    points = _points(record.baseline, measured)
    latest = measured[-1] if measured else None
    previous = points[-2] if len(points) >= 2 else None
    baseline = record.baseline
    better = kpi.higher_is_better
    last = points[-1] if points else None
    return KpiRow(
        journey=journey.id,
        journey_name=journey.name,
        rank=rank,
        kpi=kpi.id,
        kpi_name=kpi.name,
        unit=kpi.unit,
        higher_is_better=better,
        baseline=None if baseline is None else baseline.value,
        baseline_date=None if baseline is None else baseline.date,
        latest=None if latest is None else latest.value,
        latest_date=None if latest is None else latest.date,
        previous=None if previous is None else previous.value,
        target=record.target,
        change=(
            None
            if baseline is None or latest is None
            else _CHANGE[_direction(baseline.value, latest.value, better)]
        ),
        delta=None if baseline is None or latest is None else _minus(latest.value, baseline.value),
        trend=(
            None
            if previous is None or last is None
            else _TREND[_direction(previous.value, last.value, better)]
        ),
        target_reached=(
            None
            if record.target is None or latest is None
            else shortfall(latest.value, record.target, better) == 0
        ),
        away_from_target=(
            record.target is not None
            and previous is not None
            and last is not None
            and shortfall(last.value, record.target, better)
            > shortfall(previous.value, record.target, better)
        ),
        measurements=len(measured),
        points=points,
    )


# By _direction: 0 (none), 1 (better), -1 (worse).
_CHANGE: dict[int, Change] = {0: "unchanged", 1: "improved", -1: "declined"}
_TREND: dict[int, Trend] = {0: "steady", 1: "improving", -1: "worsening"}


def _direction(before: float, after: float, higher_is_better: bool) -> int:
    """1: a move for the better, -1: for the worse, 0: none."""
    if after == before:
        return 0
    return 1 if (after > before) == higher_is_better else -1


def _minus(after: float, before: float) -> float:
    """after - before as a person computes it: 4.9 - 3.9 is 1.0, not 1.0000000000000004."""
    return float(Decimal(str(after)) - Decimal(str(before)))


def shortfall(value: float, target: float, higher_is_better: bool) -> float:
    """How far `value` falls short of `target` in the KPI's direction; 0 at or beyond it."""
    return max(0.0, target - value) if higher_is_better else max(0.0, value - target)


def _points(baseline: Measurement | None, measured: list[Measurement]) -> tuple[KpiPoint, ...]:
    points = [KpiPoint(m.date, m.value) for m in measured]
    if baseline is not None:
        # The baseline first: a measurement on the baseline's day comes after it.
        points.insert(0, KpiPoint(baseline.date, baseline.value, baseline=True))
        points.sort(key=lambda p: (p.date, not p.baseline))
    return tuple(points)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(measurement: Measurement) -> date:
    return measurement.date
