"""Reading an .xlsx workbook safely: refusals for what is not one, a read within bounds.

Before openpyxl sees the file: a password-protected workbook (an OLE container, as is an
old .xls), a text file renamed to .xlsx, a truncated or damaged zip and a zip whose members
would unpack to more than `MAX_UNPACKED_BYTES` are each refused in one line. XML is parsed
through defusedxml (checked when reading, not assumed), so an XML bomb is an error, never
gigabytes. What is read is counted as it streams against the bounds of
`journeyctl.inventory.limits` (cells, merged ranges, XML elements, bytes of one row), so a
small file that declares millions of cells is refused in seconds (`sheetparts`). openpyxl's
warnings never reach the terminal: what is wrong with a file, journeyctl says itself.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

from journeyctl.inventory import limits
from journeyctl.inventory.cells import Problem, Refused, Sheet
from journeyctl.inventory.limits import Budget
from journeyctl.inventory.sheetparts import Parts, Progress, SheetPart, open_parts, read_sheet

__all__ = ["Progress", "check_size", "read_xlsx"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def read_xlsx(path: Path, progress: Progress | None = None) -> list[Sheet]:
    """Every worksheet of the workbook at `path`, or Refused with one line saying why not.
    openpyxl's warnings are dropped (`openpyxl_private.quiet`): journeyctl says what counts."""
    _check_container(path)
    from journeyctl.inventory.openpyxl_private import quiet

    budget = Budget(path.name)
    # Opened here, so that it is closed also when reading fails half-way through the file.
    with zipfile.ZipFile(path) as archive, quiet():
        parts = _open(path, archive, budget)
        return [_read_sheet(parts, part, path, budget, progress) for part in parts.sheets]


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
    if size > limits.MAX_FILE_BYTES:
        raise _refuse(
            path,
            f"the file is {size // 2**20} MB, more than the "
            f"{limits.MAX_FILE_BYTES // 2**20} MB journeyctl reads",
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
    if len(members) > limits.MAX_MEMBERS or unpacked > limits.MAX_UNPACKED_BYTES:
        raise _refuse(
            path,
            f"this workbook would unpack to {unpacked // 2**20} MB in {len(members)} parts, "
            f"more than journeyctl reads ({limits.MAX_UNPACKED_BYTES // 2**20} MB in "
            f"{limits.MAX_MEMBERS:,} parts): it is not an inventory (a zip bomb?)",
        )


def _open(path: Path, archive: zipfile.ZipFile, budget: Budget) -> Parts:
    from journeyctl.inventory.openpyxl_private import defused

    if not defused():
        # Without it openpyxl parses XML with the standard library, open to entity bombs.
        raise _refuse(
            path,
            "journeyctl reads workbooks only with defusedxml installed; "
            "run `pip install defusedxml` and import again",
        )
    try:
        return open_parts(archive, budget)
    except Refused:
        raise
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


def _read_sheet(
    parts: Parts, part: SheetPart, path: Path, budget: Budget, progress: Progress | None
) -> Sheet:
    try:
        return read_sheet(parts, part, budget, progress)
    except Refused:
        raise
    except Exception as error:
        raise _refuse(path, _unreadable(f"sheet {part.name!r}", error, path)) from None
