"""The KPIs page: per journey (in ranking order) and KPI, the baseline, the latest measurement
and its date, the target, the change since the baseline and the last move.

A `KpiLine` is one KPI of one journey as a person reads it, wherever it stands: a row of the
`kpis` report's table and a tile on the KPIs page and on the journey's map. Its three values
share their decimals (0.20 beside 0.26, so they line up), chosen here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.reports import KpiReport, KpiRow
from journeyctl.text import Lang, label
from journeyctl.views.cells import (
    NONE,
    Cell,
    Figure,
    Table,
    Tone,
    count,
    day,
    decimal,
    journey_page,
    measured_until,
    places,
    rank,
)


@dataclass(frozen=True)
class KpiLine:
    """One KPI of one journey: the numbers already formatted, the words already chosen."""

    kpi: str
    name: str
    unit: str
    baseline: str  # NONE without one
    baseline_date: str  # "" without one
    latest: str
    latest_date: str
    target: str
    change: str  # improved, declined, unchanged (since the baseline), NONE without two values
    change_tone: Tone
    change_key: str  # improved, declined, unchanged or none: what a page colours by
    trend: str  # better, worse, steady: the last move in the KPI's direction; NONE before two
    trend_tone: Tone
    trend_key: str  # improving, worsening, steady or ""
    arrow: str  # where the last move took the value: ▲, ▼ or →; "" with one point
    target_reached: bool


@dataclass(frozen=True)
class KpiJourney:
    """A journey's KPIs, under its name and rank (NONE: not ranked)."""

    name: str
    link: str
    rank: str
    lines: tuple[KpiLine, ...]


@dataclass(frozen=True)
class KpisView:
    table: Table  # one row per KPI, the journey named above its first
    notes: tuple[str, ...]
    figures: tuple[Figure, ...]  # the headline counts a page shows above the KPIs
    journeys: tuple[KpiJourney, ...]  # the same lines by journey, for the tiles of a page

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.table,)


def kpi_line(row: KpiRow, lang: Lang) -> KpiLine:
    shared = places(
        [v for v in (row.baseline, row.latest, row.target) if v is not None]
        + [p.value for p in row.points]
    )
    return KpiLine(
        kpi=row.kpi,
        name=row.kpi_name,
        unit=row.unit or "",
        baseline=decimal(row.baseline, lang, shared),
        baseline_date=day(row.baseline_date, lang),
        latest=decimal(row.latest, lang, shared),
        latest_date=day(row.latest_date, lang),
        target=decimal(row.target, lang, shared),
        change=NONE if row.change is None else label(f"report.change.{row.change}", lang),
        change_tone=_tone(row.change),
        change_key=row.change or "none",
        trend=NONE if row.trend is None else label(f"report.trend.{row.trend}", lang),
        trend_tone=_tone(row.trend),
        trend_key=row.trend or "",
        arrow=_arrow(row),
        target_reached=bool(row.target_reached),
    )


def _tone(word: str | None) -> Tone:
    if word in ("improved", "improving"):
        return "good"
    return "bad" if word in ("declined", "worsening") else ""


def _arrow(row: KpiRow) -> str:
    """Where the last move took the value: up, down or nowhere (the tone says if that is good)."""
    if len(row.points) < 2:
        return ""
    before, after = row.points[-2].value, row.points[-1].value
    return "→" if after == before else "▲" if after > before else "▼"


def kpis_view(report: KpiReport, lang: Lang) -> KpisView:
    journeys: list[KpiJourney] = []
    for row in report.rows:
        line = kpi_line(row, lang)
        if journeys and journeys[-1].link == journey_page(row.journey):
            last = journeys[-1]
            journeys[-1] = KpiJourney(last.name, last.link, last.rank, (*last.lines, line))
        else:
            journeys.append(
                KpiJourney(row.journey_name, journey_page(row.journey), rank(row.rank), (line,))
            )
    return KpisView(
        _table(report, journeys, lang),
        _notes(report, lang),
        _figures(report, lang),
        tuple(journeys),
    )


def _table(report: KpiReport, journeys: list[KpiJourney], lang: Lang) -> Table:
    keys = ("journey", "kpi", "baseline", "latest", "report.measured", "target", "report.change")
    # The title names the measurements' last day, not the ranking's period: without
    # --period every measurement counts, also those after the period (a later year's).
    title = label("report.kpis.title", lang)
    if report.measured_until is not None:
        title += ", " + measured_until(report.measured_until, lang)
    rows = [
        (
            # The journey once, above its KPIs.
            Cell(journey.rank if first else ""),
            Cell(journey.name if first else "", link=journey.link if first else ""),
            Cell(line.name),
            Cell(line.baseline),
            Cell(line.latest),
            Cell(line.latest_date or NONE),
            _target(line, lang),
            Cell(line.change, tone=line.change_tone),
            Cell(line.trend, tone=line.trend_tone),
        )
        for journey in journeys
        for first, line in zip(
            (True, *(False for _ in journey.lines[1:])), journey.lines, strict=True
        )
    ]
    return Table(
        title,
        ("#", *(label(key, lang) for key in keys), label("report.trend", lang)),
        (True, False, False, True, True, False, True, False, False),
        tuple(rows),
        flexible=1,
        one_line=frozenset({5}),  # the date on one line
        empty=label("render.no_kpis", lang),
    )


def _target(line: KpiLine, lang: Lang) -> Cell:
    if not line.target_reached:
        return Cell(line.target)
    return Cell(f"{line.target} {label('report.target_reached', lang)}", tone="good")


def _notes(report: KpiReport, lang: Lang) -> tuple[str, ...]:
    counts = {name: count(value, lang) for name, value in report.counts().items()}
    notes = [label("report.kpis.summary", lang).format(**counts)]
    if report.period is not None:
        notes.append(label("report.rank_in_period", lang).format(period=report.period))
    if report.as_of is not None:
        notes.append(label("report.as_of", lang).format(period=report.period))
    return tuple(notes)


def _figures(report: KpiReport, lang: Lang) -> tuple[Figure, ...]:
    counts = report.counts()
    return (
        Figure(count(counts["kpis"], lang), label("render.kpis.measured", lang)),
        Figure(count(counts["improved"], lang), label("render.change.improved", lang), "good"),
        Figure(count(counts["declined"], lang), label("render.change.declined", lang), "bad"),
        Figure(count(counts["target_reached"], lang), label("render.target_reached", lang), "good"),
        Figure(count(counts["not_measured"], lang), label("render.kpis.not_measured", lang)),
    )
