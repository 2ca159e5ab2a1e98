"""Reading a CSV file: UTF-8 with or without BOM, `,` `;` or tab between fields (sniffed
from the header line), every value as text. A file that is not UTF-8 is read as Windows-1252,
what Excel in Dutch (and every Western European Windows) saves as "CSV (gescheiden door
lijstscheidingsteken)": `;` between the fields, é as one byte. Which one it was is kept
(`CsvSheet.encoding`), so that the summary can say so: a file in another 8-bit encoding
(Cyrillic, Greek) reads as letters that are not its own, and the names then match nothing.

A line longer than `MAX_LINE_CHARS` is refused without reading the rest of it, so a file
with a 50 MB line costs a megabyte of memory, not fifty; its lines and fields count against
the file's `Budget` as a sheet's rows and cells do.

Nothing is dropped without a word: a row with a value past the header's last column is
refused with its line (`fields_past_header`). In a file separated by `;` that is most often
a field that holds `;` without quotes (`Enquête; met puntkomma`), which the reader splits in
two; the part that lands past the header would otherwise be lost unseen, and the rest of
the row read shifted. Refusing, rather than naming the extra fields in the summary, fits an
import that is all or nothing: the file is fixed in one place and imported whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.inventory import limits
from journeyctl.inventory.cells import Problem, Refused, Sheet, Value, column_letters
from journeyctl.inventory.files import open_binary
from journeyctl.inventory.limits import Budget
from journeyctl.inventory.words import Message, said
from journeyctl.inventory.workbook import Progress, check_size

_SHOWN_CHARS = 40  # of a value quoted in a message
_DELIMITERS = (";", ",", "\t")
# Files named .csv that are something else, by their first bytes.
_NOT_CSV = (
    (b"PK\x03\x04", said("csv.zip")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", said("csv.ole")),
    (b"\xff\xfe", said("csv.utf16_excel")),
    (b"\xfe\xff", said("csv.utf16")),
)


@dataclass
class CsvSheet(Sheet):
    """A CSV file's rows, with the separator and the line each row starts on (a quoted
    field may hold line breaks, so a row may take more than one line)."""

    delimiter: str = ","
    lines: list[int] = field(default_factory=list)
    encoding: str = "utf-8"  # or "Windows-1252", when the bytes are not UTF-8


def read_csv(path: Path, progress: Progress | None = None) -> CsvSheet:
    """The file as one sheet named after it, UTF-8 or else Windows-1252; Refused if it is
    neither (or not a CSV file at all)."""
    check_size(path)
    with open_binary(path) as raw:
        head = raw.read(8)
        for start, message in _NOT_CSV:
            if head.startswith(start):
                raise _refuse(path, message)
    try:
        return _read(path, "utf-8-sig", progress)
    except UnicodeDecodeError:
        pass  # not UTF-8: read again, from the start, as Windows-1252
    try:
        sheet = _read(path, "cp1252", progress)
    except UnicodeDecodeError as error:
        raise _refuse(path, said("csv.not_text", byte=str(error.start))) from None
    sheet.encoding = "Windows-1252"
    return sheet


def _read(path: Path, encoding: str, progress: Progress | None) -> CsvSheet:
    sheet = CsvSheet(path.name)
    budget = Budget(path.name)
    with open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            lines = _lines(text, path)
            first = next(lines, "")
            sheet.delimiter = _sniff(first)
            reader = csv.reader(_chain(first, lines), delimiter=sheet.delimiter)
            line = 1
            for number, fields in enumerate(reader, start=1):
                budget.spend_rows(1, said("word.line", line=str(line)))
                budget.spend_cells(len(fields), said("word.line", line=str(line)))
                sheet.rows.append(_values(fields))
                sheet.lines.append(line)
                line = reader.line_num + 1
                if progress is not None:
                    progress(number)
        except csv.Error as error:
            raise _refuse(path, said("csv.unreadable", reason=str(error))) from None
    return sheet


def _refuse(path: Path, message: Message) -> Refused:
    return Refused([Problem(path.name, message)])


def _lines(text: io.TextIOWrapper, path: Path) -> Iterator[str]:
    number = 0
    while line := text.readline(limits.MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > limits.MAX_LINE_CHARS:
            raise _refuse(
                path,
                said("csv.line_too_long", line=str(number), kb=str(limits.MAX_LINE_CHARS // 1024)),
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
    row: list[Value] = [text if text.strip() else None for text in fields[: limits.MAX_COLUMNS]]
    while row and row[-1] is None:
        row.pop()
    return row


def fields_past_header(sheet: CsvSheet, header_row: int) -> list[Problem]:
    """A problem for each row below the header with a value past the header's last field,
    at the row's line: `data.csv:7: 5 fields where the header has 4: ...`."""
    width = len(sheet.rows[header_row])
    problems = []
    for index in range(header_row + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if len(row) > width:
            extra = ", ".join(_shown(value) for value in row[width:] if value is not None)
            problems.append(
                Problem(
                    f"{sheet.name}:{sheet.lines[index]}",
                    said(
                        "csv.fields_past_header",
                        fields=len(row),
                        width=width,
                        extra=extra,
                        column=column_letters(width - 1),
                        delimiter=repr(sheet.delimiter),
                        quoted=f'"a{sheet.delimiter} b"',
                    ),
                )
            )
    return problems


def _shown(value: Value) -> str:
    text = str(value)
    return repr(text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…")
