"""Workbooks made byte by byte with zipfile, small on disk and costly to read: each declares
or holds far more than an inventory does (cells, rows, merged ranges, strings, sheets).

Each shape is a function of a size, so that a test makes a small one (against a lowered
limit) and the same shape at full size shows the limit holding
(`python -m tests.inventory.hostile OUT_FOLDER` writes them all at full size).
The XML of a sheet is written in chunks, so making a 50 MB sheet costs no 50 MB.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from itertools import repeat
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_WORKSHEET_REL = f"{RELATIONSHIPS}/worksheet"

HEADER = ["Klantreis", "Fase", "Cluster"]
ROW = ["Ik betaal mijn factuur", "Klant zijn", "facturatie"]

Chunks = Iterable[bytes]


def inline(text: str) -> str:
    """A cell holding `text` inline (no shared strings part needed)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c t="inlineStr"><is><t>{escaped}</t></is></c>'


def row(number: int, cells: Iterable[str], attributes: str = "") -> str:
    return f'<row r="{number}"{attributes}>{"".join(cells)}</row>'


def sheet_xml(rows: Chunks, after_rows: Chunks = ()) -> Iterator[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
    yield from rows
    yield b"</sheetData>"
    yield from after_rows
    yield b"</worksheet>"


def inventory_rows(first: int = 1) -> Iterator[bytes]:
    """A header row and one journey: enough for a sheet that imports."""
    yield row(first, map(inline, HEADER)).encode()
    yield row(first + 1, map(inline, ROW)).encode()


def write_xlsx(
    path: Path,
    sheets: list[Chunks],
    *,
    shared_strings: Chunks | None = None,
    styles: bytes | None = None,
    sheet_entries: int | None = None,
    properties: str = "",
    calculation: str | None = None,
    workbook_type: str | None = f"{_TYPE}.sheet.main+xml",
    other_sheets: tuple[tuple[str, str], ...] = (),
    other_parts: tuple[tuple[str, bytes], ...] = (),
) -> Path:
    """A workbook of `sheets` (each the chunks of its XML). `sheet_entries` lists the first
    sheet that many times in workbook.xml: many sheets that are one part. `properties` are
    the workbookPr element's attributes, `calculation` the calcPr element's (None: no
    calcPr); `workbook_type` is the workbook's content type
    (None: left to the default of .xml files); `other_sheets` are sheets after them, each
    the type and the target of its relationship."""
    entries = [(f"Blad{i + 1}", f"rId{i + 1}") for i in range(len(sheets))]
    if sheet_entries is not None:
        entries = [(f"Blad{i + 1}", "rId1") for i in range(sheet_entries)]
    entries += [(f"Anders{i + 1}", f"rIdX{i + 1}") for i in range(len(other_sheets))]
    overrides = [("/xl/workbook.xml", workbook_type)] if workbook_type else []
    overrides += [
        (f"/xl/worksheets/sheet{i + 1}.xml", f"{_TYPE}.worksheet+xml") for i in range(len(sheets))
    ]
    relations = [
        (f"rId{i + 1}", _WORKSHEET_REL, f"worksheets/sheet{i + 1}.xml") for i in range(len(sheets))
    ]
    relations += [(f"rIdX{i + 1}", kind, target) for i, (kind, target) in enumerate(other_sheets)]
    if shared_strings is not None:
        overrides.append(("/xl/sharedStrings.xml", f"{_TYPE}.sharedStrings+xml"))
        relations.append(("rIdS", f"{RELATIONSHIPS}/sharedStrings", "sharedStrings.xml"))
    if styles is not None:
        overrides.append(("/xl/styles.xml", f"{_TYPE}.styles+xml"))
        relations.append(("rIdT", f"{RELATIONSHIPS}/styles", "styles.xml"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(overrides))
        archive.writestr(
            "_rels/.rels",
            _relationships([("rId1", f"{RELATIONSHIPS}/officeDocument", "xl/workbook.xml")]),
        )
        _write_chunks(archive, "xl/workbook.xml", _workbook(entries, properties, calculation))
        archive.writestr("xl/_rels/workbook.xml.rels", _relationships(relations))
        for index, chunks in enumerate(sheets):
            _write_chunks(archive, f"xl/worksheets/sheet{index + 1}.xml", chunks)
        if shared_strings is not None:
            _write_chunks(archive, "xl/sharedStrings.xml", shared_strings)
        if styles is not None:
            archive.writestr("xl/styles.xml", styles)
        for name, data in other_parts:
            archive.writestr(name, data)
    return path


def _write_chunks(archive: zipfile.ZipFile, name: str, chunks: Chunks) -> None:
    # force_zip64: the size is not known before the chunks are written
    with archive.open(name, "w", force_zip64=True) as member:
        for chunk in chunks:
            member.write(chunk)


def _content_types(overrides: list[tuple[str, str]]) -> str:
    defaults = (
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
    )
    parts = "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
        f'"http://schemas.openxmlformats.org/package/2006/content-types">{defaults}{parts}</Types>'
    )


def _relationships(relations: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in relations)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        f"{items}</Relationships>"
    )


