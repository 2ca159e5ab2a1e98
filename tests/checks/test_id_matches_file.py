"""JC202: a journey's or improvement's id differs from its file name."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import id_matches_file
from tests.checks.conftest import JOURNEY, found, write

RULE = id_matches_file.RULE.id


def test_an_id_other_than_the_file_name_says_both_fixes(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/facturatie/vraag.yaml", JOURNEY.format(id="andere-vraag"))
    assert found(tree_dir, RULE) == [
        (
            "klant-zijn/facturatie/vraag.yaml",
            1,
            5,
            "id 'andere-vraag' differs from the file name 'vraag.yaml'; "
            "rename the file to 'andere-vraag.yaml' or set id: vraag",
        )
    ]


def test_improvements_are_checked_too(tree_dir: Path) -> None:
    text = (tree_dir / "improvements/betaallink.yaml").read_text(encoding="utf-8")
    write(tree_dir, "improvements/link.yaml", text)
    assert [(file, line) for file, line, _, _ in found(tree_dir, RULE)] == [
        ("improvements/link.yaml", 1)
    ]
