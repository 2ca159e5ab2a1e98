"""A file is read within bounds: what it holds is counted as it streams, and a file past a
bound is refused in one line, whatever it declares of itself.

Each shape of hostile workbook (tests/inventory/hostile.py) is made small here, against the
bound lowered to fit it, so that the test is quick and the count is exact: one more than the
bound is refused, the bound itself is read. The issue's two shapes meet the real bounds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.inventory import limits
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.csvfile import read_csv
from journeyctl.inventory.workbook import read_xlsx
from tests.inventory import hostile
from tests.inventory.conftest import snapshot

RESAVE = "open it in Excel or LibreOffice, save it again as .xlsx, and import that"
COPY = "copy the rows and columns with data into a new file and import that"
CELLS = "the file holds more than {} cells (empty ones count too: a formatted empty cell is in the file), more than journeyctl reads; " + COPY  # fmt: skip
ROWS = "the file holds more than {} rows (empty ones count too), more than journeyctl reads; split it into files of fewer rows and import each"  # fmt: skip
LONG = "a row or a text runs past 1 MB of XML, more than a spreadsheet writes (a cell holds at most 32,767 characters); " + RESAVE  # fmt: skip

Make = Callable[[Path], Path]
SHEETS = "this workbook has 4 sheets, more than the 3 journeyctl reads; copy the sheets with data into a new workbook and import that"  # fmt: skip


# name: (how the workbook is made, the bound, its value that refuses the file, its value
# that reads it (None: not read for another reason), the refusal). The inventory's two rows
# are six cells of three elements each (an inline text).
REFUSED: dict[str, tuple[Make, str, int, int | None, str]] = {
    "a row of more cells than a spreadsheet has columns": (
        lambda p: hostile.wide_row(p, 11),
        "MAX_ROW_CELLS", 10, 11,
        f"sheet 'Blad1': row 3 holds more than 10 cells, more than a spreadsheet has columns; {RESAVE}",
    ),
    "rows of formatted empty cells": (
        lambda p: hostile.empty_cells(p, rows=20, width=10),
        "MAX_CELLS", 225, 6 + 20 * 11,
        f"sheet 'Blad1': {CELLS.format(225)}",
    ),
    "many rows of one cell": (
        lambda p: hostile.tall(p, 30),
        "MAX_ROWS", 31, 32,
        f"sheet 'Blad1': {ROWS.format(31)}",
    ),
    "merged ranges that overlap, each over every row": (
        lambda p: hostile.merged_ranges(p, 5, rows=10),
        "MAX_CELLS", 12_815, 6 + 10 + 5 * 10 * 256,
        f"sheet 'Blad1': {CELLS.format('12,815')}",
    ),
    "more merged ranges than a sheet has": (
        lambda p: hostile.merged_ranges(p, 4, rows=1, ref="A3"),
        "MAX_MERGED_RANGES", 3, 4,
        f"sheet 'Blad1': the file has more than 3 merged ranges, more than journeyctl reads; unmerge the cells, or {COPY}",
    ),
    "one merged range over every row and column a sheet can have": (
        lambda p: hostile.deep_merge(p, 20),
        "MAX_CELLS", 5_145, 6 + 20 + 20 * 256,
        f"sheet 'Blad1': {CELLS.format('5,145')}",
    ),
    "more shared strings than the cells can use": (
        lambda p: hostile.shared_strings(p, 11),
        "MAX_SHARED_STRINGS", 10, 11,
        f"its shared strings hold more than 10 texts, more than journeyctl reads; {COPY}",
    ),
    "a cell of a text longer than a cell holds": (
        lambda p: hostile.long_text(p, 2 * 2**20),
        "MAX_STRETCH_BYTES", 2**20, 3 * 2**20,
        f"sheet 'Blad1': {LONG}",
    ),
    "a shared string longer than a cell holds": (
        lambda p: hostile.long_shared_string(p, 2 * 2**20),
        "MAX_STRETCH_BYTES", 2**20, 3 * 2**20,
        f"the shared strings: {LONG}",
    ),
    "megabytes of white space between two rows": (
        lambda p: hostile.gap(p, 2 * 2**20),
        "MAX_STRETCH_BYTES", 2**20, 3 * 2**20,
        f"sheet 'Blad1': {LONG}",
    ),
    "many sheets that are one part": (
        lambda p: hostile.many_sheets(p, 4), "MAX_SHEETS", 3, 4, SHEETS
    ),
    "many sheets, each a part": (
        lambda p: hostile.many_sheet_parts(p, 4), "MAX_SHEETS", 3, 4, SHEETS
    ),
    "a workbook.xml of megabytes": (
        lambda p: hostile.many_sheets(p, 50_000),
        "MAX_PART_BYTES", 2**20, None,  # then past MAX_SHEETS
        "its part xl/workbook.xml would unpack to 2 MB, more than the 1 MB journeyctl reads of it: it is not an inventory (a zip bomb?)",
    ),
    "more cell formats than a spreadsheet keeps": (
        lambda p: hostile.many_styles(p, 11),
        "MAX_CELL_FORMATS", 10, 11,
        f"its styles hold more than 10 cell formats, more than a spreadsheet keeps; {RESAVE}",
    ),
    "more XML elements than cells": (
        lambda p: hostile.many_styles(p, 40),
        "MAX_XML_ELEMENTS", 41, 42 + 2 + 2 + 6 * 3,
        f"the styles: the file's XML holds more than 41 elements (cells, their values, formatting), more than journeyctl reads; {COPY}",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("make", "bound", "refused", "read", "message"), REFUSED.values(), ids=list(REFUSED))  # fmt: skip
def test_a_file_past_a_bound_is_refused_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Make,
    bound: str,
    refused: int,
    read: int | None,
    message: str,
) -> None:
    path = make(tmp_path / "hostile.xlsx")
    monkeypatch.setattr(limits, bound, refused)
    with pytest.raises(Refused) as raised:
        read_xlsx(path)
    assert [str(problem) for problem in raised.value.problems] == [f"hostile.xlsx: {message}"]


AT_BOUND = {name: case for name, case in REFUSED.items() if case[3] is not None}


@pytest.mark.parametrize(("make", "bound", "refused", "read", "message"), AT_BOUND.values(), ids=list(AT_BOUND))  # fmt: skip
def test_the_same_file_at_the_bound_is_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Make,
    bound: str,
    refused: int,
    read: int,
    message: str,
) -> None:
    path = make(tmp_path / "hostile.xlsx")
    monkeypatch.setattr(limits, bound, read)
    assert read_xlsx(path)[0].rows[:2] == [hostile.HEADER, hostile.ROW]


# The issue's two shapes against the real bounds, each just past them (the files of the
# issue, 2.5 million cells in a row and 300,000 merged ranges, are refused at the same
# count: `python -m tests.inventory.hostile FOLDER` makes them): refused by the command in
# one line, nothing written.
ISSUE = {
    "one row of more cells than a spreadsheet has columns": (
        lambda p: hostile.wide_row(p, 16_385),
        "sheet 'Blad1': row 3 holds more than 16,384 cells, more than a spreadsheet has "
        f"columns; {RESAVE}",
    ),
    "overlapping merged ranges over 1,000 rows": (
        lambda p: hostile.merged_ranges(p, 4),
        f"sheet 'Blad1': {CELLS.format('1,000,000')}",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(("make", "message"), ISSUE.values(), ids=list(ISSUE))
def test_the_issues_workbooks_are_refused_and_nothing_is_written(
    tree_dir: Path, make: Make, message: str
) -> None:
    path = make(tree_dir.parent / "hostile.xlsx")
    before = snapshot(tree_dir)
    result = CliRunner().invoke(app, ["import", str(path), "--root", str(tree_dir), "--lang", "en"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"refused: hostile.xlsx: {message}\n"
        "error: hostile.xlsx was not imported; nothing was written\n"
    )
    assert snapshot(tree_dir) == before


# Rows the file leaves out are empty rows: held as such between two rows with data, and
# counted as rows; after more than EMPTY_RUN of them the data has ended only when no row
# with data follows.
@pytest.mark.parametrize(("row", "rows"), [(7, 7), (8, 8), (31, 31)])
def test_rows_left_out_are_empty_rows_of_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: int, rows: int
) -> None:
    monkeypatch.setattr(limits, "EMPTY_RUN", 5)
    monkeypatch.setattr(limits, "MAX_ROWS", 31)
    (sheet,) = read_xlsx(hostile.far_row(tmp_path / "far.xlsx", row))
    assert len(sheet.rows) == rows
    assert (sheet.rows[1], sheet.rows[-1]) == (hostile.ROW, [1])
    assert sheet.rows[2:-1] == [[]] * (rows - 3)


def test_a_value_far_below_the_data_is_refused_not_read_after_a_hundred_million_rows(
    tmp_path: Path,
) -> None:
    with pytest.raises(Refused) as refused:
        read_xlsx(hostile.far_row(tmp_path / "far.xlsx", 100_000_000))
    assert str(refused.value) == f"far.xlsx: sheet 'Blad1': {ROWS.format('200,000')}"


# A CSV file's lines and fields count as rows and cells: (the text, the bound lowered, its
# value, the refusal after the file's name).
CSV_REFUSED = {
    "more lines than rows are read": (
        "Klantreis;Fase;Cluster\n" + "a;b;c\n" * 6,
        "MAX_ROWS", 6,
        f"line 7: {ROWS.format(6)}",
    ),
    "blank lines count too": (
        "Klantreis;Fase;Cluster\n" + "\n" * 6,
        "MAX_ROWS", 6,
        f"line 7: {ROWS.format(6)}",
    ),
    "more fields than cells are read": (
        "Klantreis;Fase;Cluster;Eigenaar\n" + "a;b;c;\n" * 2,
        "MAX_CELLS", 11,
        f"line 3: {CELLS.format(11)}",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("text", "bound", "value", "message"), CSV_REFUSED.values(), ids=list(CSV_REFUSED))  # fmt: skip
def test_a_csv_file_past_a_bound_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, bound: str, value: int, message: str
) -> None:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(limits, bound, value)
    with pytest.raises(Refused) as refused:
        read_csv(path)
    assert [str(problem) for problem in refused.value.problems] == [f"data.csv: {message}"]
    monkeypatch.setattr(limits, bound, value + 1)
    assert read_csv(path).rows[0] == text.splitlines()[0].split(";")
