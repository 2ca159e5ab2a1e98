"""Reading workbooks: what a spreadsheet program saved, and one-line refusals of the rest."""

from __future__ import annotations

import warnings
import zipfile
import zlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from journeyctl.inventory import limits, workbook
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


def test_formulas_xlsxwriter_stored_as_0_are_uncalculated() -> None:
    # XlsxWriter stores 0 with every formula and asks for them to be calculated on opening
    (sheet,) = read_xlsx(FIXTURES / "formulas_not_calculated.xlsx")
    assert sheet.rows[1:] == [
        ["Ik betaal mijn factuur", "Klant zijn", "facturatie", Uncalculated("1000+200"), 200,
         Uncalculated("LEN(A2)")],
        ["Ik meld me aan", "Klant worden", "aanmelden", 500, Uncalculated("D3*0.8")],
        ["Totaal", None, None, Uncalculated("SUM(D2:D3)"), Uncalculated("SUM(E2:E3)")],
    ]  # fmt: skip


def test_a_1904_workbook_has_its_dates_counted_from_1904() -> None:
    (sheet,) = read_xlsx(FIXTURES / "dates_1904.xlsx")
    assert sheet.epoch == date(1904, 1, 1)
    # a date cell, then a date that lost its format (a serial number) and that number as text
    assert [row[2] for row in sheet.rows[1:]] == [datetime(2025, 6, 30), 44468, "44560"]


def test_no_warning_of_openpyxl_while_a_workbook_is_read() -> None:
    # openpyxl warns of F2, a number past the last date in a date format; its load_workbook
    # would also warn that the data bar and the sparkline "will be removed"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (sheet,) = read_xlsx(FIXTURES / "openpyxl_warns.xlsx")
    assert [str(warning.message) for warning in caught] == []
    assert sheet.rows[1] == [
        "Ik betaal mijn factuur",
        "Klant zijn",
        "facturatie",
        1200,
        200,
        3000000,
    ]


def test_a_million_formatted_empty_rows_end_at_the_data() -> None:
    rows_seen: list[int] = []
    (sheet,) = read_xlsx(FIXTURES / "million_rows.xlsx", rows_seen.append)
    assert len(sheet.rows) == 2
    # the sheet declares A1:H1048576 and holds formatted rows down to its last; reading stopped
    # after the run of empty rows
    assert len(rows_seen) <= 2 + limits.EMPTY_RUN + 1


RESAVE = "open it in Excel or LibreOffice, save it again as .xlsx, and import that"

# Each file of the wrong kind or damaged, and its one-line refusal, which says what the
# file is and (after the `;`) what to do.
HOSTILE = {
    "renamed_csv.xlsx": "this is not an .xlsx workbook; it reads like text: if it is a CSV "
    "file, name it .csv",
    "truncated.xlsx": "this workbook is damaged or incomplete (a truncated download?); " + RESAVE,
    "encrypted.xlsx": "this workbook is protected with a password, which journeyctl cannot "
    "read; open it, save a copy as .xlsx without a password, and import that",
    "old_xls.xlsx": "this is an old Excel 97-2003 workbook (.xls) named .xlsx; open it in "
    "Excel or LibreOffice, save it as .xlsx (Excel Workbook), and import that",
    "ole_unknown.xlsx": "this is a password-protected workbook or an old .xls file (an Office "
    "97-2003 container), which journeyctl cannot read; save it as .xlsx without a password "
    "and import that",
    "ods.xlsx": "this is an OpenDocument file (.ods) named .xlsx; open it in LibreOffice, "
    "save it as .xlsx (Excel 2007-365), and import that",
    "empty.xlsx": "the file is empty (0 bytes): an export or a download that did not finish? "
    "save or download it again, and import that",
    "no_content_types.xlsx": "this is a zip archive but not an .xlsx workbook (it has no "
    "[Content_Types].xml); check that it is the file you meant, or " + RESAVE,
    "damaged_sheet.xlsx": "cannot read sheet 'Inventaris': it is damaged (its XML is not "
    "well-formed at line 2); " + RESAVE,
    "bad_crc.xlsx": "cannot read sheet 'Inventaris': it is damaged (a part of the zip cannot be "
    "unpacked); " + RESAVE,
    "xml_bomb.xlsx": "cannot read this workbook (its XML declares entities, which workbooks "
    "never need: an XML bomb?)",
    "zip_bomb.xlsx": "this workbook would unpack to 400 MB in 10 parts, more than journeyctl "
    "reads (300 MB in 10,000 parts): it is not an inventory (a zip bomb?)",
}


