"""JC204: a journey's cluster belongs to another phase than the journey's."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import cluster_phase
from tests.checks.conftest import found, write

RULE = cluster_phase.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"


def test_a_cluster_of_another_phase_is_named_with_both_fixes(tree_dir: Path) -> None:
    write(tree_dir, FILE, "id: vraag\nname: Vraag\nphase: klant-zijn\ncluster: aanmelden\n")
    assert found(tree_dir, RULE) == [
        (
            FILE,
            4,
            10,
            "cluster 'aanmelden' belongs to phase 'klant-worden', not 'klant-zijn'; "
            "set phase: klant-worden or pick a cluster of phase 'klant-zijn'",
        )
    ]


def test_an_unknown_phase_or_cluster_is_left_to_unknown_reference(tree_dir: Path) -> None:
    write(tree_dir, FILE, "id: vraag\nname: Vraag\nphase: elders\ncluster: aanmelden\n")
    write(
        tree_dir, "klant-zijn/facturatie/b.yaml", "id: b\nname: B\nphase: klant-zijn\ncluster: x\n"
    )
    assert found(tree_dir, RULE) == []


def test_a_journey_left_to_another_rule_does_not_end_the_check(tree_dir: Path) -> None:
    write(tree_dir, "klant-zijn/facturatie/a.yaml", "id: a\nname: A\nphase: elders\ncluster: c\n")
    write(tree_dir, FILE, "id: vraag\nname: Vraag\nphase: klant-zijn\ncluster: aanmelden\n")
    assert [file for file, *_ in found(tree_dir, RULE)] == [FILE]
