"""JC306: a KPI without a baseline."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import kpi_without_baseline
from tests.checks.conftest import JOURNEY, found, write

RULE = kpi_without_baseline.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"


def test_a_kpi_without_baseline_is_found_at_its_key(tree_dir: Path) -> None:
    kpis = "kpis:\n  nps:\n    target: 20\n"
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + kpis)
    assert found(tree_dir, RULE) == [
        (
            FILE,
            7,
            3,
            "KPI 'nps' has no baseline; add baseline: {value: ..., date: ...} "
            "so progress can be measured",
        )
    ]


def test_a_kpi_with_a_baseline_passes(tree_dir: Path) -> None:
    kpis = "kpis:\n  nps:\n    baseline: {value: 3, date: 2025-01-31}\n"
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + kpis)
    assert found(tree_dir, RULE) == []
