"""Where new files go: a journey by the convention, the modeline's path relative to the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.write import journey_file, modeline


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("journeys/framework.yaml", "../schemas/framework.schema.json"),
        ("journeys/a/b/c.yaml", "../../../schemas/framework.schema.json"),
        ("c.yaml", "schemas/framework.schema.json"),
    ],
)
def test_the_modeline_points_at_the_schema_relative_to_the_file(file: str, expected: str) -> None:
    assert modeline("framework", Path(file), Path("schemas")) == (
        f"yaml-language-server: $schema={expected}"
    )


def test_the_conventional_path() -> None:
    assert journey_file("klant-zijn", "factuur", "ik-betaal") == "klant-zijn/factuur/ik-betaal.yaml"
