"""Terminal tables that fit the terminal's width and wrap text at word boundaries.

Rich shrinks a table that is too wide by narrowing its widest columns, which can cut a
name mid-word while another column has room. Here each column's width is decided first:
every column gets at least its longest word (so text wraps between words, never inside
one), then the room that is left goes to the columns whose text still wraps, the ones
that need least first. Only when even the longest words do not fit are the widest text
columns cut down (never a number), and then a word longer than its column is folded.

Cells are `Styled`: the text and its styles as Rich's `Text` holds them, without Rich.
Without colours (a pipe, a file, `NO_COLOR`) a table whose cells wrap between words is
written here from its title to its last row, and Rich is not imported; Rich's `Text` is made
of a cell only where Rich lays it out (colours, a word folded across lines).

`fits` tells a caller with several layouts whether one fits comfortably: numbers and
`flexible` columns at their longest word, a column that allows `lines` lines with each of
its facts (a cell's lines) wrapped into at most that many, every other text column on one
line. Such a column gets that width first when the table is laid out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from journeyctl.formats._console import console_for, render

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Text

# Two spaces between columns: one from the box's divider, one of padding.
GAP = 2


def cell_len(text: str) -> int:
    """How many columns `text` takes, as Rich counts them: one a character for printable
    ASCII (nearly every cell, measured here without Rich's cache lookups), Rich's count for
    the rest (wide and combining characters)."""
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


def _measure(text: str) -> Callable[[str], int]:
    """How the parts of `text` are measured: by their length where all of it is printable
    ASCII (one column a character), else as Rich counts them."""
    return len if text.isascii() and text.isprintable() else cell_len


# A part of a cell's text in a style: its start, its end and the style ("dim", "green").
Span = tuple[int, int, str]


class Styled(NamedTuple):
    """A cell's text, with a style for the whole of it and spans for its parts: what Rich's
    `Text` holds of a cell, made thousands of times a table at a fraction of the cost (a
    tuple is made in a third of the time of a frozen dataclass)."""

    plain: str
    style: str = ""
    spans: tuple[Span, ...] = ()

    def text(self) -> Text:
        """The cell as Rich's `Text`, for Rich to lay out."""
        from rich.text import Span as RichSpan
        from rich.text import Text

        spans = [RichSpan(*span) for span in self.spans]
        return Text(self.plain, style=self.style, spans=spans)


def styled(*pieces: tuple[str, str]) -> Styled:
    """A text of pieces, each in its style ("" for none), as `Text.assemble` makes it."""
    plain, spans = "", []
    for piece, style in pieces:
        if piece and style:
            spans.append((len(plain), len(plain) + len(piece), style))
        plain += piece
    return Styled(plain, spans=tuple(spans))


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
    cells: list[Styled] = field(default_factory=list)
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
        if self.numeric:  # the blank that a figure keeps for another row's mark counts
            words.update(_last_word(line) for cell in self.cells for line in cell.plain.split("\n"))
        return max((cell_len(w) for w in words), default=1)

    @cached_property
    def _max_width(self) -> int:
        return max(self.line_lengths.values(), default=1)

    @cached_property
    def line_lengths(self) -> dict[str, int]:
        """Each distinct line of the header and the cells, with its width: measured once,
        for the widths and again when the cells are written."""
        lines = {line for text in self._texts() for line in text.split("\n")}
        return {line: cell_len(line) for line in lines}

    def comfortable_width(self) -> int:
        if self.wraps_into_lines():
            return self._within_lines
        return self.min_width() if self.numeric or self.flexible else self.max_width()

    def wraps_into_lines(self) -> bool:
        """Whether the comfortable width is the least at which facts wrap into their
        lines (the costliest width to find)."""
        return not (self.numeric or self.flexible) and self.most_lines() > 1

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
        last = len(limits) - 1
        for text in {cell.plain for cell in self.cells}:
            for position, fact in enumerate(text.split("\n")):
                limit = limits[min(position, last)]
                if facts.get(fact, limit) >= limit:
                    facts[fact] = limit
        width = self.min_width()
        # The longest first: a shorter one fits on a line what they fit.
        for fact in sorted(facts, key=len, reverse=True):
            if cell_len(fact) <= width:
                break
            # At least a word a line (the width holds the longest): a fact of no more words
            # than its lines fits them.
            if len(fact.split()) <= facts[fact]:
                continue
            while wrapped_lines(fact, width) > facts[fact]:
                width += 1
        return width

    def can_be_cut(self) -> bool:
        return self.wrap and not self.numeric

    def _texts(self) -> set[str]:
        return {self.header, *(cell.plain for cell in self.cells)}


def wrapped_lines(fact: str, width: int) -> int:
    """How many lines `fact` takes wrapped between words at `width` (as Rich wraps it)."""
    measure = _measure(fact)
    if measure is len and len(fact) <= width:  # every blank a column: no room for a break
        return 1
    lines, used = 1, -1
    for word in fact.split():
        length = measure(word)
        if used + 1 + length > width and used > 0:
            lines, used = lines + 1, length
        else:
            used += 1 + length
    return lines


def _last_word(line: str) -> str:
    """The line's last word with the blanks after it: `415.000 ` beside `16.900~`."""
    words = line.split()
    return words[-1] + line[len(line.rstrip()) :] if words else ""


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
    room = width - gap * (len(columns) - 1)
    # The columns whose facts wrap into their lines (each tried at widths) last: a layout
    # too wide is mostly known before they are measured.
    for column in sorted(columns, key=lambda c: comfortably and c.wraps_into_lines()):
        room -= column.comfortable_width() if comfortably else column.min_width()
        if room < 0:
            return False
    return True


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


def build(title: Styled, columns: Sequence[Column], width: int, *, rows: bool = True) -> Table:
    """A Rich table of `columns` at the widths `fit_widths` decides; only the title and
    the header without `rows`."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    widths = fit_widths(columns, width)
    padding = (0, gap(columns, width) - 1, 0, 0)
    table = Table(
        title=title.text(),
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
    texts = [cell.text() for cell in column.cells]
    if not column.numeric:
        return texts
    return [_aligned_cell(text, width) for text in texts]


def _aligned_cell(cell: Text, width: int) -> Text:
    from rich.text import Text

    if "\n" in cell.plain:  # each line aligned on its own: a figure with another beneath
        return Text("\n", justify="left").join(_aligned_cell(line, width) for line in cell.split())
    padded = cell.copy()
    padded.pad_left(max(0, width - cell.cell_len))
    padded.justify = "left"
    return padded


# Between the table's title and header and its rows: Rich's SIMPLE_HEAD box without edges.
_RULE = "─"


def render_table(title: Styled, columns: Sequence[Column], width: int, color: bool) -> str:
    """The table as `render(build(...))` writes it, the same characters and colours, at a
    fraction of the cost for long tables. Rich lays out every cell through several generic
    layers (a ranking of 2,000 journeys took most of a second); here a cell that fits its
    column on one line is padded, one that wraps between words is wrapped, and only a cell
    that carries a style in colour or must be folded goes through Rich's `Text`; without
    colours the title and the header are written here too. Where the columns do not fit
    `width` even so, Rich's own shrinking decides: the whole table is Rich's then."""
    widths = fit_widths(columns, width)
    spacing = gap(columns, width)
    table_width = sum(widths) + spacing * (len(columns) - 1)
    if table_width > width:
        return render(build(title, columns, width), color, width, soft_wrap=False)
    # Each column's cell lines with the padding on their right (none after the last
    # column, as `pad_edge=False` leaves it), then Rich's divider: one blank.
    pads = [" " * (spacing - 1)] * (len(columns) - 1) + [""]
    head = None if color else _plain_head(title, columns, widths, pads)
    if head is None:
        head = render(build(title, columns, width, rows=False), color, width, soft_wrap=False)
    writer = _Writer(color, width)
    cells = [
        _column_lines(column, column_width, pad, writer)
        for column, column_width, pad in zip(columns, widths, pads, strict=True)
    ]
    return head + "".join(_row_lines(zip(*cells, strict=True), widths, pads))


def _row_lines(
    rows: Iterable[Sequence[list[str]]], widths: list[int], pads: list[str]
) -> list[str]:
    """Each row's lines side by side (each cell's lines padded on their right already), a
    cell with fewer lines than its row blank below."""
    blanks = [" " * w + pad for w, pad in zip(widths, pads, strict=True)]
    lines = []
    for row in rows:
        for line_no in range(max(map(len, row))):
            parts = [
                cell[line_no] if line_no < len(cell) else blank
                for cell, blank in zip(row, blanks, strict=True)
            ]
            lines.append(" ".join(parts).rstrip() + "\n")
    return lines


def _plain_head(
    title: Styled, columns: Sequence[Column], widths: list[int], pads: list[str]
) -> str | None:
    """The title, the header and the rule under it without colours, as Rich writes them;
    None where Rich must (a word longer than its column)."""
    table_width = sum(widths) + (len(pads[0]) + 1) * (len(columns) - 1)
    # Rich writes no title line for an empty title, and wraps one at the table's width.
    title_lines = _wrapped(title.plain, table_width) if title.plain else ()
    headers = [_header_lines(c, w) for c, w in zip(columns, widths, strict=True)]
    if title_lines is None or None in headers:
        return None
    header = [lines for lines in headers if lines is not None]
    tallest = max(len(lines) for lines in header)
    # A header's lines stand at the bottom of the header row, as Rich aligns them.
    bottom = [
        [" " * w + pad] * (tallest - len(lines)) + [line + pad for line in lines]
        for lines, w, pad in zip(header, widths, pads, strict=True)
    ]
    lines = [line.rstrip() + "\n" for line in title_lines]
    lines += _row_lines([bottom], widths, pads)
    return "".join(lines) + _RULE * table_width + "\n"


def _header_lines(column: Column, width: int) -> list[str] | None:
    """A header's lines `width` wide, aligned as its column; None where Rich must."""
    header = column.header
    lines: Sequence[str] | None = [header]
    if cell_len(header) > width:
        lines = _wrapped(header, width) if column.wrap else None
    if lines is None:
        return None
    if column.numeric:  # Rich aligns each line right after taking its blanks away
        return [" " * (width - cell_len(line.rstrip())) + line.rstrip() for line in lines]
    return [line + " " * (width - cell_len(line)) for line in lines]


