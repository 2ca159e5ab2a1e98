"""Export: the table for people, CSV for machines, and the round trip through import."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeyctl.framework import check
from journeyctl.inventory.export import export_bytes, export_table
from journeyctl.inventory.importing import ImportOptions, read_import

HOSTILE = '=HYPERLINK("x")'


@pytest.fixture
def hostile_tree(tree_dir: Path) -> Path:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(
        text.replace("name: Ik betaal mijn factuur", f"name: {json.dumps(HOSTILE)}"),
        encoding="utf-8",
    )
    return tree_dir


def test_the_workbook_is_made_for_people(tree_dir: Path) -> None:
    table = export_table(check(tree_dir), None, None)
    workbook = load_workbook(io.BytesIO(export_bytes(table, "xlsx")))
    sheet, explanation = workbook.worksheets
    assert (sheet.title, explanation.title) == ("Klantreizen", "Toelichting")
    assert [c.value for c in sheet[1]][:10] == [
        "Positie", "Klantreis", "Id", "Fase", "Cluster", "Eigenaar", "Status", "Periode",
        "Klanten", "Contacten",
    ]  # fmt: skip
    assert [c.value for c in sheet[2]][:10] == [
        1, "Ik betaal mijn factuur", "ik-betaal", "Klant zijn",
        "Ik ontvang en betaal de factuur", "Jan Jansen", "geïnventariseerd", "2025", 1000, 200,
    ]  # fmt: skip
    assert sheet["I2"].number_format == "#,##0"
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:O3")
    assert sheet.column_dimensions["E"].width == len("Ik ontvang en betaal de factuur") + 2
    texts = [row[0] for row in explanation.iter_rows(values_only=True)]
    assert "Zo ontstaat de score, periode 2025" in texts
    weights = {row[0]: row[1] for row in explanation.iter_rows(values_only=True) if row[0]}
    assert (weights["Klanten"], weights["Regelgeving"]) == (1.0, 0.5)


@pytest.mark.parametrize("output_format", ["xlsx", "csv"])
def test_export_then_import_changes_nothing_even_for_a_formula_name(
    hostile_tree: Path, output_format: str
) -> None:
    checked = check(hostile_tree)
    exported = hostile_tree.parent / f"export.{output_format}"
    exported.write_bytes(export_bytes(export_table(checked, None, "en"), output_format))  # type: ignore[arg-type]
    result = read_import(exported, checked, ImportOptions())
    assert result.plan.changes == []
    assert sorted(result.plan.unchanged) == ["ik-betaal", "ik-meld-me-aan"]


def test_a_formula_in_a_name_is_neutralised(hostile_tree: Path) -> None:
    table = export_table(check(hostile_tree), None, None)
    sheet = load_workbook(io.BytesIO(export_bytes(table, "xlsx"))).worksheets[0]
    assert sheet["B2"].value == "'" + HOSTILE
    assert sheet["B2"].data_type == "s"
    csv_line = export_bytes(table, "csv").decode("utf-8").splitlines()[1]
    assert csv_line.startswith('1,"\'=HYPERLINK(""x"")",ik-betaal,')


def test_csv_keeps_ids_and_plain_numbers(tree_dir: Path) -> None:
    text = export_bytes(export_table(check(tree_dir), "2025", None), "csv").decode("utf-8")
    header, first = text.splitlines()[:2]
    assert header.startswith("rank,journey,id,phase,cluster,owner,status,period,customers")
    assert first == (
        "1,Ik betaal mijn factuur,ik-betaal,klant-zijn,facturatie,jan,listed,2025,1000,200,"
        "false,0.2,85.7,4,true"
    )
