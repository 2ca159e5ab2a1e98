"""Every journey has an owner (warning).

Journey management needs one person who answers for each journey: its KPIs, its
improvements, its review rhythm. A journey without one is nobody's.

Fails: a journey without `owner:`.
Passes: `owner: jan-de-vries`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

if TYPE_CHECKING:  # annotations only: `journeyctl rules` lists the checks without loading
    from journeyctl.model import Journey

RULE = Rule("JC304", "missing-owner", Severity.WARNING, __doc__ or "")


def unowned(journey: Journey) -> bool:
    """Whether nobody answers for a journey that needs someone: no owner, and not retired.
    The `alerts` report reads it the same way."""
    return journey.owner is None and journey.status != "retired"


def check(context: CheckContext) -> Iterator[Finding]:
    for journey in context.journeys:
        if unowned(journey.model):
            yield journey.finding(
                RULE,
                f"journey '{journey.model.id}' has no owner; add owner: <id> from framework.yaml",
                ("id",),
            )
