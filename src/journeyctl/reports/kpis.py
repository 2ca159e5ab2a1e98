"""The `kpis` report: per journey and KPI, the baseline, the latest measurement, the target,
whether it improved since the baseline and where the last move went (seed 000, step 7).

Direction-aware: for a KPI whose `higher_is_better` is false (contact rate, process time) a
fall is an improvement. Points are the baseline and the measurements, by date; with
`as_of`, measurements after that day are left out (the state at the end of a period), and so
is a baseline after it: it was not taken yet, so the KPI has no baseline in that period.

- `change`: the latest point against the baseline: improved, declined or unchanged; None
  without a baseline or without a measurement.
- `trend`: the latest point against the one before it: improving, worsening or steady;
  None with fewer than two points.
- `shortfall`: how far a value falls short of the target, in the KPI's direction (0 at or
  beyond the target). `target_reached`: the latest shortfall is 0. `away_from_target`: the
  last move made the shortfall larger (what the `alerts` report lists).
- `since_previous`: the last point minus the one before it (the baseline when it is the only
  one): what moved since the previous measurement. None with fewer than two points.
- `progress`: the share of the way from the baseline to the target that the latest value has
  come: (latest - baseline) / (target - baseline); 1 at the target, above 1 beyond it, below
  0 when it went the wrong way. None without all three, or when the baseline is the target.
- `on_track`: the target is reached, or the value is better than the baseline and its last
  move did not take it further from the target; False otherwise; None without a target or
  a measurement. "Improved since the baseline" alone flatters a KPI that is sliding back.
- `stale`: the latest measurement is older than `alerts.kpi_stale_after_months` (default 6)
  before the reference day (the end of the reported period when one was asked for, else
  today): a figure nobody has looked at for half a year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar, Literal, get_args

from journeyctl.model import Journey
from journeyctl.model.framework import Kpi
from journeyctl.model.journey import KpiRecord, Measurement
from journeyctl.reports.inputs import ReportInput
from journeyctl.reports.rows import Row, columns, csv_row

# In the order of the report's summary and its JSON.
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
    since_previous: float | None  # the last point minus the one before it
    progress: float | None  # the share of the way from the baseline to the target
    on_track: bool | None  # None without a target or a measurement
    stale: bool  # the latest measurement is older than the framework's limit
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
    # The journeys (not retired) that have no KPI at all: what the rows cannot show.
    journeys_without_kpis: int = 0
    stale_before: date | None = None  # a latest measurement before this day is stale

    def counts(self) -> dict[str, int]:
        """How many KPIs improved, declined, stayed, were not measured; reached their target;
        are on and off track, or measured without a target; are stale; and how many journeys
        have no KPI.

        Every KPI is in one of on_track, off_track, no_target and not_measured: on or off
        track needs a target and a measurement (see `_on_track`), so a KPI that is neither
        was not measured (a baseline at most) or, measured, has no target."""
        changes = [row.change for row in self.rows]
        return {
            "kpis": len(self.rows),
            **{change: changes.count(change) for change in get_args(Change)},
            "not_measured": sum(1 for row in self.rows if row.latest is None),
            "target_reached": sum(1 for row in self.rows if row.target_reached),
            "on_track": sum(1 for row in self.rows if row.on_track is True),
            "off_track": sum(1 for row in self.rows if row.on_track is False),
            "no_target": sum(
                1 for row in self.rows if row.latest is not None and row.target is None
            ),
            "stale": sum(1 for row in self.rows if row.stale),
            "journeys_without_kpis": self.journeys_without_kpis,
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
            "stale_before": _iso(self.stale_before),
            "summary": self.counts(),
            "rows": rows,
        }


def _plain(row: KpiRow) -> dict[str, object]:
    entry: dict[str, object] = {name: getattr(row, name) for name in KpiReport.fields}
    for name in ("baseline_date", "latest_date"):
        day = entry[name]
        entry[name] = day.isoformat() if isinstance(day, date) else None
    entry["progress"] = None if row.progress is None else round(row.progress, 4)
    return entry


def kpis_report(report_input: ReportInput, top: int | None = None) -> KpiReport:
    """Every KPI of every journey, the journeys in ranking order (unranked ones after, by
    id), each journey's KPIs in the framework's order; `top`: the first N journeys that have
    KPIs only (a journey without KPIs takes no place)."""
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    kpis = {kpi.id: kpi for kpi in report_input.framework.kpis}
    order = list(kpis)
    journeys = sorted(
        (j for j in report_input.journeys if j.kpis),
        key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id),
    )[:top]
    stale_before = stale_limit(report_input)
    rows = tuple(
        kpi_row(
            journey, kpis[kpi_id], record, ranks.get(journey.id), report_input.as_of, stale_before
        )
        for journey in journeys
        for kpi_id, record in sorted(journey.kpis.items(), key=lambda item: order.index(item[0]))
    )
    without = sum(1 for j in report_input.journeys if not j.kpis and j.status != "retired")
    return KpiReport(
        report_input.period,
        report_input.as_of,
        rows,
        report_input.measured_until,
        without,
        stale_before,
    )


def stale_limit(report_input: ReportInput) -> date:
    """The day before which a latest measurement is stale: the framework's number of months
    before the end of the reported period (when one was asked for), else before today."""
    months = report_input.framework.alerts.kpi_stale_after_months
    return months_before(report_input.as_of or report_input.today, months)


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier, or the month's last day where it has fewer:
    31 Aug less 6 months is 28 (or 29) Feb."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def kpi_row(
    journey: Journey,
    kpi: Kpi,
    record: KpiRecord,
    rank: int | None,
    as_of: date | None = None,
    stale_before: date | None = None,
) -> KpiRow:
    """One journey's KPI: its points, and how they moved (see the module's docstring)."""
    measured = _measured(record, as_of)
    baseline = _baseline(record, as_of)
    points = _points(baseline, measured)
    latest = measured[-1] if measured else None
    previous = points[-2] if len(points) >= 2 else None
    better = kpi.higher_is_better
    last = points[-1] if points else None
    target = record.target
    reached = (
        None if target is None or latest is None else shortfall(latest.value, target, better) == 0
    )
    away = (
        target is not None
        and previous is not None
        and last is not None
        and moved_away(previous.value, last.value, target, better)
    )
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
        target_reached=reached,
        away_from_target=away,
        since_previous=(
            None if previous is None or last is None else _minus(last.value, previous.value)
        ),
        progress=_progress(baseline, latest, target),
        on_track=_on_track(baseline, latest, target, better, away),
        stale=latest is not None and stale_before is not None and latest.date < stale_before,
        measurements=len(measured),
        points=points,
    )


def last_points(record: KpiRecord, as_of: date | None = None) -> tuple[KpiPoint, ...]:
    """The last two of the KPI's points (its baseline and measurements up to `as_of`, by
    day), as `kpi_row` has them: how the KPI last moved. The two last measurements and the
    baseline hold them (the points' order is stable), so no other point is made."""
    return _points(_baseline(record, as_of), _measured(record, as_of)[-2:])[-2:]


def moved_away(before: float, after: float, target: float, higher_is_better: bool) -> bool:
    """Whether the move from `before` to `after` took the KPI further from its target."""
    return shortfall(after, target, higher_is_better) > shortfall(before, target, higher_is_better)


def _baseline(record: KpiRecord, as_of: date | None) -> Measurement | None:
    """The baseline as of `as_of`: None when it was taken after that day (not yet there)."""
    baseline = record.baseline
    if baseline is None or (as_of is not None and baseline.date > as_of):
        return None
    return baseline


def _measured(record: KpiRecord, as_of: date | None) -> list[Measurement]:
    return sorted((m for m in record.measurements if as_of is None or m.date <= as_of), key=_day)


def _progress(
    baseline: Measurement | None, latest: Measurement | None, target: float | None
) -> float | None:
    if baseline is None or latest is None or target is None or target == baseline.value:
        return None
    return (latest.value - baseline.value) / (target - baseline.value)


def _on_track(
    baseline: Measurement | None,
    latest: Measurement | None,
    target: float | None,
    better: bool,
    away: bool,
) -> bool | None:
    if target is None or latest is None:
        return None
    if shortfall(latest.value, target, better) == 0:
        return True
    improved = baseline is not None and _direction(baseline.value, latest.value, better) == 1
    return improved and not away


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
