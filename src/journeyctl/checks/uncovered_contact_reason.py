"""Every contact reason of the Life Cycle Model is covered by a journey (warning).

The Life Cycle Model aims to place 100% of the reasons customers get in touch. A
contact reason that no journey (or journey step) lists cannot be linked to contact
data or scores, so nobody will improve it. A retired journey covers nothing: a reason
that only retired journeys list is uncovered too, and the message names them. The
coverage report (`report coverage`) counts coverage the same way.

Fails: a contact reason `vraag-over-storing` that no journey lists in `contact_reasons`,
or that only a journey with `status: retired` lists.
Passes: a journey that is not retired with `contact_reasons: [vraag-over-storing]`.
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
    retired: dict[str, list[str]] = {}  # reason -> the retired journeys that list it
    for journey in context.journeys:
        listed = set(journey.model.contact_reasons)
        for step in journey.model.steps:
            listed.update(step.contact_reasons)
        if journey.model.status == "retired":
            for reason_id in listed:
                retired.setdefault(reason_id, []).append(journey.model.id)
        else:
            covered.update(listed)
    for index, reason in enumerate(framework.model.contact_reasons):
        if reason.id in covered:
            continue
        if reason.id in retired:
            journeys = sorted(set(retired[reason.id]))
            names = ", ".join(f"'{journey_id}'" for journey_id in journeys)
            message = (
                f"contact reason '{reason.id}' ({reason.name}) is covered only by the retired "
                f"journey{'s' if len(journeys) > 1 else ''} {names}, and a retired journey "
                "covers nothing; add it to the contact_reasons of a journey that is not retired"
            )
        else:
            message = (
                f"contact reason '{reason.id}' ({reason.name}) is covered by no journey; "
                "add it to a journey's contact_reasons"
            )
        yield framework.finding(RULE, message, ("contact_reasons", index, "id"))
