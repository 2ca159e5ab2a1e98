"""Every KPI a journey tracks has a baseline (warning).

Step 7 of journey management measures what improved against where it started. A KPI
with measurements or a target but no baseline cannot show progress.

Fails: `kpis: {nps: {target: 30}}`.
Passes: `kpis: {nps: {baseline: {value: 12, date: 2025-01-31}, target: 30}}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

if TYPE_CHECKING:  # annotations only: `journeyctl rules` lists the checks without loading
    from journeyctl.model import Journey

RULE = Rule("JC306", "kpi-without-baseline", Severity.WARNING, __doc__ or "")


def without_baseline(journey: Journey) -> list[str]:
    """The ids of the KPIs a journey tracks without a baseline, in the file's order. The
    `alerts` report reads it the same way."""
    return [kpi_id for kpi_id, record in journey.kpis.items() if record.baseline is None]


def check(context: CheckContext) -> Iterator[Finding]:
    for journey in context.journeys:
        for kpi_id in without_baseline(journey.model):
            yield journey.finding(
                RULE,
                f"KPI '{kpi_id}' has no baseline; add baseline: {{value: ..., date: ...}} "
                "so progress can be measured",
                ("kpis", kpi_id),
                key=True,
            )