def _workbook(
    entries: list[tuple[str, str]], properties: str, calculation: str | None
) -> Iterator[bytes]:
    yield (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
        f'xmlns:r="{RELATIONSHIPS}"><workbookPr {properties}/><sheets>'
    ).encode()
    for number, (name, rel) in enumerate(entries, start=1):
        yield f'<sheet name="{name}" sheetId="{number}" r:id="{rel}"/>'.encode()
    yield b"</sheets>"
    if calculation is not None:
        yield f"<calcPr {calculation}/>".encode()
    yield b"</workbook>"


# The shapes. Each takes a path and a size and writes the workbook there.


def wide_row(path: Path, cells: int) -> Path:
    """One row of `cells` cells after the inventory (the issue's 2.5 million: 52 MB of XML)."""
    rows = [*inventory_rows(), b'<row r="3">', *_pieces(b"<c><v>1</v></c>", cells)]
    return write_xlsx(path, [sheet_xml([*rows, b"</row>"])])


def empty_cells(path: Path, rows: int, width: int = 200) -> Path:
    """`rows` rows, each of one value and `width` formatted empty cells: never a run of
    empty rows that would end the read."""
    empties = "".join('<c s="1"/>' for _ in range(width))

    def body() -> Iterator[bytes]:
        yield from inventory_rows()
        for number in range(3, rows + 3):
            yield row(number, ["<c><v>1</v></c>", empties]).encode()

    return write_xlsx(path, [sheet_xml(body())])


def tall(path: Path, rows: int) -> Path:
    """`rows` rows of one number each: a sheet of many rows and few cells."""
    body = (row(n, ["<c><v>1</v></c>"]).encode() for n in range(3, rows + 3))
    return write_xlsx(path, [sheet_xml(_chain(inventory_rows(), body))])


def far_row(path: Path, number: int) -> Path:
    """The inventory, then one value in row `number`: the rows between are not in the file."""
    body = [*inventory_rows(), row(number, ["<c><v>1</v></c>"]).encode()]
    return write_xlsx(path, [sheet_xml(body)])


def merged_ranges(path: Path, ranges: int, rows: int = 1000, ref: str = "") -> Path:
    """`rows` rows of data after the inventory and `ranges` merged ranges over all of them
    (the issue's 300,000 overlapping ranges: 25 KB on disk), or each over `ref`."""
    body = (row(n, [inline("x")]).encode() for n in range(3, rows + 3))
    merges = _chain(
        [f'<mergeCells count="{ranges}">'.encode()],
        _pieces(f'<mergeCell ref="{ref or f"A3:IV{rows + 2}"}"/>'.encode(), ranges),
        [b"</mergeCells>"],
    )
    return write_xlsx(path, [sheet_xml(_chain(inventory_rows(), body), merges)])


def deep_merge(path: Path, rows: int) -> Path:
    """One merged range over every row and column a sheet can have, over `rows` rows of data."""
    body = (row(n, [inline("x")]).encode() for n in range(3, rows + 3))
    merges = [b'<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>']
    return write_xlsx(path, [sheet_xml(_chain(inventory_rows(), body), merges)])


