"""Import on the small test tree: the plan, the writes, the refusals, the guarantees."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pytest

from journeyctl.framework import check
from journeyctl.inventory import importing
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.importing import ImportOptions, apply_plan, read_import
from journeyctl.write import WriteError
from tests.inventory import hostile
from tests.inventory.conftest import FIXTURES, snapshot
from tests.inventory.hostile import row, sheet_xml

HAND_WRITTEN = """\
# Hand-written: the comments, the flow style and the blank line must survive an import.
id: ik-betaal
name: Ik betaal mijn factuur   # the name customers use
phase: klant-zijn
cluster: facturatie
owner: jan
team: [facturatie]
personas: [gezin]
status: listed
contact_reasons: [factuur-vraag]
follows: [ik-meld-me-aan]

volumes:
  - {period: "2025", customers: 1000, contacts: 200}   # from the CRM
criteria: {strategisch: 4, regelgeving: yes}
kpis:
  nps:
    baseline: {value: -5, date: 2025-01-31}
    target: 20
    measurements:
      - {date: 2025-06-30, value: 3}
steps:
  - name: Ik ontvang de factuur
  - name: Ik betaal
"""


def _import(root: Path, name: str, **options: object) -> importing.ImportResult:
    return read_import(FIXTURES / name, check(root), ImportOptions(**options))  # type: ignore[arg-type]


def test_the_messy_workbook_plans_what_a_consultant_means(tree_dir: Path) -> None:
    result = _import(tree_dir, "messy.xlsx", estimates=True)
    plan = result.plan
    assert result.kind == "inventory"
    assert (result.sheets_read, result.sheets_not_read) == (["Klantenservice"], ["Toelichting"])
    assert result.ignored_columns == []  # Opmerkingen: notes, kept on each journey
    # two "Totaal" rows, one blank row; n.b. twice, onbekend and ? once each
    assert (result.counts.subtotal_rows, result.counts.blank_rows) == (2, 1)
    assert result.counts.unknown_values == 4
    (created,) = plan.created
    assert created.relative == "klant-zijn/facturatie/ik-vraag-een-kopie-van-mijn-factuur.yaml"
    source = "    source: messy.xlsx, Klantenservice\n"
    assert f"customers: 4000\n    contacts: 1500\n{source}    estimated: [customers]" in created.new
    assert f"- period: '2024'\n    customers: 300\n    contacts: 90\n{source}" in created.new
    assert created.new.endswith(
        "notes:\n  - text: schatting\n    file: messy.xlsx\n    cell: Klantenservice!I7\n"
    )
    assert [c.journey for c in plan.updated] == ["ik-betaal"]
    assert plan.updated[0].details == [
        "volumes 2025 customers: 1,000 -> 1,200",
        "volumes 2025 source: - -> messy.xlsx, Klantenservice",
        "notes: + 'geteld' (Klantenservice!I6)",
    ]
    assert plan.unchanged == ["ik-meld-me-aan"]


def test_an_update_keeps_every_other_byte_of_a_hand_written_file(tree_dir: Path) -> None:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    journey.write_text(HAND_WRITTEN, encoding="utf-8")
    result = _import(tree_dir, "messy.xlsx", estimates=True)
    apply_plan(tree_dir, result.plan)
    # The changed volume names the sheet as its source; the note is added last.
    expected = HAND_WRITTEN.replace(
        "customers: 1000, contacts: 200}   # from the CRM",
        "customers: 1200, contacts: 200, source: 'messy.xlsx, Klantenservice'} # from the CRM",
    )
    expected += "notes:\n  - text: geteld\n    file: messy.xlsx\n    cell: Klantenservice!I6\n"
    assert journey.read_text(encoding="utf-8") == expected
    assert check(tree_dir).usable


def test_a_second_import_changes_nothing(tree_dir: Path) -> None:
    apply_plan(tree_dir, _import(tree_dir, "messy.xlsx", estimates=True).plan)
    before = snapshot(tree_dir)
    again = _import(tree_dir, "messy.xlsx", estimates=True)
    assert again.plan.changes == []
    assert sorted(again.plan.unchanged) == [
        "ik-betaal",
        "ik-meld-me-aan",
        "ik-vraag-een-kopie-van-mijn-factuur",
    ]
    assert snapshot(tree_dir) == before


def test_an_estimate_is_refused_with_its_cell_unless_asked_for(tree_dir: Path) -> None:
    with pytest.raises(Refused) as refused:
        _import(tree_dir, "messy.xlsx")
    assert [str(p) for p in refused.value.problems] == [
        "Klantenservice!G7: 'ca. 4.000' is an estimate; write the counted number, or import "
        "with --estimates to store it marked estimated"
    ]


def test_bad_cells_are_each_refused_with_their_cell(tree_dir: Path) -> None:
    with pytest.raises(Refused) as refused:
        _import(tree_dir, "bad_cells.xlsx")
    assert [(p.where, p.message.split(";")[0]) for p in refused.value.problems] == [
        ("Inventaris!D2", "the error value #DIV/0! is not a number"),
        ("Inventaris!D3", "'10-15k' is a range, not a number"),
        ("Inventaris!E3", "-5 is negative"),
        ("Inventaris!D4", "'veel' is not a number"),
    ]


def test_a_formula_never_calculated_is_refused(tree_dir: Path) -> None:
    with pytest.raises(Refused, match=r"Sheet!D2: the formula =1000\+200 has no calculated"):
        _import(tree_dir, "uncalculated.xlsx")


NOT_CALCULATED = (
    "has no calculated value: the workbook was saved by a program that did not calculate its "
    "formulas; open and save it in Excel or LibreOffice first, then import it again"
)


def test_formulas_stored_as_0_by_a_program_are_refused_where_they_are_read(
    tree_dir: Path,
) -> None:
    # Read as their stored 0, they would set customers 1000 -> 0 and contacts 400 -> 0, and
    # keep the note 0. The formulas of the subtotal row are not read.
    with pytest.raises(Refused) as refused:
        _import(tree_dir, "formulas_not_calculated.xlsx")
    assert [str(problem) for problem in refused.value.problems] == [
        f"Inventaris!D2: the formula =1000+200 {NOT_CALCULATED}",
        f"Inventaris!F2: the formula =LEN(A2) {NOT_CALCULATED}",
        f"Inventaris!E3: the formula =D3*0.8 {NOT_CALCULATED}",
    ]


def test_a_header_that_is_a_formula_never_calculated_is_refused(tree_dir: Path) -> None:
    header = [*map(hostile.inline, hostile.HEADER), '<c><f>"Klanten "&amp;2025</f><v>0</v></c>']
    rows = [row(1, header).encode(), row(2, map(hostile.inline, hostile.ROW)).encode()]
    path = hostile.write_xlsx(
        tree_dir.parent / "h.xlsx", [sheet_xml(rows)], calculation='fullCalcOnLoad="1"'
    )
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(problem) for problem in refused.value.problems] == [
        f'Blad1!D1: the formula ="Klanten "&2025 {NOT_CALCULATED}'
    ]


def test_a_1904_workbook_dates_its_measurements_from_1904(tree_dir: Path) -> None:
    # a date cell, a serial number and a serial number as text, each counted from 1904-01-01
    (change,) = _import(tree_dir, "dates_1904.xlsx").plan.changes
    assert change.details == [
        "kpis nps 2025-06-30: 3 -> 7",
        "kpis nps 2025-09-30: new, 9",
        "kpis nps 2025-12-31: new, 12",
    ]


def test_unknown_phase_cluster_and_owner_are_refused_or_added(tree_dir: Path) -> None:
    sheet = tree_dir.parent / "nieuw.csv"
    sheet.write_text(
        "Klantreis;Fase;Cluster;Eigenaar\nIk zeg op;Klant blijven;Ik zeg op;Piet Pieters\n",
        encoding="utf-8",
    )
    with pytest.raises(Refused) as refused:
        read_import(sheet, check(tree_dir), ImportOptions())
    assert [p.where for p in refused.value.problems] == ["nieuw.csv!B2", "nieuw.csv!D2"]
    result = read_import(sheet, check(tree_dir), ImportOptions(add_missing=True))
    framework = result.plan.framework
    assert framework is not None
    assert framework.details == [
        "add phase klant-blijven (Klant blijven)",
        "add cluster ik-zeg-op (Ik zeg op)",
        "add owner piet-pieters (Piet Pieters)",
    ]
    apply_plan(tree_dir, result.plan)
    assert check(tree_dir).usable
    assert (tree_dir / "klant-blijven/ik-zeg-op/ik-zeg-op.yaml").is_file()


def test_a_refused_import_leaves_the_tree_byte_identical(tree_dir: Path) -> None:
    before = snapshot(tree_dir)
    with pytest.raises(Refused):
        _import(tree_dir, "bad_cells.xlsx")
    assert snapshot(tree_dir) == before


def test_a_crash_while_writing_leaves_every_file_old_or_new(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _import(tree_dir, "messy.xlsx", estimates=True).plan
    assert len(plan.changes) == 2
    before = snapshot(tree_dir)
    real = Path.replace
    renamed: list[str] = []

    def crash_on_second(self: Path, target: Path) -> Path:
        renamed.append(str(target))
        if len(renamed) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", crash_on_second)
    with pytest.raises(WriteError):
        apply_plan(tree_dir, plan)
    assert snapshot(tree_dir) == before  # the first file was put back


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot sync a folder")
def test_an_import_syncs_each_file_and_each_folder_once(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _import(tree_dir, "messy.xlsx", estimates=True).plan
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    apply_plan(tree_dir, plan)
    folders = {(tree_dir / change.relative).parent for change in plan.changes}
    assert (len(plan.changes), len(folders)) == (2, 1)
    assert len(synced) == len(plan.changes) + len(folders)


def test_measurements_from_a_survey_export(tree_dir: Path) -> None:
    result = _import(tree_dir, "metingen.csv")
    assert result.kind == "measurements"
    (change,) = result.plan.changes
    assert change.details == [
        "kpis nps 2025-06-30: 3 -> 7",
        "kpis nps 2025-06-30 n: - -> 312",
        "kpis nps 2025-06-30 source: - -> Enquête",
        "kpis nps 2025-12-31: new, 12.5",
        "kpis nps 2025-12-31 n: 280",
        "kpis nps 2025-12-31 source: Enquête",
    ]
    apply_plan(tree_dir, result.plan)
    text = (tree_dir / "klant-zijn/facturatie/ik-betaal.yaml").read_text(encoding="utf-8")
    assert "- {date: 2025-06-30, value: 7, n: 312, source: Enquête}" in text
    assert text.count("2025-06-30") == 1  # updated, not doubled
    assert _import(tree_dir, "metingen.csv").plan.changes == []


def test_a_measurement_outside_the_kpi_range_is_refused(tree_dir: Path) -> None:
    sheet = tree_dir.parent / "nps.csv"
    sheet.write_text("Klantreis,KPI,Datum,Waarde\nik-betaal,nps,2025-06-30,140\n", encoding="utf-8")
    with pytest.raises(Refused, match=r"nps.csv!D2: 140 is outside NPS's range \(-100 to 100\)"):
        read_import(sheet, check(tree_dir), ImportOptions())


@pytest.mark.slow
def test_a_csv_with_a_50_mb_line_is_refused_without_reading_it_all(tree_dir: Path) -> None:
    sheet = tree_dir.parent / "lang.csv"
    with sheet.open("w", encoding="utf-8") as file:
        file.write("Klantreis;Fase;Cluster\n" + "x" * (50 * 2**20) + "\n")
    with pytest.raises(Refused, match="line 2 is longer than 1024 KB"):
        read_import(sheet, check(tree_dir), ImportOptions())


def test_a_sheet_without_a_header_names_what_it_looks_for(tree_dir: Path) -> None:
    sheet = tree_dir.parent / "leeg.csv"
    shutil.copyfile(FIXTURES / "metingen.csv", sheet)
    with pytest.raises(Refused, match="journey, phase and cluster columns in its first 30 rows"):
        read_import(sheet, check(tree_dir), ImportOptions(kind="inventory"))


# One refusal lists every problem: the cells reading refuses and the names the plan does not
# know, in the order a person goes through the sheet. Each case: the CSV, then (cell, what).
ALL_AT_ONCE = {
    "inventory": (
        "Klantreis;Fase;Cluster;Klanten 2025;Contacten 2025\n"
        "Ik betaal mijn factuur;Klant zijn;facturatie;veel;10\n"
        "Ik vlieg;Klant vliegen;facturatie;100;10\n"
        "Ik meld me aan;Klant worden;aanmelden;#DEEL/0!;ca. 40\n"
        "Ik zeg op;Klant zijn;opzeggen;n.b.;n.b.\n",
        [
            ("bad.csv!D2", "'veel' is not a number"),
            ("bad.csv!B3", "unknown phase 'Klant vliegen'"),
            ("bad.csv!D4", "the error value #DEEL/0! is not a number"),
            ("bad.csv!E4", "'ca. 40' is an estimate"),
            ("bad.csv!C5", "unknown cluster 'opzeggen'"),
        ],
    ),
    "a refused cell beside an unknown phase on one row": (
        "Klantreis;Fase;Cluster;Eigenaar;Klanten 2025;Contacten 2025\n"
        "Ik vlieg;Klant vliegen;facturatie;Piet;10-15k;10\n",
        [
            ("bad.csv!B2", "unknown phase 'Klant vliegen'"),
            ("bad.csv!D2", "unknown owner 'Piet'"),
            ("bad.csv!E2", "'10-15k' is a range, not a number"),
        ],
    ),
    "measurements": (
        "Klantreis;KPI;Datum;Score\n"
        "ik-betaal;nps;gisteren;7\n"
        "ik-vlieg;nps;30-06-2025;veel\n"
        "ik-betaal;CES;30-06-2025;4\n"
        "ik-betaal;nps;31-12-2025;140\n",
        [
            ("bad.csv!C2", "'gisteren' is not a date"),
            ("bad.csv!A3", "unknown journey 'ik-vlieg'"),
            ("bad.csv!D3", "'veel' is not a number"),
            ("bad.csv!B4", "unknown KPI 'CES'"),
            ("bad.csv!D5", "140 is outside NPS's range (-100 to 100)"),
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), ALL_AT_ONCE.values(), ids=list(ALL_AT_ONCE))
def test_one_refusal_lists_every_problem_in_sheet_order(
    tree_dir: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    sheet = tree_dir.parent / "bad.csv"
    sheet.write_text(text, encoding="utf-8")
    before = snapshot(tree_dir)
    with pytest.raises(Refused) as refused:
        read_import(sheet, check(tree_dir), ImportOptions())
    assert [(p.where, p.message.split(";")[0]) for p in refused.value.problems] == expected
    assert snapshot(tree_dir) == before


def test_a_new_journey_file_opens_with_the_schema_line_of_journeyctl_new(tree_dir: Path) -> None:
    (created,) = _import(tree_dir, "messy.xlsx", estimates=True).plan.created
    assert created.new.startswith(
        "# yaml-language-server: $schema=../../../schemas/journey.schema.json\nid: ik-vraag-"
    )


def test_new_periods_and_measurements_go_where_they_belong_in_date_order(tree_dir: Path) -> None:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    journey.write_text(HAND_WRITTEN, encoding="utf-8")
    sheet = tree_dir.parent / "eerder.csv"
    sheet.write_text(
        "Klantreis;KPI;Datum;Score\nik-betaal;nps;31-03-2025;1\nik-betaal;nps;31-12-2025;9\n",
        encoding="utf-8",
    )
    apply_plan(tree_dir, read_import(sheet, check(tree_dir), ImportOptions()).plan)
    sheet.write_text(
        "Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n"
        "ik-betaal;Klant zijn;facturatie;2024;900;150\n",
        encoding="utf-8",
    )
    apply_plan(tree_dir, read_import(sheet, check(tree_dir), ImportOptions()).plan)
    expected = HAND_WRITTEN.replace(
        '  - {period: "2025"',
        "  - {period: '2024', customers: 900, contacts: 150, source: eerder.csv}\n"
        '  - {period: "2025"',
    ).replace(
        "      - {date: 2025-06-30, value: 3}\n",
        "      - {date: 2025-03-31, value: 1}\n"
        "      - {date: 2025-06-30, value: 3}\n"
        "      - {date: 2025-12-31, value: 9}\n",
    )
    assert journey.read_text(encoding="utf-8") == expected
    assert check(tree_dir).usable


def test_a_file_that_cannot_be_read_is_refused_in_one_line(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(path: Path, progress: object = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(importing, "read_xlsx", denied)
    with pytest.raises(Refused) as refused:
        _import(tree_dir, "messy.xlsx")
    assert [str(p) for p in refused.value.problems] == [
        "messy.xlsx: cannot read the file (Permission denied); check that you may read it"
    ]


def test_a_hidden_sheet_is_named_and_read_only_when_asked_for(tree_dir: Path) -> None:
    result = _import(tree_dir, "hidden_sheet.xlsx")
    assert (result.sheets_read, result.sheets_not_read) == (["Inventaris"], [])
    assert result.sheets_hidden == ["Oud"]
    assert result.plan.changes == [] and result.plan.unchanged == ["ik-betaal"]
    old = _import(tree_dir, "hidden_sheet.xlsx", sheet="Oud")
    assert (old.sheets_read, old.sheets_hidden) == (["Oud"], [])
    assert old.plan.updated[0].details == [
        "volumes 2025 customers: 1,000 -> 5",
        "volumes 2025 contacts: 200 -> 5",
        "volumes 2025 source: - -> hidden_sheet.xlsx, Oud",
    ]


def test_a_survey_export_opened_in_a_spreadsheet_reads_as_meant(tree_dir: Path) -> None:
    # Serial dates, Dutch numbers stored as text, trailing (non-breaking) spaces in the ids
    # and KPI names; the first two rows say the same thing twice.
    with pytest.raises(Refused) as refused:
        _import(tree_dir, "odd_measurements.xlsx")
    assert [str(p) for p in refused.value.problems] == [
        "Metingen!A3: duplicate measurement: Metingen!A2 has the same journey, KPI and date"
    ]
    sheet = tree_dir.parent / "eenmaal.csv"
    sheet.write_text(
        "Klantreis;KPI;Datum;Score;Aantal respondenten\n"
        "ik-betaal  ;nps ;45838;7;1.284\n"
        "Ik betaal mijn factuur\u00a0;NPS;46022;12,5;280\n",
        encoding="utf-8",
    )
    (change,) = read_import(sheet, check(tree_dir), ImportOptions()).plan.changes
    assert change.details == [
        "kpis nps 2025-06-30: 3 -> 7",
        "kpis nps 2025-06-30 n: - -> 1,284",
        "kpis nps 2025-12-31: new, 12.5",
        "kpis nps 2025-12-31 n: 280",
    ]


# Rows that say the same thing twice are refused at the second, whichever way they name
# the journey.
DUPLICATES = {
    "same row twice": "Ik betaal mijn factuur;Klant zijn;facturatie;2025;10;1\n" * 2,
    "by name and by id": (
        "Ik betaal mijn factuur;Klant zijn;facturatie;2025;10;1\n"
        "ik-betaal ;klant-zijn;facturatie;2025;12;1\n"
    ),
    "no volumes": "Ik betaal mijn factuur;Klant zijn;facturatie;;;\n" * 2,
}


@pytest.mark.parametrize("rows", DUPLICATES.values(), ids=list(DUPLICATES))
def test_a_duplicate_row_is_refused_at_its_cell(tree_dir: Path, rows: str) -> None:
    sheet = tree_dir.parent / "dubbel.csv"
    sheet.write_text("Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n" + rows, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(sheet, check(tree_dir), ImportOptions())
    (problem,) = refused.value.problems
    assert problem.where == "dubbel.csv!A3"
    assert problem.message.startswith("duplicate journey: dubbel.csv!A2 names it too")


NO_HEADER = (
    "no sheet has a header row with journey, phase and cluster columns (an inventory) or "
    "journey, KPI, date and value columns (measurements) in its first 30 rows; check the file, "
    "or the column names in docs/import-export.md"
)


def _hidden_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Blad"
    book.active.append(["Opmerking"])
    for name in ("Oud", "Ouder"):
        sheet = book.create_sheet(name)
        sheet.append(["Notitie"])
        sheet.sheet_state = "hidden"
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("options", "hint"),
    [
        ({}, "; hidden sheets are not read: Oud, Ouder (--sheet NAME reads one)"),
        ({"sheet": "Oud"}, "; hidden sheets are not read: Ouder (--sheet NAME reads one)"),
    ],
)
def test_a_workbook_without_a_header_names_its_hidden_sheets(
    tree_dir: Path, options: dict[str, str], hint: str
) -> None:
    path = _hidden_workbook(tree_dir.parent / "h.xlsx")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions(**options))  # type: ignore[arg-type]
    assert str(refused.value) == f"h.xlsx: {NO_HEADER}{hint}"


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        ("inventory", "journey, phase and cluster columns"),
        ("measurements", "journey, KPI, date and value columns"),
    ],
)
def test_a_sheet_without_the_header_of_its_kind_says_what_it_looks_for(
    tree_dir: Path, kind: str, what: str
) -> None:
    sheet = tree_dir.parent / "leeg.csv"
    sheet.write_text("Opmerking;Notitie\nx;y\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(sheet, check(tree_dir), ImportOptions(kind=kind))  # type: ignore[arg-type]
    assert str(refused.value) == (
        f"leeg.csv: no sheet has a header row with {what} in its first 30 rows; check the file, "
        "or the column names in docs/import-export.md"
    )


def test_a_failure_while_putting_files_back_tells_the_first_error_and_what_is_left(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _import(tree_dir, "messy.xlsx", estimates=True).plan
    real = Path.replace
    renamed: list[str] = []

    def fail_after_first(self: Path, target: Path) -> Path:
        renamed.append(str(target))
        if len(renamed) == 1:
            return real(self, target)
        raise OSError(errno.ENOSPC, "No space left on device")  # putting back fails too

    monkeypatch.setattr(Path, "replace", fail_after_first)
    with pytest.raises(WriteError) as raised:
        apply_plan(tree_dir, plan)
    first, second = (tree_dir / change.relative for change in plan.changes)
    assert str(raised.value) == (
        f"cannot write '{second}': No space left on device; fix that (free space, "
        "permissions, the folder) and run again; these files were written and could not be "
        f"put back: {first}"
    )
