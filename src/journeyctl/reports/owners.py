"""The `owners` report: who owns what (seed 000, steps 5 and 6): per owner the journeys,
the reviews overdue by their cadence, and the open improvements.

A review is overdue as check JC305 reads it: the journey's own `review.cadence`, else the
framework's, counted in days (`CADENCE_DAYS`: monthly 31, quarterly 92, ...); overdue when
`today` is more than that many days after `last_reviewed`, and a mapped, improving or
monitoring journey that was never reviewed is overdue too. `today` is the report input's,
so that a test can set it.

Open improvements: those the owner owns (`owner` of the improvement file) and, apart, those
that touch the owner's journeys. Journeys without an owner are one row with owner None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from journeyctl.model import Journey
from journeyctl.model.common import CADENCE_DAYS
from journeyctl.model.journey import MAPPED_STATUSES
from journeyctl.reports.inputs import ReportInput, improvements_of, state
from journeyctl.reports.rows import Row, csv_row, json_rows


@dataclass(frozen=True)
class OverdueReview:
    journey: str
    journey_name: str
    cadence: str
    last_reviewed: date | None  # None: never reviewed
    due: date | None  # the day after which it was overdue; None: never reviewed
    days_overdue: int | None  # days past `due` on `today`; None: never reviewed


@dataclass(frozen=True)
class OwnerRow:
    owner: str | None  # None: the journeys without an owner
    owner_name: str | None
    email: str | None
    journeys: tuple[str, ...]  # ids, in ranking order (unranked ones after, by id)
    journey_names: tuple[str, ...]
    overdue: tuple[OverdueReview, ...]
    open_improvements: tuple[str, ...]  # ids of open improvements the owner owns
    open_on_journeys: tuple[str, ...]  # ids of open improvements that touch their journeys


# The CSV columns, each with its value in a row: the owner, then each list of ids with its
# count beside it.
_COLUMNS: dict[str, Callable[[OwnerRow], object]] = {
    "owner": lambda row: row.owner,
    "owner_name": lambda row: row.owner_name,
    "email": lambda row: row.email,
    "journeys": lambda row: row.journeys,
    "journey_count": lambda row: len(row.journeys),
    "overdue_reviews": lambda row: tuple(review.journey for review in row.overdue),
    "overdue_count": lambda row: len(row.overdue),
    "open_improvements": lambda row: row.open_improvements,
    "open_improvement_count": lambda row: len(row.open_improvements),
    "open_on_journeys": lambda row: row.open_on_journeys,
}


@dataclass(frozen=True)
class OwnersReport:
    name: ClassVar[str] = "owners"
    fields: ClassVar[tuple[str, ...]] = tuple(_COLUMNS)

    today: date
    rows: tuple[OwnerRow, ...]  # the framework's owners in its order, then the unowned

    def to_rows(self) -> list[Row]:
        return [csv_row(self.fields, _plain(row)) for row in self.rows]

    def to_dict(self) -> dict[str, object]:
        rows = json_rows(self.rows, _plain, _lists)
        return {"report": self.name, "today": self.today.isoformat(), "rows": rows}


def _plain(row: OwnerRow) -> dict[str, object]:
    return {name: value(row) for name, value in _COLUMNS.items()}


def _lists(row: OwnerRow) -> dict[str, object]:
    return {
        "journeys": list(row.journeys),
        "overdue_reviews": [review.journey for review in row.overdue],
        "open_improvements": list(row.open_improvements),
        "open_on_journeys": list(row.open_on_journeys),
        "overdue": [_overdue(review) for review in row.overdue],
    }


def _overdue(review: OverdueReview) -> dict[str, object]:
    return {
        "journey": review.journey,
        "cadence": review.cadence,
        "last_reviewed": None if review.last_reviewed is None else review.last_reviewed.isoformat(),
        "due": None if review.due is None else review.due.isoformat(),
        "days_overdue": review.days_overdue,
    }


def owners_report(report_input: ReportInput) -> OwnersReport:
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    journeys = sorted(report_input.journeys, key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id))
    # Each owner's journeys in ranking order, grouped in one pass (not one pass per owner).
    owned_by: dict[str | None, list[Journey]] = {}
    for journey in journeys:
        owned_by.setdefault(journey.owner, []).append(journey)
    rows = [
        _row(report_input, owner.id, owner.name, owner.email, owned_by.get(owner.id, []))
        for owner in report_input.framework.owners
    ]
    if None in owned_by:
        rows.append(_row(report_input, None, None, None, owned_by[None]))
    return OwnersReport(report_input.today, tuple(rows))


def _row(
    report_input: ReportInput,
    owner: str | None,
    name: str | None,
    email: str | None,
    owned: list[Journey],
) -> OwnerRow:
    default = report_input.framework.review.cadence
    overdue = [
        review
        for journey in owned
        if (review := overdue_review(journey, default, report_input.today)) is not None
    ]
    own_open = [
        i.id
        for i in report_input.improvements
        if owner is not None and i.owner == owner and state(i.status) == "open"
    ]
    on_journeys = dict.fromkeys(
        i.id
        for journey in owned
        for i in improvements_of(report_input, journey.id)
        if state(i.status) == "open"
    )
    return OwnerRow(
        owner=owner,
        owner_name=name,
        email=email,
        journeys=tuple(j.id for j in owned),
        journey_names=tuple(j.name for j in owned),
        overdue=tuple(overdue),
        open_improvements=tuple(sorted(own_open)),
        open_on_journeys=tuple(sorted(on_journeys)),
    )


def overdue_review(journey: Journey, default_cadence: str, today: date) -> OverdueReview | None:
    """The journey's overdue review on `today`, or None when it is not overdue."""
    review = journey.review
    cadence = (review.cadence if review else None) or default_cadence
    if review is None or review.last_reviewed is None:
        if journey.status not in MAPPED_STATUSES:
            return None
        return OverdueReview(journey.id, journey.name, cadence, None, None, None)
    due = review.last_reviewed + timedelta(days=CADENCE_DAYS[cadence])
    if today <= due:
        return None
    return OverdueReview(
        journey.id, journey.name, cadence, review.last_reviewed, due, (today - due).days
    )
