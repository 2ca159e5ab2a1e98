"""Every id is defined once.

Two journeys (or improvements, or framework entries of one kind) with the same id make
every reference to that id ambiguous. Rename one of them.

Fails: two files `a/ik-verhuis.yaml` and `b/ik-verhuis.yaml` both with `id: ik-verhuis`.
Passes: each id in one place only.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import FRAMEWORK_LISTS, CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC201", "duplicate-id", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    for documents in (context.journeys, context.improvements):
        first_seen: dict[str, str] = {}
        for document in documents:
            identifier = document.model.id
            if identifier in first_seen:
                yield document.finding(
                    RULE,
                    f"id '{identifier}' is already used by {first_seen[identifier]}; "
                    "give one of them another id (and file name)",
                    ("id",),
                )
            else:
                first_seen[identifier] = document.display
    framework = context.framework_document
    if framework is None:
        return
    for list_name in FRAMEWORK_LISTS.values():
        seen: set[str] = set()
        for index, entry in enumerate(getattr(framework.model, list_name)):
            if entry.id in seen:
                yield framework.finding(
                    RULE,
                    f"{list_name}: id '{entry.id}' is defined twice; remove or rename one",
                    (list_name, index, "id"),
                )
            seen.add(entry.id)
