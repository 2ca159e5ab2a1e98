"""The report pages' view data: the numbers of `journeyctl.reports`, worded for people."""

from __future__ import annotations

from journeyctl.render.context import Context
from journeyctl.render.report_views import (
    alerts_view,
    kpis_view,
)
from journeyctl.reports import ReportInput
from journeyctl.text import Names
from tests.render.conftest import report_input


def context_of(prepared: ReportInput, lang: str = "en") -> Context:
    return Context(prepared.framework, lang, Names(prepared.framework), ("index",))  # type: ignore[arg-type]


def test_alerts_by_kind_computed_by_hand() -> None:
    prepared = report_input()
    shown = alerts_view(context_of(prepared), prepared)
    groups = {g.kind: g for g in shown.groups}
    # Contacts per customer of the reminder: 100 / 800 = 0.125 -> 300 / 700 = 0.43 (+243%).
    (rate,) = groups["contact_rate_up"].alerts
    assert (rate.journey.name, rate.before, rate.after, rate.change) == (
        "I get a reminder",
        "0.13",
        "0.43",
        "+243%",
    )
    # Contacts: the reminder 100 -> 300 (+200%), sign-up 300 -> 400 (+33%); paying +11% is noise.
    assert [(a.journey.name, a.change) for a in groups["contacts_up"].alerts] == [
        ("I get a reminder", "+200%"),
        ("I sign up", "+33%"),
    ]
    # The reminder is listed, but an improvement touches it: someone works on it.
    assert groups["top_unworked"].alerts == []
    (kpi,) = groups["kpi_away_from_target"].alerts
    assert (kpi.measure, kpi.before, kpi.after, kpi.target) == (
        "Contacts per customer",
        "0.18",
        "0.20",
        "0.10",
    )
    assert shown.total == "4"
    assert groups["contacts_up"].explanation == "Contacts rose by more than 20% from 2024 to 2025."


def test_kpis_figures_and_tiles_per_journey() -> None:
    prepared = report_input()
    shown = kpis_view(context_of(prepared), prepared)
    assert [(f.value, f.caption) for f in shown.view.figures] == [
        ("2", "KPIs tracked"),
        ("1", "improved since the baseline"),
        ("1", "declined since the baseline"),
        ("0", "target reached"),
        ("0", "not measured yet"),
    ]
    tiles = [
        (j.journey.name, j.journey.rank, [t.line.kpi for t in j.tiles]) for j in shown.journeys
    ]
    assert tiles == [("I pay my bill", "1", ["nps", "contact-rate"])]
