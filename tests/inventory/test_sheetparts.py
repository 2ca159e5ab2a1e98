"""The parts of a workbook that hold its cells, streamed: shared strings, the number formats
that make a number a date, the sheets a workbook lists, merged ranges, and memory for one
row at a time."""

from __future__ import annotations

import io
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from journeyctl.inventory import limits
from journeyctl.inventory.cells import ErrorValue, Refused, Uncalculated
from journeyctl.inventory.limits import Budget
from journeyctl.inventory.workbook import read_xlsx
from journeyctl.inventory.xmlstream import Metered, walk
from tests.inventory import hostile
from tests.inventory.hostile import MAIN, RELATIONSHIPS, inline, row, sheet_xml

STYLES = f"""<styleSheet xmlns="{MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/>
<numFmt numFmtId="165" formatCode="0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>
<xf numFmtId="165"/><xf numFmtId="46"/><xf/></cellXfs>
</styleSheet>""".encode()


def _numbers(styles: int) -> list[bytes]:
    """The inventory, then one row of 45838 in each cell style."""
    cells = [f'<c s="{style}"><v>45838</v></c>' for style in range(styles)]
    return [*hostile.inventory_rows(), row(3, cells).encode()]


def test_a_number_in_a_date_format_is_a_date_and_in_a_duration_format_a_duration(
    tmp_path: Path,
) -> None:
    path = hostile.write_xlsx(tmp_path / "d.xlsx", [sheet_xml(_numbers(6))], styles=STYLES)
    (sheet,) = read_xlsx(path)
    day = datetime(2025, 6, 30)
    assert sheet.rows[2] == [45838, day, day, 45838, timedelta(days=45838), 45838]


def test_a_1904_workbook_counts_its_dates_from_1904(tmp_path: Path) -> None:
    path = hostile.write_xlsx(
        tmp_path / "d.xlsx", [sheet_xml(_numbers(2))], styles=STYLES, properties='date1904="1"'
    )
    (sheet,) = read_xlsx(path)
    assert sheet.rows[2] == [45838, datetime(1904, 1, 1) + timedelta(days=45838)]


def test_a_sheet_knows_the_day_its_workbook_counts_dates_from(tmp_path: Path) -> None:
    rows = list(sheet_xml(hostile.inventory_rows()))
    (windows,) = read_xlsx(hostile.write_xlsx(tmp_path / "a.xlsx", [rows]))
    (mac,) = read_xlsx(hostile.write_xlsx(tmp_path / "b.xlsx", [rows], properties='date1904="1"'))
    assert (windows.epoch, mac.epoch) == (date(1899, 12, 30), date(1904, 1, 1))


def test_a_number_past_the_last_date_in_a_date_format_is_the_number(tmp_path: Path) -> None:
    # openpyxl reads it as the error value #VALUE! (and warns), which the file does not hold
    cells = [
        '<c s="1"><v>3000000</v></c>',
        '<c s="2"><v>2958466.5</v></c>',
        '<c s="1"><v>45838</v></c>',
    ]
    rows = [
        *hostile.inventory_rows(),
        row(3, cells).encode(),
        row(4, ['<c t="e"><v>#N/A</v></c>']).encode(),
    ]
    path = hostile.write_xlsx(tmp_path / "d.xlsx", [sheet_xml(rows)], styles=STYLES)
    (sheet,) = read_xlsx(path)
    assert sheet.rows[2:] == [[3000000, 2958466.5, datetime(2025, 6, 30)], [ErrorValue("#N/A")]]


# A formula in each of its forms: a number, text, an error value, yes/no, no value at all.
FORMULAS = [
    "<c><f>1000+200</f><v>0</v></c>",
    '<c t="str"><f>A1&amp;"x"</f><v>ax</v></c>',
    '<c t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    '<c t="b"><f>TRUE()</f><v>0</v></c>',
    "<c><f>D3*0.8</f></c>",
    "<c><v>7</v></c>",
]


@pytest.mark.parametrize(
    "calculation", ['fullCalcOnLoad="1"', 'fullCalcOnLoad="true"'], ids=["one", "true"]
)
def test_a_workbook_calculated_on_opening_has_every_formula_uncalculated(
    tmp_path: Path, calculation: str
) -> None:
    # as XlsxWriter, pandas and openpyxl write a workbook: a placeholder stored with each
    # formula, and a request to calculate them all when the file is opened
    rows = [*hostile.inventory_rows(), row(3, FORMULAS).encode()]
    path = hostile.write_xlsx(
        tmp_path / "f.xlsx", [sheet_xml(rows)], calculation=f'calcId="124519" {calculation}'
    )
    assert read_xlsx(path)[0].rows[2] == [
        Uncalculated("1000+200"),
        Uncalculated('A1&"x"'),
        Uncalculated("1/0"),
        Uncalculated("TRUE()"),
        Uncalculated("D3*0.8"),
        7,
    ]


