"""JC303: a journey name that looks like a scenario or a channel variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import variant_name
from tests.checks.conftest import found, write

RULE = variant_name.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"


def _journey_named(root: Path, name: str) -> None:
    text = f"id: vraag\nname: {name}\nphase: klant-zijn\ncluster: facturatie\nowner: jan\n"
    write(root, FILE, text)


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("Ik betaal - happy flow", "happy flow"),
        ("Ik betaal unhappy-flow", "unhappy-flow"),
        ("Ik betaal via de App", "via de App"),
        ("Ik bel telefonisch", "telefonisch"),
        ("Scenario twee", "Scenario"),
    ],
)
def test_a_variant_name_is_found_with_the_words_that_give_it_away(
    tree_dir: Path, name: str, match: str
) -> None:
    _journey_named(tree_dir, name)
    assert found(tree_dir, RULE) == [
        (
            FILE,
            2,
            7,
            f"name '{name}' looks like a scenario or channel variant ('{match}'); name the "
            "journey's essence and put variants in its steps and touchpoints",
        )
    ]


@pytest.mark.parametrize("name", ["Ik betaal mijn factuur", "Ik verhuis", "Appartement huren"])
def test_an_essential_name_passes(tree_dir: Path, name: str) -> None:
    _journey_named(tree_dir, name)
    assert found(tree_dir, RULE) == []
