"""What every view is made of, and the words and numbers that more than one page says.

A `Cell` is what a person reads in one place of a table: the text with its numbers already
formatted in the page's language, a quieter line below it, a mark (`~` estimated, `*` a
criterion missing), a tone (good, bad, ...) that the terminal shows as a colour and a page
as a class, and the journey page it links to where the output has pages. A `Table` is a
titled grid of cells with its headers. A `Figure` is a headline number with its caption.

Every writer (terminal, Markdown, the HTML and Markdown pages) lays these out as they are:
none formats a number, picks a word or decides a mark of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from journeyctl.text import Lang, format_count, format_date, format_decimal, format_percent, label

# What stands where a value is not there (no owner, not measured, not ranked then), in
# every output: the terminal's hyphen, plain ASCII that every terminal and code page shows.
NONE = "-"

ESTIMATED = "~"  # after a volume that someone estimated rather than counted
MISSING = "*"  # after a journey's name when a criterion has no value (counted 0)
# The last characters of a figure, that a mark follows without a space.
_FIGURE_ENDS = frozenset("0123456789%")
PARTS = "; "  # between the names of a cell that names several (the journeys of an improvement)

# How a cell stands out: good and bad (green and red), strong (a total), and the four
# movements of a ranking: up, down, the same place, and new (not ranked in the period before).
Tone = Literal["", "good", "bad", "strong", "up", "down", "same", "new"]


@dataclass(frozen=True)
class Cell:
    text: str
    below: str = ""  # a second, quieter line: the state under a status, an owner's email
    tone: Tone = ""
    link: str = ""  # the page it names, "journeys/<id>", where the output has pages
    mark: str = ""  # ESTIMATED or MISSING, shown after the text
    # A cell that names several journeys: one cell each, so a page links every one; `text`
    # is what plain text shows, the parts' texts joined by PARTS.
    parts: tuple[Cell, ...] = ()

    @property
    def shown(self) -> str:
        """The text with its mark, as plain text shows it: `5,000~`, `I sign up *`."""
        if not self.mark:
            return self.text
        return self.text + self.gap + self.mark

    @property
    def gap(self) -> str:
        """What stands between the text and its mark: nothing after a figure (`5,000~`,
        `35%~`), a space after a word (`I sign up *`, `Top journey nobody works on ~`)."""
        after_figure = self.mark != MISSING and self.text[-1:] in _FIGURE_ENDS
        return "" if after_figure else " "


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]  # per column: a number, aligned right
    rows: tuple[tuple[Cell, ...], ...]
    flexible: int = 0  # the column that may wrap first in a terminal (a name)
    one_line: frozenset[int] = frozenset()  # columns whose cells never wrap (a date)
    empty: str = ""  # what stands in the table's place without rows
    anchors: tuple[str, ...] = ()  # per row, the name a page may link to (an improvement's id)
    # Columns whose cells list their parts one per line where the output has lines (the
    # terminal, HTML); Markdown joins them with PARTS, as every other cell's parts.
    stacked: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Number:
    """A table's column of numbers (aligned right) under the label `key`; a column of text
    is written as its key alone: `headed(("journey", Number("contacts")), lang)`."""

    key: str


# A table's column: the label key of its header, a Number where it holds numbers.
Column = str | Number


def headed(
    columns: Sequence[Column], lang: Lang, capitals: bool = False
) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """A table's headers in `lang` (`capitals`: each with a capital) and which of its columns
    hold numbers: `Table(title, *headed(columns, lang), rows)`."""
    keys = (column.key if isinstance(column, Number) else column for column in columns)
    labels = (label(key, lang) for key in keys)
    headers = tuple(capitalised(text) for text in labels) if capitals else tuple(labels)
    return headers, tuple(isinstance(column, Number) for column in columns)


@dataclass(frozen=True)
class Figure:
    """A headline number with its caption."""

    value: str
    caption: str
    tone: Tone = ""


# --- numbers as a person reads them --------------------------------------------------------


def count(value: int | None, lang: Lang) -> str:
    """A whole number, or NONE: 1,000 (en), 1.000 (nl)."""
    return NONE if value is None else format_count(value, lang)


def decimal(value: float | None, lang: Lang, places: int) -> str:
    return NONE if value is None else format_decimal(value, lang, places)


def percent(fraction: float | None, lang: Lang, places: int = 0) -> str:
    return NONE if fraction is None else format_percent(fraction, lang, places)


def signed(value: float | None, lang: Lang, places: int) -> str:
    """A change with its sign, +0.02 or -3 (a KPI since its previous measurement, the effect
    an improvement expects on one); NONE without one."""
    if value is None:
        return NONE
    text = decimal(value, lang, places)
    return text if value < 0 or text.startswith("-") else "+" + text


def rise(fraction: float | None, lang: Lang) -> str:
    """A rise as a signed percentage, +33%; "" where there is none to say."""
    return "" if fraction is None else "+" + format_percent(fraction, lang)


def day(value: date | None, lang: Lang) -> str:
    """A date in the language's medium format; "" without one."""
    return "" if value is None else format_date(value, lang)


def rank(value: int | None) -> str:
    return NONE if value is None else str(value)


def places(values: list[float]) -> int:
    """Decimals enough for every value, two at most: 0.26 needs two, 71 none. The values
    of one measure (a KPI's baseline, latest and target) share them, so they line up."""
    return max((_places(v) for v in values), default=0)


def _places(value: float) -> int:
    text = f"{value:.4f}".rstrip("0")
    return min(len(text.split(".")[1]), 2) if "." in text else 0


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def period_title(key: str, period: str | None, lang: Lang) -> str:
    """A report's title with its period: "Improvements, period 2025"."""
    text = label(key, lang)
    if period is None:
        return text
    return f"{text}, {label('period', lang).lower()} {period}"


def measured_until(value: date, lang: Lang) -> str:
    """Up to which day measurements count: "measured until 31 Dec 2025"."""
    return label("report.measured_until", lang).format(day=format_date(value, lang))


def journey_page(journey_id: str) -> str:
    return f"journeys/{journey_id}"


def journeys_cell(ids: tuple[str, ...], names: tuple[str, ...], empty: str = NONE) -> Cell:
    """The journeys a row names, each linking to its page."""
    parts = tuple(Cell(name, link=journey_page(id_)) for id_, name in zip(ids, names, strict=True))
    return Cell(PARTS.join(names) or empty, parts=parts)


# --- a journey's movement in a ranking --------------------------------------------------------


def movement(places_up: int | None, lang: Lang) -> Cell:
    """▲3 (up three places), ▼1, = (the same place), or new: `places_up` None, not ranked in
    the compared period."""
    if places_up is None:
        return Cell(label("new", lang), tone="new")
    if places_up > 0:
        return Cell(f"▲{places_up}", tone="up")
    if places_up < 0:
        return Cell(f"▼{-places_up}", tone="down")
    return Cell("=", tone="same")
