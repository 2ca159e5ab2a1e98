"""The `improvements` report: every improvement with its status, the journeys it touches
and their combined volume in the report's period, its effort; by status and by journey.

An improvement relevant to several journeys (a shared one) has more impact: its `customers`
and `contacts` are the sums over the journeys it touches that have volumes for the period
(None when none has). `state` sorts the statuses into open (idea, planned, experiment,
in-progress), done (implemented) and rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, get_args

from journeyctl.model import Improvement
from journeyctl.model.improvement import ImprovementStatus
from journeyctl.reports.inputs import ReportInput, improvements_of, state
from journeyctl.reports.rows import Row, columns, csv_row

STATUSES: tuple[str, ...] = get_args(ImprovementStatus)


@dataclass(frozen=True)
class ImprovementRow:
    id: str
    title: str
    status: str
    state: str  # open, done or rejected
    owner: str | None
    owner_name: str | None
    effort: int | None
    started: date | None
    done: date | None
    journeys: tuple[str, ...]  # the ids of the journeys it touches, in the file's order
    journey_names: tuple[str, ...]
    shared: bool  # touches more than one journey
    customers: int | None  # summed over the journeys it touches (the report's period)
    contacts: int | None
    expected: dict[str, float | str]  # KPI id -> expected effect, as the file says


@dataclass(frozen=True)
class JourneyImprovements:
    """The improvements that touch one journey."""

    journey: str
    journey_name: str
    open: tuple[str, ...]
    done: tuple[str, ...]
    rejected: tuple[str, ...]


@dataclass(frozen=True)
class ImprovementsReport:
    name: ClassVar[str] = "improvements"
    # Not in the CSV: the journeys' names (for the pages) and the expected effects (a
    # mapping, in the JSON).
    fields: ClassVar[tuple[str, ...]] = columns(
        ImprovementRow, leave_out=("journey_names", "expected")
    )

    period: str | None
    rows: tuple[ImprovementRow, ...]
    by_journey: tuple[JourneyImprovements, ...]

    def by_status(self) -> dict[str, int]:
        """Every status (in the model's order) with its number of improvements."""
        return {status: sum(1 for r in self.rows if r.status == status) for status in STATUSES}

    def counts(self) -> dict[str, int]:
        states = [row.state for row in self.rows]
        return {
            "improvements": len(self.rows),
            "open": states.count("open"),
            "done": states.count("done"),
            "rejected": states.count("rejected"),
            "shared": sum(1 for row in self.rows if row.shared),
        }

    def to_rows(self) -> list[Row]:
        return [csv_row(self.fields, _plain(row)) for row in self.rows]

    def to_dict(self) -> dict[str, object]:
        rows = []
        for row in self.rows:
            entry = _plain(row)
            entry["journeys"] = list(row.journeys)
            entry["expected"] = dict(row.expected)
            rows.append(entry)
        return {
            "report": self.name,
            "period": self.period,
            "summary": {**self.counts(), "by_status": self.by_status()},
            "rows": rows,
            "by_journey": [
                {
                    "journey": j.journey,
                    "journey_name": j.journey_name,
                    "open": list(j.open),
                    "done": list(j.done),
                    "rejected": list(j.rejected),
                }
                for j in self.by_journey
            ],
        }


def _plain(row: ImprovementRow) -> dict[str, object]:
    entry: dict[str, object] = {name: getattr(row, name) for name in ImprovementsReport.fields}
    for name in ("started", "done"):
        day = entry[name]
        entry[name] = day.isoformat() if isinstance(day, date) else None
    return entry


def improvements_report(report_input: ReportInput) -> ImprovementsReport:
    """Open ones first, then done, then rejected; within each by status, then id.
    By journey: the journeys that any improvement touches, in ranking order."""
    rows = sorted(
        (_row(report_input, improvement) for improvement in report_input.improvements),
        key=lambda r: (_STATE_ORDER[r.state], STATUSES.index(r.status), r.id),
    )
    return ImprovementsReport(report_input.period, tuple(rows), _by_journey(report_input))


_STATE_ORDER = {"open": 0, "done": 1, "rejected": 2}


def _row(report_input: ReportInput, improvement: Improvement) -> ImprovementRow:
    ids = tuple(dict.fromkeys(target.journey for target in improvement.journeys))
    journeys = [report_input.journey(id_) for id_ in ids]
    period = report_input.period
    volumes = [
        volume
        for journey in journeys
        if journey is not None and period is not None
        for volume in [journey.volume(period)]
        if volume is not None
    ]
    owners = {owner.id: owner.name for owner in report_input.framework.owners}
    return ImprovementRow(
        id=improvement.id,
        title=improvement.title,
        status=improvement.status,
        state=state(improvement.status),
        owner=improvement.owner,
        owner_name=None if improvement.owner is None else owners.get(improvement.owner),
        effort=improvement.effort,
        started=improvement.started,
        done=improvement.done,
        journeys=ids,
        journey_names=tuple(j.name if j else id_ for j, id_ in zip(journeys, ids, strict=True)),
        shared=len(ids) > 1,
        customers=sum(v.customers for v in volumes) if volumes else None,
        contacts=sum(v.contacts for v in volumes) if volumes else None,
        expected=dict(improvement.expected),
    )


def _by_journey(report_input: ReportInput) -> tuple[JourneyImprovements, ...]:
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    touched = sorted(
        (j for j in report_input.journeys if improvements_of(report_input, j.id)),
        key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id),
    )
    result = []
    for journey in touched:
        improvements = improvements_of(report_input, journey.id)
        ids = {s: tuple(i.id for i in improvements if state(i.status) == s) for s in _STATE_ORDER}
        result.append(
            JourneyImprovements(journey.id, journey.name, ids["open"], ids["done"], ids["rejected"])
        )
    return tuple(result)
