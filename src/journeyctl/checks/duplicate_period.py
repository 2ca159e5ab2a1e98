"""A journey has one volume entry per period.

Two entries for the same period leave it unclear which numbers count; `journeyctl
rank` would have to guess. Keep one entry per period (add a `source` to say where the
numbers come from).

Fails: two entries with `period: "2025"`.
Passes: one entry for `"2024"` and one for `"2025"`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC208", "duplicate-period", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    for journey in context.journeys:
        seen: set[str] = set()
        for index, volume in enumerate(journey.model.volumes):
            if volume.period in seen:
                yield journey.finding(
                    RULE,
                    f"period '{volume.period}' has more than one volume entry; keep one",
                    ("volumes", index, "period"),
                )
            seen.add(volume.period)
