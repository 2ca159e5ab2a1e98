"""Which period a ranking is about: the one asked for, or the latest one that most journeys have.

One early quarterly figure must not turn the ranking into a ranking of one: the default
is the latest period (by end date; of those ending on the same day, the longest) that at
least half of the journeys with volumes have an entry for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from journeyctl.errors import UsageError
from journeyctl.model import Journey
from journeyctl.model.common import PERIOD_PATTERN, period_bounds


def _recency(period: str) -> tuple[int, int]:
    """Later end first; of periods ending on the same day, the earlier start (the longest)."""
    start, end = period_bounds(period)
    return end.toordinal(), -start.toordinal()


def newest_first(periods: Iterable[str]) -> list[str]:
    """The periods, the one that ends last first (as `latest_period` orders them)."""
    return sorted(periods, key=_recency, reverse=True)


def latest_period(journeys: Sequence[Journey]) -> str | None:
    """The period that ends last; of periods ending on the same day, the longest."""
    periods = {volume.period for journey in journeys for volume in journey.volumes}
    return max(periods, key=_recency) if periods else None


def default_period(journeys: Iterable[Journey]) -> str | None:
    """The latest period that at least half of the journeys with volumes have; None if none.

    Only the journeys that can be ranked count (not retired ones): a journey that left the
    framework years ago must not hold the ranking back in its last period.
    """
    with_volumes = [j for j in journeys if j.volumes and j.status != "retired"]
    having: dict[str, int] = {}
    for journey in with_volumes:
        for period in {volume.period for volume in journey.volumes}:
            having[period] = having.get(period, 0) + 1
    enough = [period for period, count in having.items() if 2 * count >= len(with_volumes)]
    return max(enough, key=_recency) if enough else None


def ranked_period(journeys: Sequence[Journey]) -> str | None:
    """The period a ranking takes when none is asked for: the default, else (only retired
    journeys have volumes) the latest, so that each is listed as retired; None without any
    volumes (a framework at step 1: every journey unranked)."""
    return default_period(journeys) or latest_period(journeys)


def present_periods(journeys: Iterable[Journey]) -> list[str]:
    """The periods some journey has volumes for, the one that ends first first."""
    return sorted({v.period for j in journeys for v in j.volumes}, key=_recency)


def earlier_period(journeys: Iterable[Journey], period: str) -> str | None:
    """The latest period some journey has volumes for that ends before `period` starts (so
    that it does not overlap it), of the same kind (a year for a year, a quarter for a
    quarter) where there is one: the period to compare `period` with. None: none is earlier."""
    start = period_bounds(period)[0]
    earlier = newest_first(p for p in present_periods(journeys) if period_bounds(p)[1] < start)
    alike = [p for p in earlier if period_kind(p) == period_kind(period)]
    return next(iter(alike or earlier), None)


def period_kind(period: str) -> str:
    """`year`, `quarter` or `month`, as the period is written."""
    if len(period) == 4:
        return "year"
    return "quarter" if period[5] == "Q" else "month"


def checked_period(journeys: Sequence[Journey], requested: str, parameter: str) -> str:
    """`requested` if it is a period some journey has volumes for; else a usage error."""
    if not re.match(PERIOD_PATTERN, requested):
        raise UsageError(
            f"'{requested}' is not a period; write 2025, 2025-Q3 or 2025-06", parameter=parameter
        )
    present = present_periods(journeys)
    if requested not in present:
        known = (
            f"periods present: {', '.join(present)}" if present else "no journey has volumes yet"
        )
        raise UsageError(
            f"'{requested}': no journey has volumes for that period; {known}", parameter=parameter
        )
    return requested
