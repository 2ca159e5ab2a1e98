"""The KPIs page: per journey (in ranking order) and KPI, the baseline, the latest measurement
and its date (marked stale when it is old), what moved since the previous measurement, the
target, the share of the way to it, and whether the KPI is on track.

A `KpiLine` is one KPI of one journey as a person reads it, wherever it stands: a row of the
`kpis` report's table and a tile on the KPIs page and on the journey's map. Its three values
share their decimals (0.20 beside 0.26, so they line up), chosen here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.reports import KpiReport, KpiRow
from journeyctl.text import Lang, label
from journeyctl.views import cells
from journeyctl.views.cells import NONE, Cell, Column, Figure, Number, Table, Tone


@dataclass(frozen=True)
class ChartPoint:
    """A point of a KPI's curve: when (in the page's language) and the value, unformatted,
    for a chart that draws it (the deck's line charts)."""

    day: str
    value: float
    baseline: bool  # the baseline, not a measurement


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
    trend: str  # better, worse, steady: the last move in the KPI's direction; NONE before two
    trend_key: str  # improving, worsening, steady or "": what the arrow is coloured by
    arrow: str  # where the last move took the value: ▲, ▼ or →; "" with one point
    target_reached: bool
    since_previous: str  # signed: +0.02, -3; NONE before two points
    progress: str  # the share of the way from the baseline to the target: 60%; NONE
    track: str  # target reached, on track, off track; NONE without a target or measurement
    track_tone: Tone
    track_key: str  # reached, on, off or none: what a page colours by
    stale: str  # "stale" where the latest measurement is old, else ""
    # For a chart: the baseline and the measurements by date, and the target unformatted.
    points: tuple[ChartPoint, ...] = ()
    target_value: float | None = None


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
    shared = cells.places(
        [v for v in (row.baseline, row.latest, row.target) if v is not None]
        + [p.value for p in row.points]
    )
    track = _track(row)
    return KpiLine(
        kpi=row.kpi,
        name=row.kpi_name,
        unit=row.unit or "",
        baseline=cells.decimal(row.baseline, lang, shared),
        baseline_date=cells.day(row.baseline_date, lang),
        latest=cells.decimal(row.latest, lang, shared),
        latest_date=cells.day(row.latest_date, lang),
        target=cells.decimal(row.target, lang, shared),
        trend=NONE if row.trend is None else label(f"report.trend.{row.trend}", lang),
        trend_key=row.trend or "",
        arrow=_arrow(row),
        target_reached=bool(row.target_reached),
        since_previous=cells.signed(row.since_previous, lang, shared),
        progress=cells.percent(row.progress, lang),
        track=NONE if track == "none" else label(f"report.track.{track}", lang),
        track_tone="good" if track in ("on", "reached") else "bad" if track == "off" else "",
        track_key=track,
        stale=label("report.stale", lang) if row.stale else "",
        points=tuple(ChartPoint(cells.day(p.date, lang), p.value, p.baseline) for p in row.points),
        target_value=row.target,
    )


def _track(row: KpiRow) -> str:
    if row.on_track is None:
        return "none"
    if row.target_reached:
        return "reached"
    return "on" if row.on_track else "off"


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
        if journeys and journeys[-1].link == cells.journey_page(row.journey):
            last = journeys[-1]
            journeys[-1] = KpiJourney(last.name, last.link, last.rank, (*last.lines, line))
        else:
            journeys.append(
                KpiJourney(
                    row.journey_name, cells.journey_page(row.journey), cells.rank(row.rank), (line,)
                )
            )
    return KpisView(
        _table(report, journeys, lang),
        _notes(report, lang),
        _figures(report, lang),
        tuple(journeys),
    )


def _table(report: KpiReport, journeys: list[KpiJourney], lang: Lang) -> Table:
    figures = ("baseline", "latest", "report.since_previous", "target", "report.progress")
    columns: tuple[Column, ...] = (
        Number("rank.short"),
        "journey",
        "kpi",
        *(Number(key) for key in figures),
        "report.track",
    )
    # The title names the measurements' last day, not the ranking's period: without
    # --period every measurement counts, also those after the period (a later year's).
    title = label("report.kpis.title", lang)
    if report.measured_until is not None:
        title += ", " + cells.measured_until(report.measured_until, lang)
    rows = [
        (
            # The journey once, above its KPIs.
            Cell(journey.rank if first else ""),
            Cell(journey.name if first else "", link=journey.link if first else ""),
            Cell(line.name),
            Cell(line.baseline),
            # The day below the value: when it was measured, and whether that is long ago.
            Cell(line.latest, below=_measured(line), tone="bad" if line.stale else ""),
            Cell(line.since_previous),
            Cell(line.target),
            Cell(line.progress),
            Cell(line.track, tone=line.track_tone),
        )
        for journey in journeys
        for first, line in zip(
            (True, *(False for _ in journey.lines[1:])), journey.lines, strict=True
        )
    ]
    return Table(
        title,
        *cells.headed(columns, lang),
        tuple(rows),
        flexible=1,
        empty=label("render.no_kpis", lang),
    )


def _measured(line: KpiLine) -> str:
    return " ".join(part for part in (line.latest_date, line.stale) if part)


def _notes(report: KpiReport, lang: Lang) -> tuple[str, ...]:
    counts = {name: cells.count(value, lang) for name, value in report.counts().items()}
    stale_before = cells.day(report.stale_before, lang) or NONE
    notes = [label("report.kpis.summary", lang).format(**counts, stale_before=stale_before)]
    if report.period is not None:
        notes.append(label("report.rank_in_period", lang).format(period=report.period))
    if report.as_of is not None:
        notes.append(label("report.as_of", lang).format(period=report.period))
    return tuple(notes)


def _figures(report: KpiReport, lang: Lang) -> tuple[Figure, ...]:
    """The KPIs tracked, then the four kinds of KPI that add up to them (on track, the
    targets reached among those; off track; measured without a target; not measured), then
    what is not a kind of KPI: the stale ones (of any kind) and the journeys without KPIs."""
    counts = report.counts()
    stale = label("render.kpis.stale", lang).format(
        day=cells.day(report.stale_before, lang) or NONE
    )
    on_track = label("render.kpis.on_track", lang).format(
        target_reached=cells.count(counts["target_reached"], lang)
    )
    return (
        Figure(cells.count(counts["kpis"], lang), label("render.kpis.measured", lang)),
        Figure(cells.count(counts["on_track"], lang), on_track, "good"),
        Figure(cells.count(counts["off_track"], lang), label("render.kpis.off_track", lang), "bad"),
        Figure(cells.count(counts["no_target"], lang), label("render.kpis.no_target", lang)),
        Figure(cells.count(counts["not_measured"], lang), label("render.kpis.not_measured", lang)),
        Figure(cells.count(counts["stale"], lang), stale, "bad" if counts["stale"] else ""),
        Figure(
            cells.count(counts["journeys_without_kpis"], lang),
            label("render.kpis.without", lang),
            "bad" if counts["journeys_without_kpis"] else "",
        ),
    )
