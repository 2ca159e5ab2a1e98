"""KPI values lie within the KPI's min and max.

The framework can bound a KPI (NPS -100..100, CES 1..7, a percentage 0..100). A
baseline, target or measurement outside that range is a typo or a value in the wrong
unit.

Fails: `nps: {baseline: {value: 140, date: 2025-01-31}}` where NPS has max 100.
Passes: `nps: {baseline: {value: 14, date: 2025-01-31}}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

if TYPE_CHECKING:
    from journeyctl.load.positions import PathPart

RULE = Rule("JC206", "kpi-out-of-range", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    if context.framework is None:
        return
    kpis = {kpi.id: kpi for kpi in context.framework.kpis}
    for journey in context.journeys:
        for kpi_id, record in journey.model.kpis.items():
            kpi = kpis.get(kpi_id)
            if kpi is None or (kpi.min is None and kpi.max is None):
                continue
            values: list[tuple[tuple[PathPart, ...], float]] = []
            if record.baseline is not None:
                values.append((("baseline", "value"), record.baseline.value))
            if record.target is not None:
                values.append((("target",), record.target))
            values.extend(
                (("measurements", i, "value"), m.value) for i, m in enumerate(record.measurements)
            )
            low = kpi.min if kpi.min is not None else float("-inf")
            high = kpi.max if kpi.max is not None else float("inf")
            for where, value in values:
                if not low <= value <= high:
                    yield journey.finding(
                        RULE,
                        f"{kpi.name} value {value:g} is outside {_range(kpi.min, kpi.max)}; "
                        f"check the number and its unit",
                        ("kpis", kpi_id, *where),
                    )


def _range(low: float | None, high: float | None) -> str:
    if low is None:
        return f"its maximum {high:g}"
    if high is None:
        return f"its minimum {low:g}"
    return f"its range {low:g}..{high:g}"
