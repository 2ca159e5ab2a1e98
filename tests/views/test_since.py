"""What changed since a revision, as a steering meeting reads it: one row per status change,
new map, improvement gone live and period whose volumes moved."""

from __future__ import annotations

from journeyctl.diff.changes import (
    Changed,
    ImprovementDiff,
    JourneyDiff,
    Revision,
    StepRenamed,
    StepsChanged,
    TreeDiff,
    VolumeChanged,
)
from journeyctl.views.cells import Cell
from journeyctl.views.since import since_view
from tests.views.conftest import prepared

PAY = "i-pay-my-bill"  # four steps now


def tree_diff(journeys: list[JourneyDiff], improvements: list[ImprovementDiff]) -> TreeDiff:
    return TreeDiff(
        Revision("v1", True, 0, 0, 4),
        Revision(None, True, 0, 0, 4),
        "en",
        journeys,
        improvements,
        [],
    )


def journey(change: str = "changed", *details: object, id_: str = PAY) -> JourneyDiff:
    return JourneyDiff(id_, "I pay my bill", change, "being", "billing", details=list(details))  # type: ignore[arg-type]


def shown(diff: TreeDiff, lang: str = "en") -> list[tuple[str, ...]]:
    view = since_view(diff, prepared().journeys, lang)  # type: ignore[arg-type]
    return [tuple(cell.text for cell in row) for row in view.table.rows]


def test_each_kind_in_its_order_with_before_and_now() -> None:
    diff = tree_diff(
        [
            journey(
                "changed",
                VolumeChanged("2025", 4000, 5000, 1200, 1000),
                Changed("status", "listed", "improving"),
                StepsChanged(
                    ["I get the bill", "I check the amount", "I pay", "I get a receipt"],
                    [],
                    [],
                    False,
                ),
            ),
            journey("added", VolumeChanged("2026-Q1", None, 100, None, 20), id_="i-move-house"),
        ],
        [
            ImprovementDiff(
                "one-tap-payment", "One-tap payment link", "changed", "experiment", "implemented"
            ),
            ImprovementDiff("explain-the-amount", "Explain why", "changed", "idea", "in-progress"),
            ImprovementDiff("new-live", "Live at once", "added", None, "implemented"),
            ImprovementDiff("edited", "Edited only", "changed", None, "implemented", ["title"]),
        ],
    )
    assert shown(diff) == [
        ("Status", "I pay my bill", "listed", "improving"),
        ("New map", "I pay my bill", "-", "4 steps"),
        ("Live", "One-tap payment link", "experiment", "implemented"),
        ("Live", "Live at once", "-", "implemented"),
        (
            "Volumes 2025",
            "I pay my bill",
            "customers 4,000; contacts 1,200",
            "customers 5,000; contacts 1,000",
        ),
        ("Volumes 2026-Q1", "I pay my bill", "-", "customers 100; contacts 20"),
    ]
    view = since_view(diff, prepared().journeys, "nl")
    assert view.table.title == "Wat er veranderde sinds v1"
    assert view.counts == {"status": 1, "mapped": 1, "live": 2, "volumes": 2}
    assert view.rows[0].name == Cell("I pay my bill", link="journeys/i-pay-my-bill")
    volumes = view.rows[-2].now
    assert [part.text for part in volumes.parts] == ["klanten 5.000", "contacten 1.000"]
    assert view.tables == (view.table,)


def test_a_new_map_had_no_steps_before() -> None:
    every = ["I get the bill", "I check the amount", "I pay", "I get a receipt"]
    mapped = [
        journey("added"),  # a new journey with steps
        journey("changed", StepsChanged(every, [], [], False)),
    ]
    not_mapped = [
        journey("changed", StepsChanged(every[1:], [], [], False)),  # it had one step already
        journey("changed", StepsChanged(every, ["Old step"], [], False)),  # steps replaced
        journey(
            "changed",
            StepsChanged(every[:3], [], [], False),
            StepRenamed(4, "A", "I get a receipt", 80),
        ),
        journey("removed"),
        journey("added", id_="i-move-house"),  # no steps now
        journey("changed", Changed("name", "a", "b")),
    ]
    for case in mapped:
        assert [row[0] for row in shown(tree_diff([case], []))] == ["New map"], case
    for case in not_mapped:
        assert shown(tree_diff([case], [])) == [], case


def test_nothing_to_say_stands_in_the_tables_place() -> None:
    view = since_view(tree_diff([journey("changed", Changed("owner", "a", "b"))], []), (), "en")
    assert (view.table.rows, view.table.empty) == ((), "Nothing changed in the framework since v1.")
    assert view.table.headers == ("Change", "Name", "Before", "Now")


def test_a_volume_that_became_an_estimate_is_marked_before_and_now() -> None:
    diff = tree_diff(
        [journey("changed", VolumeChanged("2025", 4000, 4000, 1200, 1200, (), ("contacts",)))],
        [],
    )
    assert shown(diff) == [
        (
            "Volumes 2025",
            "I pay my bill",
            "customers 4,000; contacts 1,200",
            "customers 4,000; contacts 1,200~",
        )
    ]
