"""The tables an output shows, read back as rows of plain cells: from HTML (every `<table>`),
from Markdown (every `| ... |` table, escapes and links undone), and from a view itself. A
test of a page compares them, so that the terminal, Markdown and HTML show the same cells."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from journeyctl.views.cells import PARTS, Table

Rows = list[tuple[str, ...]]


def view_rows(table: Table) -> Rows:
    """The header and the rows of a view's table, each cell as plain text shows it."""
    return [
        tuple(table.headers),
        *(
            tuple(cell.shown + (f" ({cell.below})" if cell.below else "") for cell in row)
            for row in table.rows
        ),
    ]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Rows] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._below = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            # The journeys of a cell that names several, one per line: "; " in plain text.
            self._cell.append(PARTS)
        elif tag == "div" and ("class", "part") in attrs and self._cell is not None:
            # A part of a stacked cell (an alert), a block each: "; " between them.
            if self._cell:
                self._cell.append(PARTS)
        elif tag == "div" and ("class", "meta") in attrs and self._cell is not None:
            # The line below a cell's text: "(...)", as Markdown writes it.
            self._cell.append(" (")
            self._below = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "div" and self._below and self._cell is not None:
            self._cell.append(")")
            self._below = False
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(tuple(self._row))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(page: str) -> list[Rows]:
    parser = _Tables()
    parser.feed(page)
    return parser.tables


_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)]*\)")
# A row's anchor, which a page's Markdown puts before its first cell: not what a reader sees.
_ANCHOR = re.compile(r'^\s*<a id="[a-z0-9-]+"></a>')
_ESCAPE = re.compile(r"\\(.)")


def _plain(cell: str) -> str:
    cell = _LINK.sub(lambda m: m.group(1), _ANCHOR.sub("", cell))
    return html.unescape(_ESCAPE.sub(r"\1", cell)).strip()


def markdown_tables(text: str) -> list[Rows]:
    """Every table of a Markdown text, without its line of dashes."""
    tables: list[Rows] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            if not re.fullmatch(r"\|(?:\s*-+:?\s*\|)+", line):
                cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
                tables[-1].append(tuple(_plain(cell) for cell in cells))
        previous = line
    return tables
