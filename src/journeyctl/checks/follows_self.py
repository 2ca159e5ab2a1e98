"""A journey does not follow itself.

`follows` lists the journeys that this one typically comes after, so that sequences
(take out a subscription, then onboarding) are designed together. A journey naming
itself there is a copy-paste slip: remove it.

Fails: `id: ik-verhuis` with `follows: [ik-verhuis]`.
Passes: `id: ik-verhuis` with `follows: [ik-word-klant]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC205", "follows-self", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    for journey in context.journeys:
        for index, followed in enumerate(journey.model.follows):
            if followed == journey.model.id:
                yield journey.finding(
                    RULE,
                    f"journey '{followed}' lists itself in follows; remove it",
                    ("follows", index),
                )
