"""Terminal tables that fit the terminal's width and wrap text at word boundaries.

Rich shrinks a table that is too wide by narrowing its widest columns, which can cut a
name mid-word while another column has room. Here each column's width is decided first:
every column gets at least its longest word (so text wraps between words, never inside
one), then the room that is left goes to the columns whose text still wraps, the ones
that need least first. Only when even the longest words do not fit are the widest text
columns cut down (never a number), and then a word longer than its column is folded.

`fits` tells a caller with several layouts whether one fits comfortably: numbers and
`flexible` columns at their longest word, a column that allows `lines` lines with each of
its facts (a cell's lines) wrapped into at most that many, every other text column on one
line. Such a column gets that width first when the table is laid out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from rich import box
from rich.cells import cell_len as rich_cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from journeyctl.formats._console import console_for, render

# Two spaces between columns: one from the box's divider, one of padding.
GAP = 2


def cell_len(text: str) -> int:
    """How many columns `text` takes, as Rich counts them: one a character for printable
    ASCII (nearly every cell, measured here without Rich's cache lookups), Rich's count for
    the rest (wide and combining characters)."""
    if text.isascii() and text.isprintable():
        return len(text)
    return rich_cell_len(text)


@dataclass
class Column:
    """A column's header and cells.

    `numeric`: aligned right, each line of a cell on its own (a figure with another
    beneath it), and never cut (its header may still wrap between words);
    `wrap=False` keeps each cell on one line (a bar); `flexible`: the column that may wrap
    even when a layout is comfortable (long names); `lines`: how many lines each fact of
    a cell may take when the layout is comfortable (a name that is a sentence: 3), or per
    fact of a stacked cell (the last for the rest); a column that says so gets that width
    first (see `fit_widths`).
    """

    header: str
    numeric: bool = False
    wrap: bool = True
    flexible: bool = False
    cells: list[Text] = field(default_factory=list)
    lines: int | tuple[int, ...] | None = None

    def min_width(self) -> int:
        """The longest word, or the longest line where a cell must not wrap."""
        return self._min_width

    def max_width(self) -> int:
        """The longest line: the width at which nothing wraps."""
        return self._max_width

    # Layouts ask for the widths many times and a column's cells do not change once it is
    # laid out: measure each distinct text once.
    @cached_property
    def _min_width(self) -> int:
        words = {word for text in self._texts() for word in _words(text, self.wrap)}
        return max((cell_len(w) for w in words), default=1)

    @cached_property
    def _max_width(self) -> int:
        lines = {line for text in self._texts() for line in text.split("\n")}
        return max((cell_len(line) for line in lines), default=1)

    def comfortable_width(self) -> int:
        if self.numeric or self.flexible:
            return self.min_width()
        return self._within_lines if self.most_lines() > 1 else self.max_width()

    def most_lines(self) -> int:
        """The most lines a fact of this column may take (0: it does not say)."""
        return max(self._limits(), default=0)

    def _limits(self) -> tuple[int, ...]:
        return (self.lines,) if isinstance(self.lines, int) else self.lines or ()

    @cached_property
    def _within_lines(self) -> int:
        """The least width at which every fact wraps into at most its lines."""
        limits = self._limits()
        facts: dict[str, int] = {self.header: max(limits)}
        for cell in self.cells:
            for position, fact in enumerate(cell.plain.split("\n")):
                limit = limits[min(position, len(limits) - 1)]
                facts[fact] = min(facts.get(fact, limit), limit)
        width = self.min_width()
        # The longest first: a shorter one fits on a line what they fit.
        for fact in sorted(facts, key=len, reverse=True):
            if cell_len(fact) <= width:
                break
            while wrapped_lines(fact, width) > facts[fact]:
                width += 1
        return width

    def can_be_cut(self) -> bool:
        return self.wrap and not self.numeric

    def _texts(self) -> set[str]:
        return {self.header, *(cell.plain for cell in self.cells)}


def wrapped_lines(fact: str, width: int) -> int:
    """How many lines `fact` takes wrapped between words at `width` (as Rich wraps it)."""
    lines, used = 1, -1
    for word in fact.split():
        length = cell_len(word)
        if used + 1 + length > width and used > 0:
            lines, used = lines + 1, length
        else:
            used += 1 + length
    return lines


def _words(text: str, wrap: bool) -> list[str]:
    lines = text.split("\n")
    if not wrap:
        return lines
    return [word for line in lines for word in line.split()]


def gap(columns: Sequence[Column], width: int) -> int:
    """Two spaces between columns; one where two would make words break."""
    least = sum(c.min_width() for c in columns)
    return GAP if least + GAP * (len(columns) - 1) <= width else 1


def fit_widths(columns: Sequence[Column], width: int) -> list[int]:
    """Each column's width so that the table is at most `width` wide where it can be."""
    room = width - gap(columns, width) * (len(columns) - 1)
    least = [c.min_width() for c in columns]
    most = [max(c.max_width(), low) for c, low in zip(columns, least, strict=True)]
    if sum(most) <= room:
        return most
    if sum(least) <= room:
        # Columns that say how many lines they may take get that width first, where all fit.
        start = [
            c.comfortable_width() if c.lines else w for c, w in zip(columns, least, strict=True)
        ]
        if sum(start) > room:
            start = least
        # Text first (a name on one line), then the numbers' headers. Of the text, the
        # columns whose facts may take most lines (sentences) first: a line less there
        # is a line less for the row.
        text = [i for i, c in enumerate(columns) if not c.numeric]
        numbers = [i for i, c in enumerate(columns) if c.numeric]
        most_lines = max((columns[i].most_lines() for i in text), default=0)
        sentences = [i for i in text if most_lines > 1 and columns[i].most_lines() == most_lines]
        widths = _widen(start, most, room - sum(start), sentences)
        widths = _widen(widths, most, room - sum(widths), text)
        return _widen(widths, most, room - sum(widths), numbers)
    return _narrow(least, [c.can_be_cut() for c in columns], room)


def fits(
    columns: Sequence[Column], width: int, *, comfortably: bool = True, gap: int = GAP
) -> bool:
    """Whether the columns fit `width` comfortably (see the module's docstring), or else
    with their longest words; `gap` spaces apart."""
    widths = [c.comfortable_width() if comfortably else c.min_width() for c in columns]
    return sum(widths) + gap * (len(columns) - 1) <= width


def height(columns: Sequence[Column], width: int) -> tuple[int, int]:
    """How many lines the rows take at the widths `fit_widths` gives (wrapped between
    words), then how many lines all cells take together: to choose the shorter of two
    layouts that show the same, and of two as short the one that wraps less."""
    widths = fit_widths(columns, width)
    rows = [1] * len(columns[0].cells) if columns else []
    cells = 0
    for column, column_width in zip(columns, widths, strict=True):
        fits_on_a_line = column.max_width() <= column_width
        for row, cell in enumerate(column.cells):
            facts = cell.plain.split("\n")
            if fits_on_a_line:
                lines = len(facts)
            else:
                lines = sum(wrapped_lines(fact, column_width) for fact in facts)
            rows[row] = max(rows[row], lines)
            cells += lines
    return sum(rows), cells


def _widen(widths: list[int], most: list[int], spare: int, among: list[int]) -> list[int]:
    """Share `spare` out among some columns, those that need least first, each up to its
    most: what one does not need goes to the next."""
    widths = list(widths)
    wanting = sorted(among, key=lambda i: (most[i] - widths[i], i))
    for position, index in enumerate(wanting):
        share = spare // (len(wanting) - position)
        extra = min(most[index] - widths[index], share)
        widths[index] += extra
        spare -= extra
    return widths


def _narrow(widths: list[int], cuttable: list[bool], room: int) -> list[int]:
    """Cut the widest text columns down to one limit, the largest that fits `room`."""
    limit = max(widths)
    while limit > 1 and sum(_cut(widths, cuttable, limit)) > room:
        limit -= 1
    # Narrower still, Rich's last resort (cutting every column) takes over.
    return _cut(widths, cuttable, limit)


def _cut(widths: list[int], cuttable: list[bool], limit: int) -> list[int]:
    return [min(w, limit) if cut else w for w, cut in zip(widths, cuttable, strict=True)]


def build(title: Text, columns: Sequence[Column], width: int, *, rows: bool = True) -> Table:
    """A Rich table of `columns` at the widths `fit_widths` decides; only the title and
    the header without `rows`."""
    widths = fit_widths(columns, width)
    padding = (0, gap(columns, width) - 1, 0, 0)
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=padding,
        header_style="bold",
    )
    for column, column_width in zip(columns, widths, strict=True):
        table.add_column(
            Text(column.header),
            justify="right" if column.numeric else "left",
            width=column_width,
            no_wrap=not column.wrap,
            overflow="fold",
        )
    if rows:
        for row in zip(*_aligned_columns(columns, widths), strict=True):
            table.add_row(*row)
    return table


