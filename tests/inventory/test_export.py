"""Export: the table for people, CSV for machines, and the round trip through import."""

from __future__ import annotations

import csv
import io
import json
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeyctl.framework import check
from journeyctl.inventory import export
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.export import (
    export_bytes,
    export_table,
    write_export,
)
from journeyctl.inventory.importing import ImportOptions, read_import
from journeyctl.write import WriteError

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
    assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", "A1:R3")
    assert [c.value for c in sheet[1]][-3:] == ["Fase-id", "Cluster-id", "Eigenaar-id"]
    assert [c.value for c in sheet[2]][-3:] == ["klant-zijn", "facturatie", "jan"]
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


def test_openpyxls_warnings_while_it_writes_are_dropped(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sheet's title of more than 31 characters makes openpyxl warn as the title is set.
    title = "Klantreizen van het testbedrijf, 2025"
    real = export.label
    monkeypatch.setattr(
        export, "label", lambda key, lang: title if key == "export.sheet" else real(key, lang)
    )
    table = export_table(check(tree_dir), None, None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = export_bytes(table, "xlsx")
    assert [str(warning.message) for warning in caught] == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert f'name="{title}"' in archive.read("xl/workbook.xml").decode("utf-8")


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
        "false,0.2,85.7,4,true,klant-zijn,facturatie,jan"
    )


def test_a_carriage_return_in_a_name_stays_inside_its_csv_field(tree_dir: Path) -> None:
    """The csv module quotes a line feed but not a carriage return alone, which a reader
    (import's too) takes for the end of the line: the row is quoted, and imports back."""
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(
        text.replace("name: Ik betaal mijn factuur", 'name: "Ik betaal\\rmijn factuur"'),
        encoding="utf-8",
    )
    checked = check(tree_dir)
    data = export_bytes(export_table(checked, None, None), "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert [row[1] for row in rows] == ["journey", "Ik betaal\rmijn factuur", "Ik meld me aan"]
    assert data.decode("utf-8").split("\n")[2].startswith("2,Ik meld me aan,")  # plain
    exported = tree_dir.parent / "export.csv"
    exported.write_bytes(data)
    result = read_import(exported, checked, ImportOptions())
    assert (result.plan.changes, result.rows) == ([], 2)


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
    assert header[-5:-3] == ["'" + RISKY_FRAMEWORK["Strategisch belang"], "'+regel"]
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
    # the criteria, whose headers were neutralised, are read, not ignored; so is the status
    assert [c.split(" ", 1)[1] for c in result.ignored_columns] == (
        ["(Positie)", "(Contacten per klant)", "(Score)"]
        if output_format == "xlsx"
        else ["(rank)", "(contact_rate)", "(score)"]
    )


@pytest.fixture
def unranked_tree(tree_dir: Path) -> Path:
    """The small tree and a journey with no volumes, which is not ranked."""
    (tree_dir / "klant-zijn/facturatie/ik-vraag.yaml").write_text(
        "id: ik-vraag\nname: Ik vraag iets\nphase: klant-zijn\ncluster: facturatie\n"
        "status: listed\n",
        encoding="utf-8",
    )
    return tree_dir


def test_the_csv_whole_an_unranked_journey_with_empty_fields(unranked_tree: Path) -> None:
    data = export_bytes(export_table(check(unranked_tree), None, None), "csv")
    assert data.decode("utf-8") == (
        "rank,journey,id,phase,cluster,owner,status,period,customers,contacts,estimated,"
        "contact_rate,score,strategisch,regelgeving,phase_id,cluster_id,owner_id\n"
        "1,Ik betaal mijn factuur,ik-betaal,klant-zijn,facturatie,jan,listed,2025,1000,200,"
        "false,0.2,85.7,4,true,klant-zijn,facturatie,jan\n"
        "2,Ik meld me aan,ik-meld-me-aan,klant-worden,aanmelden,jan,listed,2025,500,400,false,"
        "0.8,57.1,2,false,klant-worden,aanmelden,jan\n"
        ",Ik vraag iets,ik-vraag,klant-zijn,facturatie,,listed,,,,,,,,,klant-zijn,facturatie,\n"
    )


def test_the_header_is_bold_and_the_numbers_of_each_row_are_formatted(
    unranked_tree: Path,
) -> None:
    table = export_table(check(unranked_tree), None, None)
    sheet = load_workbook(io.BytesIO(export_bytes(table, "xlsx"))).worksheets[0]
    formats = ["General"] * 8 + ["#,##0", "#,##0", "General", "0.00", "0.0"] + ["General"] * 5
    assert [[c.number_format for c in row] for row in sheet.iter_rows()] == [
        ["General"] * 18,
        formats,
        formats,
        formats,
    ]
    assert [[c.font.b for c in row] for row in sheet.iter_rows()] == [
        [True] * 18,
        [False] * 18,
        [False] * 18,
        [False] * 18,
    ]
    assert [c.value for c in sheet[4]] == [None, "Ik vraag iets", "ik-vraag", "Klant zijn",
        "Ik ontvang en betaal de factuur", None, "geïnventariseerd"] + [None] * 8 + [
        "klant-zijn", "facturatie", None]  # fmt: skip


def _refusal(error: WriteError) -> tuple[str, str | None]:
    return str(error), getattr(error, "parameter", None)


def test_an_export_into_a_missing_folder_or_onto_a_folder_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "export.xlsx"
    with pytest.raises(WriteError) as refused:
        write_export(missing, b"x")
    assert _refusal(refused.value) == (
        f"cannot write '{missing}': the folder '{missing.parent}' does not exist; create it or "
        "write elsewhere",
        "out",
    )
    with pytest.raises(WriteError) as refused:
        write_export(tmp_path, b"x")
    assert _refusal(refused.value) == (
        f"cannot write '{tmp_path}': it is a folder; write a file",
        "out",
    )
    write_export(tmp_path / "export.csv", b"a,b\n")
    assert (tmp_path / "export.csv").read_bytes() == b"a,b\n"


@pytest.fixture
def varied_tree(unranked_tree: Path) -> Path:
    """Two periods, one of them estimated; a journey without owner; one without volumes."""
    betaal = unranked_tree / "klant-zijn/facturatie/ik-betaal.yaml"
    betaal.write_text(
        betaal.read_text(encoding="utf-8").replace(
            '  - {period: "2025", customers: 1000, contacts: 200}',
            '  - {period: "2024", customers: 900, contacts: 300, estimated: true}\n'
            '  - {period: "2025", customers: 1000, contacts: 200}',
        ),
        encoding="utf-8",
    )
    aanmelden = unranked_tree / "klant-worden/aanmelden/ik-meld-me-aan.yaml"
    text = aanmelden.read_text(encoding="utf-8")
    aanmelden.write_text(text.replace("owner: jan\n", "").replace('"2025"', '"2024"'), "utf-8")
    return unranked_tree


def test_the_table_of_a_period_in_english(varied_tree: Path) -> None:
    table = export_table(check(varied_tree), "2024", "en")
    assert (table.lang, table.period) == ("en", "2024")
    assert [(c.key, c.header, c.number_format) for c in table.columns] == [
        ("rank", "Rank", None), ("journey", "Journey", None), ("id", "Id", None),
        ("phase", "Phase", None), ("cluster", "Cluster", None), ("owner", "Owner", None),
        ("status", "Status", None), ("period", "Period", None),
        ("customers", "Customers", "#,##0"), ("contacts", "Contacts", "#,##0"),
        ("estimated", "Estimated", None), ("contact_rate", "Contacts per customer", "0.00"),
        ("score", "Score", "0.0"), ("strategisch", "Strategisch belang", None),
        ("regelgeving", "Regelgeving", None), ("phase_id", "Phase id", None),
        ("cluster_id", "Cluster id", None), ("owner_id", "Owner id", None),
    ]  # fmt: skip
    ids = ["klant-zijn", "facturatie"]
    assert table.rows == [
        [1, "Ik betaal mijn factuur", "ik-betaal", "Klant zijn", "Ik ontvang en betaal de factuur",
         "Jan Jansen", "listed", "2024", 900, 300, "yes", 0.3333, 92.9, 4, "yes", *ids, "jan"],
        [2, "Ik meld me aan", "ik-meld-me-aan", "Klant worden", "Ik word klant", None, "listed",
         "2024", 500, 400, "no", 0.8, 58.7, 2, "no", "klant-worden", "aanmelden", None],
        [None, "Ik vraag iets", "ik-vraag", "Klant zijn", "Ik ontvang en betaal de factuur", None,
         "listed", None, None, None, None, None, None, None, None, *ids, None],
    ]  # fmt: skip
    assert table.csv_rows == [
        [1, "Ik betaal mijn factuur", "ik-betaal", "klant-zijn", "facturatie", "jan", "listed",
         "2024", 900, 300, "true", 0.3333, 92.9, 4, "true", *ids, "jan"],
        [2, "Ik meld me aan", "ik-meld-me-aan", "klant-worden", "aanmelden", None, "listed",
         "2024", 500, 400, "false", 0.8, 58.7, 2, "false", "klant-worden", "aanmelden", None],
        [None, "Ik vraag iets", "ik-vraag", "klant-zijn", "facturatie", None, "listed", None,
         None, None, None, None, None, None, None, *ids, None],
    ]  # fmt: skip
    assert table.weights == [
        ("Customers", 1.0), ("Contacts", 1.0), ("Strategisch belang", 1.0), ("Regelgeving", 0.5)
    ]  # fmt: skip


def test_the_table_of_the_default_period_in_the_frameworks_language(varied_tree: Path) -> None:
    table = export_table(check(varied_tree), None, None)
    assert (table.lang, table.period) == ("nl", "2025")
    assert [c.header for c in table.columns][-8:] == [
        "Geschat", "Contacten per klant", "Score", "Strategisch belang", "Regelgeving",
        "Fase-id", "Cluster-id", "Eigenaar-id",
    ]  # fmt: skip
    assert table.rows[:2] == [
        [1, "Ik betaal mijn factuur", "ik-betaal", "Klant zijn", "Ik ontvang en betaal de factuur",
         "Jan Jansen", "geïnventariseerd", "2025", 1000, 200, "nee", 0.2, 100.0, 4, "ja",
         "klant-zijn", "facturatie", "jan"],
        [None, "Ik meld me aan", "ik-meld-me-aan", "Klant worden", "Ik word klant", None,
         "geïnventariseerd", None, None, None, None, None, None, 2, "nee", "klant-worden",
         "aanmelden", None],
    ]  # fmt: skip
    assert table.weights[:2] == [("Klanten", 1.0), ("Contacten", 1.0)]


def test_the_explanation_sheet(tree_dir: Path) -> None:
    table = export_table(check(tree_dir), None, "en")
    workbook = load_workbook(io.BytesIO(export_bytes(table, "xlsx")))
    assert workbook.sheetnames == ["Journeys", "Explanation"]
    sheet = workbook.worksheets[1]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["How the score is made, period 2025", None],
        [None, None],
        ["score = 100 \u00d7 Σ weight \u00d7 (value / highest value of all journeys) / Σ weight", None],
        ["Over customers, contacts and every criterion with a weight above 0; yes counts 1, no "
         "and an empty criterion 0. Contacts per customer = contacts / customers.", None],
        [None, None],
        ["Criterion", "Weight"],
        ["Customers", 1], ["Contacts", 1], ["Strategisch belang", 1], ["Regelgeving", 0.5],
        [None, None],
        ["journeyctl import reads the Journeys sheet back, not this one: change names, numbers, "
         "owners or statuses there and import the file.", None],
    ]  # fmt: skip
    bold = [[cell.font.b for cell in row] for row in sheet.iter_rows()]
    assert [index for index, row in enumerate(bold, start=1) if any(row)] == [1, 6]
    assert (bold[0], bold[5]) == ([True, False], [True, True])
    widths = (sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width)
    assert widths == (40, 12)


def test_without_a_period_the_explanation_says_so(tree_dir: Path) -> None:
    for path in tree_dir.glob("*/*/*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.split("volumes:")[0] + "criteria:" + text.split("criteria:")[1], "utf-8"
        )
    table = export_table(check(tree_dir), None, "en")
    assert table.period is None
    sheet = load_workbook(io.BytesIO(export_bytes(table, "xlsx"))).worksheets[1]
    assert sheet["A1"].value == "How the score is made, period -"


def test_compare_puts_the_other_period_beside_and_import_reads_both_back(tree_dir: Path) -> None:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace(
            '  - {period: "2025"',
            '  - {period: "2024", customers: 900, contacts: 300, estimated: [contacts]}\n'
            '  - {period: "2025"',
        ),
        encoding="utf-8",
    )
    checked = check(tree_dir)
    table = export_table(checked, "2025", None, compare="2024")
    headers = [c.header for c in table.columns]
    assert headers[8:15] == [
        "Klanten", "Contacten", "Geschat", "Klanten 2024", "Contacten 2024", "Geschat 2024",
        "Positie 2024",
    ]  # fmt: skip
    assert table.rows[0][8:15] == [1000, 200, "nee", 900, 300, "contacten", 1]
    assert table.rows[1][8:15] == [500, 400, "nee", None, None, None, None]
    assert [c.key for c in table.columns][11:15] == [
        "customers_2024", "contacts_2024", "estimated_2024", "rank_2024"
    ]  # fmt: skip
    for output_format in ("xlsx", "csv"):
        exported = tree_dir.parent / f"export.{output_format}"
        exported.write_bytes(export_bytes(table, output_format))  # type: ignore[arg-type]
        result = read_import(exported, checked, ImportOptions())
        assert result.plan.changes == [], output_format


