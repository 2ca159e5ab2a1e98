"""The `improvements` report: every improvement with its status, the journeys it touches
and their volume in the report's period, its effort, what it should do and what it did; its
value against its effort; by status and by journey.

An improvement relevant to several journeys (a shared one) has more impact: its `contacts`
are the sum over the journeys it touches that have volumes for the period (None when none
has). Its `customers` are those of the largest of them, never a sum: one household goes
through several journeys, so a sum counts it several times.

**Value against effort.** An improvement whose `expected` holds an effect on contacts
(`contacts: -15%`) has a `value`: the contacts a period would avoid, the sum over the
journeys it touches (each once) of the journey's contacts in the period times the expected
relative change, sign turned (15% of 104,500 = 15,675). A journey without a volume for the
period adds nothing and is named in the terms. `value_per_effort` is the value divided by
`effort` (1..5). Open improvements come first, by value per effort, then those with a value
and no effort (by value), then those without a value (only KPI effects, or no journey with
contacts in the period); a **quick win** is an open one with effort 2 or less and a value of
at least the median value of the open improvements that have one. `state` sorts the
statuses into open (idea, planned, experiment, in-progress), done (implemented) and
rejected; done and rejected ones follow the open ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from statistics import median
from typing import ClassVar, get_args

from journeyctl.model import Improvement
from journeyctl.model.improvement import ImprovementStatus
from journeyctl.reports.inputs import STATES, ReportInput, improvements_of, state
from journeyctl.reports.rows import Row, columns, csv_row, json_rows

STATUSES: tuple[str, ...] = get_args(ImprovementStatus)
QUICK_EFFORT = 2  # a quick win takes at most this effort


@dataclass(frozen=True)
class ValueTerm:
    """One journey's part of an improvement's value: its contacts in the period times the
    expected change, sign turned; None where the journey has no volume for the period."""

    journey: str
    journey_name: str
    contacts: int | None
    change: float
    avoided: float | None
    estimated: bool  # its contacts were estimated


@dataclass(frozen=True)
class ImprovementRow:
    """An improvement with the journeys it touches, their volume in the period and its value."""

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
    customers: int | None  # of the largest journey it touches (the report's period), no sum
    contacts: int | None  # summed over the journeys it touches
    contacts_change: float | None  # the expected relative change of the contacts (-0.15)
    value: int | None  # contacts a period would avoid; None without an effect on contacts
    value_per_effort: float | None
    quick_win: bool
    estimated: bool  # its value comes from estimated contacts
    description: str | None
    result: str | None
    links: tuple[str, ...]
    expected: dict[str, float | str]  # KPI id (or `contacts`) -> expected effect, as written
    terms: tuple[ValueTerm, ...] = ()  # the value, journey by journey


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
        ImprovementRow, leave_out=("journey_names", "expected", "links", "terms")
    )

    period: str | None
    rows: tuple[ImprovementRow, ...]
    by_journey: tuple[JourneyImprovements, ...]
    median_value: float | None = None  # of the open improvements with a value: the quick-win bar
    kpi_names: dict[str, str] = field(default_factory=dict)  # for the expected effects

    def by_status(self) -> dict[str, int]:
        """Every status (in the model's order) with its number of improvements."""
        return {status: sum(1 for r in self.rows if r.status == status) for status in STATUSES}

    def counts(self) -> dict[str, int]:
        states = [row.state for row in self.rows]
        return {
            "improvements": len(self.rows),
            **{each: states.count(each) for each in STATES},
            "shared": sum(1 for row in self.rows if row.shared),
            "valued": sum(1 for row in self.rows if row.state == "open" and row.value is not None),
            "quick_wins": sum(1 for row in self.rows if row.quick_win),
        }

    def to_rows(self) -> list[Row]:
        return [csv_row(self.fields, _plain(row)) for row in self.rows]

    def to_dict(self) -> dict[str, object]:
        rows = json_rows(self.rows, _plain, _lists)
        return {
            "report": self.name,
            "period": self.period,
            "summary": {
                **self.counts(),
                "by_status": self.by_status(),
                "median_value": self.median_value,
            },
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


def _lists(row: ImprovementRow) -> dict[str, object]:
    return {
        "journeys": list(row.journeys),
        "expected": dict(row.expected),
        "links": list(row.links),
        "terms": [
            {
                "journey": term.journey,
                "contacts": term.contacts,
                "change": term.change,
                "avoided": None if term.avoided is None else round(term.avoided, 2),
                "estimated": term.estimated,
            }
            for term in row.terms
        ],
    }


def _plain(row: ImprovementRow) -> dict[str, object]:
    entry: dict[str, object] = {name: getattr(row, name) for name in ImprovementsReport.fields}
    for name in ("started", "done"):
        day = entry[name]
        entry[name] = day.isoformat() if isinstance(day, date) else None
    return entry


def improvements_report(report_input: ReportInput) -> ImprovementsReport:
    """Open ones first, by value against effort (see above), then done, then rejected, each
    by status, then id. By journey: the journeys that any improvement touches, in ranking
    order."""
    rows = [_row(report_input, i) for i in report_input.improvements]
    values = [r.value for r in rows if r.state == "open" and r.value is not None]
    bar = median(values) if values else None
    rows = sorted(_quick_wins(rows, bar), key=_order)
    return ImprovementsReport(
        report_input.period,
        tuple(rows),
        _by_journey(report_input),
        bar,
        {kpi.id: kpi.name for kpi in report_input.framework.kpis},
    )


_STATE_ORDER = {each: place for place, each in enumerate(STATES)}


def _order(row: ImprovementRow) -> tuple[object, ...]:
    if row.state != "open":
        return (_STATE_ORDER[row.state], 0, 0.0, STATUSES.index(row.status), row.id)
    # Valued with an effort, by value per effort; valued without one, by value; then the rest.
    if row.value_per_effort is not None:
        group, by = 0, -row.value_per_effort
    elif row.value is not None:
        group, by = 1, -float(row.value)
    else:
        group, by = 2, 0.0
    return (0, group, by, STATUSES.index(row.status), row.id)


def _quick_wins(rows: list[ImprovementRow], bar: float | None) -> list[ImprovementRow]:
    if bar is None:
        return rows
    return [
        replace(row, quick_win=True)
        if row.state == "open"
        and row.value is not None
        and row.value > 0
        and row.value >= bar
        and row.effort is not None
        and row.effort <= QUICK_EFFORT
        else row
        for row in rows
    ]


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
    change = improvement.contacts_change
    terms = () if change is None else _terms(report_input, ids, change)
    avoided = [term.avoided for term in terms if term.avoided is not None]
    value = round(sum(avoided)) if avoided else None
    effort = improvement.effort
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
        customers=max(v.customers for v in volumes) if volumes else None,
        contacts=sum(v.contacts for v in volumes) if volumes else None,
        contacts_change=change,
        value=value,
        value_per_effort=None if value is None or effort is None else round(value / effort, 1),
        quick_win=False,
        estimated=any(term.estimated for term in terms),
        description=improvement.description,
        result=improvement.result,
        links=tuple(improvement.links),
        expected=dict(improvement.expected),
        terms=terms,
    )


def _terms(report_input: ReportInput, ids: tuple[str, ...], change: float) -> tuple[ValueTerm, ...]:
    period = report_input.period
    terms = []
    for id_ in ids:
        journey = report_input.journey(id_)
        volume = journey.volume(period) if journey is not None and period is not None else None
        terms.append(
            ValueTerm(
                journey=id_,
                journey_name=journey.name if journey else id_,
                contacts=volume.contacts if volume else None,
                change=change,
                avoided=-change * volume.contacts if volume else None,
                estimated=bool(volume and volume.contacts_estimated),
            )
        )
    return tuple(terms)


def _by_journey(report_input: ReportInput) -> tuple[JourneyImprovements, ...]:
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    touched = sorted(
        (j for j in report_input.journeys if improvements_of(report_input, j.id)),
        key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id),
    )
    result = []
    for journey in touched:
        improvements = improvements_of(report_input, journey.id)
        ids = {s: tuple(i.id for i in improvements if state(i.status) == s) for s in STATES}
        result.append(
            JourneyImprovements(journey.id, journey.name, ids["open"], ids["done"], ids["rejected"])
        )
    return tuple(result)