def _aligned_columns(columns: Sequence[Column], widths: list[int]) -> list[list[Text]]:
    return [_aligned(column, width) for column, width in zip(columns, widths, strict=True)]


def _aligned(column: Column, width: int) -> list[Text]:
    """Right-aligned cells padded here, so that a trailing mark (`~`) or its blank stays
    and the digits line up: Rich strips trailing blanks when it aligns right itself."""
    if not column.numeric:
        return column.cells
    return [_aligned_cell(cell, width) for cell in column.cells]


def _aligned_cell(cell: Text, width: int) -> Text:
    if "\n" in cell.plain:  # each line aligned on its own: a figure with another beneath
        return Text("\n", justify="left").join(_aligned_cell(line, width) for line in cell.split())
    padded = cell.copy()
    padded.pad_left(max(0, width - cell.cell_len))
    padded.justify = "left"
    return padded


def render_table(title: Text, columns: Sequence[Column], width: int, color: bool) -> str:
    """The table as `render(build(...))` writes it, the same characters and colours, at a
    fraction of the cost for long tables: Rich lays out the title and the header, the rows
    are written here. Rich lays out every cell through several generic layers (a ranking
    of 2,000 journeys took most of a second); here a cell that fits its column on one line
    is padded, and only a cell that wraps or carries a style goes through Rich's `Text`.
    Where the columns do not fit `width` even so, Rich's own shrinking decides: the whole
    table is Rich's then."""
    widths = fit_widths(columns, width)
    spacing = gap(columns, width)
    if sum(widths) + spacing * (len(columns) - 1) > width:
        return render(build(title, columns, width), color, width, soft_wrap=False)
    head = render(build(title, columns, width, rows=False), color, width, soft_wrap=False)
    console = console_for(color, width)
    # Each column's cell lines with the padding on their right (none after the last
    # column, as `pad_edge=False` leaves it), then Rich's divider: one blank.
    pads = [" " * (spacing - 1)] * (len(columns) - 1) + [""]
    cells = [
        [_cell_lines(cell, column, column_width, console) for cell in column.cells]
        for column, column_width in zip(columns, widths, strict=True)
    ]
    lines = []
    for row in zip(*cells, strict=True):
        height = max(len(lines_of_cell) for lines_of_cell in row)
        for line_no in range(height):
            parts = [
                (cell[line_no] if line_no < len(cell) else " " * w) + pad
                for cell, w, pad in zip(row, widths, pads, strict=True)
            ]
            lines.append(" ".join(parts).rstrip())
    return head + "".join(line + "\n" for line in lines)