def shared_strings(path: Path, strings: int) -> Path:
    """A shared strings part of `strings` one-letter strings, and a sheet that uses one."""
    items = _chain(
        [f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode()],
        _pieces(b"<si><t>x</t></si>", strings),
        [b"</sst>"],
    )
    return write_xlsx(path, [sheet_xml(inventory_rows())], shared_strings=items)


def long_text(path: Path, characters: int) -> Path:
    """One cell whose text is `characters` long (Excel holds at most 32,767 in a cell)."""
    text = _chain(
        [b'<row r="3"><c t="inlineStr"><is><t>'],
        _pieces(b"x", characters),
        [b"</t></is></c></row>"],
    )
    return write_xlsx(path, [sheet_xml(_chain(inventory_rows(), text))])


def long_shared_string(path: Path, characters: int) -> Path:
    """One shared string `characters` long."""
    items = _chain(
        [f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>'.encode()],
        _pieces(b"x", characters),
        [b"</t></si></sst>"],
    )
    return write_xlsx(path, [sheet_xml(inventory_rows())], shared_strings=items)


def gap(path: Path, spaces: int) -> Path:
    """`spaces` bytes of white space between two rows: no element ends while they are read."""
    rows = [*inventory_rows(), *_pieces(b" ", spaces), row(3, [inline("x")]).encode()]
    return write_xlsx(path, [sheet_xml(rows)])


def many_sheets(path: Path, sheets: int) -> Path:
    """`sheets` sheets in workbook.xml, every one the same small part."""
    return write_xlsx(path, [sheet_xml(inventory_rows())], sheet_entries=sheets)


def many_sheet_parts(path: Path, sheets: int) -> Path:
    """`sheets` sheets, each its own part."""
    return write_xlsx(path, [sheet_xml(inventory_rows()) for _ in range(sheets)])


def many_styles(path: Path, styles: int) -> Path:
    """A styles part of `styles` cell formats (Excel keeps at most 64,000)."""
    xfs = "<xf/>" * styles
    xml = f'<styleSheet xmlns="{MAIN}"><cellXfs count="{styles}">{xfs}</cellXfs></styleSheet>'
    return write_xlsx(path, [sheet_xml(inventory_rows())], styles=xml.encode())


def padded(path: Path, member: str, spaces: int) -> Path:
    """The workbook at `path` with `spaces` bytes of white space after the XML of `member`."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            target.writestr(name, data + b" " * spaces if name == member else data)
    return path


def _pieces(piece: bytes, count: int) -> Iterator[bytes]:
    """`piece` `count` times, in blocks of a megabyte or so."""
    per_block = max((1 << 20) // len(piece), 1)
    block = piece * per_block
    whole, rest = divmod(count, per_block)
    yield from repeat(block, whole)
    yield piece * rest


def _chain(*parts: Chunks) -> Iterator[bytes]:
    for part in parts:
        yield from part


# Each shape at the size that shows the problem: the two files and their kin.
FULL_SIZE: dict[str, tuple[Callable[[Path, int], Path], int]] = {
    "wide_row": (wide_row, 2_500_000),
    "empty_cells": (empty_cells, 100_000),
    "tall": (tall, 3_000_000),
    "far_row": (far_row, 100_000_000),
    "merged_ranges": (merged_ranges, 300_000),
    "gap": (gap, 200_000_000),
    "deep_merge": (deep_merge, 200_000),
    "shared_strings": (shared_strings, 5_000_000),
    "long_text": (long_text, 200_000_000),
    "long_shared_string": (long_shared_string, 200_000_000),
    "many_sheets": (many_sheets, 300_000),
    "many_sheet_parts": (many_sheet_parts, 9_000),
    "many_styles": (many_styles, 2_000_000),
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (shape, size) in FULL_SIZE.items():
        made = shape(out / f"{name}.xlsx", size)
        print(f"{made.name}: {made.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
