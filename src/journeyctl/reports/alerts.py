"""The `alerts` report: what needs attention now, one row per alert, in four kinds.

- `contact_rate_up`: a journey's contacts per customer rose by more than the framework's
  `alerts.contact_rate_increase` (a fraction, default 0.2 = 20%) from the compared period
  to the report's period: after / before - 1 > threshold. A rise from 0 counts, with
  `change` None.
- `contacts_up`: a journey's contacts rose by more than the same fraction between the two
  periods (a rise of a few percent is the year's noise, not news for a steering meeting).
- `top_unworked`: a journey among the first `top` (default 10) of the ranking whose status
  is `listed` and that no improvement touches (a rejected one does not count as work).
- `kpi_away_from_target`: a KPI whose last move made its shortfall to the target larger
  (see `journeyctl.reports.kpis`).

Retired journeys raise no alert. Without a compared period (none asked for, and no journey
has volumes for the period before), the two rising kinds are empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal

from journeyctl.model import Journey
from journeyctl.reports.inputs import ReportInput, improvements_of
from journeyctl.reports.kpis import kpi_row
from journeyctl.reports.rows import Row, columns, csv_row

AlertKind = Literal["contact_rate_up", "contacts_up", "top_unworked", "kpi_away_from_target"]
ALERT_KINDS: tuple[AlertKind, ...] = (
    "contact_rate_up",
    "contacts_up",
    "top_unworked",
    "kpi_away_from_target",
)
DEFAULT_TOP = 10


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    journey: str
    journey_name: str
    rank: int | None  # the journey's rank in the report's period
    # What moved: contact_rate, contacts or a KPI id; None for top_unworked.
    measure: str | None
    measure_name: str | None  # the KPI's name; None for the others
    before: float | None  # in the compared period, or the KPI's previous point
    after: float | None  # in the report's period, or the KPI's latest point
    # after / before - 1 for the two rising kinds; None where before is 0, and for the others.
    change: float | None
    target: float | None  # the KPI's target (kpi_away_from_target only)


@dataclass(frozen=True)
class AlertsReport:
    name: ClassVar[str] = "alerts"
    fields: ClassVar[tuple[str, ...]] = columns(Alert)

    period: str | None
    compare: str | None
    contact_rate_increase: float
    top: int
    rows: tuple[Alert, ...]  # by kind (ALERT_KINDS order), then as each kind orders them
    # The last day the KPI measurements count (see ReportInput.measured_until).
    measured_until: date | None = None

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for a in self.rows if a.kind == kind) for kind in ALERT_KINDS}

    def to_rows(self) -> list[Row]:
        return [csv_row(self.fields, _plain(alert)) for alert in self.rows]

    def to_dict(self) -> dict[str, object]:
        return {
            "report": self.name,
            "period": self.period,
            "compare": self.compare,
            "contact_rate_increase": self.contact_rate_increase,
            "top": self.top,
            "measured_until": (
                None if self.measured_until is None else self.measured_until.isoformat()
            ),
            "summary": self.counts(),
            "rows": [_plain(alert) for alert in self.rows],
        }


def _plain(alert: Alert) -> dict[str, object]:
    entry: dict[str, object] = {name: getattr(alert, name) for name in AlertsReport.fields}
    if alert.change is not None:
        entry["change"] = round(alert.change, 4)
    if alert.measure == "contact_rate":
        entry["before"] = None if alert.before is None else round(alert.before, 4)
        entry["after"] = None if alert.after is None else round(alert.after, 4)
    return entry


def alerts_report(report_input: ReportInput, top: int | None = None) -> AlertsReport:
    threshold = report_input.framework.alerts.contact_rate_increase
    window = DEFAULT_TOP if top is None else top
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    active = [j for j in report_input.journeys if j.status != "retired"]
    rows = [
        *_rising(report_input, active, ranks, threshold),
        *_unworked(report_input, window),
        *_kpis_away(report_input, active, ranks),
    ]
    return AlertsReport(
        report_input.period,
        report_input.compare,
        threshold,
        window,
        tuple(rows),
        report_input.measured_until,
    )


def _rising(
    report_input: ReportInput, journeys: list[Journey], ranks: dict[str, int], threshold: float
) -> list[Alert]:
    """contact_rate_up then contacts_up, each the largest rise first (then by id)."""
    period, compare = report_input.period, report_input.compare
    rates: list[Alert] = []
    contacts: list[Alert] = []
    for journey in journeys:
        after = journey.volume(period) if period else None
        before = journey.volume(compare) if compare else None
        if after is None or before is None:
            continue
        rise = _moved(journey, ranks, "contacts", before.contacts, after.contacts)
        if after.contacts > before.contacts and (rise.change is None or rise.change > threshold):
            contacts.append(rise)
        if after.customers and before.customers:
            rate_before = before.contacts / before.customers
            rate_after = after.contacts / after.customers
            alert = _moved(journey, ranks, "contact_rate", rate_before, rate_after)
            if rate_after > rate_before and (alert.change is None or alert.change > threshold):
                rates.append(alert)
    return sorted(rates, key=_by_rise) + sorted(contacts, key=_by_rise)


def _moved(
    journey: Journey, ranks: dict[str, int], measure: str, before: float, after: float
) -> Alert:
    kind: AlertKind = "contacts_up" if measure == "contacts" else "contact_rate_up"
    return Alert(
        kind=kind,
        journey=journey.id,
        journey_name=journey.name,
        rank=ranks.get(journey.id),
        measure=measure,
        measure_name=None,
        before=before,
        after=after,
        change=after / before - 1 if before else None,
        target=None,
    )


def _by_rise(alert: Alert) -> tuple[float, str]:
    # A rise from 0 (change None) is the largest of all.
    return (-(alert.change if alert.change is not None else float("inf")), alert.journey)


def _unworked(report_input: ReportInput, window: int) -> list[Alert]:
    """The top journeys (ranking order) that are only listed and that no improvement touches."""
    alerts = []
    for ranked in report_input.ranking.journeys[:window]:
        touching = [i for i in improvements_of(report_input, ranked.id) if i.status != "rejected"]
        if ranked.status == "listed" and not touching:
            alerts.append(
                Alert(
                    "top_unworked", ranked.id, ranked.name, ranked.rank,
                    None, None, None, None, None, None,
                )
            )  # fmt: skip
    return alerts


def _kpis_away(
    report_input: ReportInput, journeys: list[Journey], ranks: dict[str, int]
) -> list[Alert]:
    """KPIs whose last move took them further from the target, in ranking order."""
    kpis = {kpi.id: kpi for kpi in report_input.framework.kpis}
    order = list(kpis)
    ordered = sorted(journeys, key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id))
    alerts = []
    for journey in ordered:
        for kpi_id, record in sorted(journey.kpis.items(), key=lambda item: order.index(item[0])):
            row = kpi_row(journey, kpis[kpi_id], record, ranks.get(journey.id), report_input.as_of)
            if not row.away_from_target:
                continue
            before, after = row.points[-2].value, row.points[-1].value
            alerts.append(
                Alert(
                    kind="kpi_away_from_target",
                    journey=journey.id,
                    journey_name=journey.name,
                    rank=row.rank,
                    measure=kpi_id,
                    measure_name=row.kpi_name,
                    before=before,
                    after=after,
                    change=None,  # a relative change of a score around 0 (NPS) says little
                    target=row.target,
                )
            )
    return alerts