@pytest.mark.parametrize(("name", "says"), HOSTILE.items(), ids=list(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line(name: str, says: str) -> None:
    with pytest.raises(Refused) as refused:
        read_xlsx(FIXTURES / name)
    (problem,) = refused.value.problems
    assert (problem.where, problem.message) == (name, says)


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


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "this workbook is protected with a password, which journeyctl cannot read; open it, save a copy as .xlsx without a password, and import that"  # fmt: skip
OLD = "this is an old Excel 97-2003 workbook (.xls) named .xlsx; open it in Excel or LibreOffice, save it as .xlsx (Excel Workbook), and import that"  # fmt: skip


def _name(text: str) -> bytes:
    return text.encode("utf-16-le")


# An OLE container is read a megabyte at a time for the names of its streams: a name is
# found across two chunks, and a name found in an earlier chunk is kept.
OLE_FILES = {
    "a name across the first megabyte's end": (
        OLE + bytes((1 << 20) - 8 - 10) + _name("EncryptionInfo") + bytes(100),
        ENCRYPTED,
    ),
    "EncryptionInfo early, Workbook in a later chunk": (
        OLE + _name("EncryptionInfo") + bytes(2 << 20) + _name("Workbook"),
        ENCRYPTED,
    ),
    "Workbook only": (OLE + bytes(3000) + _name("Workbook"), OLD),
}


@pytest.mark.parametrize(("data", "says"), OLE_FILES.values(), ids=list(OLE_FILES))
def test_an_ole_container_is_named_by_the_streams_it_holds(
    tmp_path: Path, data: bytes, says: str
) -> None:
    path = tmp_path / "ole.xlsx"
    path.write_bytes(data)
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == f"ole.xlsx: {says}"


NOT_A_WORKBOOK = "this is not an .xlsx workbook; "
NOT_ZIP = {
    "text with tabs and line ends": (
        b"Klantreis\tFase\r\nIk betaal\tKlant zijn\r\n",
        "it reads like text: if it is a CSV file, name it .csv",
    ),
    "UTF-8 text with a BOM": (
        "\ufeffKlantreis;Fase\n".encode(),
        "it reads like text: if it is a CSV file, name it .csv",
    ),
    "text with a control character": (
        b"Klantreis\x00Fase\n",
        "save it from Excel or LibreOffice as an .xlsx workbook and import that",
    ),
    "bytes that are not UTF-8": (
        b"\x80\x81\x82 not text",
        "save it from Excel or LibreOffice as an .xlsx workbook and import that",
    ),
}


@pytest.mark.parametrize(("data", "hint"), NOT_ZIP.values(), ids=list(NOT_ZIP))
def test_a_file_that_is_no_zip_says_whether_it_reads_like_text(
    tmp_path: Path, data: bytes, hint: str
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == f"x.xlsx: {NOT_A_WORKBOOK}{hint}"


ODS = "application/vnd.oasis.opendocument.spreadsheet"


# An OpenDocument file starts with a short `mimetype` member; a longer one is not read.
@pytest.mark.parametrize(
    ("mimetype", "says"),
    [
        (ODS.ljust(99).encode(), "this is an OpenDocument file (.ods) named .xlsx; open it in "
         "LibreOffice, save it as .xlsx (Excel 2007-365), and import that"),
        (ODS.ljust(100).encode(), "this is a zip archive but not an .xlsx workbook (it has no "
         f"[Content_Types].xml); check that it is the file you meant, or {RESAVE}"),
        (b"application/zip", "this is a zip archive but not an .xlsx workbook (it has no "
         f"[Content_Types].xml); check that it is the file you meant, or {RESAVE}"),
    ],
)  # fmt: skip
def test_an_opendocument_file_is_named_by_its_mimetype(
    tmp_path: Path, mimetype: bytes, says: str
) -> None:
    path = tmp_path / "o.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype)
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == f"o.xlsx: {says}"


@pytest.mark.parametrize(
    ("part", "what"),
    [("word/document.xml", "a Word document"), ("ppt/presentation.xml", "a PowerPoint file")],
)
def test_another_office_file_is_named(tmp_path: Path, part: str, what: str) -> None:
    path = tmp_path / "w.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == (
        f"w.xlsx: this is {what}, not an Excel workbook; import the .xlsx file"
    )


def test_a_workbook_without_its_workbook_part_names_what_it_lacks(tmp_path: Path) -> None:
    path = tmp_path / "n.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == (
        "n.xlsx: this is a zip archive but not an .xlsx workbook (it has no xl/workbook.xml); "
        f"check that it is the file you meant, or {RESAVE}"
    )


def test_too_many_parts_are_refused_from_the_zips_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(4):
            archive.writestr(f"part{index}.xml", "<x/>")
    monkeypatch.setattr(limits, "MAX_MEMBERS", 3)
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == (
        "m.xlsx: this workbook would unpack to 0 MB in 4 parts, more than journeyctl reads "
        "(300 MB in 3 parts): it is not an inventory (a zip bomb?)"
    )
    monkeypatch.setattr(limits, "MAX_MEMBERS", 4)
    with pytest.raises(Refused, match=r"it has no \[Content_Types\]\.xml"):
        read_xlsx(path)


class _Defused(Exception):
    """Stands for an error that defusedxml raises."""


_Defused.__module__ = "defusedxml.common"


def _chained(error: Exception, cause: Exception, how: str) -> Exception:
    setattr(error, how, cause)
    return error


REASONS = {
    "defusedxml's own": (
        _Defused("entity"),
        None,  # said as such: the file is an XML bomb, not damaged
    ),
    "caused by defusedxml": (
        _chained(ValueError("x"), _Defused("entity"), "__cause__"),
        None,
    ),
    "while handling defusedxml's": (
        _chained(
            ValueError("x"), _chained(KeyError("y"), _Defused("e"), "__context__"), "__context__"
        ),
        None,
    ),
    "a part that fails its checksum": (
        zipfile.BadZipFile("Bad CRC-32 for file 'xl/_rels/workbook.xml.rels'"),
        "its part xl/_rels/workbook.xml.rels fails its checksum",
    ),
    "a part that cannot be unpacked": (
        zlib.error("Error -3 while decompressing data: invalid distance too far back"),
        "a part of the zip cannot be unpacked",
    ),
    "a part it names and does not hold": (
        KeyError("There is no item named 'xl/sharedStrings.xml' in the archive"),
        "it refers to a part it does not hold, xl/sharedStrings.xml",
    ),
    "XML that is not well-formed": (
        ElementTree.ParseError("unclosed token: line 2, column 0"),
        "its XML is not well-formed at line ?",
    ),
    "a file that went away": (
        OSError(5, "Input/output error"),
        "the file could not be read to the end: Input/output error",
    ),
    # Whatever openpyxl raises inside (TypeError: expected <class '...Fill'>): said in words.
    "anything else": (
        TypeError("expected <class 'openpyxl.styles.fills.Fill'>"),
        "a part of it does not follow the .xlsx format",
    ),
    "no text": (KeyError(), "a part of it does not follow the .xlsx format"),
}


@pytest.mark.parametrize(("error", "reason"), REASONS.values(), ids=list(REASONS))
def test_the_reason_a_workbook_cannot_be_read_is_one_short_line(
    error: Exception, reason: str | None
) -> None:
    assert workbook._reason(error, Path("/somewhere/deep/inventaris.xlsx")) == reason


def _repack(
    source: Path, target: Path, part: Callable[[str, bytes], tuple[str, bytes] | None]
) -> Path:
    """`source` with each part passed through `part` (a new name and bytes, or None to leave
    it out): a workbook as another program packs it, made by editing a real one's zip."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            kept = part(name, old.read(name))
            if kept is not None:
                new.writestr(*kept)
    return target


def _moved(name: str, data: bytes) -> tuple[str, bytes]:
    """Every part of xl/ in wb/ instead, and the content types and the package's
    relationships saying so (as the parts of sheetjs's wtf_path.xlsx are named)."""
    if name in ("[Content_Types].xml", "_rels/.rels"):
        return name, data.replace(b"/xl/", b"/wb/").replace(b'Target="xl/', b'Target="wb/')
    return (f"wb/{name[3:]}" if name.startswith("xl/") else name), data


def test_a_workbook_whose_parts_have_other_names_is_read_as_the_content_types_say(
    tmp_path: Path,
) -> None:
    source = FIXTURES / "messy.xlsx"
    moved = _repack(source, tmp_path / "moved.xlsx", _moved)
    assert "xl/workbook.xml" not in zipfile.ZipFile(moved).namelist()
    assert [(s.name, s.rows) for s in read_xlsx(moved)] == [
        (s.name, s.rows) for s in read_xlsx(source)
    ]


STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
TRANSITIONAL = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_a_strict_open_xml_workbook_is_refused_as_such(tmp_path: Path) -> None:
    strict = _repack(
        FIXTURES / "messy.xlsx",
        tmp_path / "strict.xlsx",
        lambda name, data: (name, data.replace(TRANSITIONAL, STRICT)),
    )
    with pytest.raises(Refused) as refused:
        read_xlsx(strict)
    assert str(refused.value) == (
        "strict.xlsx: this workbook is saved as Strict Open XML, which journeyctl does not "
        "read; open it in Excel, save it as Excel Workbook (.xlsx), and import that"
    )


def test_a_part_the_workbook_names_and_does_not_hold_is_said_in_words(tmp_path: Path) -> None:
    lacking = _repack(
        FIXTURES / "messy.xlsx",
        tmp_path / "lacking.xlsx",
        lambda name, data: None if name == "xl/sharedStrings.xml" else (name, data),
    )
    with pytest.raises(Refused) as refused:
        read_xlsx(lacking)
    assert str(refused.value) == (
        "lacking.xlsx: cannot read this workbook: it is damaged (it refers to a part it does "
        f"not hold, xl/sharedStrings.xml); {RESAVE}"
    )
