"""The small tree of tests/reports/tree, prepared for the reports.

Ranked in 2025 (customers and contacts weigh 1 each): b 86.7, c 60.0, a 41.7, e 3.3; d is
retired. The expected reports, computed by hand, are in tests/reports/expected/.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from journeyctl.framework import CheckedTree, check
from journeyctl.reports import ReportInput, prepare

TREE = Path(__file__).parent / "tree"
EXPECTED = Path(__file__).parent / "expected"
TODAY = date(2025, 6, 1)


@cache
def checked() -> CheckedTree:
    tree = check(TREE, today=TODAY)
    assert tree.usable, tree.validation.findings
    return tree


def report_input(
    period: str | None = None, compare: str | None = None, today: date = TODAY
) -> ReportInput:
    tree = checked()
    return prepare(
        tree.framework,
        tree.journeys,
        tree.improvements,
        period=period,
        compare=compare,
        today=today,
    )
