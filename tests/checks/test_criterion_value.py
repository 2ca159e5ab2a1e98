"""JC207: a criterion value that does not fit the criterion's kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import criterion_value
from tests.checks.conftest import JOURNEY, found, write

RULE = criterion_value.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"
FRAMEWORK_CRITERION = "  - id: bedrag\n    name: Bedrag\n    kind: number\n    weight: 0\n"


@pytest.mark.parametrize(
    ("criteria", "column", "problem"),
    [
        ("{regelgeving: 3}", 25, "criterion 'regelgeving' is yes-no: write yes or no, not 3"),
        (
            "{strategisch: 6}",
            25,
            "criterion 'strategisch' is a scale from 1 to 5: write a whole number 1..5, not 6",
        ),
        (
            "{strategisch: 0}",
            25,
            "criterion 'strategisch' is a scale from 1 to 5: write a whole number 1..5, not 0",
        ),
        (
            "{strategisch: 2.5}",
            25,
            "criterion 'strategisch' is a scale from 1 to 5: write a whole number 1..5, not 2.5",
        ),
        (
            "{strategisch: yes}",
            25,
            "criterion 'strategisch' is a scale from 1 to 5: write a whole number 1..5, not yes",
        ),
        (
            "{bedrag: -1.5}",
            20,
            "criterion 'bedrag' is a number: write a number of 0 or more, not -1.5",
        ),
        ("{bedrag: no}", 20, "criterion 'bedrag' is a number: write a number of 0 or more, not no"),
    ],
)
def test_a_value_of_the_wrong_kind_says_what_to_write(
    tree_dir: Path, criteria: str, column: int, problem: str
) -> None:
    framework = tree_dir / "framework.yaml"
    text = framework.read_text(encoding="utf-8").replace("review:", FRAMEWORK_CRITERION + "review:")
    framework.write_text(text, encoding="utf-8")
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + f"criteria: {criteria}\n")
    assert found(tree_dir, RULE) == [(FILE, 6, column, problem)]


@pytest.mark.parametrize(
    "criteria",
    ["{regelgeving: no}", "{strategisch: 1}", "{strategisch: 5}", "{strategisch: 3.0}"],
)
def test_values_of_the_right_kind_pass(tree_dir: Path, criteria: str) -> None:
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + f"criteria: {criteria}\n")
    assert found(tree_dir, RULE) == []


def test_a_number_criterion_takes_zero_and_more(tree_dir: Path) -> None:
    framework = tree_dir / "framework.yaml"
    text = framework.read_text(encoding="utf-8").replace("review:", FRAMEWORK_CRITERION + "review:")
    framework.write_text(text, encoding="utf-8")
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + "criteria: {bedrag: 0}\n")
    assert found(tree_dir, RULE) == []
