"""Each of openpyxl's internals that reading a workbook uses (`openpyxl_private`) exists with
the shape used: a new openpyxl that changes one fails here, not in a user's import."""

from __future__ import annotations

import inspect
import io
import re
import warnings
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from journeyctl.inventory import openpyxl_private as xl
from tests.inventory import hostile
from tests.inventory.hostile import MAIN, inline, row, sheet_xml

SRC = Path(__file__).parents[2] / "src" / "journeyctl"


def _element(xml: str) -> Any:
    return xl.fromstring(xml.encode())


def _parser(cell: Any = None, *, dates: frozenset[int] = frozenset()) -> xl.RowParser:
    return xl.RowParser(
        io.BytesIO(b""),
        ["gedeelde tekst"],
        epoch=datetime(1899, 12, 30),
        date_styles=dates,
        duration_styles={2},
        cell=cell or (lambda element, parsed: parsed),
    )


def test_worksheet_parser_is_in_the_private_reader_module_with_the_arguments_used() -> None:
    from openpyxl.worksheet._reader import WorkSheetParser

    assert issubclass(xl.RowParser, WorkSheetParser)
    parameters = inspect.signature(WorkSheetParser).parameters
    used = ["src", "shared_strings", "data_only", "epoch", "date_formats", "timedelta_formats"]
    assert list(parameters)[: len(used)] == used


def test_parse_row_gives_the_rows_number_and_its_cells_through_parse_cell() -> None:
    seen: list[str] = []

    def cell(element: Any, parsed: dict[str, Any]) -> dict[str, Any]:
        seen.append(element.get("r"))
        return parsed

    number, cells = _parser(cell, dates=frozenset({1, 2})).parse_row(
        _element(
            f'<row xmlns="{MAIN}" r="7">'
            '<c r="A7" t="s"><v>0</v></c><c r="B7"><v>2.5</v></c>'
            '<c r="C7" s="1"><v>45838</v></c><c r="D7" s="2"><v>1.5</v></c>'
            '<c r="E7" t="b"><v>1</v></c><c r="F7" t="e"><v>#N/A</v></c>'
            '<c r="H7"><f>A1+1</f></c></row>'
        )
    )
    assert number == 7
    assert seen == ["A7", "B7", "C7", "D7", "E7", "F7", "H7"]
    assert [(c["column"], c["value"], c["data_type"]) for c in cells] == [
        (1, "gedeelde tekst", "s"),
        (2, 2.5, "n"),
        (3, datetime(2025, 6, 30), "d"),
        (4, timedelta(days=1.5), "d"),
        (5, True, "b"),
        (6, "#N/A", "e"),
        (8, None, "n"),  # data_only: a formula without a stored value has none
    ]


def test_parse_row_counts_rows_and_columns_a_file_leaves_unnumbered() -> None:
    parser = _parser()
    parser.parse_row(_element(f'<row xmlns="{MAIN}" r="3"><c><v>1</v></c></row>'))
    number, cells = parser.parse_row(_element(f'<row xmlns="{MAIN}"><c/><c><v>2</v></c></row>'))
    assert (number, [c["column"] for c in cells]) == (4, [1, 2])


def _workbook(tmp_path: Path) -> zipfile.ZipFile:
    path = hostile.write_xlsx(
        tmp_path / "w.xlsx",
        [sheet_xml([row(1, [inline("a")]).encode()])],
        shared_strings=[f'<sst xmlns="{MAIN}"><si><t>x</t></si></sst>'.encode()],
        properties='date1904="1"',
    )
    return zipfile.ZipFile(path)


def test_manifest_names_the_workbook_and_the_shared_strings(tmp_path: Path) -> None:
    with _workbook(tmp_path) as archive:
        root: Any = xl.fromstring(archive.read(xl.ARC_CONTENT_TYPES))
        manifest: Any = xl.Manifest.from_tree(root)
        assert manifest.find(xl.XLSX).PartName == "/xl/workbook.xml"
        assert manifest.find(xl.SHARED_STRINGS).PartName == "/xl/sharedStrings.xml"
        assert manifest.find(xl.XLSM) is None


