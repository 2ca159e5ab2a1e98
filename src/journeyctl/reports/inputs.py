"""What every report is computed from: one checked tree, one ranking, the periods and today.

`prepare(framework, journeys, improvements, ...)` resolves the periods once (the period
rule of `rank`, and the period before it to compare with) and ranks the journeys once, so
that the five reports, and the pages `render` makes of them, agree on every number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from journeyctl.model import Framework, Improvement, Journey
from journeyctl.model.common import period_bounds
from journeyctl.rank import Ranking, RankOptions, present_periods, rank, ranked_period

# Improvements that someone still works on; `implemented` is done, `rejected` is closed.
OPEN_STATUSES = frozenset({"idea", "planned", "experiment", "in-progress"})
DONE_STATUSES = frozenset({"implemented"})


@dataclass(frozen=True)
class ReportInput:
    """The tree's models and what the reports share: the ranking of `period` and today."""

    framework: Framework
    journeys: tuple[Journey, ...]
    improvements: tuple[Improvement, ...]
    ranking: Ranking
    today: date
    # Asked for with --compare, else the period before `period` when any journey has
    # volumes for it; None when there is nothing to compare with.
    compare: str | None
    # Measurements after this day are left out (the end of an asked-for period); None: all.
    as_of: date | None = None

    @property
    def period(self) -> str | None:
        """The ranking's period: the one asked for, or the default of `rank`."""
        return self.ranking.period

    @property
    def measured_until(self) -> date | None:
        """The last day the KPI figures count: `as_of` when a period was asked for, else the
        day of the latest measurement of any journey (None: nothing measured yet). The
        ranking's period says nothing about the measurements, so reports name this day."""
        if self.as_of is not None:
            return self.as_of
        days = [m.date for j in self.journeys for r in j.kpis.values() for m in r.measurements]
        return max(days, default=None)

    def journey(self, journey_id: str) -> Journey | None:
        return next((j for j in self.journeys if j.id == journey_id), None)


def prepare(
    framework: Framework,
    journeys: Sequence[Journey],
    improvements: Sequence[Improvement],
    *,
    period: str | None = None,
    compare: str | None = None,
    today: date | None = None,
) -> ReportInput:
    """Rank once and settle the periods; a usage error (from `rank`) for a period no journey
    has, or for a comparison with the reported period itself."""
    if compare is None:
        # The period before the one ranked, so that the ranking shows the movement too.
        compare = _period_before(journeys, period)
    ranking = rank(framework, journeys, RankOptions(period=period, compare=compare))
    return ReportInput(
        framework,
        tuple(journeys),
        tuple(improvements),
        ranking,
        today or date.today(),
        compare,
        None if period is None else period_bounds(period)[1],
    )


def previous_period(period: str) -> str:
    """The period of the same length just before: 2025 -> 2024, 2025-Q1 -> 2024-Q4,
    2025-01 -> 2024-12."""
    year = int(period[:4])
    if len(period) == 4:
        return str(year - 1)
    number = int(period[6:] if period[5] == "Q" else period[5:])
    if period[5] == "Q":
        return f"{year}-Q{number - 1}" if number > 1 else f"{year - 1}-Q4"
    return f"{year}-{number - 1:02d}" if number > 1 else f"{year - 1}-12"


def _period_before(journeys: Sequence[Journey], period: str | None) -> str | None:
    """The period just before the one a ranking takes (`period`, or the one `rank` would
    choose), where journeys have volumes for both; None where they have not (for a period
    asked for that none has, `rank` says so)."""
    present = set(present_periods(journeys))
    ranked = ranked_period(journeys) if period is None else period
    if ranked not in present:
        return None
    before = previous_period(ranked)
    return before if before in present else None


def improvements_of(report_input: ReportInput, journey_id: str) -> list[Improvement]:
    """The improvements that touch a journey, in file order."""
    return [
        i for i in report_input.improvements if any(t.journey == journey_id for t in i.journeys)
    ]


STATES = ("open", "done", "rejected")  # what `state` says, in the order reports show them


def state(status: str) -> str:
    """open, done or rejected: an improvement's status as one of three."""
    if status in OPEN_STATUSES:
        return "open"
    return "done" if status in DONE_STATUSES else "rejected"
