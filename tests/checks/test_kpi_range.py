"""JC206: a KPI value outside the KPI's min/max, in baseline, target and measurements."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import kpi_range
from tests.checks.conftest import JOURNEY, found, write

RULE = kpi_range.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"
KPIS = """\
kpis:
  nps:
    baseline: {value: -101, date: 2025-01-31}
    target: 100.5
    measurements:
      - {date: 2025-03-31, value: 100}
      - {date: 2025-06-30, value: 250}
"""


def _set_nps_range(root: Path, bounds: str) -> None:
    framework = root / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    text = text.replace("    min: -100\n    max: 100\n", bounds)
    framework.write_text(text, encoding="utf-8")


def test_every_value_outside_the_range_is_found_at_the_value(tree_dir: Path) -> None:
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + KPIS)
    assert found(tree_dir, RULE) == [
        (
            FILE,
            8,
            23,
            "NPS value -101 is outside its range -100..100; check the number and its unit",
        ),
        (
            FILE,
            9,
            13,
            "NPS value 100.5 is outside its range -100..100; check the number and its unit",
        ),
        (
            FILE,
            12,
            35,
            "NPS value 250 is outside its range -100..100; check the number and its unit",
        ),
    ]


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        (
            "    min: -100\n",
            [(8, "its minimum -100")],
        ),
        ("    max: 100\n", [(9, "its maximum 100"), (12, "its maximum 100")]),
    ],
)
def test_one_bound_alone_is_said_alone(
    tree_dir: Path, bounds: str, expected: list[tuple[int, str]]
) -> None:
    _set_nps_range(tree_dir, bounds)
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + KPIS)
    assert [
        (line, message.split(" is outside ")[1].split(";")[0])
        for _, line, _, message in found(tree_dir, RULE)
    ] == expected


def test_a_kpi_without_bounds_takes_any_value(tree_dir: Path) -> None:
    _set_nps_range(tree_dir, "")
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + KPIS)
    assert found(tree_dir, RULE) == []


def test_values_on_the_bounds_pass(tree_dir: Path) -> None:
    kpis = "kpis:\n  nps:\n    baseline: {value: -100, date: 2025-01-31}\n    target: 100\n"
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + kpis)
    assert found(tree_dir, RULE) == []


def test_a_kpi_without_bounds_does_not_end_the_check(tree_dir: Path) -> None:
    framework = tree_dir / "framework.yaml"
    text = framework.read_text(encoding="utf-8").replace(
        "criteria:", "  - id: wachttijd\n    name: Wachttijd\ncriteria:", 1
    )
    framework.write_text(text, encoding="utf-8")
    kpis = (
        "kpis:\n  wachttijd:\n    baseline: {value: 1000, date: 2025-01-31}\n"
        "  nps:\n    baseline: {value: 101, date: 2025-01-31}\n"
    )
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + kpis)
    assert [line for _, line, _, _ in found(tree_dir, RULE)] == [10]
