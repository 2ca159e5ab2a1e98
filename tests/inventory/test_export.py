"""Export: the table for people, CSV for machines, and the round trip through import."""

from __future__ import annotations

import csv
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


# Names in framework.yaml, each replaced by text that a spreadsheet would run: every risky
# first character, in a phase, a cluster, an owner and the criteria (which are headers).
RISKY_FRAMEWORK = {
    "Klant worden": "-2+3",
    "Klant zijn": "@SUM(1)",
    "Ik word klant": "\t=1",
    "Ik ontvang en betaal de factuur": "\r=1+1",
    "Jan Jansen": '=cmd|"/c calc"!A0',
    "Strategisch belang": '=HYPERLINK("http://x.example","s")',
    "Regelgeving": "+regel",
}
RISKY_JOURNEYS = {
    "klant-zijn/facturatie/ik-betaal.yaml": ("Ik betaal mijn factuur", "=1+1"),
    "klant-worden/aanmelden/ik-meld-me-aan.yaml": ("Ik meld me aan", "@me"),
}
RISKY = [*RISKY_FRAMEWORK.values(), *(new for _, new in RISKY_JOURNEYS.values())]
FIRST = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def risky_tree(tree_dir: Path) -> Path:
    _replace(tree_dir / "framework.yaml", RISKY_FRAMEWORK)
    for path, (old, new) in RISKY_JOURNEYS.items():
        _replace(tree_dir / path, {old: new})
    assert check(tree_dir).usable
    return tree_dir


def _replace(path: Path, names: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in names.items():
        assert f"name: {old}\n" in text
        text = text.replace(f"name: {old}\n", f"name: {json.dumps(new)}\n")
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_cell_of_the_workbook_is_a_formula_headers_and_explanation_too(
    risky_tree: Path, lang: str
) -> None:
    table = export_table(check(risky_tree), None, lang)  # type: ignore[arg-type]
    workbook = load_workbook(io.BytesIO(export_bytes(table, "xlsx")))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert [text for text in texts if text.startswith(FIRST)] == []
    shown = {text for text in texts if text.startswith("'")}
    # XML reads a carriage return back as a line feed (openpyxl writes it as it is)
    assert {"'" + text.replace("\r", "\n") for text in RISKY} <= shown
    header = [cell.value for cell in workbook.worksheets[0][1]]
    assert header[-2:] == ["'" + RISKY_FRAMEWORK["Strategisch belang"], "'+regel"]
    weights = [row[0] for row in workbook.worksheets[1].iter_rows(values_only=True)]
    assert {"'" + RISKY_FRAMEWORK["Strategisch belang"], "'+regel"} <= set(weights)


def test_no_field_of_the_csv_starts_a_formula(risky_tree: Path) -> None:
    text = export_bytes(export_table(check(risky_tree), None, None), "csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert [field for row in rows for field in row if field.startswith(FIRST)] == []
    assert [row[1] for row in rows[1:]] == ["'=1+1", "'@me"]


@pytest.mark.parametrize("output_format", ["xlsx", "csv"])
def test_a_risky_framework_exports_and_imports_back_unchanged(
    risky_tree: Path, output_format: str
) -> None:
    checked = check(risky_tree)
    exported = risky_tree.parent / f"export.{output_format}"
    exported.write_bytes(export_bytes(export_table(checked, None, None), output_format))  # type: ignore[arg-type]
    result = read_import(exported, checked, ImportOptions())
    assert result.plan.changes == []
    assert sorted(result.plan.unchanged) == ["ik-betaal", "ik-meld-me-aan"]
    # the criteria, whose headers were neutralised, are read, not ignored
    assert [c.split(" ", 1)[1] for c in result.ignored_columns] == (
        ["(Positie)", "(Status)", "(Contacten per klant)", "(Score)"]
        if output_format == "xlsx"
        else ["(rank)", "(status)", "(contact_rate)", "(score)"]
    )