# Excel writes calcPr with its calcId, LibreOffice with its iteration settings; neither
# asks for the formulas to be calculated on opening (openpyxl's reading of calcPr says it
# does, where the attribute is absent).
@pytest.mark.parametrize(
    "calculation",
    [
        None,
        'calcId="191029"',
        'iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"',
        'calcId="191029" fullCalcOnLoad="0"',
        'fullCalcOnLoad="false"',
    ],
    ids=["none", "excel", "libreoffice", "zero", "false"],
)
def test_formulas_a_spreadsheet_calculated_are_read_as_their_values(
    tmp_path: Path, calculation: str | None
) -> None:
    rows = [*hostile.inventory_rows(), row(3, FORMULAS).encode()]
    path = hostile.write_xlsx(tmp_path / "f.xlsx", [sheet_xml(rows)], calculation=calculation)
    assert read_xlsx(path)[0].rows[2] == [
        0,
        "ax",
        ErrorValue("#DIV/0!"),
        False,
        Uncalculated("D3*0.8"),
        7,
    ]


def test_shared_strings_read_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    strings = [
        b"<si><t>Klantreis</t></si>",
        b"<si><r><t>Ik </t></r><r><rPr><b/></rPr><t>betaal</t></r>"
        b'<rPh sb="0" eb="1"><t>furigana</t></rPh></si>',
        b"<si><t>a_x005F_b</t></si>",
        b"<si><t>vet</t><r><rPr><b/></rPr></r></si>",
        b"<si><t/></si>",
        b'<si><t xml:space="preserve"> Fase </t></si>',
    ]
    sst = [f'<sst xmlns="{MAIN}">'.encode(), *strings, b"</sst>"]
    cells = [f'<c t="s"><v>{index}</v></c>' for index in range(len(strings))]
    path = hostile.write_xlsx(
        tmp_path / "s.xlsx", [sheet_xml([row(1, cells).encode()])], shared_strings=sst
    )
    (sheet,) = read_xlsx(path)
    assert sheet.rows == [["Klantreis", "Ik betaal", "a_b", "vet", None, " Fase "]]


def test_only_worksheets_that_are_in_the_file_are_read(tmp_path: Path) -> None:
    path = hostile.write_xlsx(
        tmp_path / "c.xlsx",
        [sheet_xml(hostile.inventory_rows())],
        other_sheets=(
            (f"{RELATIONSHIPS}/chartsheet", "chartsheets/sheet1.xml"),
            (f"{RELATIONSHIPS}/worksheet", "worksheets/missing.xml"),
            (f"{RELATIONSHIPS}/worksheet", "worksheets/sheet1.xml"),
        ),
        other_parts=(("xl/chartsheets/sheet1.xml", b"<chartsheet/>"),),
    )
    assert [(s.name, s.rows[1]) for s in read_xlsx(path)] == [
        ("Blad1", hostile.ROW),
        ("Anders3", hostile.ROW),
    ]


WORKBOOK_TYPES = [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    None,  # left to the default type of .xml files
]


@pytest.mark.parametrize("workbook_type", WORKBOOK_TYPES)
def test_the_workbook_part_is_found_by_its_type_or_its_usual_name(
    tmp_path: Path, workbook_type: str | None
) -> None:
    path = hostile.write_xlsx(
        tmp_path / "t.xlsx", [sheet_xml(hostile.inventory_rows())], workbook_type=workbook_type
    )
    assert read_xlsx(path)[0].rows == [hostile.HEADER, hostile.ROW]


# Each part that openpyxl parses whole is checked before it is unpacked.
@pytest.mark.parametrize("part", ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"])
def test_a_part_read_whole_is_refused_past_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part: str
) -> None:
    path = hostile.padded(hostile.many_sheets(tmp_path / "p.xlsx", 1), part, 2 * 2**20)
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 2**20)
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == (
        f"p.xlsx: its part {part} would unpack to 2 MB, more than the 1 MB journeyctl reads "
        "of it: it is not an inventory (a zip bomb?)"
    )
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 3 * 2**20)
    assert read_xlsx(path)[0].rows[1] == hostile.ROW


