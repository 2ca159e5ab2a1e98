"""Reading an .xlsx workbook safely: refusals for what is not one, a read that stops at the data.

Before openpyxl sees the file: a password-protected workbook (an OLE container, as is an
old .xls), a text file renamed to .xlsx, a truncated or damaged zip and a zip whose members
would unpack to more than `MAX_UNPACKED_BYTES` are each refused in one line. openpyxl
parses XML through defusedxml (checked when reading, not assumed), so an XML bomb is an
error, never gigabytes. Sheets are read row by row in read-only mode and the read stops
after `EMPTY_RUN` empty rows: the dimension a sheet declares (`A1:H1048576` after someone
formatted whole columns) is never believed.

Values are the ones the spreadsheet program calculated and stored; a formula without a
stored value is kept as `Uncalculated`, an error value as `ErrorValue`. Merged cells are
read from the sheet's XML and filled in.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from journeyctl.inventory.cells import ErrorValue, Problem, Refused, Sheet, Uncalculated, Value

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_COLUMNS = 256  # far more than any inventory; cells to the right of it are not read
EMPTY_RUN = 1000  # this many empty rows in a row end a sheet's data

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_MERGE_REF = re.compile(rb'ref="([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?"')

Progress = Callable[[int], None]


def read_xlsx(path: Path, progress: Progress | None = None) -> list[Sheet]:
    """Every worksheet of the workbook at `path`, or Refused with one line saying why not."""
    _check_container(path)
    # Opened here, so that it is closed also when openpyxl fails half-way through the file.
    with path.open("rb") as handle:
        workbook = _open(path, handle)
        try:
            return [_read_sheet(workbook, sheet, path, progress) for sheet in workbook.worksheets]
        finally:
            workbook.close()


def _refuse(path: Path, message: str) -> Refused:
    return Refused([Problem(path.name, message)])


def check_size(path: Path) -> None:
    """Refused: an empty file, and one past `MAX_FILE_BYTES` (never read)."""
    size = path.stat().st_size
    if size == 0:
        raise _refuse(
            path,
            "the file is empty (0 bytes): an export or a download that did not finish? "
            "save or download it again, and import that",
        )
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path, f"the file is {size // 2**20} MB, more than the 100 MB journeyctl reads"
        )


def _check_container(path: Path) -> None:
    check_size(path)
    with path.open("rb") as file:
        head = file.read(512)
        if head.startswith(_OLE):
            raise _refuse(path, _ole_kind(file))
    if not head.startswith(_ZIP):
        hint = (
            "it reads like text: if it is a CSV file, name it .csv"
            if _is_text(head)
            else ("save it from Excel or LibreOffice as an .xlsx workbook and import that")
        )
        raise _refuse(path, f"this is not an .xlsx workbook; {hint}")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_sizes(path, members)
            _check_parts(path, archive)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(
            path, f"this workbook is damaged or incomplete (a truncated download?); {_RESAVE}"
        ) from None


_RESAVE = "open it in Excel or LibreOffice, save it again as .xlsx, and import that"


def _ole_kind(file: BinaryIO) -> str:
    """What an OLE container (Office 97-2003's format) holds, by the names of its streams
    (UTF-16 in its directory): an encrypted .xlsx keeps `EncryptionInfo`, an old .xls
    `Workbook`. Read in chunks: the directory may stand anywhere in the file."""
    names = {name: name.encode("utf-16-le") for name in ("EncryptionInfo", "Workbook")}
    found: set[str] = set()
    file.seek(0)
    tail = b""
    for chunk in iter(lambda: file.read(1 << 20), b""):
        window = tail + chunk
        found |= {name for name, encoded in names.items() if encoded in window}
        tail = window[-64:]
    if "EncryptionInfo" in found:
        return (
            "this workbook is protected with a password, which journeyctl cannot read; "
            "open it, save a copy as .xlsx without a password, and import that"
        )
    if "Workbook" in found:
        return (
            "this is an old Excel 97-2003 workbook (.xls) named .xlsx; open it in Excel "
            "or LibreOffice, save it as .xlsx (Excel Workbook), and import that"
        )
    return (
        "this is a password-protected workbook or an old .xls file (an Office 97-2003 "
        "container), which journeyctl cannot read; save it as .xlsx without a password and "
        "import that"
    )


def _check_parts(path: Path, archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    if not names >= _WORKBOOK_PARTS:
        raise _refuse(path, _other_zip(archive, names))


_WORKBOOK_PARTS = {"[Content_Types].xml", "xl/workbook.xml"}
_OTHER_OFFICE = {
    "word/document.xml": "a Word document",
    "ppt/presentation.xml": "a PowerPoint file",
}


def _other_zip(archive: zipfile.ZipFile, names: set[str]) -> str:
    """What a zip that is not an Excel workbook is, and what to do: an OpenDocument
    spreadsheet, a Word or PowerPoint file or any other archive, named .xlsx."""
    if (
        "mimetype" in names
        and archive.getinfo("mimetype").file_size < 100
        and archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument")
    ):
        return (
            "this is an OpenDocument file (.ods) named .xlsx; open it in LibreOffice, "
            "save it as .xlsx (Excel 2007-365), and import that"
        )
    for part, what in _OTHER_OFFICE.items():
        if part in names:
            return f"this is {what}, not an Excel workbook; import the .xlsx file"
    missing = sorted(_WORKBOOK_PARTS - names)[0]
    return (
        f"this is a zip archive but not an .xlsx workbook (it has no {missing}); "
        f"check that it is the file you meant, or {_RESAVE}"
    )


def _is_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return all(char.isprintable() or char in "\r\n\t" for char in text)


def _check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """The sizes in the zip's directory, before anything is unpacked (Python's zip reader
    never hands out more than the size a member declares)."""
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES:
        raise _refuse(
            path,
            f"this workbook would unpack to {unpacked // 2**20} MB in {len(members)} parts, "
            "more than journeyctl reads (300 MB): it is not an inventory (a zip bomb?)",
        )


def _open(path: Path, handle: BinaryIO) -> Any:
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        # Without it openpyxl parses XML with the standard library, open to entity bombs.
        raise _refuse(
            path,
            "journeyctl reads workbooks only with defusedxml installed; "
            "run `pip install defusedxml` and import again",
        )
    try:
        return openpyxl.load_workbook(handle, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds; each means the same here
        raise _refuse(path, _unreadable("this workbook", error, path)) from None


def _unreadable(what: str, error: BaseException, path: Path) -> str:
    reason = _reason(error, path)
    if reason.startswith("its XML declares entities"):
        return f"cannot read {what} ({reason})"
    return f"cannot read {what}: it is damaged ({reason}); {_RESAVE}"


def _reason(error: BaseException, path: Path) -> str:
    """What went wrong, in one line without the file's full path; named plainly for XML
    that declares entities (defusedxml refused it: an XML bomb, or a file made to look
    like a workbook)."""
    cause: BaseException | None = error
    while cause is not None:
        if type(cause).__module__.startswith("defusedxml"):
            return "its XML declares entities, which workbooks never need: an XML bomb?"
        cause = cause.__cause__ or cause.__context__
    text = " ".join(str(error).replace(str(path), path.name).split())[:200]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _read_sheet(workbook: Any, worksheet: Any, path: Path, progress: Progress | None) -> Sheet:
    # openpyxl's read-only sheet pads rows to the dimension the file declares and drops
    # formulas without values; its row parser, given the sheet's XML, does neither.
    member = worksheet._worksheet_path
    sheet = Sheet(worksheet.title, hidden=worksheet.sheet_state != "visible")
    try:
        with workbook._archive.open(member) as source:
            sheet.rows = list(_rows(_parser(workbook, worksheet, source), progress))
        with workbook._archive.open(member) as source:
            _fill_merged(sheet, _merged_ranges(source))
    except Refused:
        raise
    except Exception as error:
        raise _refuse(path, _unreadable(f"sheet {sheet.name!r}", error, path)) from None
    return sheet


def _parser(workbook: Any, worksheet: Any, source: Any) -> Any:
    from openpyxl.worksheet._reader import (
        FORMULA_TAG,
        WorkSheetParser,
    )

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["data_type"] == "e" and cell["value"] is not None:
                cell["value"] = ErrorValue(str(cell["value"]))
            elif cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = Uncalculated(element.findtext(FORMULA_TAG) or "")
            return cell

    return Parser(
        source,
        worksheet._shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )


def _rows(parser: Any, progress: Progress | None) -> Iterator[list[Value]]:
    """Rows from the first to the last with data; stops after `EMPTY_RUN` empty ones."""
    pending = 0  # empty rows seen since the last row with data
    expected = 1
    for number, cells in parser.parse():
        pending += number - expected  # rows the file leaves out are empty
        expected = number + 1
        row = _values(cells)
        if progress is not None:
            progress(number)
        if not any(value is not None for value in row):
            pending += 1
        else:
            yield from ([] for _ in range(pending))
            pending = 0
            yield row
        if pending >= EMPTY_RUN:
            return


def _values(cells: list[dict[str, Any]]) -> list[Value]:
    row: list[Value] = []
    for cell in cells:
        column = cell["column"] - 1
        if column >= MAX_COLUMNS:
            break
        value = cell["value"]
        if isinstance(value, str) and not value.strip():
            value = None
        if value is not None:
            row.extend([None] * (column + 1 - len(row)))
            row[column] = value
    return row


def _merged_ranges(source: Any) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based, of each merged range.

    They stand after the rows in the sheet's XML, so the bytes are scanned for them without
    parsing the rows again; the refs are all that is taken from them.
    """
    tail = b""
    found: bytes | None = None
    for chunk in iter(lambda: source.read(1 << 20), b""):
        window = tail + chunk
        if found is None:
            start = window.find(b"<mergeCells")
            if start < 0:
                tail = window[-16:]
                continue
            found, window = b"", window[start:]
        end = window.find(b"</mergeCells>")
        found += window if end < 0 else window[:end]
        if end >= 0:
            break
        tail = b""
    return [_range(match) for match in _MERGE_REF.finditer(found or b"")]


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


def _fill_merged(sheet: Sheet, ranges: list[tuple[int, int, int, int]]) -> None:
    """The top-left value of each merged range in every cell of it (within the data read)."""
    for top, left, bottom, right in ranges:
        value = sheet.value(top, left)
        if value is None:
            continue
        for row_index in range(top, min(bottom, len(sheet.rows) - 1) + 1):
            row = sheet.rows[row_index]
            last = min(right, MAX_COLUMNS - 1)
            row.extend([None] * (last + 1 - len(row)))
            for column in range(left, last + 1):
                row[column] = value
