"""The parts of an .xlsx workbook that hold its cells, read within the file's `Budget`.

openpyxl's `load_workbook` parses the shared strings and the styles whole into objects (a
styles part of 2 MB costs half a minute and 300 MB), and its row parser holds a row of a
million cells in memory before it hands out the first. So only the small parts go to
openpyxl whole (the content types, workbook.xml and its relationships, each first checked
against `MAX_PART_BYTES`); the shared strings, the number formats of the styles and the
sheets' rows are streamed by `xmlstream.walk`, and openpyxl's parser turns each row's cells
into values (shared strings, numbers, dates by their style, yes/no, error values).

Values are the ones the spreadsheet program calculated and stored; a formula without a
stored value is kept as `Uncalculated`, an error value as `ErrorValue`. A workbook that asks
for its formulas to be calculated when it is opened (`fullCalcOnLoad`, as XlsxWriter, pandas
and openpyxl write every workbook) was saved by a program that does not calculate: the value
stored with each formula is a placeholder (0, or nothing), so there every formula is
`Uncalculated`. Dates count from the workbook's day 0 (the 1900 or the 1904 date system).

A sheet is read row by row and the read stops after `EMPTY_RUN` empty rows: the dimension a
sheet declares (`A1:H1048576` after someone formatted whole columns) is never believed.
Merged cells are read from the sheet's XML and filled in.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from journeyctl.inventory import limits
from journeyctl.inventory.cells import ErrorValue, Sheet, Uncalculated, Value
from journeyctl.inventory.limits import Budget
from journeyctl.inventory.words import Message, said
from journeyctl.inventory.xmlstream import Element, walk

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA = f"{MAIN}row", f"{MAIN}c", f"{MAIN}v", f"{MAIN}f"
_STRING, _TEXT, _RUN = f"{MAIN}si", f"{MAIN}t", f"{MAIN}r"
_FORMAT, _STYLE, _CELL_STYLES = f"{MAIN}numFmt", f"{MAIN}xf", f"{MAIN}cellXfs"
_CALCULATION = f"{MAIN}calcPr"
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet[\s/>]")
_MERGE_REF = re.compile(rb'\sref="([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?"')
_STYLES_PART = "xl/styles.xml"  # where Excel puts it, and openpyxl looks for it
# The styles' content type (ECMA-376 part 1): how a package whose parts have other names
# (`wtf/styles.xml`, `styles.xml`) says which part holds them.
_STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
# The namespace of Strict Open XML (ISO/IEC 29500 strict), which Excel writes when a file is
# saved as "Strict Open XML Spreadsheet": every element is named otherwise than in the
# transitional format that every other program writes and reads.
_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"

Progress = Callable[[int], None]  # told the number of each row read


@dataclass(frozen=True)
class SheetPart:
    name: str
    path: str  # in the zip
    hidden: bool


@dataclass
class Parts:
    """What reading the sheets needs from the rest of the workbook."""

    archive: zipfile.ZipFile
    sheets: list[SheetPart]
    epoch: datetime
    # The workbook asks for every formula to be calculated when it is opened: the values
    # stored with its formulas are placeholders.
    calculate_on_load: bool = False
    strings: list[str] = field(default_factory=list)
    date_styles: set[int] = field(default_factory=set)
    duration_styles: set[int] = field(default_factory=set)


def open_parts(archive: zipfile.ZipFile, budget: Budget) -> Parts:
    """The workbook's sheets, shared strings and date styles; Refused past a bound."""
    from journeyctl.inventory.openpyxl_private import (
        ARC_CONTENT_TYPES,
        SHARED_STRINGS,
        Manifest,
        WorkbookParser,
        fromstring,
    )

    root: Any = fromstring(_whole(archive, ARC_CONTENT_TYPES, budget))
    manifest: Any = Manifest.from_tree(root)
    workbook_part = _workbook_part(manifest)
    workbook_xml = _whole(archive, workbook_part, budget)
    if _STRICT in workbook_xml:
        raise budget.refuse(said("file.strict"))
    _count_sheets(workbook_xml, budget)
    folder, name = posixpath.split(workbook_part)  # its relationships, which openpyxl reads
    _check_whole(archive, posixpath.join(folder, "_rels", f"{name}.rels"), budget)
    parser = WorkbookParser(archive, workbook_part, keep_links=False)
    parser.parse()
    parts = Parts(
        archive,
        list(_sheet_parts(parser, archive)),
        parser.wb.epoch,
        _calculates_on_load(fromstring(workbook_xml)),
    )
    strings = manifest.find(SHARED_STRINGS)
    if strings is not None:
        parts.strings = _shared_strings(archive, strings.PartName[1:], budget)
    styles = _styles_part(manifest, archive)
    if styles is not None:
        parts.date_styles, parts.duration_styles = _date_styles(archive, styles, budget)
    return parts


