"""JC201: an id used twice, among journeys, improvements, or in a framework list."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import duplicate_id
from tests.checks.conftest import JOURNEY, found, write

RULE = duplicate_id.RULE.id


def test_a_second_journey_with_an_id_names_the_first(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/facturatie/zz/ik-betaal.yaml", JOURNEY.format(id="ik-betaal"))
    assert found(tree_dir, RULE) == [
        (
            "klant-zijn/facturatie/zz/ik-betaal.yaml",
            1,
            5,
            "id 'ik-betaal' is already used by klant-zijn/facturatie/ik-betaal.yaml; "
            "give one of them another id (and file name)",
        )
    ]


def test_a_second_improvement_with_an_id_is_found(tree_dir: Path) -> None:
    text = (tree_dir / "improvements/betaallink.yaml").read_text(encoding="utf-8")
    write(tree_dir, "improvements/zz/betaallink.yaml", text)
    assert [(file, line, column) for file, line, column, _ in found(tree_dir, RULE)] == [
        ("improvements/zz/betaallink.yaml", 1, 5)
    ]


def test_a_journey_and_an_improvement_may_share_an_id(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/facturatie/betaallink.yaml", JOURNEY.format(id="betaallink"))
    assert found(tree_dir, RULE) == []


def test_an_id_defined_twice_in_a_framework_list_is_found_at_the_second(tree_dir: Path) -> None:
    framework = tree_dir / "framework.yaml"
    text = framework.read_text(encoding="utf-8").replace(
        "teams:\n", "teams:\n  - id: facturatie\n    name: Nog eens\n"
    )
    framework.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    name: Facturatie")
    assert found(tree_dir, RULE) == [
        (
            "framework.yaml",
            line,
            9,
            "teams: id 'facturatie' is defined twice; remove or rename one",
        )
    ]
