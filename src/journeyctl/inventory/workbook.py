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

import re
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from journeyctl.inventory import limits
from journeyctl.inventory.cells import Problem, Refused, Sheet
from journeyctl.inventory.files import open_binary
from journeyctl.inventory.limits import Budget
from journeyctl.inventory.sheetparts import Parts, Progress, SheetPart, open_parts, read_sheet
from journeyctl.inventory.words import Message, Said, said

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
    with open_binary(path) as raw, zipfile.ZipFile(raw) as archive, quiet():
        parts = _open(path, archive, budget)
        return [_read_sheet(parts, part, path, budget, progress) for part in parts.sheets]


def _refuse(path: Path, message: Message) -> Refused:
    return Refused([Problem(path.name, message)])


def check_size(path: Path) -> None:
    """Refused: an empty file, and one past `MAX_FILE_BYTES` (never read)."""
    size = path.stat().st_size
    if size == 0:
        raise _refuse(path, said("file.empty"))
    if size > limits.MAX_FILE_BYTES:
        raise _refuse(
            path, said("file.too_big", mb=size // 2**20, limit=limits.MAX_FILE_BYTES // 2**20)
        )


def _check_container(path: Path) -> None:
    check_size(path)
    with open_binary(path) as file:
        head = file.read(512)
        if head.startswith(_OLE):
            raise _refuse(path, _ole_kind(file))
    if not head.startswith(_ZIP):
        raise _refuse(path, said("file.not_xlsx_text" if _is_text(head) else "file.not_xlsx"))
    try:
        with open_binary(path) as raw, zipfile.ZipFile(raw) as archive:
            members = archive.infolist()
            _check_sizes(path, members)
            _check_parts(path, archive)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(path, said("file.damaged_zip")) from None


def _ole_kind(file: BinaryIO) -> Said:
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
        return said("file.encrypted")
    if "Workbook" in found:
        return said("file.old_xls")
    return said("file.ole")


def _check_parts(path: Path, archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    if names >= _WORKBOOK_PARTS or _named_workbook(archive, names):
        return
    raise _refuse(path, _other_zip(archive, names))


_WORKBOOK_PARTS = {"[Content_Types].xml", "xl/workbook.xml"}
# A package may name its parts otherwise (`wtf/workbook.xml`, `workbook.xml`): its content
# types say which part is the workbook, by one of these content types.
_WORKBOOK_TYPE = re.compile(
    rb"application/vnd\.(?:openxmlformats-officedocument\.spreadsheetml\.(?:sheet|template)"
    rb"|ms-excel\.(?:sheet|template)\.macroEnabled)\.main\+xml"
)
_OVERRIDE = re.compile(rb"<(?:[\w.-]+:)?Override\b[^>]*>")
_PART_NAME = re.compile(rb'PartName\s*=\s*"/([^"]+)"')


def _named_workbook(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether the content types name a workbook part that the zip holds (read only when
    the workbook is not where Excel puts it, and only if the part is of a sane size)."""
    types = "[Content_Types].xml"
    if types not in names or archive.getinfo(types).file_size > limits.MAX_PART_BYTES:
        return False
    for override in _OVERRIDE.findall(archive.read(types)):
        part = _PART_NAME.search(override)
        if part is not None and _WORKBOOK_TYPE.search(override):
            return part.group(1).decode("utf-8", "replace") in names
    return False


_OTHER_OFFICE = {
    "word/document.xml": "word",
    "ppt/presentation.xml": "powerpoint",
}


def _other_zip(archive: zipfile.ZipFile, names: set[str]) -> Said:
    """What a zip that is not an Excel workbook is, and what to do: an OpenDocument
    spreadsheet, a Word or PowerPoint file or any other archive, named .xlsx."""
    if (
        "mimetype" in names
        and archive.getinfo("mimetype").file_size < 100
        and archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument")
    ):
        return said("file.ods")
    for part, what in _OTHER_OFFICE.items():
        if part in names:
            return said(f"file.{what}")
    missing = sorted(_WORKBOOK_PARTS - names)[0]
    return said("file.other_zip", missing=missing)


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
            said(
                "file.zip_bomb",
                mb=unpacked // 2**20,
                parts=len(members),
                limit=limits.MAX_UNPACKED_BYTES // 2**20,
                limit_parts=limits.MAX_MEMBERS,
            ),
        )


def _open(path: Path, archive: zipfile.ZipFile, budget: Budget) -> Parts:
    from journeyctl.inventory.openpyxl_private import defused

    if not defused():
        # Without it openpyxl parses XML with the standard library, open to entity bombs.
        raise _refuse(path, said("file.no_defusedxml"))
    try:
        return open_parts(archive, budget)
    except Refused:
        raise
    except Exception as error:  # openpyxl raises many kinds; each means the same here
        raise _refuse(path, _unreadable(said("word.this_workbook"), error, path)) from None


def _unreadable(what: Said, error: BaseException, path: Path) -> Said:
    reason = _reason(error, path)
    if reason is None:
        return said("file.entities", what=what)
    return said("file.damaged", what=what, reason=reason)


def _reason(error: BaseException, path: Path) -> Said | None:
    """What is wrong with the file, in words (never a Python type or an openpyxl class:
    they say nothing to the person who saved the file); None for XML that declares entities
    (defusedxml refused it: an XML bomb, or a file made to look like a workbook)."""
    cause: BaseException | None = error
    while cause is not None:
        if type(cause).__module__.startswith("defusedxml"):
            return None
        cause = cause.__cause__ or cause.__context__
    text = str(error)
    if isinstance(error, zipfile.BadZipFile):
        checksum = re.search(r"Bad CRC-32 for file '([^']+)'", text)
        if checksum is not None:
            return said("reason.checksum", part=checksum.group(1))
        return said("reason.zip")
    if isinstance(error, zlib.error | EOFError):
        return said("reason.unpack")
    missing = re.search(r"There is no item named '([^']+)' in the archive", text)
    if isinstance(error, KeyError) and missing is not None:
        return said("reason.missing_part", part=missing.group(1))
    position = getattr(error, "position", None) or getattr(error, "lineno", None)
    if "ParseError" in type(error).__name__ or "ExpatError" in type(error).__name__:
        line = position[0] if isinstance(position, tuple) else position
        return said("reason.xml", line=str(line or "?"))
    if isinstance(error, UnicodeError):
        return said("reason.encoding")
    if isinstance(error, OSError) and error.strerror:
        return said("reason.io", reason=error.strerror)
    return said("reason.format")


def _read_sheet(
    parts: Parts, part: SheetPart, path: Path, budget: Budget, progress: Progress | None
) -> Sheet:
    try:
        return read_sheet(parts, part, budget, progress)
    except Refused:
        raise
    except Exception as error:
        raise _refuse(
            path, _unreadable(said("word.sheet", name=repr(part.name)), error, path)
        ) from None