def _workbook_part(manifest: Any) -> str:
    """The workbook's part as the content types name it (as openpyxl finds it)."""
    from journeyctl.inventory.openpyxl_private import ARC_WORKBOOK, XLSM, XLSX, XLTM, XLTX

    for content_type in (XLTM, XLTX, XLSM, XLSX):
        part = manifest.find(content_type)
        if part is not None:
            return str(part.PartName[1:])
    return ARC_WORKBOOK  # some programs leave its type to the default of .xml files


def _whole(archive: zipfile.ZipFile, name: str, budget: Budget) -> bytes:
    _check_whole(archive, name, budget)
    return archive.read(name)


def _check_whole(archive: zipfile.ZipFile, name: str, budget: Budget) -> None:
    """A part that is parsed whole, refused past `MAX_PART_BYTES` before it is unpacked."""
    size = archive.getinfo(name).file_size
    if size > limits.MAX_PART_BYTES:
        raise budget.refuse(
            said("limits.part", part=name, mb=size // 2**20, limit=limits.MAX_PART_BYTES // 2**20)
        )


def _calculates_on_load(workbook: Element) -> bool:
    """Whether workbook.xml asks for every formula to be calculated when the file is opened
    (`<calcPr fullCalcOnLoad="1"/>`). Read from the attribute itself: openpyxl's reading of
    calcPr says yes also where the attribute is absent, as in every workbook that Excel and
    LibreOffice save."""
    calculation = workbook.find(_CALCULATION)
    if calculation is None:
        return False
    return calculation.get("fullCalcOnLoad", "").strip() in ("1", "true")


def _count_sheets(workbook_xml: bytes, budget: Budget) -> None:
    count = len(_SHEET.findall(workbook_xml))
    if count > limits.MAX_SHEETS:
        raise budget.refuse(said("limits.sheets", count=count, limit=limits.MAX_SHEETS))


def _sheet_parts(parser: Any, archive: zipfile.ZipFile) -> Iterator[SheetPart]:
    """The worksheets in their order; a chart sheet has no cells and is left out."""
    names = set(archive.namelist())
    for sheet, relation in parser.find_sheets():
        if relation.target in names and "chartsheet" not in relation.Type:
            yield SheetPart(sheet.name, relation.target, sheet.state != "visible")


def _shared_strings(archive: zipfile.ZipFile, name: str, budget: Budget) -> list[str]:
    strings: list[str] = []
    with archive.open(name) as source:
        for element, _ in walk(source, budget, said("word.shared_strings"), frozenset({_STRING})):
            strings.append(_string_text(element))
            if len(strings) > limits.MAX_SHARED_STRINGS:
                raise budget.too_many_strings()
    return strings


def _string_text(item: Element) -> str:
    """A shared string's text: its plain text and the text of its formatted runs (not the
    phonetic guides of Japanese text), as openpyxl reads it."""
    pieces = [item.findtext(_TEXT) or ""]
    pieces += [run.findtext(_TEXT) or "" for run in item.iterfind(_RUN)]
    return "".join(pieces).replace("x005F_", "")


def _styles_part(manifest: Any, archive: zipfile.ZipFile) -> str | None:
    """The part the content types name for the styles, else Excel's place for them; None
    for a workbook without styles (every number is then a number)."""
    names = set(archive.namelist())
    found = manifest.find(_STYLES_TYPE)
    if found is not None and str(found.PartName[1:]) in names:
        return str(found.PartName[1:])
    return _STYLES_PART if _STYLES_PART in names else None


def _date_styles(archive: zipfile.ZipFile, part: str, budget: Budget) -> tuple[set[int], set[int]]:
    """The cell styles (their index in cellXfs) whose number format is a date, and those
    whose number format is a duration: a number in such a cell is a date or a duration."""
    from journeyctl.inventory.openpyxl_private import (
        builtin_format_code,
        is_date_format,
        is_timedelta_format,
    )

    formats: dict[int, str] = {}
    dates: set[int] = set()
    durations: set[int] = set()
    index = 0
    with archive.open(part) as source:
        where = said("word.styles")
        for element, parent in walk(source, budget, where, frozenset({_FORMAT, _STYLE})):
            if element.tag == _FORMAT:
                formats[_number(element.get("numFmtId"))] = element.get("formatCode", "")
            elif parent == _CELL_STYLES:
                number_format = _number(element.get("numFmtId"))
                code = formats.get(number_format) or builtin_format_code(number_format)
                if is_date_format(code):
                    dates.add(index)
                if is_timedelta_format(code):
                    durations.add(index)
                index += 1
                if index > limits.MAX_CELL_FORMATS:
                    raise budget.too_many_formats()
    return dates, durations


def _number(text: str | None) -> int:
    return int(text) if text else 0


def read_sheet(parts: Parts, part: SheetPart, budget: Budget, progress: Progress | None) -> Sheet:
    """The sheet's rows from the first to the last with data, merged cells filled in."""
    sheet = Sheet(part.name, hidden=part.hidden, epoch=parts.epoch.date())
    where = said("word.sheet", name=repr(part.name))
    with parts.archive.open(part.path) as source:
        sheet.rows = list(_rows(_parsed(parts, source, budget, where), budget, where, progress))
    with parts.archive.open(part.path) as source:
        for merged in _merged_ranges(source, budget, where):
            _fill(sheet, merged, budget, where)
    return sheet


def _parsed(
    parts: Parts, source: IO[bytes], budget: Budget, where: Message
) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """The sheet's rows as openpyxl's parser reads their cells, fed one row at a time by
    `walk`; formulas and error values kept for what they are."""
    from journeyctl.inventory.openpyxl_private import RowParser

    parser = RowParser(
        source,
        parts.strings,
        epoch=parts.epoch,
        date_styles=parts.date_styles,
        duration_styles=parts.duration_styles,
        cell=_kept_calculated_on_load if parts.calculate_on_load else _kept,
    )
    cells_in_row = 0

    def count(element: Element, row: Element) -> None:
        nonlocal cells_in_row
        if element.tag == _CELL:
            cells_in_row += 1
            if cells_in_row > limits.MAX_ROW_CELLS:
                raise budget.too_many_row_cells(where, row.get("r", "?"))
            budget.spend_cells(1, where)

    for row, _ in walk(source, budget, where, frozenset({_ROW}), count):
        budget.spend_rows(1, where)
        cells_in_row = 0
        yield parser.parse_row(row)


def _kept(element: Element, cell: dict[str, Any]) -> dict[str, Any]:
    """A cell as openpyxl read it, with an error value and a formula without a stored
    value kept for what they are, and a number past the last date in a date format kept as
    the number (openpyxl reads it as the error value #VALUE!, which the file does not hold)."""
    if cell["data_type"] == "e" and cell["value"] is not None:
        cell["value"] = (
            _stored_number(element)
            if element.get("t", "n") == "n"
            else ErrorValue(str(cell["value"]))
        )
    elif cell["value"] is None and element.find(_FORMULA) is not None:
        cell["value"] = Uncalculated(element.findtext(_FORMULA) or "")
    return cell


def _kept_calculated_on_load(element: Element, cell: dict[str, Any]) -> dict[str, Any]:
    """As `_kept`, in a workbook whose stored formula values are placeholders: every
    formula is `Uncalculated`, whatever is stored with it."""
    if element.find(_FORMULA) is not None:
        cell["value"] = Uncalculated(element.findtext(_FORMULA) or "")
        return cell
    return _kept(element, cell)


def _stored_number(element: Element) -> int | float:
    number = float(element.findtext(_VALUE) or "nan")
    return int(number) if number.is_integer() else number


def _rows(
    parsed: Iterator[tuple[int, list[dict[str, Any]]]],
    budget: Budget,
    where: Message,
    progress: Progress | None,
) -> Iterator[list[Value]]:
    """Rows from the first to the last with data; stops after `EMPTY_RUN` empty ones. The
    rows the file leaves out are empty rows; those between two rows with data count
    against the budget when they are held."""
    pending = 0  # empty rows seen since the last row with data
    left_out = 0  # of them, rows the file leaves out
    expected = 1
    for number, cells in parsed:
        skipped = max(number - expected, 0)  # a row out of order is read where it stands
        pending += skipped
        left_out += skipped
        expected = number + 1
        row = _values(cells)
        if progress is not None:
            progress(number)
        if row:  # a row holds a value or is empty: _values keeps no row of None only
            budget.spend_rows(left_out, where)
            for _ in range(pending):
                yield []
            pending = left_out = 0
            yield row
        else:
            pending += 1
        if pending >= limits.EMPTY_RUN:
            return


def _values(cells: list[dict[str, Any]]) -> list[Value]:
    row: list[Value] = []
    for cell in cells:
        column = cell["column"] - 1
        if column >= limits.MAX_COLUMNS:
            break
        value = cell["value"]
        if isinstance(value, str) and not value.strip():
            value = None
        if value is not None:
            row.extend([None] * (column + 1 - len(row)))
            row[column] = value
    return row


def _merged_ranges(
    source: IO[bytes], budget: Budget, where: Message
) -> Iterator[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based, of each merged range.

    They stand after the rows in the sheet's XML, so the bytes are scanned for them without
    parsing the rows again, a megabyte at a time; the refs are all that is taken from them.
    """
    tail = b""
    started = False
    for chunk in iter(lambda: source.read(1 << 20), b""):
        window = tail + chunk
        if not started:
            start = window.find(b"<mergeCells")
            if start < 0:
                tail = window[-16:]
                continue
            started, window = True, window[start:]
        end = window.find(b"</mergeCells>")
        # Up to the end, or to the last whole tag: the rest is scanned with the next chunk.
        scanned = end if end >= 0 else window.rfind(b">") + 1
        for match in _MERGE_REF.finditer(window, 0, scanned):
            budget.spend_merged_range(where)
            yield _range(match)
        if end >= 0:
            return
        tail = window[scanned:][-4096:]  # a tag longer than that holds no ref worth reading


def _range(match: re.Match[bytes]) -> tuple[int, int, int, int]:
    first_col, first_row, last_col, last_row = (
        part.decode("ascii") if part else None for part in match.groups()
    )
    assert first_col is not None and first_row is not None
    top, left = int(first_row) - 1, _column_index(first_col)
    bottom = int(last_row) - 1 if last_row else top
    right = _column_index(last_col) if last_col else left
    return top, left, bottom, right


def _column_index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _fill(sheet: Sheet, merged: tuple[int, int, int, int], budget: Budget, where: Message) -> None:
    """The top-left value of a merged range in every cell of it within the data read; each
    cell filled counts against the budget before it is filled."""
    top, left, bottom, right = merged
    value = sheet.value(top, left)
    if value is None:
        return
    last_row = min(bottom, len(sheet.rows) - 1)
    last_column = min(right, limits.MAX_COLUMNS - 1)
    # A value stands at (top, left), so the range holds at least that cell.
    budget.spend_cells((last_row - top + 1) * (last_column - left + 1), where)
    for row_index in range(top, last_row + 1):
        row = sheet.rows[row_index]
        row.extend([None] * (last_column + 1 - len(row)))
        for column in range(left, last_column + 1):
            row[column] = value
