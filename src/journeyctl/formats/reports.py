"""The five reports as a terminal table, Markdown, JSON or CSV.

For people (the table and Markdown) each report is first said once as its page's view
(`journeyctl.views`): tables of cells (names, labels and numbers in the report's language)
and notes; the table and Markdown only lay that out, so they say the same things as the
pages of `render`. For machines (JSON and CSV) the report's own `to_dict()` and `to_rows()`
are written as they are: the documented shapes of docs/reports.md. `REPORT_FORMATS` holds
each as a writer of the one interface (`formats/base.py`).

Every piece of user text goes through `one_line` (or Markdown escaping, which uses it); the
terminal table's cells are `Styled`, which Rich, where it writes them, gets as `Text`, never
as a string, because Rich reads a string as markup.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from journeyctl.formats._console import WIDTH, render
from journeyctl.formats._safe import csv_cell, one_line, to_json
from journeyctl.formats._table import (
    Column,
    Styled,
    build,
    fit_widths,
    render_table,
    styled,
    wrapped_lines,
    write_text,
)
from journeyctl.formats.base import Writer
from journeyctl.reports import EXPLAINED_REPORTS
from journeyctl.text import Lang, label
from journeyctl.text.markdown import md_cell, md_text
from journeyctl.views.cells import Cell, Table

if TYPE_CHECKING:
    from rich.console import RenderableType

    # The union of every report: at run time it would import them all.
    from journeyctl.reports import Report

# How a cell's tone shows in a terminal.
_STYLES = {"good": "green", "bad": "red", "strong": "bold"}


class View(Protocol):
    """What the table and Markdown show of a report: its tables, then its notes."""

    @property
    def tables(self) -> tuple[Table, ...]: ...

    @property
    def notes(self) -> tuple[str, ...]: ...


def page(report: Report, lang: Lang, explain: bool = False) -> View:
    """What the table and Markdown show of a report, in `lang`; with `explain`, the terms
    of its numbers where the report has them."""
    # The report's own view only (`views/<name>.py`, its function `<name>_view`): a report
    # does not load the pages of the others.
    view: Callable[..., View] = getattr(
        import_module(f"journeyctl.views.{report.name}"), f"{report.name}_view"
    )
    if explain and report.name in EXPLAINED_REPORTS:
        return view(report, lang, explain=True)
    return view(report, lang)


# --- layouts -----------------------------------------------------------------------------


def table(
    report: Report, lang: Lang, color: bool = False, width: int = WIDTH, explain: bool = False
) -> str:
    """The report's tables one after the other, a blank line between them, then its notes:
    what Rich writes of them as one group, each table's rows written by the light writer
    of long tables (`render_table`; a test compares the two)."""
    shown = page(report, lang, explain)
    parts: list[str] = []
    for sheet in shown.tables:
        if parts:
            parts.append("\n")
        title = _title(sheet)
        if sheet.rows:
            parts.append(render_table(title, _sheet_columns(sheet, width), width, color))
        else:
            parts.append(write_text(_no_rows(sheet, title, lang), color, width))
    if shown.notes:
        parts.append(write_text(_notes(shown), color, width))
    return "".join(parts) if parts else "\n"


def rich_table(
    report: Report, lang: Lang, color: bool = False, width: int = WIDTH, explain: bool = False
) -> str:
    """`table` as Rich writes the whole group, every row through Rich's layout."""
    from rich.console import Group
    from rich.text import Text

    shown = page(report, lang, explain)
    parts: list[RenderableType] = []
    for sheet in shown.tables:
        if parts:
            parts.append(Text(""))
        parts.append(_sheet_table(sheet, lang, width))
    if shown.notes:
        parts.append(_notes(shown).text())
    return render(Group(*parts), color, width, soft_wrap=False)


def _title(sheet: Table) -> Styled:
    return Styled(one_line(sheet.title), "bold")


def _notes(shown: View) -> Styled:
    return Styled("\n".join(one_line(note) for note in shown.notes))


def _no_rows(sheet: Table, title: Styled, lang: Lang) -> Styled:
    empty = one_line(sheet.empty or label("report.none", lang))
    return styled((title.plain, title.style), ("\n" + empty, ""))


def _sheet_table(sheet: Table, lang: Lang, width: int) -> RenderableType:
    title = _title(sheet)
    if not sheet.rows:
        return _no_rows(sheet, title, lang).text()
    return build(title, _sheet_columns(sheet, width), width)