@pytest.mark.slow
def test_merged_ranges_are_each_read_once_across_the_chunks_they_are_read_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [*hostile.inventory_rows(), row(3, [inline("x")]).encode()]
    before = len(b"".join(sheet_xml(rows))) - len(b"</worksheet>")
    # `<mergeCells` starts 5 bytes before the first megabyte ends; 60,000 ranges run on
    # past the second.
    padding = b" " * ((1 << 20) - 5 - before)
    merges = [padding, b"<mergeCells>", *[b'<mergeCell ref="A3:B3"/>'] * 60_000, b"</mergeCells>"]
    path = hostile.write_xlsx(tmp_path / "m.xlsx", [sheet_xml(rows, merges)])
    monkeypatch.setattr(limits, "MAX_MERGED_RANGES", 59_999)
    with pytest.raises(Refused, match="more than 59,999 merged ranges"):
        read_xlsx(path)
    monkeypatch.setattr(limits, "MAX_MERGED_RANGES", 60_000)
    assert read_xlsx(path)[0].rows[2] == ["x", "x"]


def test_the_bytes_read_are_counted_from_the_last_mark() -> None:
    stream = Metered(io.BytesIO(b"x" * 30), Budget("f.xlsx"), "sheet 'A'")
    limit = limits.MAX_STRETCH_BYTES
    try:
        limits.MAX_STRETCH_BYTES = 10
        assert stream.read(10) == b"x" * 10
        stream.marked = stream.position
        assert stream.read(10) == b"x" * 10
        with pytest.raises(Refused, match=r"^f\.xlsx: sheet 'A': a row or a text runs past 0 MB"):
            stream.read(1)
    finally:
        limits.MAX_STRETCH_BYTES = limit


@pytest.mark.slow
def test_walking_a_sheet_holds_one_row_at_a_time() -> None:
    xml = b"".join(sheet_xml(row(n, ["<c><v>1</v></c>"] * 3).encode() for n in range(30_000)))
    tracemalloc.start()
    try:
        rows = sum(
            1 for _ in walk(io.BytesIO(xml), Budget("f"), "s", frozenset({f"{{{MAIN}}}row"}))
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rows == 30_000
    # Kept under their parents, the rows and their cells would take some 30 MB.
    assert peak < 2 * 2**20


def test_walk_names_the_parent_of_each_whole_element_and_shows_what_is_inside() -> None:
    xml = f'<a xmlns="{MAIN}"><b><c><d/><d/></c></b><c><d/></c></a>'.encode()
    seen: list[tuple[str, str]] = []
    tag = {f"{{{MAIN}}}{name}": name for name in "abcd"}

    def inside(element: object, whole: object) -> None:
        seen.append((tag[element.tag], tag[whole.tag]))  # type: ignore[attr-defined]

    found = walk(io.BytesIO(xml), Budget("f"), "s", frozenset({f"{{{MAIN}}}c"}), inside)
    assert [(tag[e.tag], tag[p], len(e)) for e, p in found] == [("c", "b", 2), ("c", "a", 1)]
    assert seen == [("d", "c"), ("d", "c"), ("d", "c")]
    (root,) = walk(io.BytesIO(xml), Budget("f"), "s", frozenset({f"{{{MAIN}}}a"}))
    assert (tag[root[0].tag], root[1], len(root[0])) == ("a", None, 2)


def test_the_first_row_counts_its_cells_from_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = hostile.write_xlsx(tmp_path / "w.xlsx", [sheet_xml([row(1, ["<c><v>1</v></c>"] * 11).encode()])])  # fmt: skip
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 11)
    assert read_xlsx(path)[0].rows == [[1] * 11]
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 10)
    with pytest.raises(Refused, match="row 1 holds more than 10 cells"):
        read_xlsx(path)


def test_rows_out_of_order_are_read_where_they_stand_and_counted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [*hostile.inventory_rows(), row(5, [inline("e")]).encode(), row(3, [inline("c")]).encode()]  # fmt: skip
    path = hostile.write_xlsx(tmp_path / "o.xlsx", [sheet_xml(rows)])
    seen: list[int] = []
    monkeypatch.setattr(limits, "MAX_ROWS", 6)  # four rows, and the two left out before row 5
    assert read_xlsx(path, seen.append)[0].rows == [hostile.HEADER, hostile.ROW, [], [], ["e"], ["c"]]  # fmt: skip
    assert seen == [1, 2, 5, 3]
    monkeypatch.setattr(limits, "MAX_ROWS", 5)
    with pytest.raises(Refused, match="more than 5 rows"):
        read_xlsx(path)