def test_an_export_imported_into_another_framework_keeps_every_id(
    tree_dir: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "export.xlsx"
    exported.write_bytes(export_bytes(export_table(check(tree_dir), None, None), "xlsx"))
    other = tmp_path / "other"
    other.mkdir()
    (other / "framework.yaml").write_text(
        "name: Ander\nlanguage: nl\nphases:\n  - id: start\n    name: Start\n", "utf-8"
    )
    plan = read_import(exported, check(other), ImportOptions(add_missing=True)).plan
    framework = plan.framework
    assert framework is not None
    assert framework.details == [
        "add phase klant-zijn (Klant zijn)",
        "add phase klant-worden (Klant worden)",
        "add cluster facturatie (Ik ontvang en betaal de factuur)",
        "add cluster aanmelden (Ik word klant)",
        "add owner jan (Jan Jansen)",
    ]
    assert sorted(c.relative for c in plan.created) == [
        "klant-worden/aanmelden/ik-meld-me-aan.yaml",
        "klant-zijn/facturatie/ik-betaal.yaml",
    ]


def test_a_renamed_phase_cluster_or_owner_is_found_by_its_id_column(tree_dir: Path) -> None:
    """Renamed in framework.yaml since the export, the old name kept in its aliases: the
    name cell and the id cell name the same entry."""
    exported = tree_dir.parent / "export.xlsx"
    exported.write_bytes(export_bytes(export_table(check(tree_dir), None, None), "xlsx"))
    _rename_entries(tree_dir, aliases=True)
    assert read_import(exported, check(tree_dir), ImportOptions()).plan.changes == []


def test_a_renamed_entry_whose_old_name_is_no_alias_is_refused_at_the_name_cell(
    tree_dir: Path,
) -> None:
    """The old name in the name cell names no entry, the id beside it names one: a new
    owner written beside the old one's id reads the same, so neither is taken silently."""
    exported = tree_dir.parent / "export.xlsx"
    exported.write_bytes(export_bytes(export_table(check(tree_dir), None, None), "xlsx"))
    _rename_entries(tree_dir, aliases=False)
    with pytest.raises(Refused) as refused:
        read_import(exported, check(tree_dir), ImportOptions())
    # The phase's old name is still a spelling of its id (klant-zijn): found.
    assert [(p.where, str(p.message)) for p in refused.value.problems] == [
        (
            "Klantreizen!E2",
            "'Ik ontvang en betaal de factuur' is not the cluster that Klantreizen!Q2 names "
            "(facturatie, 'Factuur'): to give the journey a new cluster, clear Klantreizen!Q2 "
            "or write its id there (--add-missing adds it to framework.yaml); if 'Ik ontvang "
            "en betaal de factuur' is what 'Factuur' was called before a rename, write "
            "'Factuur' or add 'Ik ontvang en betaal de factuur' to its aliases in "
            "framework.yaml",
        ),
        (
            "Klantreizen!F2",
            "'Jan Jansen' is not the owner that Klantreizen!R2 names (jan, 'Jan de Vries') "
            "(also in F3): to give the journey a new owner, clear Klantreizen!R2 or write its "
            "id there (--add-missing adds it to framework.yaml); if 'Jan Jansen' is what 'Jan "
            "de Vries' was called before a rename, write 'Jan de Vries' or add 'Jan Jansen' to "
            "its aliases in framework.yaml",
        ),
    ]


def _rename_entries(root: Path, *, aliases: bool) -> None:
    framework = root / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    for old, new in (
        ("name: Klant zijn", "name: Bestaande klant"),
        ("name: Ik ontvang en betaal de factuur", "name: Factuur"),
        ("name: Jan Jansen", "name: Jan de Vries"),
    ):
        alias = f"\n    aliases: [{old.partition(': ')[2]}]" if aliases else ""
        text = text.replace(old, new + alias)
    framework.write_text(text, encoding="utf-8")
