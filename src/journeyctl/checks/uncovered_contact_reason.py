"""Every contact reason of the Life Cycle Model is covered by a journey (warning).

The Life Cycle Model aims to place 100% of the reasons customers get in touch. A
contact reason that no journey (or journey step) lists cannot be linked to contact
data or scores, so nobody will improve it.

Fails: a contact reason `vraag-over-storing` that no journey lists in `contact_reasons`.
Passes: a journey with `contact_reasons: [vraag-over-storing]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC302", "uncovered-contact-reason", Severity.WARNING, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    framework = context.framework_document
    if framework is None or not context.complete:
        return
    covered: set[str] = set()
    for journey in context.journeys:
        covered.update(journey.model.contact_reasons)
        for step in journey.model.steps:
            covered.update(step.contact_reasons)
    for index, reason in enumerate(framework.model.contact_reasons):
        if reason.id not in covered:
            yield framework.finding(
                RULE,
                f"contact reason '{reason.id}' ({reason.name}) is covered by no journey; "
                "add it to a journey's contact_reasons",
                ("contact_reasons", index, "id"),
            )
