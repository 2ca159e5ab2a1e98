"""A journey's name describes the journey, not a scenario or a channel (warning).

A journey is the essence only: happy and unhappy flows, and channel variants ("via de
app", "telefonisch"), belong inside one journey as steps and touchpoints, not beside
it as separate journeys, or the framework grows copies that are improved twice.

Fails: `name: Ik verhuis (unhappy flow)` or `name: Ik betaal via de app`.
Passes: `name: Ik verhuis`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC303", "variant-journey-name", Severity.WARNING, __doc__ or "")

_VARIANT = re.compile(
    r"\b(?:happy|unhappy|sad)[ -]?flow\b|\bscenario\b"
    r"|\b(?:via|per|through|by)\s+(?:de\s+|het\s+|the\s+)?"
    r"(?:app|website|web|telefoon|phone|e-?mail|mail|chat|brief|letter|post|winkel|shop|balie)\b"
    r"|\btelefonisch\b|\bonline\b|\bschriftelijk\b|\bby phone\b",
    re.IGNORECASE,
)


def variant_word(name: str) -> str | None:
    """The words that make `name` look like a scenario or channel variant, or None.

    Also used by `journeyctl new`, which warns before the file exists.
    """
    match = _VARIANT.search(name)
    return match.group(0) if match else None


def check(context: CheckContext) -> Iterator[Finding]:
    for journey in context.journeys:
        word = variant_word(journey.model.name)
        if word is not None:
            yield journey.finding(
                RULE,
                f"name '{journey.model.name}' looks like a scenario or channel variant "
                f"('{word}'); name the journey's essence and put variants in its "
                "steps and touchpoints",
                ("name",),
            )
