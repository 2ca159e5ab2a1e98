"""An expected effect on contacts is a percentage of at least -100%.

An improvement's `expected` says what it should change: a KPI id with its expected value, or
`contacts` with the expected relative change of the contacts of the journeys it touches.
`report improvements` ranks open improvements by the contacts they would avoid, so that
change must be a percentage (of the contacts in the period), and no improvement avoids more
than all of them.

Fails: `expected: {contacts: -15}` (a number of what?), `expected: {contacts: -120%}`.
Passes: `expected: {contacts: -15%}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity
from journeyctl.model.improvement import CONTACTS

RULE = Rule("JC209", "contacts-effect", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    for document in context.improvements:
        if CONTACTS not in document.model.expected:
            continue
        written = document.model.expected[CONTACTS]
        change = document.model.contacts_change
        if change is None:
            yield document.finding(
                RULE,
                f"the expected effect on contacts is {_shown(written)}; write the relative "
                "change as a percentage, such as -15%",
                ("expected", CONTACTS),
            )
        elif change < -1:
            yield document.finding(
                RULE,
                f"the expected effect on contacts is {written}: no improvement avoids more than "
                "all of them; write a change of -100% or more, such as -15%",
                ("expected", CONTACTS),
            )


def _shown(value: object) -> str:
    return (
        f"'{value}'"
        if isinstance(value, str)
        else f"{value:g}"
        if isinstance(value, float)
        else str(value)
    )