def _cell_lines(cell: Text, column: Column, width: int, console: Console) -> list[str]:
    """A cell's lines, each `width` wide, as Rich writes them in a table's column."""
    # Without colours a style changes nothing; with them, only an unstyled cell is plain.
    if not console.is_terminal or (not cell.spans and not cell.style):
        plain = _plain_lines(cell.plain, width, column)
        if plain is not None:
            return plain
    if column.numeric:
        cell = _aligned_cell(cell, width)
    lines = cell.wrap(console, width, justify="left", overflow="fold", no_wrap=not column.wrap)
    if not console.is_terminal:  # no colours: the text is all there is
        return [line.plain for line in lines]
    segments = Text("\n").join(lines).render(console)
    return [_ansi(line, console) for line in Segment.split_lines(segments)]


# What Rich wraps between (a word and the blanks after it), and blanks other than spaces.
_WORD = re.compile(r"\s*\S+\s*")
_ODD_BLANK = re.compile(r"[^\S ]")


def _plain_lines(plain: str, width: int, column: Column) -> list[str] | None:
    """The lines Rich makes of a cell's text, for the common cases: a number that fits, a
    text whose facts fit or wrap between words. None for the rest (a word longer than the
    column, a tab, a line that must not wrap): Rich's own `Text.wrap` does those."""
    if column.numeric:
        facts = plain.split("\n")
        if any(cell_len(fact) > width for fact in facts):
            return None
        return [" " * (width - cell_len(fact)) + fact for fact in facts]
    lines = []
    for fact in plain.split("\n"):
        length = cell_len(fact)
        if length <= width:
            lines.append(fact + " " * (width - length))
            continue
        wrapped = _wrapped(fact, width) if column.wrap else None
        if wrapped is None:
            return None
        lines += wrapped
    return lines


def _wrapped(fact: str, width: int) -> list[str] | None:
    """`fact` wrapped between words as Rich's `divide_line` does it, each line padded to
    `width`; None where a word is longer than `width` or a blank is not a space."""
    if _ODD_BLANK.search(fact):
        return None
    starts = [0]
    used = 0
    for word in _WORD.finditer(fact):
        length = cell_len(word.group().rstrip())
        if width - used >= length:
            used += cell_len(word.group())
        elif length > width:
            return None  # folded across lines: Rich's
        elif used and word.start():
            starts.append(word.start())
            used = cell_len(word.group())
    lines = []
    for start, end in zip(starts, [*starts[1:], len(fact)], strict=True):
        # Blanks after the last word that go beyond the column are dropped, as Rich does.
        line = fact[start:end]
        if cell_len(line) > width:
            line = line.rstrip(" ")
        lines.append(line + " " * (width - cell_len(line)))
    return lines


def _ansi(segments: list[Segment], console: Console) -> str:
    """Segments as the console writes them: each styled one in its own escape codes."""
    system = ColorSystem.STANDARD  # the colours `console_for` asks for
    return "".join(
        style.render(text, color_system=system) if style else text for text, style, _ in segments
    )
