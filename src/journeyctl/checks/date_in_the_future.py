"""A date that records something done is not after today (warning).

A date after the day `validate` runs is almost always a typo in the year, and it goes
unnoticed: a `last_reviewed` a year ahead keeps the review from falling overdue (JC305)
for that year, and a KPI measurement dated 2062 becomes the latest one, which the KPI
report heads its table with. "Today" is the day validate runs (`--today` sets it).

Each dated field, and why a future date there is a mistake:

- a journey's `review.last_reviewed`: a review that has not happened yet;
- a KPI's `baseline.date` and each of its `measurements[].date`: a figure measured on a
  day still to come;
- an insight's `date`: what research found, not yet found;
- a volume's `period`, a journey's or a contact reason's in framework.yaml, when the period
  starts after today: customers and contacts counted in a period not yet begun (a period
  under way is fine: its figures so far);
- an improvement's `done`: the day it was finished, whatever its status;
- an improvement's `started`, when its status is `experiment`, `in-progress` or
  `implemented`: the status says the work has begun. For `idea` and `planned` a start
  ahead is the planned start, and for `rejected` it is moot: those are not warned about.

Fails: `review: {last_reviewed: 2027-11-12}` on 1 December 2026;
`status: in-progress` with `started: 2027-02-01` on 1 December 2026.
Passes: `review: {last_reviewed: 2026-11-12}` on 1 December 2026;
`status: planned` with `started: 2027-02-01` on 1 December 2026.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

if TYPE_CHECKING:  # annotations only: `journeyctl rules` lists the checks without loading
    from journeyctl.load import Document
    from journeyctl.load.positions import PathPart
    from journeyctl.model import Improvement, Journey

RULE = Rule("JC310", "date-in-the-future", Severity.WARNING, __doc__ or "")

# The improvement statuses that say the work has begun: a start after today contradicts them.
BEGUN = frozenset({"experiment", "in-progress", "implemented"})


def check(context: CheckContext) -> Iterator[Finding]:
    framework = context.framework_document
    if framework is not None:
        for index, reason in enumerate(framework.model.contact_reasons):
            where = ("contact_reasons", index, "volumes")
            yield from _periods(framework, reason.volumes, where, context.today)
    for journey in context.journeys:
        yield from _journey(journey, context.today)
    for improvement in context.improvements:
        yield from _improvement(improvement, context.today)


def _ahead(what: str, day: date, today: date, todo: str) -> str:
    return f"{what} {day.isoformat()} is after today ({today.isoformat()}); {todo}"


def _journey(document: Document[Journey], today: date) -> Iterator[Finding]:
    journey = document.model
    review = journey.review
    if review is not None and review.last_reviewed is not None and review.last_reviewed > today:
        message = _ahead(
            "last_reviewed",
            review.last_reviewed,
            today,
            "write the day of the last review that took place (while it is ahead, the "
            "review cannot fall overdue)",
        )
        yield document.finding(RULE, message, ("review", "last_reviewed"))
    yield from _periods(document, journey.volumes, ("volumes",), today)
    for kpi_id, record in journey.kpis.items():
        if record.baseline is not None and record.baseline.date > today:
            message = _ahead(
                f"KPI '{kpi_id}' baseline date",
                record.baseline.date,
                today,
                "write the day the baseline was measured",
            )
            yield document.finding(RULE, message, ("kpis", kpi_id, "baseline", "date"))
        for index, measurement in enumerate(record.measurements):
            if measurement.date > today:
                message = _ahead(
                    f"KPI '{kpi_id}' measurement date",
                    measurement.date,
                    today,
                    "write the day it was measured (reports take the latest measurement as "
                    "the KPI's current value)",
                )
                loc = ("kpis", kpi_id, "measurements", index, "date")
                yield document.finding(RULE, message, loc)
    for index, insight in enumerate(journey.insights):
        if insight.date is not None and insight.date > today:
            message = _ahead(
                "insight date", insight.date, today, "write the day the insight was found"
            )
            yield document.finding(RULE, message, ("insights", index, "date"))


def _periods(
    document: Document[Any], volumes: Sequence[Any], where: tuple[PathPart, ...], today: date
) -> Iterator[Finding]:
    """Each volume whose period starts after today: a journey's, or a contact reason's."""
    from journeyctl.model.common import period_bounds  # here: `rules` imports no model

    for index, volume in enumerate(volumes):
        start = period_bounds(volume.period)[0]
        if start > today:
            message = (
                f"volume period {volume.period} starts {start.isoformat()}, after today "
                f"({today.isoformat()}); customers and contacts cannot be counted in a period "
                "not yet begun: correct the period"
            )
            yield document.finding(RULE, message, (*where, index, "period"))


def _improvement(document: Document[Improvement], today: date) -> Iterator[Finding]:
    improvement = document.model
    started = improvement.started
    if started is not None and started > today and improvement.status in BEGUN:
        message = _ahead(
            "started",
            started,
            today,
            f"status {improvement.status} says the work has begun: write the day it "
            "started, or set status: planned for a start still to come",
        )
        yield document.finding(RULE, message, ("started",))
    if improvement.done is not None and improvement.done > today:
        message = _ahead(
            "done",
            improvement.done,
            today,
            "done is the day the improvement was finished: write that day, or leave done "
            "out until it is finished",
        )
        yield document.finding(RULE, message, ("done",))
