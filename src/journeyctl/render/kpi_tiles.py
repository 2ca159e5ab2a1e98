"""KPI tiles: per KPI of a journey, the baseline, the latest value, the target and the trend,
from the `kpis` report's row (so the map and the report page say the same), with a small
curve of the measurements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journeyctl.model import Journey
from journeyctl.render.context import Context
from journeyctl.reports import KpiRow, ReportInput, kpi_row
from journeyctl.text import format_date

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 160, 40, 5


@dataclass(frozen=True)
class KpiTile:
    kpi: str
    name: str
    unit: str
    baseline: str
    baseline_date: str
    latest: str
    latest_date: str
    target: str
    change: str  # improved, declined, unchanged or "" in the site's language
    change_key: str  # improved, declined, unchanged or none: the tile's colour
    trend: str  # ▲ (the value rose), ▼ (fell) or → for the last move; "" with one point
    trend_key: str  # improving, worsening or steady (in the KPI's direction): the colour
    target_reached: bool
    spark: str  # the points of the small curve ("x,y ..."), "" with fewer than two points
    spark_target: str  # y of the target line, "" without a target


def kpi_tiles(
    context: Context, journey: Journey, rank: int | None, report_input: ReportInput
) -> list[KpiTile]:
    kpis = {kpi.id: kpi for kpi in context.framework.kpis}
    order = list(kpis)
    records = sorted(
        (item for item in journey.kpis.items() if item[0] in kpis),
        key=lambda item: order.index(item[0]),
    )
    return [
        kpi_tile(context, kpi_row(journey, kpis[kpi_id], record, rank, report_input.as_of))
        for kpi_id, record in records
    ]


def kpi_tile(context: Context, row: KpiRow) -> KpiTile:
    places = _places(row)
    spark, target_y = _spark(row)
    return KpiTile(
        kpi=row.kpi,
        name=row.kpi_name,
        unit=row.unit or "",
        baseline=context.decimal(row.baseline, places),
        baseline_date=_date(context, row.baseline_date),
        latest=context.decimal(row.latest, places),
        latest_date=_date(context, row.latest_date),
        target=context.decimal(row.target, places),
        change=context.word(f"render.change.{row.change}") if row.change else "",
        change_key=row.change or "none",
        trend=_arrow(row),
        trend_key=row.trend or "",
        target_reached=bool(row.target_reached),
        spark=spark,
        spark_target=target_y,
    )


def _arrow(row: KpiRow) -> str:
    """Where the last move took the value: up, down or nowhere (its colour says if that is good)."""
    if len(row.points) < 2:
        return ""
    before, after = row.points[-2].value, row.points[-1].value
    return "→" if after == before else "▲" if after > before else "▼"


def _places(row: KpiRow) -> int:
    values = [v for v in (row.baseline, row.latest, row.target) if v is not None]
    return decimals(values + [p.value for p in row.points])


def decimals(values: list[float]) -> int:
    """Decimals enough for every value, two at most: 0.26 needs two, 71 none."""
    return max((_decimals(v) for v in values), default=0)


def _decimals(value: float) -> int:
    text = f"{value:.4f}".rstrip("0")
    return min(len(text.split(".")[1]), 2) if "." in text else 0


def _date(context: Context, day: date | None) -> str:
    return "" if day is None else format_date(day, context.lang)


def _spark(row: KpiRow) -> tuple[str, str]:
    """The points of the baseline and measurements, scaled into the small curve's box."""
    values = [p.value for p in row.points]
    if len(values) < 2:
        return "", ""
    scale = values + ([row.target] if row.target is not None else [])
    low, high = min(scale), max(scale)
    span = high - low or 1.0
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / (len(values) - 1)

    def y(value: float) -> str:
        return _number(
            SPARK_HEIGHT - SPARK_PAD - (value - low) / span * (SPARK_HEIGHT - 2 * SPARK_PAD)
        )

    points = " ".join(f"{_number(SPARK_PAD + i * step)},{y(v)}" for i, v in enumerate(values))
    return points, "" if row.target is None else y(row.target)


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
