"""JC308: a journey file whose folder disagrees with its phase and cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import folder_mismatch
from tests.checks.conftest import JOURNEY, found, write

RULE = folder_mismatch.RULE.id


def test_a_journey_in_another_phases_folder_says_where_to_move_it(tree_dir: Path) -> None:
    write(tree_dir, "klant-worden/aanmelden/vraag.yaml", JOURNEY.format(id="vraag"))
    assert found(tree_dir, RULE) == [
        (
            "klant-worden/aanmelden/vraag.yaml",
            4,
            10,
            "file is in 'klant-worden/aanmelden/' but the journey's phase/cluster is "
            "'klant-zijn/facturatie'; move it to klant-zijn/facturatie/vraag.yaml",
        )
    ]


def test_a_journey_in_its_phase_but_not_its_cluster_folder_is_found(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/vraag.yaml", JOURNEY.format(id="vraag"))
    assert [file for file, *_ in found(tree_dir, RULE)] == ["klant-zijn/vraag.yaml"]


@pytest.mark.parametrize(
    "place",
    [
        "vraag.yaml",  # at the root: no folder convention followed
        "archief/vraag.yaml",  # a folder that is no phase
        "klant-zijn/facturatie/2025/vraag.yaml",  # deeper than phase/cluster is fine
    ],
)
def test_files_outside_the_convention_or_deeper_pass(tree_dir: Path, place: str) -> None:
    write(tree_dir, place, JOURNEY.format(id="vraag"))
    assert found(tree_dir, RULE) == []


def test_an_inconsistent_placement_is_left_to_the_reference_checks(tree_dir: Path) -> None:
    text = "id: vraag\nname: Vraag\nphase: klant-zijn\ncluster: aanmelden\nowner: jan\n"
    write(tree_dir, "klant-worden/aanmelden/vraag.yaml", text)
    assert found(tree_dir, RULE) == []


@pytest.mark.parametrize(
    ("skipped", "text"),
    [
        ("archief/a.yaml", JOURNEY.format(id="a")),
        (
            "klant-worden/aanmelden/a.yaml",
            "id: a\nname: A\nphase: klant-zijn\ncluster: aanmelden\n",
        ),
    ],
)
def test_a_skipped_journey_does_not_end_the_check(tree_dir: Path, skipped: str, text: str) -> None:
    write(tree_dir, skipped, text)
    write(tree_dir, "klant-worden/aanmelden/vraag.yaml", JOURNEY.format(id="vraag"))
    assert [file for file, *_ in found(tree_dir, RULE)] == ["klant-worden/aanmelden/vraag.yaml"]
