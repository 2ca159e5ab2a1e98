"""The report pages: kpis, improvements, coverage, owners and alerts, each from its report in
`journeyctl.reports` (the data of `journeyctl report NAME`), formatted for people."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journeyctl.render.context import Context
from journeyctl.render.kpi_tiles import KpiTile, tile_of
from journeyctl.render.matrix import MatrixPicture, picture
from journeyctl.reports import (
    ReportInput,
    alerts_report,
    coverage_report,
    improvements_report,
    kpis_report,
    owners_report,
)
from journeyctl.views.alerts import AlertsView
from journeyctl.views.alerts import alerts_view as views_alerts
from journeyctl.views.cells import NONE
from journeyctl.views.coverage import CoverageView
from journeyctl.views.coverage import coverage_view as views_coverage
from journeyctl.views.improvements import ImprovementsView
from journeyctl.views.improvements import improvements_view as views_improvements
from journeyctl.views.kpis import KpiJourney, KpisView
from journeyctl.views.kpis import kpis_view as views_kpis
from journeyctl.views.owners import OwnersView
from journeyctl.views.owners import owners_view as views_owners

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
    return kpis_page_and_tiles(context, report_input)[0]


def kpis_page_and_tiles(
    context: Context, report_input: ReportInput
) -> tuple[KpisPage, dict[str, tuple[KpiTile, ...]]]:
    """The KPIs page, and the tiles of each journey by id (its map shows the same ones)."""
    report = kpis_report(report_input)
    view = views_kpis(report, context.lang)
    # The view's lines are the report's rows in order, each made once.
    lines = [line for journey in view.journeys for line in journey.lines]
    made = [tile_of(line, row) for line, row in zip(lines, report.rows, strict=True)]
    tiles = iter(made)
    journeys = tuple(
        KpiTiles(journey, tuple(next(tiles) for _ in journey.lines)) for journey in view.journeys
    )
    by_journey: dict[str, list[KpiTile]] = {}
    for row, tile in zip(report.rows, made, strict=True):
        by_journey.setdefault(row.journey, []).append(tile)
    page = KpisPage(context.word("render.nav.kpis"), view, journeys)
    return page, {id_: tuple(shown) for id_, shown in by_journey.items()}


# --- improvements ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ImprovementsPage:
    title: str
    period: str
    view: ImprovementsView
    matrix: MatrixPicture | None  # the value/effort matrix, drawn from the view's


def improvements_view(context: Context, report_input: ReportInput) -> ImprovementsPage:
    report = improvements_report(report_input)
    view = views_improvements(report, context.lang)
    drawn = None if view.matrix is None else picture(view.matrix)
    return ImprovementsPage(context.word("improvements"), report.period or NONE, view, drawn)


# --- coverage -------------------------------------------------------------------------------


def coverage_view(context: Context, report_input: ReportInput) -> CoverageView:
    return views_coverage(coverage_report(report_input), context.lang)


# --- owners ---------------------------------------------------------------------------------


def owners_view(context: Context, report_input: ReportInput) -> OwnersView:
    return views_owners(owners_report(report_input), context.lang)


# --- alerts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertsPage:
    title: str
    period: str
    compare_period: str  # "" without a compared period
    view: AlertsView


def alerts_view(context: Context, report_input: ReportInput) -> AlertsPage:
    report = alerts_report(report_input)
    view = views_alerts(report, context.lang)
    return AlertsPage(
        context.word("render.nav.alerts"), report.period or NONE, report.compare or "", view
    )


REPORT_VIEWS: dict[str, Callable[[Context, ReportInput], object]] = {
    "kpis": kpis_view,
    "improvements": improvements_view,
    "coverage": coverage_view,
    "owners": owners_view,
    "alerts": alerts_view,
}
