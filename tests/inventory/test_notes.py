"""What a sheet says beside the numbers: a notes column kept on the journey, each note once,
with its file and cell; and where the volumes come from (the row's source, else the sheet)."""

from __future__ import annotations

from pathlib import Path

from journeyctl.framework import check
from journeyctl.inventory.importing import ImportOptions, apply_plan, read_import

JOURNEY = "klant-zijn/facturatie/ik-betaal.yaml"
ROW = "Ik betaal mijn factuur;Klant zijn;facturatie;2025"


def _csv(tree: Path, text: str) -> Path:
    path = tree.parent / "d.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_note_is_kept_with_its_file_and_cell_and_added_once(tree_dir: Path) -> None:
    path = _csv(
        tree_dir,
        "Klantreis;Fase;Cluster;Periode;Klanten;Contacten;Opmerkingen\n"
        f"{ROW};1000;200;Telling via CRM\n",
    )
    (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
    assert change.details == ["notes: + 'Telling via CRM' (d.csv!G2)"]
    assert change.new.endswith(
        "notes:\n  - text: Telling via CRM\n    file: d.csv\n    cell: d.csv!G2\n"
    )
    apply_plan(tree_dir, read_import(path, check(tree_dir), ImportOptions()).plan)
    # The row moved down a line: the same text is the same note.
    path = _csv(
        tree_dir,
        "Klantreis;Fase;Cluster;Periode;Klanten;Contacten;Opmerkingen\n\n"
        f"{ROW};1000;200;Telling via CRM\n",
    )
    assert read_import(path, check(tree_dir), ImportOptions()).plan.changes == []


def test_the_row_s_source_else_the_sheet_goes_with_the_figures_it_writes(tree_dir: Path) -> None:
    header = "Klantreis;Fase;Cluster;Periode;Klanten;Contacten;Bron\n"
    path = _csv(tree_dir, f"{header}{ROW};1100;200;Telefonie-rapport\n")
    (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
    assert (
        '{period: "2025", customers: 1100, contacts: 200, source: Telefonie-rapport}' in change.new
    )
    path = _csv(tree_dir, f"{header}{ROW};1100;200;\n")
    (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
    assert '{period: "2025", customers: 1100, contacts: 200, source: d.csv}' in change.new


def test_the_same_figures_keep_their_source(tree_dir: Path) -> None:
    journey = tree_dir / JOURNEY
    text = journey.read_text(encoding="utf-8").replace(
        "contacts: 200}", "contacts: 200, source: CRM}"
    )
    journey.write_text(text, encoding="utf-8")
    path = _csv(tree_dir, f"Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n{ROW};1000;200\n")
    assert read_import(path, check(tree_dir), ImportOptions()).plan.changes == []
    path = _csv(tree_dir, f"Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n{ROW};1000;210\n")
    (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
    assert change.details == [
        "volumes 2025 contacts: 200 -> 210",
        "volumes 2025 source: CRM -> d.csv",
    ]
