"""Nothing is dropped from a CSV file without a word: a row with a value past the header's
last field is refused at its line, with the values that stand under no column."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.framework import check
from journeyctl.inventory import limits
from journeyctl.inventory.cells import Refused
from journeyctl.inventory.csvfile import read_csv
from journeyctl.inventory.importing import ImportOptions, read_import
from tests.inventory.conftest import snapshot

MEASUREMENTS = "Klantreis;KPI;Datum;Score;Bron\n"
QUOTE = "quote the field that holds ';' (\"a; b\"), or give the extra column a header"

# name: (the file, the problems at its lines)
PAST_THE_HEADER = {
    "a separator in the last field, unquoted": (
        MEASUREMENTS + "ik-betaal;nps;30-06-2025;7;Enquête; met puntkomma\n",
        ["data.csv:2: 6 fields where the header has 5: ' met puntkomma' past column E; " + QUOTE],
    ),
    "two separators, and a second row that is right": (
        MEASUREMENTS
        + "ik-betaal;nps;30-06-2025;7;Bron\n"
        + "ik-betaal;nps;31-12-2025;9;Enquête; deel 2; deel 3\n",
        [
            "data.csv:3: 7 fields where the header has 5: ' deel 2', ' deel 3' past column E; "
            + QUOTE
        ],
    ),
    "commas": (
        "Klantreis,KPI,Datum,Score\nik-betaal,nps,30-06-2025,7,5\n",
        [
            "data.csv:2: 5 fields where the header has 4: '5' past column D; quote the field "
            "that holds ',' (\"a, b\"), or give the extra column a header"
        ],
    ),
    "a field of three lines before: the row's own line": (
        MEASUREMENTS
        + 'ik-betaal;nps;30-06-2025;7;"Enquête\nover\nfacturen"\n'
        + "ik-betaal;nps;31-12-2025;9;Enquête;x\n",
        ["data.csv:5: 6 fields where the header has 5: 'x' past column E; " + QUOTE],
    ),
    "a long value, cut short": (
        MEASUREMENTS + "ik-betaal;nps;30-06-2025;7;Enquête;" + "x" * 50 + "\n",
        [f"data.csv:2: 6 fields where the header has 5: '{'x' * 39}…' past column E; " + QUOTE],
    ),
    "a value of 40 characters, whole": (
        MEASUREMENTS + "ik-betaal;nps;30-06-2025;7;Enquête;" + "y" * 40 + "\n",
        [f"data.csv:2: 6 fields where the header has 5: '{'y' * 40}' past column E; " + QUOTE],
    ),
    "title rows above the header are not held to it": (
        "Metingen 2025;;;;\nbron: enquête;;;;;;;;\n"
        + MEASUREMENTS
        + "ik-betaal;nps;30-06-2025;7;a;b\n",
        ["data.csv:4: 6 fields where the header has 5: 'b' past column E; " + QUOTE],
    ),
}


@pytest.mark.parametrize(("text", "expected"), PAST_THE_HEADER.values(), ids=list(PAST_THE_HEADER))
def test_a_value_past_the_header_is_refused_at_its_line(
    tree_dir: Path, text: str, expected: list[str]
) -> None:
    path = tree_dir.parent / "data.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [str(p) for p in refused.value.problems] == expected


# Empty fields past the header are nothing dropped: a spreadsheet that saves CSV pads every
# row with separators to its widest.
def test_empty_fields_past_the_header_are_read(tree_dir: Path) -> None:
    path = tree_dir.parent / "data.csv"
    path.write_text(MEASUREMENTS + "ik-betaal;nps;31-12-2025;9;Enquête;;;\n", encoding="utf-8")
    (change,) = read_import(path, check(tree_dir), ImportOptions()).plan.changes
    assert change.details == [
        "kpis nps 2025-12-31: new, 9",
        "kpis nps 2025-12-31 source: Enquête",
    ]


def test_a_shifted_row_is_listed_with_the_cells_it_shifted_in_sheet_order(
    tree_dir: Path,
) -> None:
    path = tree_dir.parent / "data.csv"
    path.write_text(
        "Klantreis;Fase;Cluster\n"
        "Ik betaal; en snel;Klant zijn;facturatie\n"
        "Ik meld me aan;Klant worden;aanmelden;x\n",
        encoding="utf-8",
    )
    with pytest.raises(Refused) as refused:
        read_import(path, check(tree_dir), ImportOptions())
    assert [(p.where, p.message.split("; ")[0]) for p in refused.value.problems] == [
        ("data.csv:2", "4 fields where the header has 3: 'facturatie' past column C"),
        ("data.csv!B2", "unknown phase 'en snel'"),
        ("data.csv:3", "4 fields where the header has 3: 'x' past column C"),
    ]


def test_the_command_refuses_the_file_and_writes_nothing(tree_dir: Path) -> None:
    path = tree_dir.parent / "data.csv"
    path.write_text(
        MEASUREMENTS + "ik-betaal;nps;30-06-2025;7;Enquête; met puntkomma\n", encoding="utf-8"
    )
    before = snapshot(tree_dir)
    result = CliRunner().invoke(app, ["import", str(path), "--root", str(tree_dir), "--lang", "en"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "refused: data.csv:2: 6 fields where the header has 5: ' met puntkomma' past column E; "
        f"{QUOTE}\n"
        "error: data.csv was not imported; nothing was written\n"
    )
    assert snapshot(tree_dir) == before


def test_each_row_knows_the_line_it_starts_on_and_the_separator(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text('a\tb\n"1\n2"\tx\n\n3\t"y\n\nz"\n4\n', encoding="utf-8")
    sheet = read_csv(path)
    assert (sheet.delimiter, sheet.lines) == ("\t", [1, 2, 4, 5, 8])
    assert sheet.rows == [["a", "b"], ["1\n2", "x"], [], ["3", "y\n\nz"], ["4"]]


NOT_READ = {
    "a zip": (b"PK\x03\x04rest", "this is a zip file (an .xlsx workbook?), not CSV: name it .xlsx"),
    "an OLE container": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest",
        "this is an Excel 97-2003 or password-protected workbook, not CSV; save it as CSV UTF-8 "
        "(or as .xlsx without a password) and import that",
    ),
    "UTF-16, little end first": (
        "\ufeffa;b".encode("utf-16-le"),
        "this is UTF-16 text (Excel's 'Unicode text'), not UTF-8; save it as CSV UTF-8 and "
        "import that",
    ),
    "UTF-16, big end first": (
        "\ufeffa;b".encode("utf-16-be"),
        "this is UTF-16 text, not UTF-8; save it as CSV UTF-8 and import that",
    ),
    "neither UTF-8 nor Windows-1252": (
        "Klantreis;Fase\nEnquête;x\n".encode("latin-1") + b"\x81\n",
        "this file is neither UTF-8 nor Windows-1252 text (byte 25 cannot be read); save it as "
        "CSV UTF-8",
    ),
    "a field past the csv module's limit": (
        b"a;b\n" + b"x" * 200_000 + b";y\n",
        "this is not a CSV file that can be read (field larger than field limit (131072))",
    ),
}


@pytest.mark.parametrize(("data", "message"), NOT_READ.values(), ids=list(NOT_READ))
def test_a_file_that_is_not_csv_text_is_refused_in_one_line(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(data)
    with pytest.raises(Refused) as refused:
        read_csv(path)
    assert str(refused.value) == f"d.csv: {message}"


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("a;b;c", ";"),
        ("a,b,c", ","),
        ("a\tb\tc", "\t"),
        ('"a;b;c",d,e', ","),
        ("abc", ","),
        ("a;b,c", ";"),
        ("a,b;c;d", ";"),
        ('a\t"x,y,z"\tb', "\t"),
        ('a,"x;y;z";b;c;d', ";"),
    ],
)
def test_the_separator_is_the_one_the_header_uses_most_outside_quotes(
    tmp_path: Path, header: str, delimiter: str
) -> None:
    path = tmp_path / "d.csv"
    path.write_text(header + "\n", encoding="utf-8")
    assert read_csv(path).delimiter == delimiter


def test_an_empty_line_first_and_blank_fields(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("\na, ,\n", encoding="utf-8")
    sheet = read_csv(path)
    assert (sheet.rows, sheet.lines, sheet.delimiter) == ([[], ["a"]], [1, 2], ",")


@pytest.mark.parametrize(
    ("line", "refused"), [("x" * 2047 + "\n", False), ("x" * 2048 + "\n", True)]
)
def test_a_line_longer_than_the_bound_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, refused: bool
) -> None:
    path = tmp_path / "d.csv"
    path.write_text("a\n" + line, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 2048)
    if not refused:
        assert read_csv(path).rows[1] == ["x" * 2047]
        return
    with pytest.raises(Refused) as error:
        read_csv(path)
    assert str(error.value) == (
        "d.csv: line 2 is longer than 2 KB: not an inventory or measurements file; check that "
        "it is the file you meant"
    )


def test_a_bom_only_file_has_no_rows_and_lines_are_counted_for_progress(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(b"\xef\xbb\xbf")
    assert read_csv(path).rows == []
    path.write_bytes('\ufeffKlantreis;Bron\r\nik-betaal;"a\r\nb"\r\nx;y\r\n'.encode())
    seen: list[int] = []
    sheet = read_csv(path, seen.append)
    assert sheet.rows == [["Klantreis", "Bron"], ["ik-betaal", "a\r\nb"], ["x", "y"]]
    assert (seen, sheet.lines) == ([1, 2, 3], [1, 2, 4])


def test_dutch_excel_s_csv_is_read_as_windows_1252(tmp_path: Path) -> None:
    # What Excel in Dutch saves as "CSV (gescheiden door lijstscheidingsteken)".
    path = tmp_path / "d.csv"
    path.write_bytes(
        "Klantreis;Fase\r\nIk beëindig mijn contract;€ \u2018x\u2019\r\n".encode("cp1252")
    )
    sheet = read_csv(path)
    assert (sheet.encoding, sheet.delimiter) == ("Windows-1252", ";")
    assert sheet.rows[1] == ["Ik beëindig mijn contract", "€ \u2018x\u2019"]
    path.write_bytes("Klantreis;Fase\r\nIk beëindig mijn contract;x\r\n".encode())
    assert read_csv(path).encoding == "utf-8"
