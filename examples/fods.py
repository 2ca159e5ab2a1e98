"""A small writer of flat OpenDocument spreadsheets (.fods), for LibreOffice to convert.

The example and test workbooks are written as .fods (plain XML: merged cells, formulas,
text that looks like numbers, formatted empty rows), then opened and saved as .xlsx by
LibreOffice itself (`soffice --headless --convert-to xlsx`), so that they hold what a real
spreadsheet program writes: cached formula values, real merged cells, shared strings.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class Formula:
    """A formula in OpenFormula syntax (`of:=SUM([.D5:.D7])`)."""

    text: str


@dataclass(frozen=True)
class Span:
    """A merged cell: `value` over `rows` rows and `columns` columns."""

    value: object
    rows: int = 1
    columns: int = 1


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]
    # Rows after the data that are formatted but empty (a whole column coloured, say).
    formatted_empty_rows: int = 0
    widths: list[float] = field(default_factory=list)
    hidden: bool = False  # a sheet someone hid (an old copy, a lookup list)


def _cell(value: object) -> str:
    spans = ""
    if isinstance(value, Span):
        spans = (
            f' table:number-rows-spanned="{value.rows}"'
            f' table:number-columns-spanned="{value.columns}"'
        )
        value = value.value
    if value is None:
        return f"<table:table-cell{spans}/>"
    if isinstance(value, Formula):
        return (
            f"<table:table-cell{spans} table:formula={quoteattr(value.text)}"
            ' office:value-type="float"/>'
        )
    if isinstance(value, bool):
        raise TypeError("write yes/no as text")
    if isinstance(value, int | float):
        return (
            f'<table:table-cell{spans} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell{spans} office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def _table(sheet: Sheet) -> str:
    covered: set[tuple[int, int]] = set()
    style = ' table:style-name="hidden"' if sheet.hidden else ""
    lines = [f"<table:table table:name={quoteattr(sheet.name)}{style}>"]
    for row_index, row in enumerate(sheet.rows):
        cells = []
        for column_index, value in enumerate(row):
            if (row_index, column_index) in covered:
                if value is not None:
                    raise ValueError(f"{sheet.name}: a value in a merged cell's shadow")
                cells.append("<table:covered-table-cell/>")
                continue
            if isinstance(value, Span):
                covered |= {
                    (row_index + r, column_index + c)
                    for r in range(value.rows)
                    for c in range(value.columns)
                } - {(row_index, column_index)}
            cells.append(_cell(value))
        lines.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    if sheet.formatted_empty_rows:
        lines.append(
            '<table:table-row table:style-name="ro1"'
            f' table:number-rows-repeated="{sheet.formatted_empty_rows}">'
            '<table:table-cell table:style-name="yellow" table:number-columns-repeated="8"/>'
            "</table:table-row>"
        )
    lines.append("</table:table>")
    return "\n".join(lines)


_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <style:style style:name="ro1" style:family="table-row">
  <style:table-row-properties style:use-optimal-row-height="false" style:row-height="0.5cm"/>
 </style:style>
 <style:style style:name="hidden" style:family="table">
  <style:table-properties table:display="false"/>
 </style:style>
 <style:style style:name="yellow" style:family="table-cell">
  <style:table-cell-properties fo:background-color="#ffff00"/>
 </style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
_TAIL = "\n</office:spreadsheet></office:body></office:document>\n"


def fods(sheets: list[Sheet]) -> str:
    return _HEAD + "\n".join(_table(sheet) for sheet in sheets) + _TAIL


def save_as_xlsx(
    sheets: list[Sheet], target: Path, convert_to: str = "xlsx:Calc MS Excel 2007 XML"
) -> None:
    """Write the sheets as .fods and let LibreOffice save them as `target` (.xlsx, or what
    `convert_to` says: `xls:MS Excel 97`, `ods` for files of the wrong kind in the tests)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{target.stem}.fods"
        source.write_text(fods(sheets), encoding="utf-8")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                convert_to,
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        suffix = convert_to.split(":")[0]
        shutil.copyfile(Path(folder) / f"{target.stem}.{suffix}", target)
