"""JC208: two volume entries for one period."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import duplicate_period
from tests.checks.conftest import JOURNEY, found, write

RULE = duplicate_period.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"


def test_every_repeat_of_a_period_is_found_at_its_period(tree_dir: Path) -> None:
    volumes = (
        "volumes:\n"
        '  - {period: "2025", customers: 1, contacts: 1}\n'
        '  - {period: "2024", customers: 1, contacts: 1}\n'
        '  - {period: "2025", customers: 2, contacts: 2}\n'
    )
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + volumes)
    assert found(tree_dir, RULE) == [
        (FILE, 9, 14, "period '2025' has more than one volume entry; keep one")
    ]