class _Writer:
    """How cells are written: with or without colours, and Rich's console for the cells
    that Rich lays out, made when the first of them needs it."""

    def __init__(self, color: bool, width: int) -> None:
        self.color = color
        self.width = width

    @cached_property
    def console(self) -> Console:
        return console_for(self.color, self.width)


def _column_lines(column: Column, width: int, pad: str, writer: _Writer) -> list[list[str]]:
    """Each cell's lines with the padding on their right; a text that many cells hold (a
    status, a phase) laid out once."""
    laid_out: dict[Styled | str, list[str]] = {}
    lines = []
    for cell in column.cells:
        # Without colours a cell's lines are its text's.
        key = cell if writer.color else cell.plain
        cell_lines = laid_out.get(key)
        if cell_lines is None:
            cell_lines = [line + pad for line in _cell_lines(cell, column, width, writer)]
            laid_out[key] = cell_lines
        lines.append(cell_lines)
    return lines


def _cell_lines(cell: Styled, column: Column, width: int, writer: _Writer) -> list[str]:
    """A cell's lines, each `width` wide, as Rich writes them in a table's column."""
    # Without colours a style changes nothing; with them, only an unstyled cell is plain.
    if not writer.color or (not cell.spans and not cell.style):
        plain = _plain_lines(cell.plain, width, column)
        if plain is not None:
            return plain
    from rich.segment import Segment
    from rich.text import Text

    text = cell.text()
    if column.numeric:
        text = _aligned_cell(text, width)
    console = writer.console
    lines = text.wrap(console, width, justify="left", overflow="fold", no_wrap=not column.wrap)
    if not writer.color:  # no colours: the text is all there is
        return [line.plain for line in lines]
    segments = Text("\n").join(lines).render(console)
    return [_ansi(line) for line in Segment.split_lines(segments)]


