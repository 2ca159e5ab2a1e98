"""The report pages' view data: the numbers of `journeyctl.reports`, worded for people."""

from __future__ import annotations

from journeyctl.render.context import Context
from journeyctl.render.report_views import (
    alerts_view,
    kpis_view,
)
from journeyctl.reports import ReportInput, alerts_report
from journeyctl.text import Names
from journeyctl.views.alerts import alerts_view as views_alerts
from tests.render.conftest import report_input


def context_of(prepared: ReportInput, lang: str = "en") -> Context:
    return Context(prepared.framework, lang, Names(prepared.framework), ("index",))  # type: ignore[arg-type]


def test_the_alerts_page_wraps_the_view_of_the_report() -> None:
    """The page's title and periods around the alerts view (tests/views/test_alerts.py)."""
    prepared = report_input()
    shown = alerts_view(context_of(prepared, "nl"), prepared)
    assert (shown.title, shown.period, shown.compare_period) == ("Signalen", "2025", "2024")
    assert shown.view == views_alerts(alerts_report(prepared), "nl")
    assert [j.name for j in shown.view.journeys] == [
        "I pay my bill",
        "I sign up",
        "I get a reminder",
    ]


def test_kpis_figures_and_tiles_per_journey() -> None:
    prepared = report_input()
    shown = kpis_view(context_of(prepared), prepared)
    assert [(f.value, f.caption) for f in shown.view.figures] == [
        ("2", "KPIs tracked"),
        (
            "1",
            "on track (0 of them at the target, the others better than the baseline and not "
            "sliding back)",
        ),
        ("1", "off track"),
        ("0", "measured without a target"),
        ("0", "not measured yet (a baseline at most)"),
        ("0", "stale: last measured before 15 Jul 2025"),
        ("3", "journeys without any KPI"),
    ]
    tiles = [
        (j.journey.name, j.journey.rank, [t.line.kpi for t in j.tiles]) for j in shown.journeys
    ]
    assert tiles == [("I pay my bill", "1", ["nps", "contact-rate"])]
