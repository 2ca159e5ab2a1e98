"""What a spreadsheet holds, read: sheets of cell values, and where each cell is.

A cell's value is what the program that saved the file showed: text, a number, a date,
yes/no, empty (None), an error value (`#DIV/0!`), or a formula that was never calculated
(a file written by a script, never opened in Excel or LibreOffice). Merged cells are
already filled in: a merged cell's value stands in every cell it spans. A sheet knows the
day its workbook counts dates from (`epoch`), for a date kept as a serial number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from journeyctl.inventory.words import Message, say
from journeyctl.text import Lang

# Day 0 of the serial numbers a spreadsheet keeps dates as: the 1900 date system (Excel and
# LibreOffice on Windows, and Excel's default everywhere now) and the 1904 one (Excel for
# Mac's old default), which a workbook names in its workbookPr.
EPOCH_1900 = date(1899, 12, 30)
EPOCH_1904 = date(1904, 1, 1)


@dataclass(frozen=True)
class ErrorValue:
    """An error value the spreadsheet calculated, such as `#DIV/0!` or `#N/A`."""

    code: str


@dataclass(frozen=True)
class Uncalculated:
    """A formula whose value was never calculated: the file holds no value for it, or one
    the workbook itself says is not to be trusted (a program that does not calculate wrote
    it, and asked for every formula to be calculated when the file is opened)."""

    formula: str


Value = str | int | float | bool | date | datetime | ErrorValue | Uncalculated | None


@dataclass(frozen=True)
class Problem:
    """Why a file, a sheet or a cell is refused: where (`Sheet!D7`) and what to do, said in
    the framework's language when shown (`say`), in English as text."""

    where: str
    message: Message

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def say(self, lang: Lang) -> str:
        return f"{self.where}: {say(self.message, lang)}"


class Refused(Exception):
    """The input cannot be imported; nothing was written. Each problem names its place."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class Sheet:
    """One sheet's rows, from the first down to the last row that holds data."""

    name: str
    rows: list[list[Value]] = field(default_factory=list)
    hidden: bool = False  # hidden in the workbook: read only when --sheet names it
    epoch: date = EPOCH_1900  # day 0 of the workbook's serial dates (a CSV file: 1900)

    def value(self, row: int, column: int) -> Value:
        """The value at 0-based `row` and `column`; None outside the data."""
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return None

    def where(self, row: int, column: int) -> str:
        """The cell as a person finds it: `Klantenservice!D7` (1-based row, column letters)."""
        return f"{self.name}!{column_letters(column)}{row + 1}"

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass
class Workbook:
    """The sheets of one file, in their order; a CSV file is one sheet named after it."""

    name: str
    sheets: list[Sheet]


def column_letters(column: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    number = column + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def is_empty(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
