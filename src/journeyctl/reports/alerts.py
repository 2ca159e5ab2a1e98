"""The `alerts` report: what needs attention now, one row per journey with all its signals.

A signal is one thing wrong with a journey, of one of seven kinds (`ALERT_KINDS`, the order
of a journey's signals):

- `contact_rate_up`: the journey's contacts per customer rose by more than the framework's
  `alerts.contact_rate_increase` (a fraction, default 0.2 = 20%) from the compared period
  to the report's period: after / before - 1 > threshold. A rise from 0 counts, with
  `change` None.
- `contacts_up`: its contacts rose by more than the same fraction between the two periods
  (a rise of a few percent is the year's noise, not news for a steering meeting).
- `top_unworked`: it is among the first `top` (default 10) of the ranking, its status is
  `listed` and no improvement touches it (a rejected one does not count as work).
- `kpi_away_from_target`: a KPI whose last move made its shortfall to the target larger
  (see `journeyctl.reports.kpis`), one signal per KPI.
- `review_overdue`, `no_owner`, `kpi_without_baseline`: what `validate` warns about per
  journey (JC305, JC304, JC306), read by the same rules: `overdue_review` of the owners
  report, `unowned` and `without_baseline` of the checks.

A signal whose figures include a value that someone estimated is `estimated`: for
`contacts_up` the contacts of either period, for `contact_rate_up` the customers or the
contacts of either period, for `top_unworked` either value of the volume that ranked it. Retired
journeys raise no signal. Without a compared period (none asked for, and no journey has
volumes for the period before), the two rising kinds are not judged. An uncovered contact
reason is no journey's signal: the coverage report lists those.

Rows are in ranking order (unranked journeys after them, by id).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal, get_args

from journeyctl.checks.kpi_without_baseline import without_baseline
from journeyctl.checks.missing_owner import unowned
from journeyctl.model import Journey
from journeyctl.rank import RankedJourney
from journeyctl.reports.inputs import ReportInput, improvements_of
from journeyctl.reports.kpis import last_points, moved_away
from journeyctl.reports.owners import overdue_review
from journeyctl.reports.rows import Row, csv_row

AlertKind = Literal[
    "contact_rate_up",
    "contacts_up",
    "top_unworked",
    "kpi_away_from_target",
    "review_overdue",
    "no_owner",
    "kpi_without_baseline",
]
ALERT_KINDS: tuple[AlertKind, ...] = get_args(AlertKind)
DEFAULT_TOP = 10


@dataclass(frozen=True)
class Signal:
    """One thing wrong with a journey; the fields that do not apply to its kind are None."""

    kind: AlertKind
    # What moved or is missing: contact_rate, contacts or a KPI id (kpi_away_from_target,
    # kpi_without_baseline); None for the others.
    measure: str | None = None
    measure_name: str | None = None  # the KPI's name
    before: float | None = None  # in the compared period, or the KPI's previous point
    after: float | None = None  # in the report's period, or the KPI's latest point
    # after / before - 1 for the two rising kinds; None where before is 0, and for the others.
    change: float | None = None
    target: float | None = None  # the KPI's target (kpi_away_from_target)
    estimated: bool = False  # its figures include an estimated volume
    cadence: str | None = None  # review_overdue: the journey's cadence
    last_reviewed: date | None = None  # review_overdue: None when never reviewed
    days_overdue: int | None = None  # review_overdue: days past due; None when never reviewed


@dataclass(frozen=True)
class AlertRow:
    """A journey with at least one signal, its owner and its signals in `ALERT_KINDS` order."""

    journey: str
    journey_name: str
    rank: int | None  # the journey's rank in the report's period; None: not ranked
    owner: str | None
    owner_name: str | None
    signals: tuple[Signal, ...]

    @property
    def estimated(self) -> bool:
        return any(signal.estimated for signal in self.signals)

    @property
    def kinds(self) -> tuple[AlertKind, ...]:
        """The kinds of its signals, each once, in `ALERT_KINDS` order."""
        return tuple(dict.fromkeys(signal.kind for signal in self.signals))


# The CSV columns, one row per journey: the signals' kinds as ids joined by `;`, and the
# signals as one line of text for a person reading the sheet.
_COLUMNS = (
    "journey",
    "journey_name",
    "rank",
    "owner",
    "owner_name",
    "estimated",
    "kinds",
    "signals",
)


@dataclass(frozen=True)
class AlertsReport:
    name: ClassVar[str] = "alerts"
    fields: ClassVar[tuple[str, ...]] = _COLUMNS

    period: str | None
    compare: str | None
    contact_rate_increase: float
    top: int
    today: date  # the day reviews are judged on
    rows: tuple[AlertRow, ...]  # in ranking order, unranked journeys after them by id
    # The last day the KPI measurements count (see ReportInput.measured_until).
    measured_until: date | None = None

    def signals(self) -> Iterator[Signal]:
        return (signal for row in self.rows for signal in row.signals)

    def counts(self) -> dict[str, int]:
        """How many journeys have a signal, how many signals, and how many of each kind."""
        kinds = [signal.kind for signal in self.signals()]
        return {
            "journeys": len(self.rows),
            "signals": len(kinds),
            **{kind: kinds.count(kind) for kind in ALERT_KINDS},
        }

    def to_rows(self) -> list[Row]:
        return [
            csv_row(
                self.fields,
                {
                    **_journey(row),
                    "kinds": row.kinds,
                    "signals": "; ".join(signal_text(s) for s in row.signals),
                },
            )
            for row in self.rows
        ]

    def to_dict(self) -> dict[str, object]:
        return {
            "report": self.name,
            "period": self.period,
            "compare": self.compare,
            "contact_rate_increase": self.contact_rate_increase,
            "top": self.top,
            "today": self.today.isoformat(),
            "measured_until": (
                None if self.measured_until is None else self.measured_until.isoformat()
            ),
            "summary": self.counts(),
            "rows": [
                {
                    **_journey(row),
                    "kinds": list(row.kinds),
                    "signals": [_plain(signal) for signal in row.signals],
                }
                for row in self.rows
            ],
        }


def _journey(row: AlertRow) -> dict[str, object]:
    return {
        "journey": row.journey,
        "journey_name": row.journey_name,
        "rank": row.rank,
        "owner": row.owner,
        "owner_name": row.owner_name,
        "estimated": row.estimated,
    }


def _plain(signal: Signal) -> dict[str, object]:
    """A signal for JSON: contact rates and changes rounded to 4 places, dates as text."""
    rate = signal.measure == "contact_rate"
    return {
        "kind": signal.kind,
        "measure": signal.measure,
        "measure_name": signal.measure_name,
        "before": _round(signal.before) if rate else signal.before,
        "after": _round(signal.after) if rate else signal.after,
        "change": _round(signal.change),
        "target": signal.target,
        "estimated": signal.estimated,
        "cadence": signal.cadence,
        "last_reviewed": (
            None if signal.last_reviewed is None else signal.last_reviewed.isoformat()
        ),
        "days_overdue": signal.days_overdue,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def signal_text(signal: Signal) -> str:
    """A signal as one piece of plain text, the same in every language (for CSV): its kind,
    then its figures (rates and changes to 4 places): `contacts_up: contacts 8300 -> 12800
    (+54.22%), estimated`, `review_overdue: last reviewed 2025-01-01, quarterly, 59 days
    overdue`, `no_owner`."""
    details: list[str] = []
    if signal.kind in ("contact_rate_up", "contacts_up", "kpi_away_from_target"):
        moved = f"{signal.measure} {_number(signal.before)} -> {_number(signal.after)}"
        if signal.change is not None:
            moved += f" ({signal.change:+.2%})"
        if signal.target is not None:
            moved += f" (target {_number(signal.target)})"
        details.append(moved)
    elif signal.kind == "review_overdue":
        if signal.last_reviewed is None:
            details.append("never reviewed")
        else:
            details.append(f"last reviewed {signal.last_reviewed.isoformat()}")
        details.append(str(signal.cadence))
        if signal.days_overdue is not None:
            details.append(f"{signal.days_overdue} days overdue")
    elif signal.kind == "kpi_without_baseline":
        details.append(str(signal.measure))
    if signal.estimated:
        details.append("estimated")
    return signal.kind + (": " + ", ".join(details) if details else "")


def _number(value: float | None) -> str:
    if value is None:
        return "null"
    rounded = round(value, 4)
    return str(int(rounded)) if float(rounded).is_integer() else str(rounded)


def alerts_report(report_input: ReportInput, top: int | None = None) -> AlertsReport:
    threshold = report_input.framework.alerts.contact_rate_increase
    window = DEFAULT_TOP if top is None else top
    ranked = {j.id: j for j in report_input.ranking.journeys}
    active = [j for j in report_input.journeys if j.status != "retired"]
    found: dict[str, list[Signal]] = {}
    for journey_id, signal in (
        *_rising(report_input, active, threshold),
        *_unworked(report_input, window),
        *_kpis_away(report_input, active),
        *_warnings(report_input, active),
    ):
        found.setdefault(journey_id, []).append(signal)
    owners = {owner.id: owner.name for owner in report_input.framework.owners}
    rows = []
    for journey in active:
        signals = found.get(journey.id)
        if not signals:
            continue
        entry = ranked.get(journey.id)
        rows.append(
            AlertRow(
                journey=journey.id,
                journey_name=journey.name,
                rank=None if entry is None else entry.rank,
                owner=journey.owner,
                owner_name=None if journey.owner is None else owners.get(journey.owner),
                # By kind; within a kind as found (a journey's KPIs in the framework's order).
                signals=tuple(sorted(signals, key=lambda s: ALERT_KINDS.index(s.kind))),
            )
        )
    last = len(ranked) + 1
    rows.sort(key=lambda row: (last if row.rank is None else row.rank, row.journey))
    return AlertsReport(
        report_input.period,
        report_input.compare,
        threshold,
        window,
        report_input.today,
        tuple(rows),
        report_input.measured_until,
    )


Found = tuple[str, Signal]  # a journey's id and one of its signals


def _rising(report_input: ReportInput, journeys: list[Journey], threshold: float) -> list[Found]:
    """contact_rate_up and contacts_up: a rise of more than `threshold` between the periods."""
    period, compare = report_input.period, report_input.compare
    found: list[Found] = []
    for journey in journeys:
        after = journey.volume(period) if period else None
        before = journey.volume(compare) if compare else None
        if after is None or before is None:
            continue
        if after.customers and before.customers:
            rate_before = before.contacts / before.customers
            rate_after = after.contacts / after.customers
            if _rose_beyond(rate_before, rate_after, threshold):
                # A rate is as sure as the less sure of its two counts, in either period.
                guessed = bool(before.estimated or after.estimated)
                found.append((journey.id, _moved("contact_rate", rate_before, rate_after, guessed)))
        if _rose_beyond(before.contacts, after.contacts, threshold):
            guessed = before.contacts_estimated or after.contacts_estimated
            found.append((journey.id, _moved("contacts", before.contacts, after.contacts, guessed)))
    return found


def _rose_beyond(before: float, after: float, threshold: float) -> bool:
    """A rise of more than `threshold` (a fraction), or any rise from 0 (no fraction)."""
    return after > before and (not before or after / before - 1 > threshold)


def _moved(measure: str, before: float, after: float, estimated: bool) -> Signal:
    return Signal(
        kind="contacts_up" if measure == "contacts" else "contact_rate_up",
        measure=measure,
        before=before,
        after=after,
        change=after / before - 1 if before else None,
        estimated=estimated,
    )


def _unworked(report_input: ReportInput, window: int) -> list[Found]:
    """The top journeys that are only listed and that no improvement touches."""
    return [
        (ranked.id, Signal("top_unworked", estimated=bool(ranked.estimated)))
        for ranked in report_input.ranking.journeys[:window]
        if ranked.status == "listed" and not _worked_on(report_input, ranked)
    ]


def _worked_on(report_input: ReportInput, ranked: RankedJourney) -> bool:
    return any(i.status != "rejected" for i in improvements_of(report_input, ranked.id))


def _kpis_away(report_input: ReportInput, journeys: list[Journey]) -> list[Found]:
    """KPIs whose last move took them further from the target, in the framework's order."""
    kpis = {kpi.id: kpi for kpi in report_input.framework.kpis}
    order = list(kpis)
    found: list[Found] = []
    for journey in journeys:
        for kpi_id, record in sorted(journey.kpis.items(), key=lambda item: order.index(item[0])):
            kpi, target = kpis[kpi_id], record.target
            # Only the last move counts: the KPI's report row is not made for this.
            moves = last_points(record, report_input.as_of)
            if target is None or len(moves) < 2:
                continue
            before, after = moves[0].value, moves[1].value
            if moved_away(before, after, target, kpi.higher_is_better):
                signal = Signal(
                    kind="kpi_away_from_target",
                    measure=kpi_id,
                    measure_name=kpi.name,
                    before=before,
                    after=after,
                    # No change: a relative change of a score around 0 (NPS) says little.
                    target=target,
                )
                found.append((journey.id, signal))
    return found


def _warnings(report_input: ReportInput, journeys: list[Journey]) -> list[Found]:
    """What `validate` warns about per journey: a review overdue, no owner, a KPI without a
    baseline (JC305, JC304, JC306)."""
    framework = report_input.framework
    kpis = {kpi.id: kpi for kpi in framework.kpis}
    order = list(kpis)
    found: list[Found] = []
    for journey in journeys:
        review = overdue_review(journey, framework.review.cadence, report_input.today)
        if review is not None:
            signal = Signal(
                "review_overdue",
                cadence=review.cadence,
                last_reviewed=review.last_reviewed,
                days_overdue=review.days_overdue,
            )
            found.append((journey.id, signal))
        if unowned(journey):
            found.append((journey.id, Signal("no_owner")))
        for kpi_id in sorted(without_baseline(journey), key=order.index):
            signal = Signal("kpi_without_baseline", measure=kpi_id, measure_name=kpis[kpi_id].name)
            found.append((journey.id, signal))
    return found
