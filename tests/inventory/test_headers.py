"""Header rows in full: which columns a header names, with which period, and what is said
of the ones it cannot read; and the sheets and files import reads."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from journeyctl.errors import UsageError
from journeyctl.framework import check
from journeyctl.inventory import importing
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.importing import ImportOptions, read_import
from tests.inventory import hostile
from tests.inventory.conftest import FIXTURES
from tests.inventory.hostile import inline, row, sheet_xml

BETAAL = "Ik betaal mijn factuur;Klant zijn;facturatie"
TOGETHER = "customers and contacts come together: add the other column or remove this one"

# The CSV: (the details of its one change and the ignored columns) or the problems
CASES: dict[str, tuple[str, tuple[list[str], list[str]] | list[str]]] = {
    "a header without rows": ("Klantreis;Fase;Cluster\n", ([], [])),
    "years in the last row are no group row": (
        f"Klantreis;Fase;Cluster;Periode;Klanten;Contacten\n{BETAAL};2025;2024;2020\n",
        (
            [
                "volumes 2025 customers: 1,000 -> 2,024",
                "volumes 2025 contacts: 200 -> 2,020",
                "volumes 2025 source: - -> d.csv",
            ],
            [],
        ),
    ),
    "a year on its own is ignored and named": (
        f"Klantreis;Fase;Cluster;2025\n{BETAAL};x\n",
        ([], ["d.csv!D (2025)"]),
    ),
    "a quarter in the header, words around it": (
        f"Klantreis;Fase;Cluster;Aantal klanten 2025 Q3;Aantal contacten 2025 q3\n{BETAAL};5;1\n",
        (["volumes 2025-Q3: new, customers 5, contacts 1", "volumes 2025-Q3 source: d.csv"], []),
    ),
    "a second column of the same": (
        f"Klantreis;Fase;Cluster;Klanten 2025;Contacten 2025;Klanten 2025\n{BETAAL};1;1;1\n",
        ["d.csv!F1: a second 'Klanten 2025' column (the first is d.csv!D1); keep one"],
    ),
    "the period above, from a group row": (
        f";;;2024\nKlantreis;Fase;Cluster;Klanten\n{BETAAL};5\n",
        [f"d.csv!D2: '2024 Klanten' has no contacts column beside it for 2024; {TOGETHER}"],
    ),
    "a period of its own wins over the one above": (
        f";;;2024;2024\nKlantreis;Fase;Cluster;Klanten 2025;Contacten\n{BETAAL};5;5\n",
        [
            f"d.csv!D2: 'Klanten 2025' has no contacts column beside it for 2025; {TOGETHER}",
            f"d.csv!E2: '2024 Contacten' has no customers column beside it for 2024; {TOGETHER}",
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=list(CASES))
def test_headers(tree_dir: Path, text: str, expected: object) -> None:
    path = tree_dir.parent / "d.csv"
    path.write_text(text, encoding="utf-8")
    try:
        result = read_import(path, check(tree_dir), ImportOptions())
    except Refused as refused:
        assert [str(p) for p in refused.problems] == expected
        return
    details = [d for change in result.plan.changes for d in change.details]
    assert (details, result.ignored_columns) == expected


@pytest.mark.parametrize(
    ("name", "what"),
    [("inventaris.xls", "an Excel 97-2003 workbook"), ("inventaris.foo", "a .foo file"),
     ("inventaris", "a file without suffix")],
)  # fmt: skip
def test_a_file_of_another_kind_is_a_usage_error(tree_dir: Path, name: str, what: str) -> None:
    path = tree_dir.parent / name
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError) as error:
        read_import(path, check(tree_dir), ImportOptions())
    assert str(error.value) == (
        f"'{path}' is {what}; journeyctl imports .xlsx workbooks and .csv files: save it as "
        "Excel Workbook (.xlsx) or CSV UTF-8 (.csv) and import that"
    )


def test_an_unreadable_file_without_a_reason_is_named_by_its_error(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(path: Path, progress: object = None) -> None:
        raise OSError(errno.EIO, None)

    monkeypatch.setattr(importing, "read_csv", fails)
    path = tree_dir.parent / "d.csv"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert str(refused.value) == (
        "d.csv: cannot read the file (OSError); check that you may read it"
    )


def test_progress_is_told_each_row_of_either_kind_of_file(tree_dir: Path) -> None:
    csv = tree_dir.parent / "d.csv"
    csv.write_text(f"Klantreis;Fase;Cluster\n{BETAAL}\n", encoding="utf-8")
    seen: list[int] = []
    read_import(csv, check(tree_dir), ImportOptions(), seen.append)
    read_import(FIXTURES / "hidden_sheet.xlsx", check(tree_dir), ImportOptions(), seen.append)
    assert seen == [1, 2, 1, 2, 1, 2]


@pytest.mark.parametrize("wanted", ["Oud", "oud", "OUD"])
def test_a_sheet_is_chosen_by_its_name_in_any_case(tree_dir: Path, wanted: str) -> None:
    result = read_import(FIXTURES / "hidden_sheet.xlsx", check(tree_dir), ImportOptions(sheet=wanted))  # fmt: skip
    assert result.sheets_read == ["Oud"]


def test_an_unknown_sheet_names_the_sheets_there_are(tree_dir: Path) -> None:
    with pytest.raises(UsageError) as error:
        read_import(FIXTURES / "hidden_sheet.xlsx", check(tree_dir), ImportOptions(sheet="Nieuw"))
    assert str(error.value) == "'Nieuw': no such sheet in hidden_sheet.xlsx; it has 'Inventaris', 'Oud'"  # fmt: skip


def test_the_first_sheet_read_decides_the_kind_of_the_others(tree_dir: Path) -> None:
    inventory = [row(1, map(inline, ["Klantreis", "Fase", "Cluster"])).encode(),
                 row(2, map(inline, ["Ik betaal mijn factuur", "Klant zijn", "facturatie"])).encode()]  # fmt: skip
    measurements = [row(1, map(inline, ["Klantreis", "KPI", "Datum", "Score"])).encode(),
                    row(2, map(inline, ["ik-betaal", "nps", "30-06-2025", "4"])).encode()]  # fmt: skip
    path = hostile.write_xlsx(tree_dir.parent / "k.xlsx", [sheet_xml(inventory), sheet_xml(measurements)])  # fmt: skip
    result = read_import(path, check(tree_dir), ImportOptions())
    assert (result.kind, result.sheets_read, result.sheets_not_read) == (
        "inventory",
        ["Blad1"],
        ["Blad2"],
    )


def test_a_note_beside_a_workbooks_table_is_not_held_to_its_header(tree_dir: Path) -> None:
    rows = [row(1, map(inline, ["Klantreis", "Fase", "Cluster"])).encode(),
            row(2, map(inline, ["Ik betaal mijn factuur", "Klant zijn", "facturatie", "", "let op"])).encode()]  # fmt: skip
    path = hostile.write_xlsx(tree_dir.parent / "n.xlsx", [sheet_xml(rows)])
    assert read_import(path, check(tree_dir), ImportOptions()).plan.unchanged == ["ik-betaal"]