def _sheet_columns(sheet: Table, width: int) -> list[Column]:
    # A stacked cell's parts one per line, each padded to the lines its neighbours take in
    # the other stacked columns, so that an alert and what to do about it start on one line.
    stacked = {index: [_parts(row[index]) for row in sheet.rows] for index in sheet.stacked}
    columns = [_column(sheet, index, stacked) for index in range(len(sheet.headers))]
    if len(stacked) > 1:
        # Blank lines change no width: the stacked columns are made again at the same widths,
        # the others stay as they are (measured).
        lined = _lined_up(stacked, fit_widths(columns, width))
        columns = [_column(sheet, i, lined) if i in lined else c for i, c in enumerate(columns)]
    return columns


def _column(sheet: Table, index: int, stacked: dict[int, list[list[str]]]) -> Column:
    numeric = sheet.numeric[index]
    parts = stacked.get(index)
    return Column(
        one_line(sheet.headers[index]),
        numeric=numeric,
        flexible=index == sheet.flexible,
        wrap=index not in sheet.one_line,
        # Beside stacked columns (sentences, one per line), every text gets room for two
        # lines first: no sentence takes the room a name needs, nor the other way round.
        lines=2 if stacked and not numeric else None,
        cells=[
            _text(row[index], None if parts is None else parts[number])
            for number, row in enumerate(sheet.rows)
        ],
    )


def _parts(cell: Cell) -> list[str]:
    return [one_line(part.shown) for part in cell.parts] or [one_line(cell.shown)]


def _lined_up(stacked: dict[int, list[list[str]]], widths: list[int]) -> dict[int, list[list[str]]]:
    """Each stacked cell's parts with blank lines after them, so that part i of every stacked
    cell of a row starts on the same line (the lines wrapped at the columns' `widths`)."""
    lined: dict[int, list[list[str]]] = {index: [] for index in stacked}
    rows = len(next(iter(stacked.values())))
    for row in range(rows):
        cells = {index: stacked[index][row] for index in stacked}
        # Each part's lines at its column's width, counted once.
        heights = {
            index: [wrapped_lines(part, widths[index]) for part in parts]
            for index, parts in cells.items()
        }
        for index, parts in cells.items():
            padded = []
            for number, part in enumerate(parts):
                tallest = max(lines[number] for lines in heights.values() if number < len(lines))
                padded.append(part + "\n" * (tallest - heights[index][number]))
            lined[index].append(padded)
    return lined


def _text(cell: Cell, lines: list[str] | None = None) -> Styled:
    """The cell's text, and the line below it dimmed; a stacked cell's `lines` one per line."""
    shown = "\n".join(lines) if lines is not None else one_line(cell.shown)
    style = _STYLES.get(cell.tone, "")
    if not cell.below:
        return Styled(shown, style)
    below = "\n" + one_line(cell.below)
    return Styled(shown + below, style, ((len(shown), len(shown) + len(below), "dim"),))


def as_markdown(report: Report, lang: Lang, explain: bool = False) -> str:
    shown = page(report, lang, explain)
    lines: list[str] = []
    for sheet in shown.tables:
        if lines:
            lines.append("")
        lines += [f"### {md_text(sheet.title)}", ""]
        if not sheet.rows:
            lines.append(md_text(sheet.empty or label("report.none", lang)))
            continue
        lines.append("| " + " | ".join(md_cell(h) for h in sheet.headers) + " |")
        lines.append("|" + "|".join("---:" if n else "---" for n in sheet.numeric) + "|")
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in sheet.rows]
    if shown.notes:
        lines += ["", *(f"{md_text(note)}  " for note in shown.notes)]
        lines[-1] = lines[-1].rstrip()
    return "\n".join(lines) + "\n"


def _md_cell(cell: Cell) -> str:
    return md_cell(cell.shown) + (f" ({md_cell(cell.below)})" if cell.below else "")


# JSON and CSV are the same in every language.


def as_json(report: Report) -> str:
    return to_json(report.to_dict())


def as_csv(report: Report) -> str:
    """The header of the report's `fields`, then one row per row of the report."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(report.fields)
    for row in report.to_rows():
        writer.writerow([csv_cell(row[name]) for name in report.fields])
    return buffer.getvalue()


# The writers of a report, each given what it lays out by: the table and Markdown say the
# report in the settings' language, and the table fits a terminal's width and colours.
REPORT_FORMATS: dict[str, Writer[Report]] = {
    "table": lambda report, settings: table(
        report, settings.language, settings.color, settings.width, settings.explain
    ),
    "json": lambda report, settings: as_json(report),
    "csv": lambda report, settings: as_csv(report),
    "markdown": lambda report, settings: as_markdown(report, settings.language, settings.explain),
}
