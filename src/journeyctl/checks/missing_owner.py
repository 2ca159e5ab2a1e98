"""Every journey has an owner (warning).

Journey management needs one person who answers for each journey: its KPIs, its
improvements, its review rhythm. A journey without one is nobody's.

Fails: a journey without `owner:`.
Passes: `owner: jan-de-vries`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC304", "missing-owner", Severity.WARNING, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    for journey in context.journeys:
        if journey.model.owner is None and journey.model.status != "retired":
            yield journey.finding(
                RULE,
                f"journey '{journey.model.id}' has no owner; add owner: <id> from framework.yaml",
                ("id",),
            )