def test_cells_past_the_last_column_read_and_blank_text_are_not_values(tmp_path: Path) -> None:
    cells = ['<c r="IV1"><v>1</v></c>', '<c r="IW1"><v>2</v></c>']
    blank = [inline("  "), '<c r="C2"><v>3</v></c>']
    path = hostile.write_xlsx(
        tmp_path / "c.xlsx", [sheet_xml([row(1, cells).encode(), row(2, blank).encode()])]
    )
    (sheet,) = read_xlsx(path)
    assert sheet.rows == [[None] * 255 + [1], [None, None, 3]]


@pytest.mark.slow
def test_many_small_elements_outside_the_rows_are_no_stretch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    columns = [b"<cols>", *[b'<col min="1" max="1" width="9"/>'] * 80_000, b"</cols>"]
    xml = [
        f'<worksheet xmlns="{MAIN}">'.encode(),
        *columns,
        b"<sheetData>",
        *hostile.inventory_rows(),
        b"</sheetData></worksheet>",
    ]
    path = hostile.write_xlsx(tmp_path / "s.xlsx", [xml])
    monkeypatch.setattr(limits, "MAX_STRETCH_BYTES", 2**20)  # the columns are 2.6 MB
    assert read_xlsx(path)[0].rows == [hostile.HEADER, hostile.ROW]


@pytest.mark.parametrize(
    ("column", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letters(column: int, letters: str) -> None:
    from journeyctl.inventory.cells import column_letters

    assert column_letters(column) == letters


def test_a_merged_range_to_a_column_of_two_letters(tmp_path: Path) -> None:
    rows = [*hostile.inventory_rows(), row(3, [inline("x")]).encode()]
    merges = [b'<mergeCells><mergeCell ref="A3:AB3"/></mergeCells>']
    path = hostile.write_xlsx(tmp_path / "m.xlsx", [sheet_xml(rows, merges)])
    assert read_xlsx(path)[0].rows[2] == ["x"] * 28


def test_formulas_without_a_value_and_a_row_without_a_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeyctl.inventory.cells import Uncalculated

    cells = "<c><f>1+1</f></c><c><f/></c><c><v>3</v></c>"
    path = hostile.write_xlsx(tmp_path / "f.xlsx", [sheet_xml([f"<row>{cells}</row>".encode()])])
    assert read_xlsx(path)[0].rows == [[Uncalculated("1+1"), Uncalculated(""), 3]]
    monkeypatch.setattr(limits, "MAX_ROW_CELLS", 2)
    with pytest.raises(Refused) as refused:
        read_xlsx(path)
    assert str(refused.value) == (
        "f.xlsx: sheet 'Blad1': row ? holds more than 2 cells, more than a spreadsheet has "
        "columns; open it in Excel or LibreOffice, save it again as .xlsx, and import that"
    )


def test_links_to_other_workbooks_are_not_followed(tmp_path: Path) -> None:
    import zipfile

    path = hostile.many_sheets(tmp_path / "l.xlsx", 1)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>",
        b'</sheets><externalReferences><externalReference r:id="rIdE"/></externalReferences>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdE" Type="{RELATIONSHIPS}/externalLink" '
        'Target="externalLinks/externalLink1.xml"/></Relationships>'.encode(),
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert read_xlsx(path)[0].rows == [hostile.HEADER, hostile.ROW]  # the link's part is missing


def test_a_whole_element_inside_another_is_part_of_it() -> None:
    xml = f'<a xmlns="{MAIN}"><c><c/><d/></c></a>'.encode()
    found = list(walk(io.BytesIO(xml), Budget("f"), "s", frozenset({f"{{{MAIN}}}c"})))
    assert [(len(element), parent) for element, parent in found] == [(2, f"{{{MAIN}}}a")]


def test_cells_and_refusals_of_several_problems() -> None:
    from journeyctl.inventory.cells import Problem, Sheet, is_empty

    sheet = Sheet("S", [["a"], []])
    assert [sheet.value(0, 0), sheet.value(0, 1), sheet.value(1, 0), sheet.value(2, 0)] == ["a", None, None, None]  # fmt: skip
    assert [is_empty(v) for v in (None, "  ", "x", 0)] == [True, True, False, False]
    refused = Refused([Problem("a", "x"), Problem("b", "y")])
    assert str(refused) == "a: x; b: y"