def write_text(text: Styled, color: bool, width: int, *, group: bool = False) -> str:
    """What `render` writes of `text` (in a `Group` with `group`: a line break at its end
    is a blank line then), wrapped between words at `width`; without colours and where
    every word fits, written here without Rich."""
    lines = None if color else _plain_text_lines(text.plain, width, group)
    if lines is not None:
        return "".join(line.rstrip() + "\n" for line in lines)
    from rich.console import Group

    rich_text = text.text()
    return render(Group(rich_text) if group else rich_text, color, width, soft_wrap=False)


def _plain_text_lines(plain: str, width: int, group: bool) -> list[str] | None:
    lines: list[str] = []
    # Alone, a text's last line break ends its last line; in a group it starts a blank one.
    for line in (plain if group else plain.removesuffix("\n")).split("\n"):
        wrapped = (line,) if cell_len(line) <= width else _wrapped(line, width)
        if wrapped is None:
            return None
        lines += wrapped
    return lines


# What Rich wraps between (a word and the blanks after it), and blanks other than spaces.
_WORD = re.compile(r"\s*\S+\s*")
_ODD_BLANK = re.compile(r"[^\S ]")


def _plain_lines(plain: str, width: int, column: Column) -> list[str] | None:
    """The lines Rich makes of a cell's text, for the common cases: a number that fits, a
    text whose facts fit or wrap between words. None for the rest (a word longer than the
    column, a tab, a line that must not wrap): Rich's own `Text.wrap` does those."""
    lengths = column.line_lengths
    if column.numeric:
        facts = plain.split("\n")
        if any(lengths[fact] > width for fact in facts):
            return None
        return [" " * (width - lengths[fact]) + fact for fact in facts]
    lines = []
    for fact in plain.split("\n"):
        length = lengths[fact]
        if length <= width:
            lines.append(fact + " " * (width - length))
            continue
        wrapped = _wrapped(fact, width) if column.wrap else None
        if wrapped is None:
            return None
        lines += wrapped
    return lines


