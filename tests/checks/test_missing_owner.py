"""JC304: a journey without owner, unless it is retired."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import missing_owner
from tests.checks.conftest import found, write

RULE = missing_owner.RULE.id
BARE = "id: {id}\nname: Vraag\nphase: klant-zijn\ncluster: facturatie\n"


def test_a_journey_without_owner_is_named_at_its_id(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/facturatie/vraag.yaml", BARE.format(id="vraag"))
    assert found(tree_dir, RULE) == [
        (
            "klant-zijn/facturatie/vraag.yaml",
            1,
            5,
            "journey 'vraag' has no owner; add owner: <id> from framework.yaml",
        )
    ]


def test_a_retired_journey_needs_no_owner(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/facturatie/oud.yaml", BARE.format(id="oud") + "status: retired\n")
    assert found(tree_dir, RULE) == []