def test_workbook_parser_gives_the_epoch_and_the_sheets_with_their_parts(tmp_path: Path) -> None:
    with _workbook(tmp_path) as archive:
        parser = xl.WorkbookParser(archive, "xl/workbook.xml", keep_links=False)
        parser.parse()
        assert parser.wb.epoch == datetime(1904, 1, 1)
        ((sheet, relation),) = parser.find_sheets()
        assert (sheet.name, sheet.state) == ("Blad1", "visible")
        assert relation.target == "xl/worksheets/sheet1.xml"
        assert relation.Type.endswith("/worksheet")


def test_the_part_names_and_content_types() -> None:
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    macros = "application/vnd.ms-excel"
    names = [xl.ARC_CONTENT_TYPES, xl.ARC_WORKBOOK, xl.SHARED_STRINGS]
    assert names == ["[Content_Types].xml", "xl/workbook.xml", f"{sheet}.sharedStrings+xml"]
    types = [xl.XLSX, xl.XLTX, xl.XLSM, xl.XLTM]
    assert types == [
        f"{sheet}.sheet.main+xml",
        f"{sheet}.template.main+xml",
        f"{macros}.sheet.macroEnabled.main+xml",
        f"{macros}.template.macroEnabled.main+xml",
    ]


def test_number_formats_say_a_date_and_a_duration() -> None:
    assert xl.builtin_format_code(14) == "mm-dd-yy"
    assert xl.builtin_format_code(46) == "[h]:mm:ss"
    assert xl.is_date_format("dd-mm-yyyy") and not xl.is_date_format("0.00")
    assert xl.is_timedelta_format("[h]:mm:ss") and not xl.is_timedelta_format("dd-mm-yyyy")


def test_xml_is_parsed_by_defusedxml_which_refuses_entities() -> None:
    assert xl.defused() is True
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(Exception, match=r"(?i)entit"):
        xl.fromstring(bomb)
    with pytest.raises(Exception, match=r"(?i)entit"):
        list(xl.iterparse(io.BytesIO(bomb), events=("start", "end")))


def test_iterparse_gives_start_and_end_events() -> None:
    events = [
        (event, element.tag)
        for event, element in xl.iterparse(io.BytesIO(b"<a><b/></a>"), events=("start", "end"))
    ]
    assert events == [("start", "a"), ("start", "b"), ("end", "b"), ("end", "a")]


def test_openpyxl_is_imported_only_here_and_by_the_export() -> None:
    """The export uses openpyxl's documented API (Workbook, styles, utils); reading uses
    the internals, all through `openpyxl_private`."""
    importing = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if re.search(r"^\s*(from|import) openpyxl\b", path.read_text(encoding="utf-8"), re.M)
    }
    assert importing == {"inventory/openpyxl_private.py", "inventory/export.py"}


def test_a_number_past_the_last_date_in_a_date_format_is_an_error_value_with_a_warning() -> None:
    # `sheetparts` reads it back as the number the file holds, and `quiet` drops the warning
    with pytest.warns(UserWarning, match="outside the limits for dates"):
        _, cells = _parser(dates=frozenset({1})).parse_row(
            _element(f'<row xmlns="{MAIN}" r="1"><c r="A1" s="1"><v>3000000</v></c></row>')
        )
    assert [(c["value"], c["data_type"]) for c in cells] == [("#VALUE!", "e")]


def _openpyxl_warns() -> None:
    from openpyxl import Workbook

    Workbook().active.title = "a title of more than 31 characters"  # type: ignore[union-attr]


def test_quiet_drops_openpyxls_warnings_and_no_other() -> None:
    with pytest.warns(UserWarning, match="Title is more than 31 characters"):
        _openpyxl_warns()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with xl.quiet():
            _openpyxl_warns()
            _parser(dates=frozenset({1})).parse_row(
                _element(f'<row xmlns="{MAIN}" r="1"><c r="A1" s="1"><v>3000000</v></c></row>')
            )
            warnings.warn("journeyctl's own", UserWarning, stacklevel=1)
    assert [str(warning.message) for warning in caught] == ["journeyctl's own"]
    with pytest.warns(UserWarning, match="Title is more than 31 characters"):
        _openpyxl_warns()  # as before, after the block
