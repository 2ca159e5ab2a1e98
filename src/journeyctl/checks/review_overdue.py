"""A journey's last review is not older than its review cadence (warning).

Journey teams check in on a rhythm (weekly, monthly, quarterly, ...). The cadence is
the journey's own `review.cadence`, or else the framework's `review.cadence`. A
review older than that is overdue; so is a mapped or improving journey never reviewed.

Fails: `review: {cadence: monthly, last_reviewed: 2025-01-15}` in November 2025.
Passes: `review: {cadence: quarterly, last_reviewed: 2025-10-01}` in November 2025.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity
from journeyctl.model.journey import MAPPED_STATUSES

RULE = Rule("JC305", "review-overdue", Severity.WARNING, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    from journeyctl.model.common import CADENCE_DAYS  # here: `rules` imports no model

    if context.framework is None:
        return
    default_cadence = context.framework.review.cadence
    for journey in context.journeys:
        review = journey.model.review
        if review is None or review.last_reviewed is None:
            if journey.model.status in MAPPED_STATUSES:
                yield journey.finding(
                    RULE,
                    f"journey '{journey.model.id}' is {journey.model.status} but was never "
                    "reviewed; add review: {last_reviewed: YYYY-MM-DD}",
                    ("review",) if review else ("status",),
                )
            continue
        cadence = review.cadence or default_cadence
        days = (context.today - review.last_reviewed).days
        if days > CADENCE_DAYS[cadence]:
            yield journey.finding(
                RULE,
                f"review overdue: last reviewed {review.last_reviewed.isoformat()} "
                f"({days} days ago), cadence {cadence}; review the journey and update "
                "last_reviewed",
                ("review", "last_reviewed"),
            )
