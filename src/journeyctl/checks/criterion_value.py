"""A journey's criterion value fits the criterion's kind.

Criteria are scored in `journeyctl rank`: a `scale` criterion takes a whole number
from 1 to 5, a `yes-no` criterion takes yes or no (true/false), a `number` criterion
takes any non-negative number.

Fails: `criteria: {regelgeving: 3}` where `regelgeving` is a yes-no criterion.
Passes: `criteria: {regelgeving: yes, strategisch-belang: 4}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC207", "criterion-value", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    if context.framework is None:
        return
    kinds = {criterion.id: criterion.kind for criterion in context.framework.criteria}
    for journey in context.journeys:
        for criterion_id, value in journey.model.criteria.items():
            kind = kinds.get(criterion_id)
            problem = _problem(kind, value) if kind else None
            if problem:
                yield journey.finding(
                    RULE, f"criterion '{criterion_id}' {problem}", ("criteria", criterion_id)
                )


def _problem(kind: str, value: bool | int | float) -> str | None:
    is_bool = isinstance(value, bool)
    if kind == "yes-no" and not is_bool:
        return f"is yes-no: write yes or no, not {value}"
    if kind == "scale" and (is_bool or not float(value).is_integer() or not 1 <= value <= 5):
        return f"is a scale from 1 to 5: write a whole number 1..5, not {_shown(value)}"
    if kind == "number" and (is_bool or value < 0):
        return f"is a number: write a number of 0 or more, not {_shown(value)}"
    return None


def _shown(value: bool | int | float) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else f"{value:g}"
