"""Volumes written into journey files: new periods beside old ones, estimates marked and
unmarked, a new journey's file; and problems put in the order a person reads the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.framework import check
from journeyctl.inventory.cells import Problem, Refused, Sheet, Workbook
from journeyctl.inventory.importing import ImportOptions, in_sheet_order, read_import

BETAAL = "klant-zijn/facturatie/ik-betaal.yaml"
COUNTED = '{period: "2025", customers: 1000, contacts: 200}'
ESTIMATED = '{period: "2025", customers: 1000, contacts: 200, estimated: true}'
# A volume the import writes takes the file (and sheet) it came from as its source.
FROM_SHEET = (
    '{period: "2025", customers: 1000, contacts: 200, source: d.csv, estimated: [customers]}'
)
HEADER = "Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n"
ROW = "Ik betaal mijn factuur;Klant zijn;facturatie"

# (the volume in the file, the CSV, --estimates, the details, the volume lines written)
CASES = {
    "an estimate marks the value it estimates, not the other": (
        COUNTED, f"{HEADER}{ROW};2025;ca. 1.000;200\n", True,
        ["volumes 2025 source: - -> d.csv", "volumes 2025: customers now marked estimated"],
        [f"  - {FROM_SHEET}"],
    ),
    "two estimates mark both": (
        COUNTED, f"{HEADER}{ROW};2025;ca. 1.000;± 200\n", True,
        ["volumes 2025 source: - -> d.csv", "volumes 2025: customers and contacts now marked estimated"],
        ['  - {period: "2025", customers: 1000, contacts: 200, source: d.csv, '
         'estimated: [customers, contacts]}'],
    ),
    "a counted number replaces its estimate; the other, unchanged, stays estimated": (
        ESTIMATED, f"{HEADER}{ROW};2025;1100;200\n", False,
        ["volumes 2025 customers: 1,000 -> 1,100", "volumes 2025 source: - -> d.csv"],
        ['  - {period: "2025", customers: 1100, contacts: 200, source: d.csv, estimated: [contacts]}'],
    ),
    "counted numbers replace both estimates": (
        ESTIMATED, f"{HEADER}{ROW};2025;1100;210\n", False,
        ["volumes 2025 customers: 1,000 -> 1,100", "volumes 2025 contacts: 200 -> 210",
         "volumes 2025 source: - -> d.csv"],
        ['  - {period: "2025", customers: 1100, contacts: 210, source: d.csv}'],
    ),
    "the same numbers counted leave the estimate": (
        ESTIMATED, f"{HEADER}{ROW};2025;1000;200\n", False, None, None,
    ),
    "the same numbers estimated again change nothing": (
        ESTIMATED, f"{HEADER}{ROW};2025;ca. 1.000;200\n", True, None, None,
    ),
    "a new period, then one there": (
        COUNTED,
        "Klantreis;Fase;Cluster;Klanten 2024;Contacten 2024;Klanten 2025;Contacten 2025\n"
        f"{ROW};5;1;1100;200\n",
        False,
        ["volumes 2024: new, customers 5, contacts 1", "volumes 2024 source: d.csv",
         "volumes 2025 customers: 1,000 -> 1,100", "volumes 2025 source: - -> d.csv"],
        ["  - {period: '2024', customers: 5, contacts: 1, source: d.csv}",
         '  - {period: "2025", customers: 1100, contacts: 200, source: d.csv}'],
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("volume", "text", "estimates", "details", "lines"), CASES.values(), ids=list(CASES)
)
def test_volumes_written(
    tree_dir: Path,
    volume: str,
    text: str,
    estimates: bool,
    details: list[str] | None,
    lines: list[str] | None,
) -> None:
    journey = tree_dir / BETAAL
    journey.write_text(journey.read_text(encoding="utf-8").replace(COUNTED, volume), "utf-8")
    path = tree_dir.parent / "d.csv"
    path.write_text(text, encoding="utf-8")
    changes = read_import(path, check(tree_dir), ImportOptions(estimates=estimates)).plan.changes
    if details is None:
        assert changes == []
        return
    (change,) = changes
    assert change.details == details
    assert [line for line in change.new.splitlines() if "period" in line] == lines


def test_a_new_journey_named_by_its_id_alone(tree_dir: Path) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text("Id;Fase;Cluster\nik-nieuw;Klant zijn;facturatie\n", encoding="utf-8")
    (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
    assert (change.relative, change.details) == ("klant-zijn/facturatie/ik-nieuw.yaml", [])
    assert "\nid: ik-nieuw\nname: ik-nieuw\nphase: klant-zijn\n" in change.new


def test_a_new_journey_whose_file_holds_another_is_refused(tree_dir: Path) -> None:
    journey = tree_dir / BETAAL
    squatter = tree_dir / "klant-zijn/facturatie/ik-nieuw.yaml"
    squatter.write_text(
        journey.read_text(encoding="utf-8").replace("id: ik-betaal", "id: ik-anders"), "utf-8"
    )
    path = tree_dir.parent / "d.csv"
    path.write_text(
        "Klantreis;Id;Fase;Cluster\nIk ben nieuw;ik-nieuw;Klant zijn;facturatie\n", "utf-8"
    )
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == [
        "d.csv!A2: klant-zijn/facturatie/ik-nieuw.yaml exists but does not hold journey "
        "'ik-nieuw'; rename that file or give the row an id"
    ]


def test_problems_in_the_order_a_person_reads_the_file() -> None:
    workbook = Workbook("w.xlsx", [Sheet("Eerste"), Sheet("data.csv")])
    found = [
        Problem("w.xlsx", "the file"),
        Problem("Tweede!A1", "a sheet not read"),
        Problem("data.csv!A3", "A3"),
        Problem("data.csv:3", "line 3"),
        Problem("Eerste!AA2", "AA2"),
        Problem("Eerste!B2", "B2"),
        Problem("Eerste!A2", "A2"),
        Problem("Eerste!Z2", "Z2"),
        Problem("Eerste!A1", "A1"),
        Problem("other.csv:1", "another file's line"),
    ]
    assert [p.message for p in in_sheet_order(found, workbook)] == [
        "A1", "A2", "B2", "Z2", "AA2", "line 3", "A3",
        "the file", "a sheet not read", "another file's line",
    ]  # fmt: skip
