"""Criteria from an inventory: a scale of 1 to 5, yes or no, a number; the same value
written another way changes nothing. Also the KPI and response counts of measurements."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.framework import check
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.importing import ImportOptions, read_import

HEADER = "Klantreis;Fase;Cluster;Strategisch belang;Regelgeving;Kosten\n"
BETAAL = "Ik betaal mijn factuur;Klant zijn;facturatie"


@pytest.fixture
def costed_tree(tree_dir: Path) -> Path:
    """A number criterion, `kosten`, which ik-betaal has as 3.0."""
    framework = tree_dir / "framework.yaml"
    framework.write_text(
        framework.read_text(encoding="utf-8").replace(
            "review:", "  - id: kosten\n    name: Kosten\n    kind: number\n    weight: 0\nreview:"
        ),
        encoding="utf-8",
    )
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace(
            "criteria: {strategisch: 4, regelgeving: yes}",
            "criteria: {strategisch: 4, regelgeving: yes, kosten: 3.0}",
        ),
        encoding="utf-8",
    )
    return tree_dir


# a row: (the changes it makes, each as its details and the criteria line it writes) or the
# problems it is refused with
ROWS: dict[str, tuple[str, list[tuple[list[str], str]] | list[str]]] = {
    "the same, written as a whole number": (f"{BETAAL};4;ja;3", []),
    "a number with decimals": (
        f"{BETAAL};4;ja;2,5",
        [
            (
                ["criteria kosten: 3 -> 2.5"],
                "criteria: {strategisch: 4, regelgeving: yes, kosten: 2.5}",
            )
        ],
    ),
    "the scale's lowest": (
        f"{BETAAL};1;ja;3,0",
        [
            (
                ["criteria strategisch: 4 -> 1"],
                "criteria: {strategisch: 1, regelgeving: yes, kosten: 3.0}",
            )
        ],
    ),
    "the scale's highest": (
        f"{BETAAL};5;ja;3",
        [
            (
                ["criteria strategisch: 4 -> 5"],
                "criteria: {strategisch: 5, regelgeving: yes, kosten: 3.0}",
            )
        ],
    ),
    "a whole number with a decimal comma is whole": (
        "Ik meld me aan;Klant worden;aanmelden;2;nee;4,0",
        [(["criteria kosten: - -> 4"], "criteria: {strategisch: 2, regelgeving: no, kosten: 4}")],
    ),
    "below the scale": (
        f"{BETAAL};0;ja;3",
        ["d.csv!D2: '0' is not on the scale of 1 to 5; write a whole number 1-5"],
    ),
    "above the scale": (
        f"{BETAAL};6;ja;3",
        ["d.csv!D2: '6' is not on the scale of 1 to 5; write a whole number 1-5"],
    ),
    "an estimate on the scale": (
        f"{BETAAL};ca. 3;ja;3",
        ["d.csv!D2: 'ca. 3' is not on the scale of 1 to 5; write a whole number 1-5"],
    ),
    "not yes or no": (
        f"{BETAAL};4;misschien;3",
        ["d.csv!E2: 'misschien' is not yes or no; write ja or nee (yes or no)"],
    ),
    "a number that is none": (
        f"{BETAAL};4;ja;veel",
        ["d.csv!F2: 'veel' is not a number; write the number (n.b. where it is not known)"],
    ),
}


@pytest.mark.parametrize(("row", "expected"), ROWS.values(), ids=list(ROWS))
def test_criteria(costed_tree: Path, row: str, expected: list[object]) -> None:
    path = costed_tree.parent / "d.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    try:
        changes = read_import(path, check(costed_tree), ImportOptions()).plan.changes
    except Refused as refused:
        assert [str(problem) for problem in refused.problems] == expected
        return
    written = [
        (
            change.details,
            next(line for line in change.new.splitlines() if line.startswith("criteria")),
        )
        for change in changes
    ]
    assert written == expected


MEASUREMENTS = {
    "an unknown KPI": (
        "Klantreis;KPI;Datum;Score\nik-betaal;CES;30-06-2025;7\n",
        "d.csv!B2: unknown KPI 'CES'; use one of: NPS",
    ),
    "responses that are an estimate": (
        "Klantreis;KPI;Datum;Score;N\nik-betaal;nps;30-06-2025;7;ca. 300\n",
        "d.csv!E2: the number of responses is an estimate; write the count",
    ),
}


@pytest.mark.parametrize(("text", "problem"), MEASUREMENTS.values(), ids=list(MEASUREMENTS))
def test_measurements_refused(tree_dir: Path, text: str, problem: str) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [problem]


def test_a_framework_without_kpis_says_so(tree_dir: Path) -> None:
    framework = tree_dir / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("kpis:\n  - id: nps\n    name: NPS\n    min: -100\n    max: 100\n", ""), "utf-8")  # fmt: skip
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    journey.write_text(journey.read_text(encoding="utf-8").split("kpis:")[0], "utf-8")
    (tree_dir / "improvements/betaallink.yaml").unlink()  # it expects an NPS
    assert check(tree_dir).usable
    path = tree_dir.parent / "d.csv"
    path.write_text("Klantreis;KPI;Datum;Score\nik-betaal;NPS;30-06-2025;7\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [
        "d.csv!B2: unknown KPI 'NPS'; use one of: none"
    ]
