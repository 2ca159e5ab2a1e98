"""What the plan says of rows it refuses, in full: duplicate journeys and unknown names."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.framework import check
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.importing import ImportOptions, read_import

HEADER = "Klantreis;Fase;Cluster;Eigenaar;Periode;Klanten;Contacten\n"
BETAAL = "Ik betaal mijn factuur;Klant zijn;facturatie"
KEEP_ONE = "keep one row per journey and period"

# Two rows of one journey: (the rows, the refusal of the second, or None when both are read)
TWICE = {
    "another phase": (
        f"{BETAAL};;2025;10;1\nIk betaal mijn factuur;Klant worden;facturatie;;2024;10;1\n",
        f"d.csv!A3: duplicate journey: d.csv!A2 names it too (phase); {KEEP_ONE}",
    ),
    "another cluster and owner": (
        f"{BETAAL};jan;2025;10;1\nIk betaal mijn factuur;Klant zijn;aanmelden;Piet;2024;10;1\n",
        f"d.csv!A3: duplicate journey: d.csv!A2 names it too (cluster, owner); {KEEP_ONE}",
    ),
    "an owner on one row only, other periods": (f"{BETAAL};jan;2025;10;1\n{BETAAL};;2024;10;1\n", None),
    "volumes on the second row only": (f"{BETAAL};jan;;;\n{BETAAL};jan;2024;10;1\n", None),
    "volumes on the first row only": (f"{BETAAL};jan;2024;10;1\n{BETAAL};jan;;;\n", None),
    "no volumes on either": (
        f"{BETAAL};jan;;;\n{BETAAL};jan;;;\n",
        f"d.csv!A3: duplicate journey: d.csv!A2 names it too (the same journey); {KEEP_ONE}",
    ),
    "the same period": (
        f"{BETAAL};jan;2025;10;1\n{BETAAL};Jan Jansen;2025;12;1\n",
        f"d.csv!A3: duplicate journey: d.csv!A2 names it too (period 2025); {KEEP_ONE}",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("rows", "refusal"), TWICE.values(), ids=list(TWICE))
def test_two_rows_of_one_journey(tree_dir: Path, rows: str, refusal: str | None) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    if refusal is None:
        (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
        assert change.journey == "ik-betaal"
        return
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [refusal]


def test_two_rows_that_share_two_periods_name_both(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(
        "Klantreis;Fase;Cluster;Klanten 2024;Contacten 2024;Klanten 2025;Contacten 2025\n"
        f"{BETAAL};1;1;2;2\nik-betaal;Klant zijn;facturatie;1;1;2;2\n",
        encoding="utf-8",
    )
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [
        f"d.csv!A3: duplicate journey: d.csv!A2 names it too (period 2024, 2025); {KEEP_ONE}"
    ]


def _owners(tree: Path, count: int) -> None:
    framework = tree / "framework.yaml"
    owners = "".join(f"  - id: o{n}\n    name: Eigenaar {n}\n" for n in range(1, count))
    text = framework.read_text(encoding="utf-8")
    framework.write_text(
        text.replace(
            "owners:\n  - id: jan\n    name: Jan Jansen\n",
            f"owners:\n{owners}  - id: jan\n    name: Jan Jansen\n",
        ),
        encoding="utf-8",
    )


# The framework's names an unknown one is told to choose from: eight at most, then "...".
@pytest.mark.parametrize(
    ("owners", "known"),
    [
        (1, "Jan Jansen"),
        (
            8,
            "Eigenaar 1, Eigenaar 2, Eigenaar 3, Eigenaar 4, Eigenaar 5, Eigenaar 6, Eigenaar 7, Jan Jansen",
        ),
        (
            9,
            "Eigenaar 1, Eigenaar 2, Eigenaar 3, Eigenaar 4, Eigenaar 5, Eigenaar 6, Eigenaar 7, Eigenaar 8, ...",
        ),
    ],
)
def test_an_unknown_owner_is_told_the_known_ones(tree_dir: Path, owners: int, known: str) -> None:
    _owners(tree_dir, owners)
    path = tree_dir.parent / "d.csv"
    path.write_text(f"{HEADER}{BETAAL};Piet;2025;10;1\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [
        f"d.csv!D2: unknown owner 'Piet'; the framework has {known}: write one of those or add "
        "'Piet' to its aliases in framework.yaml, or import with --add-missing to add 'Piet' as "
        "a new owner"
    ]


def test_each_unknown_name_is_added_once_with_add_missing(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(
        f"{HEADER}Ik zeg op;Klant blijven;Ik zeg op;Piet Pieters;2025;1;1\n"
        "Ik verhuis;klant blijven;ik zeg op;piet pieters;2025;1;1\n",
        encoding="utf-8",
    )
    framework = read_import(path, check(tree_dir), ImportOptions(add_missing=True)).plan.framework
    assert framework is not None
    assert framework.details == [
        "add phase klant-blijven (Klant blijven)",
        "add cluster ik-zeg-op (Ik zeg op)",
        "add owner piet-pieters (Piet Pieters)",
    ]


def test_a_period_that_is_none_is_refused_at_its_cell(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(f"{HEADER}{BETAAL};jan;vorig jaar;10;1\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [
        "d.csv!E2: 'vorig jaar' is not a period; write 2025, 2025-Q3 or 2025-06"
    ]


def test_two_unknown_owners_are_both_added(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(
        f"{HEADER}{BETAAL};Piet;2025;10;1\nIk meld me aan;Klant worden;aanmelden;Kees;2025;5;1\n",
        encoding="utf-8",
    )
    framework = read_import(path, check(tree_dir), ImportOptions(add_missing=True)).plan.framework
    assert framework is not None
    assert framework.details == ["add owner piet (Piet)", "add owner kees (Kees)"]