# A table's sentences repeat (what to do about an alert): each wrapped once per width.
@lru_cache(maxsize=4096)
def _wrapped(fact: str, width: int) -> tuple[str, ...] | None:
    """`fact` wrapped between words as Rich's `divide_line` does it, each line padded to
    `width`; None where a word is longer than `width` or a blank is not a space."""
    if _ODD_BLANK.search(fact):
        return None
    measure = _measure(fact)
    starts = [0]
    used = 0
    for word in _WORD.finditer(fact):
        chunk = word.group()
        length = measure(chunk.rstrip())
        if width - used >= length:
            used += measure(chunk)
        elif length > width:
            return None  # folded across lines: Rich's
        elif used and word.start():
            starts.append(word.start())
            used = measure(chunk)
    lines = []
    for start, end in zip(starts, [*starts[1:], len(fact)], strict=True):
        # Blanks after the last word that go beyond the column are dropped, as Rich does.
        line = fact[start:end]
        length = measure(line)
        if length > width:
            line = line.rstrip(" ")
            length = measure(line)
        lines.append(line + " " * (width - length))
    return tuple(lines)


def _ansi(segments: list[Segment]) -> str:
    """Segments as the console writes them: each styled one in its own escape codes."""
    from rich.color import ColorSystem

    system = ColorSystem.STANDARD  # the colours `console_for` asks for
    return "".join(
        style.render(text, color_system=system) if style else text for text, style, _ in segments
    )
