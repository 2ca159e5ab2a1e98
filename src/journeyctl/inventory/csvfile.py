"""Reading a CSV file: UTF-8 with or without BOM, `,` `;` or tab between fields (sniffed
from the header line), every value as text.

A line longer than `MAX_LINE_CHARS` is refused without reading the rest of it, so a file
with a 50 MB line costs a megabyte of memory, not fifty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from journeyctl.inventory.cells import Problem, Refused, Sheet, Value
from journeyctl.inventory.workbook import MAX_COLUMNS, Progress, check_size

MAX_LINE_CHARS = 1 << 20
_DELIMITERS = (";", ",", "\t")
# Files named .csv that are something else, by their first bytes.
_NOT_CSV = (
    (b"PK\x03\x04", "this is a zip file (an .xlsx workbook?), not CSV: name it .xlsx"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "this is an Excel 97-2003 or password-protected workbook, not CSV; save it as "
        "CSV UTF-8 (or as .xlsx without a password) and import that",
    ),
    (
        b"\xff\xfe",
        "this is UTF-16 text (Excel's 'Unicode text'), not UTF-8; save it as CSV UTF-8 "
        "and import that",
    ),
    (
        b"\xfe\xff",
        "this is UTF-16 text, not UTF-8; save it as CSV UTF-8 and import that",
    ),
)


def read_csv(path: Path, progress: Progress | None = None) -> Sheet:
    """The file as one sheet named after it; Refused if it is not UTF-8 text."""
    check_size(path)
    sheet = Sheet(path.name)
    with path.open("rb") as raw:
        head = raw.read(8)
        for start, message in _NOT_CSV:
            if head.startswith(start):
                raise _refuse(path, message)
        raw.seek(0)
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            lines = _lines(text, path)
            first = next(lines, "")
            delimiter = _sniff(first)
            reader = csv.reader(_chain(first, lines), delimiter=delimiter)
            for number, fields in enumerate(reader, start=1):
                sheet.rows.append(_values(fields))
                if progress is not None:
                    progress(number)
        except UnicodeDecodeError as error:
            raise _refuse(
                path,
                f"this file is not UTF-8 text (byte {error.start} of a block cannot be read); "
                "save it as CSV UTF-8",
            ) from None
        except csv.Error as error:
            raise _refuse(path, f"this is not a CSV file that can be read ({error})") from None
    return sheet


def _refuse(path: Path, message: str) -> Refused:
    return Refused([Problem(path.name, message)])


def _lines(text: io.TextIOWrapper, path: Path) -> Iterator[str]:
    number = 0
    while line := text.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise _refuse(
                path,
                f"line {number} is longer than {MAX_LINE_CHARS // 1024} KB: not an inventory "
                "or measurements file; check that it is the file you meant",
            )
        yield line


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _sniff(header: str) -> str:
    """The delimiter the header line uses most (outside quotes); `,` when it has none."""
    outside = "".join(part for index, part in enumerate(header.split('"')) if index % 2 == 0)
    counts = {delimiter: outside.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _values(fields: list[str]) -> list[Value]:
    row: list[Value] = [field if field.strip() else None for field in fields[:MAX_COLUMNS]]
    while row and row[-1] is None:
        row.pop()
    return row
