"""The report pages: kpis, improvements, coverage, owners and alerts, each from its report in
`journeyctl.reports` (the data of `journeyctl report NAME`), formatted for people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from journeyctl.render.context import Context
from journeyctl.render.kpi_tiles import KpiTile, kpi_tile
from journeyctl.reports import (
    ReportInput,
    alerts_report,
    coverage_report,
    improvements_report,
    kpis_report,
    owners_report,
)
from journeyctl.reports.alerts import Alert
from journeyctl.text import format_date
from journeyctl.views import cells
from journeyctl.views.cells import NONE
from journeyctl.views.coverage import CoverageView
from journeyctl.views.coverage import coverage_view as views_coverage
from journeyctl.views.improvements import ImprovementsView
from journeyctl.views.improvements import improvements_view as views_improvements
from journeyctl.views.kpis import KpiJourney, KpisView
from journeyctl.views.kpis import kpis_view as views_kpis
from journeyctl.views.owners import OwnersView
from journeyctl.views.owners import owners_view as views_owners


@dataclass(frozen=True)
class Figure:
    """A headline number with its caption, and a colour class (good, bad or "")."""

    value: str
    caption: str
    tone: str = ""


@dataclass(frozen=True)
class JourneyLink:
    name: str
    page: str  # journeys/<id>, without .html or .md


# --- kpis -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiTiles:
    """A journey of the KPIs view and the tiles of its KPIs (its lines, with their curves)."""

    journey: KpiJourney
    tiles: tuple[KpiTile, ...]


@dataclass(frozen=True)
class KpisPage:
    title: str
    view: KpisView  # the figures, the notes and the table (which the Markdown page shows)
    journeys: tuple[KpiTiles, ...]


def kpis_view(context: Context, report_input: ReportInput) -> KpisPage:
    report = kpis_report(report_input)
    view = views_kpis(report, context.lang)
    tiles = iter([kpi_tile(context, row) for row in report.rows])
    journeys = tuple(
        KpiTiles(journey, tuple(next(tiles) for _ in journey.lines)) for journey in view.journeys
    )
    return KpisPage(context.word("render.nav.kpis"), view, journeys)


# --- improvements ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ImprovementsPage:
    title: str
    period: str
    view: ImprovementsView


def improvements_view(context: Context, report_input: ReportInput) -> ImprovementsPage:
    report = improvements_report(report_input)
    view = views_improvements(report, context.lang)
    return ImprovementsPage(context.word("improvements"), report.period or NONE, view)


# --- coverage -------------------------------------------------------------------------------


def coverage_view(context: Context, report_input: ReportInput) -> CoverageView:
    return views_coverage(coverage_report(report_input), context.lang)


# --- owners ---------------------------------------------------------------------------------


def owners_view(context: Context, report_input: ReportInput) -> OwnersView:
    return views_owners(owners_report(report_input), context.lang)


# --- alerts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertLine:
    journey: JourneyLink
    rank: str
    measure: str
    before: str
    after: str
    change: str
    target: str


@dataclass(frozen=True)
class AlertGroup:
    kind: str
    title: str
    explanation: str
    alerts: list[AlertLine]
    before: str  # the heading of the "before" column: the compared period, or the KPI's
    after: str


@dataclass(frozen=True)
class AlertsView:
    title: str
    period: str
    compare_period: str
    total: str
    figures: list[Figure]  # the number of alerts of each kind
    groups: list[AlertGroup]


def alerts_view(context: Context, report_input: ReportInput) -> AlertsView:
    report = alerts_report(report_input)
    threshold = context.percent(report.contact_rate_increase)
    groups = []
    for kind in ("contact_rate_up", "contacts_up", "top_unworked", "kpi_away_from_target"):
        alerts = [a for a in report.rows if a.kind == kind]
        groups.append(
            AlertGroup(
                kind,
                context.word(f"report.alert.{kind}"),
                context.word(
                    f"render.alerts.{kind}.why",
                    threshold=threshold,
                    top=report.top,
                    period=report.period or NONE,
                    compare=report.compare or NONE,
                    day=_date(context, report.measured_until) or NONE,
                ),
                [_alert_line(context, a) for a in alerts],
                *_columns(context, kind, report.period, report.compare),
            )
        )
    return AlertsView(
        title=context.word("render.nav.alerts"),
        period=report.period or NONE,
        compare_period=report.compare or "",
        total=context.count(len(report.rows)),
        figures=[
            Figure(context.count(len(g.alerts)), g.title, "bad" if g.alerts else "good")
            for g in groups
        ],
        groups=groups,
    )


def _columns(
    context: Context, kind: str, period: str | None, compare: str | None
) -> tuple[str, str]:
    if kind == "kpi_away_from_target":
        return context.word("render.previous_measurement"), context.word("latest")
    return compare or context.word("report.before"), period or context.word("report.after")


def _alert_line(context: Context, alert: Alert) -> AlertLine:
    measured = [v for v in (alert.before, alert.after, alert.target) if v is not None]
    places = 2 if alert.measure == "contact_rate" else cells.places(measured)
    measure = alert.measure_name or (
        context.word("contact_rate")
        if alert.measure == "contact_rate"
        else context.word("contacts")
    )
    change = ""
    if alert.change is not None:
        change = ("+" if alert.change > 0 else "") + context.percent(alert.change)
    return AlertLine(
        journey=_link(alert.journey, alert.journey_name),
        rank=NONE if alert.rank is None else str(alert.rank),
        measure=measure if alert.kind != "top_unworked" else "",
        before=context.decimal(alert.before, places) if alert.before is not None else "",
        after=context.decimal(alert.after, places) if alert.after is not None else "",
        change=change,
        target=context.decimal(alert.target, places) if alert.target is not None else "",
    )


# --- shared ---------------------------------------------------------------------------------


def _link(journey_id: str, name: str) -> JourneyLink:
    return JourneyLink(name, f"journeys/{journey_id}")


def _date(context: Context, day: date | None) -> str:
    return "" if day is None else format_date(day, context.lang)


REPORT_VIEWS: dict[str, Callable[[Context, ReportInput], object]] = {
    "kpis": kpis_view,
    "improvements": improvements_view,
    "coverage": coverage_view,
    "owners": owners_view,
    "alerts": alerts_view,
}
