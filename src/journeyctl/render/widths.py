"""How wide a journey map's step columns must be on screen, so that no word is broken.

A browser breaks lines between words, and inside a word only when it is wider than its
column. Each step column is at least `MIN_STEP` wide (nine steps fit a 1440-pixel screen), and
wider when a map holds a longer word (`aansluitingenregister`, a Dutch compound): the
widest word of any step, measured with the advance widths of Helvetica, which Arial and
Liberation Sans share (the first fonts of the pages' stack that most machines have). A map
wider than its screen scrolls sideways, and says so.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

MIN_STEP = 8.0  # rem: the narrowest a step column gets on screen
MAP_FONT = 0.85  # rem: the map's font size (style.css.j2: table.map)
CELL_PADDING = 0.8  # rem: left and right padding of a cell together
SLACK = 1.03  # for kerning and fonts a little wider than Helvetica
NUMBER_BADGE = 1.7  # rem: a step's number before its name (width and margin)
LANE = 9.0  # rem: the lanes' names (style.css.j2: table.map col.lane)
ROOT_PX = 15  # pixels in a rem: the stylesheet's font size of the page
PAGE_MARGINS = 3.0  # rem: main's padding left and right together, on a wide screen

# Advance widths per 1000 em: Helvetica (regular, bold), from Adobe's metrics.
_ASCII = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~"
)
_REGULAR_WIDTHS = """
    278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278
    556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 1015
    667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667
    778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333
    556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556
    556 333 500 278 556 500 722 500 500 500 334 260 334 584
"""
_BOLD_LETTERS = "abcdefghijklmnopqrstuvwxyzABJKLN:;?"
_BOLD_WIDTHS = """
    556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611
    611 389 556 333 611 556 778 556 556 500 722 722 556 722 611 722 333 333 611
"""
_REGULAR = dict(zip(_ASCII, map(int, _REGULAR_WIDTHS.split()), strict=True))
_BOLD = {**_REGULAR, **dict(zip(_BOLD_LETTERS, map(int, _BOLD_WIDTHS.split()), strict=True))}
_UNKNOWN = 600  # a letter the table does not have (a wide script gets its own below)
# Where a line may break besides white space: hyphens and slashes.
_BREAKS = ("-", "\u2010", "/")


@functools.lru_cache(maxsize=1 << 16)
def word_width(word: str, bold: bool = False) -> float:
    """The width of `word` in em (the font size); a word is measured once a run (a site of
    2,000 journeys measures the same few thousand words a million times)."""
    widths = _BOLD if bold else _REGULAR
    total = 0
    for char in word:
        base = unicodedata.normalize("NFKD", char)[:1] or char
        if base in widths:
            total += widths[base]
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            total += 1000
        else:
            total += _UNKNOWN
    return total / 1000


def widest(texts: Iterable[str], bold: bool = False) -> float:
    """The widest word of `texts`, in em."""
    # The texts joined by a line break (where no word runs on) and split once: a map has a
    # few hundred.
    return max((word_width(word, bold) for word in set(words_of("\n".join(texts)))), default=0)


def words_of(text: str) -> list[str]:
    """The words of `text` between white space, hyphens and slashes. (str.split splits on
    what a regular expression's `\\s` matches; four times faster than searching for them.)"""
    for mark in _BREAKS:
        text = text.replace(mark, " ")
    return text.split()


def step_width(names: Iterable[str], texts: Iterable[str]) -> float:
    """A step column's width in rem: MIN_STEP, or wider to hold the widest word of the steps'
    `names` (bold, after the step's number) and of the other `texts` of its cells; a quarter
    rem at a time, so that the page says a short number."""
    name = widest(names, bold=True) * MAP_FONT * SLACK + NUMBER_BADGE
    text = widest(texts) * MAP_FONT * SLACK
    needed = max(name, text) + CELL_PADDING
    return max(MIN_STEP, -(-needed * 4 // 1) / 4)


def map_width(step: float, steps: int) -> float:
    """The map's width in rem: its lanes' names and `steps` columns of `step` rem."""
    return LANE + step * steps


def scrolls_below(width: float) -> int:
    """The widest window, in pixels, in which a map `width` rem wide scrolls: what the
    page's media query tells its cue (the window, not the map's room, as CSS can ask it)."""
    return int(-(-((width + PAGE_MARGINS) * ROOT_PX + 2) // 1))
