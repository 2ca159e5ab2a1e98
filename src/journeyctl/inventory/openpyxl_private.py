"""openpyxl's internals that reading a workbook within bounds uses, all of them here.

openpyxl documents `load_workbook` and what it returns; reading a workbook within bounds
(`sheetparts`, `xmlstream`, `workbook`) needs the parts below it, which a release of openpyxl
may change without notice. Every one that journeyctl uses is named here, with why, and
`tests/inventory/test_openpyxl_private.py` checks each exists with the shape used, so that
an upgrade of openpyxl fails the tests, not the users; `pyproject.toml` allows only the
minor versions tested. Import this module where openpyxl would be imported (inside a
function): it loads openpyxl.

- `openpyxl.worksheet._reader.WorkSheetParser` (a private module): turns a row's cells into
  values as `load_workbook` does (shared strings, numbers, dates by their style, yes/no,
  error values). Used: the constructor's `src`, `shared_strings`, `data_only`, `epoch`,
  `date_formats` and `timedelta_formats`; `parse_row(row)`, which gives the row's number and
  its cells and calls `parse_cell(element)` for each, a dict with `column` (1-based),
  `value` and `data_type` (subclassed here as `RowParser`); a number in a date format past
  the last date (9999-12-31) is `#VALUE!` of `data_type` "e", with a warning.
- `openpyxl.reader.workbook.WorkbookParser`: the sheets in their order, their names, states
  and parts, and the workbook's epoch (1900 or 1904). Used: `WorkbookParser(archive, part,
  keep_links=False)`, `parse()`, `wb.epoch`, `find_sheets()` giving (sheet: `name`,
  `state`; relation: `target`, `Type`).
- `openpyxl.packaging.manifest.Manifest`: the content types, which name the workbook's part
  and the shared strings'. Used: `Manifest.from_tree(root)`, `find(content_type).PartName`.
- `openpyxl.xml.functions.fromstring`, `iterparse`: the XML parser openpyxl uses, defusedxml's
  when installed, so that journeyctl parses with the same refusals.
- `openpyxl.DEFUSEDXML`: whether that parser is defusedxml's (`defused()`).
- `openpyxl.xml.constants`: the part names and content types (`ARC_CONTENT_TYPES`,
  `ARC_WORKBOOK`, `SHARED_STRINGS`, `XLSX`, `XLSM`, `XLTX`, `XLTM`).
- `openpyxl.styles.numbers`: `builtin_format_code`, `is_date_format`, `is_timedelta_format`,
  which number formats make a number a date or a duration.

openpyxl says what it meets with Python warnings ("Cell D7 is marked as a date but the serial
value ... will be treated as an error", "Data Validation extension is not supported and will
be removed"), written to stderr by default: about its own reading and writing, never the
user's file, which journeyctl never changes; they would read as if it did. Every use of
openpyxl runs inside `quiet()`, which drops the warnings raised in openpyxl's modules and
only those.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Container, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import IO, Any

import openpyxl
from openpyxl.packaging.manifest import Manifest
from openpyxl.reader.workbook import WorkbookParser
from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import (
    ARC_CONTENT_TYPES,
    ARC_WORKBOOK,
    SHARED_STRINGS,
    XLSM,
    XLSX,
    XLTM,
    XLTX,
)
from openpyxl.xml.functions import fromstring, iterparse

__all__ = [
    "ARC_CONTENT_TYPES",
    "ARC_WORKBOOK",
    "SHARED_STRINGS",
    "XLSM",
    "XLSX",
    "XLTM",
    "XLTX",
    "Manifest",
    "RowParser",
    "WorkbookParser",
    "builtin_format_code",
    "defused",
    "fromstring",
    "is_date_format",
    "is_timedelta_format",
    "iterparse",
    "quiet",
]

ParsedCell = dict[str, Any]  # "column" (1-based), "value", "data_type", and more


@contextmanager
def quiet() -> Iterator[None]:
    """openpyxl's warnings dropped while the block runs; any other warning is shown (or,
    under the tests, fails them) as before."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"openpyxl(\.|$)")
        yield


def defused() -> bool:
    """Whether openpyxl parses XML through defusedxml (asked when reading, not assumed)."""
    return bool(openpyxl.DEFUSEDXML)


class RowParser(WorkSheetParser):
    """openpyxl's parser of cells, given one row element at a time (`parse_row`), reading
    the values a spreadsheet program stored (`data_only`); `cell` sees each cell's element
    and openpyxl's reading of it, and gives the reading kept."""

    def __init__(
        self,
        source: IO[bytes],
        strings: list[str],
        *,
        epoch: datetime,
        date_styles: Container[int],
        duration_styles: Container[int],
        cell: Callable[[Any, ParsedCell], ParsedCell],
    ) -> None:
        # `source` is read by the caller, a row at a time, never by openpyxl's `parse`.
        super().__init__(
            source,
            strings,
            data_only=True,
            epoch=epoch,
            date_formats=date_styles,
            timedelta_formats=duration_styles,
        )
        self.cell = cell

    def parse_cell(self, element: Any) -> ParsedCell:
        return self.cell(element, super().parse_cell(element))
