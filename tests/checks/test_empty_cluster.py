"""JC301: a cluster with no journey, judged only when every journey file loaded."""

from __future__ import annotations

from pathlib import Path

from journeyctl.checks import empty_cluster
from tests.checks.conftest import found, write

RULE = empty_cluster.RULE.id
NEW_CLUSTER = "  - id: verhuizen\n    name: Ik verhuis\n    phase: klant-zijn\n"


def _add_cluster(root: Path) -> int:
    framework = root / "framework.yaml"
    text = framework.read_text(encoding="utf-8").replace(
        "contact_reasons:", NEW_CLUSTER + "contact_reasons:"
    )
    framework.write_text(text, encoding="utf-8")
    return text.splitlines().index("  - id: verhuizen") + 1


def test_a_cluster_without_journeys_says_how_to_fill_or_remove_it(tree_dir: Path) -> None:
    line = _add_cluster(tree_dir)
    assert found(tree_dir, RULE) == [
        (
            "framework.yaml",
            line,
            9,
            "cluster 'verhuizen' has no journeys; add one (phase: klant-zijn, "
            "cluster: verhuizen) or remove the cluster",
        )
    ]


def test_a_journey_in_the_cluster_fills_it(tree_dir: Path) -> None:
    _add_cluster(tree_dir)
    journey = (
        "id: ik-verhuis\nname: Ik verhuis\nphase: klant-zijn\ncluster: verhuizen\nowner: jan\n"
    )
    write(tree_dir, "klant-zijn/verhuizen/ik-verhuis.yaml", journey)
    assert found(tree_dir, RULE) == []


def test_no_coverage_is_judged_while_a_journey_file_did_not_load(tree_dir: Path) -> None:
    _add_cluster(tree_dir)
    write(tree_dir, "klant-zijn/verhuizen/ik-verhuis.yaml", "id: [broken\n")
    assert found(tree_dir, RULE) == []
