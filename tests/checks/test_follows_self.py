"""JC205: a journey that lists itself in `follows`."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import follows_self
from tests.checks.conftest import JOURNEY, found, write

RULE = follows_self.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"


def test_each_self_reference_is_a_finding_at_its_item(tree_dir: Path) -> None:
    follows = "follows: [ik-betaal, vraag]\n"
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + follows)
    assert found(tree_dir, RULE) == [
        (FILE, 6, 22, "journey 'vraag' lists itself in follows; remove it")
    ]
