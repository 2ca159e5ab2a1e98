"""KPI tiles: per KPI of a journey, its line of the `kpis` view (so the map, the KPIs page and
the report say the same), with a small curve of the measurements."""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.model import Journey
from journeyctl.render.context import Context
from journeyctl.reports import KpiRow, ReportInput, kpi_row
from journeyctl.reports.kpis import stale_limit
from journeyctl.views.kpis import KpiLine, kpi_line

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 160, 40, 5


@dataclass(frozen=True)
class KpiTile:
    """A KPI's line (`views.kpis`: the numbers and words of the report's row) and its curve."""

    line: KpiLine
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
    stale_before = stale_limit(report_input)
    return [
        kpi_tile(
            context,
            kpi_row(journey, kpis[kpi_id], record, rank, report_input.as_of, stale_before),
        )
        for kpi_id, record in records
    ]


def kpi_tile(context: Context, row: KpiRow) -> KpiTile:
    return tile_of(kpi_line(row, context.lang), row)


def tile_of(line: KpiLine, row: KpiRow) -> KpiTile:
    """The tile of `row` whose line (`kpi_line(row, lang)`) is made already."""
    return KpiTile(line, *_spark(row))


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
