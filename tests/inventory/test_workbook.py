"""Reading workbooks: what a spreadsheet program saved, and one-line refusals of the rest."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from journeyctl.inventory import limits
from journeyctl.inventory.cells import ErrorValue, Refused, Uncalculated
from journeyctl.inventory.workbook import read_xlsx
from tests.inventory.conftest import FIXTURES


def test_merged_cells_fill_every_cell_they_span() -> None:
    _, sheet = read_xlsx(FIXTURES / "messy.xlsx")
    assert sheet.rows[3][4:8] == [2024, 2024, 2025, 2025]  # the years merged over two columns
    assert sheet.rows[4][0] == "Fase"  # merged over both header rows
    assert [sheet.rows[row][0] for row in (5, 6)] == ["Klant zijn", "Klant zijn"]


def test_formulas_read_as_their_cached_values() -> None:
    _, sheet = read_xlsx(FIXTURES / "messy.xlsx")
    assert sheet.rows[7][0] == "Totaal Klant zijn"
    assert sheet.rows[7][4:6] == [300, 90]  # SUM over n.b. and 300, and over n.b. and 90


def test_an_error_value_and_a_formula_never_calculated_are_kept_as_such() -> None:
    (sheet,) = read_xlsx(FIXTURES / "bad_cells.xlsx")
    assert sheet.rows[1][3] == ErrorValue("#DIV/0!")
    (sheet,) = read_xlsx(FIXTURES / "uncalculated.xlsx")
    assert sheet.rows[1][3] == Uncalculated("1000+200")


def test_a_million_formatted_empty_rows_end_at_the_data() -> None:
    rows_seen: list[int] = []
    (sheet,) = read_xlsx(FIXTURES / "million_rows.xlsx", rows_seen.append)
    assert len(sheet.rows) == 2
    # the sheet declares A1:H1048576 and holds formatted rows down to its last; reading stopped
    # after the run of empty rows
    assert len(rows_seen) <= 2 + limits.EMPTY_RUN + 1


# Each file of the wrong kind or damaged: the start of its one-line refusal, which says what
# the file is and (after the `;`) what to do.
HOSTILE = {
    "renamed_csv.xlsx": "this is not an .xlsx workbook; it reads like text: if it is a CSV",
    "truncated.xlsx": "this workbook is damaged or incomplete (a truncated download?); open it "
    "in Excel or LibreOffice, save it again as .xlsx",
    "encrypted.xlsx": "this workbook is protected with a password, which journeyctl cannot "
    "read; open it, save a copy as .xlsx without a password",
    "old_xls.xlsx": "this is an old Excel 97-2003 workbook (.xls) named .xlsx; open it",
    "ole_unknown.xlsx": "this is a password-protected workbook or an old .xls file",
    "ods.xlsx": "this is an OpenDocument file (.ods) named .xlsx; open it in LibreOffice, save",
    "empty.xlsx": "the file is empty (0 bytes)",
    "no_content_types.xlsx": "this is a zip archive but not an .xlsx workbook (it has no "
    "[Content_Types].xml); check that it is the file you meant",
    "damaged_sheet.xlsx": "cannot read sheet 'Inventaris': it is damaged (ParseError: unclosed "
    "token: line 2, column 0); open it in Excel or LibreOffice, save it again as .xlsx",
    "bad_crc.xlsx": "cannot read sheet 'Inventaris': it is damaged (error: Error -3 while "
    "decompressing data",
    "xml_bomb.xlsx": "cannot read this workbook (its XML declares entities",
    "zip_bomb.xlsx": "this workbook would unpack to 400 MB",
}


@pytest.mark.parametrize(("name", "says"), HOSTILE.items(), ids=list(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line(name: str, says: str) -> None:
    with pytest.raises(Refused) as refused:
        read_xlsx(FIXTURES / name)
    (problem,) = refused.value.problems
    assert problem.where == name
    assert problem.message.startswith(says), problem.message
    assert "\n" not in problem.message


def test_the_zip_directory_is_checked_before_anything_is_unpacked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_unpacking(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    with pytest.raises(Refused):
        read_xlsx(FIXTURES / "zip_bomb.xlsx")


def test_without_defusedxml_no_workbook_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(Refused, match="only with defusedxml installed"):
        read_xlsx(FIXTURES / "messy.xlsx")


def test_openpyxl_parses_with_defusedxml_here() -> None:
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


def test_a_file_past_the_size_limit_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 2 * 2**20)
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"PK\x03\x04" + bytes(3 * 2**20))
    with pytest.raises(Refused) as refused:
        read_xlsx(big)
    assert str(refused.value) == "big.xlsx: the file is 3 MB, more than the 2 MB journeyctl reads"
