"""The five reports as a terminal table, Markdown, JSON or CSV.

For people (the table and Markdown) each report is first said once as a `Page`: sheets of
cells (names, labels and numbers in the report's language, from `journeyctl.text`) and
notes; the table and Markdown only lay that out, so they say the same things. For machines
(JSON and CSV) the report's own `to_dict()` and `to_rows()` are written as they are: the
documented shapes of docs/reports.md. `REPORT_FORMATS` holds each as a writer of the one
interface (`formats/base.py`).

Every piece of user text goes through `one_line` (or Markdown escaping, which uses it); the
terminal table gets `Text` cells, never strings, because Rich reads a string as markup.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text

from journeyctl.formats._console import WIDTH, render
from journeyctl.formats._safe import csv_cell, markdown_text, one_line, to_json
from journeyctl.formats._table import Column, build
from journeyctl.formats.base import Writer
from journeyctl.reports import (
    Alert,
    AlertsReport,
    Report,
)
from journeyctl.text import Lang, format_count, format_date, format_decimal, format_percent, label
from journeyctl.views.cells import NONE, Cell, Table, measured_until
from journeyctl.views.coverage import CoverageView, coverage_view
from journeyctl.views.improvements import ImprovementsView, improvements_view
from journeyctl.views.kpis import KpisView, kpis_view
from journeyctl.views.owners import OwnersView, owners_view

# How a cell's tone shows in a terminal.
_STYLES = {"good": "green", "bad": "red", "strong": "bold"}


@dataclass(frozen=True)
class Page:
    """What the table and Markdown show of a report: its tables, then its notes."""

    tables: tuple[Table, ...]
    notes: tuple[str, ...] = ()


def _sheet(
    title: str,
    headers: list[str],
    numeric: list[bool],
    rows: list[list[Cell]],
    flexible: int = 0,
    one_line: frozenset[int] = frozenset(),
) -> Table:
    return Table(
        title, tuple(headers), tuple(numeric), tuple(tuple(row) for row in rows), flexible, one_line
    )


# --- words and numbers -------------------------------------------------------------------


def _number(value: float | None, lang: Lang) -> str:
    """A measure with the decimals it has, at most two: 5, 4,4, 0,08 (nl)."""
    if value is None:
        return NONE
    for places in (0, 1):
        if round(value, places) == value:
            return format_decimal(value, lang, places)
    return format_decimal(value, lang, 2)


def _count(value: int | None, lang: Lang) -> str:
    return NONE if value is None else format_count(value, lang)


def _day(value: date | None, lang: Lang) -> str:
    return "" if value is None else format_date(value, lang)


def _percent(fraction: float | None, lang: Lang) -> str:
    return NONE if fraction is None else format_percent(fraction, lang)


def _rank(rank: int | None) -> str:
    return NONE if rank is None else str(rank)


def _period_title(key: str, period: str | None, lang: Lang) -> str:
    text = label(key, lang)
    if period is None:
        return text
    return f"{text}, {label('period', lang).lower()} {period}"


# --- alerts ------------------------------------------------------------------------------


def _alerts_page(report: AlertsReport, lang: Lang) -> Page:
    keys = ["report.alert", "journey", "#", "report.before", "report.after", "report.rise"]
    with_target = any(alert.target is not None for alert in report.rows)
    headers = [k if k == "#" else label(k, lang) for k in keys]
    headers += [label("target", lang)] if with_target else []
    rows = [_alert_cells(alert, lang)[: len(headers)] for alert in report.rows]
    title = _period_title("report.alerts.title", report.period, lang)
    if report.compare is not None:
        title += " " + label("report.against", lang).format(period=report.compare)
    numeric = [False, False, True, True, True, True, True][: len(headers)]
    sheet = _sheet(title, headers, numeric, rows, 1)
    notes = [
        label("report.alerts.rules", lang).format(
            threshold=format_percent(report.contact_rate_increase, lang), top=report.top
        )
    ]
    if report.compare is None:
        notes.append(label("report.alerts.no_compare", lang))
    kpi_alerts = any(alert.kind == "kpi_away_from_target" for alert in report.rows)
    if kpi_alerts and report.measured_until is not None:
        # The KPI rows' values are measurements, dated apart from the volumes' period.
        notes.append(f"{label('kpis', lang)}: {measured_until(report.measured_until, lang)}")
    return Page((sheet,), tuple(notes))


def _alert_cells(alert: Alert, lang: Lang) -> list[Cell]:
    if alert.kind == "contact_rate_up":
        values = [_decimal2(alert.before, lang), _decimal2(alert.after, lang)]
    elif alert.kind == "contacts_up":
        values = [_count(_whole(alert.before), lang), _count(_whole(alert.after), lang)]
    elif alert.kind == "kpi_away_from_target":
        values = [_number(alert.before, lang), _number(alert.after, lang)]
    else:
        values = ["", ""]
    return [
        Cell(label(f"report.alert.{alert.kind}", lang), alert.measure_name or "", "bad"),
        Cell(alert.journey_name),
        Cell(_rank(alert.rank)),
        Cell(values[0]),
        Cell(values[1]),
        Cell("" if alert.change is None else "+" + format_percent(alert.change, lang)),
        Cell("" if alert.target is None else _number(alert.target, lang)),
    ]


def _decimal2(value: float | None, lang: Lang) -> str:
    return NONE if value is None else format_decimal(value, lang, 2)


def _whole(value: float | None) -> int | None:
    return None if value is None else int(value)


_PAGES: dict[str, Callable[..., Page | OwnersView | CoverageView | KpisView | ImprovementsView]] = {
    "kpis": kpis_view,
    "improvements": improvements_view,
    "coverage": coverage_view,
    "owners": owners_view,
    "alerts": _alerts_page,
}


def page(
    report: Report, lang: Lang
) -> Page | OwnersView | CoverageView | KpisView | ImprovementsView:
    """What the table and Markdown show of a report, in `lang`."""
    return _PAGES[report.name](report, lang)


# --- layouts -----------------------------------------------------------------------------


def table(report: Report, lang: Lang, color: bool = False, width: int = WIDTH) -> str:
    shown = page(report, lang)
    parts: list[RenderableType] = []
    for sheet in shown.tables:
        if parts:
            parts.append(Text(""))
        parts.append(_sheet_table(sheet, lang, width))
    if shown.notes:
        parts.append(Text("\n".join(one_line(note) for note in shown.notes)))
    return render(Group(*parts), color, width, soft_wrap=False)


def _sheet_table(sheet: Table, lang: Lang, width: int) -> RenderableType:
    title = Text(one_line(sheet.title), style="bold")
    if not sheet.rows:
        return Text.assemble(title, "\n", one_line(sheet.empty or label("report.none", lang)))
    columns = [
        Column(
            one_line(header),
            numeric=numeric,
            flexible=index == sheet.flexible,
            wrap=index not in sheet.one_line,
            cells=[_text(row[index]) for row in sheet.rows],
        )
        for index, (header, numeric) in enumerate(zip(sheet.headers, sheet.numeric, strict=True))
    ]
    return build(title, columns, width)


def _text(cell: Cell) -> Text:
    text = Text(one_line(cell.shown), style=_STYLES.get(cell.tone, ""))
    if cell.below:
        text.append("\n" + one_line(cell.below), style="dim")
    return text


def as_markdown(report: Report, lang: Lang) -> str:
    shown = page(report, lang)
    lines: list[str] = []
    for sheet in shown.tables:
        if lines:
            lines.append("")
        lines += [f"### {markdown_text(sheet.title)}", ""]
        if not sheet.rows:
            lines.append(markdown_text(sheet.empty or label("report.none", lang)))
            continue
        lines.append("| " + " | ".join(markdown_text(h) for h in sheet.headers) + " |")
        lines.append("|" + "|".join("---:" if n else "---" for n in sheet.numeric) + "|")
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in sheet.rows]
    if shown.notes:
        lines += ["", *(f"{markdown_text(note)}  " for note in shown.notes)]
        lines[-1] = lines[-1].rstrip()
    return "\n".join(lines) + "\n"


def _md_cell(cell: Cell) -> str:
    return markdown_text(cell.shown) + (f" ({markdown_text(cell.below)})" if cell.below else "")


# JSON and CSV are the same in every language: `lang` is accepted, and not read, for the
# callers that still pass one.


def as_json(report: Report, lang: Lang | None = None) -> str:
    return to_json(report.to_dict())


def as_csv(report: Report, lang: Lang | None = None) -> str:
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
        report, settings.language, settings.color, settings.width
    ),
    "json": lambda report, settings: as_json(report),
    "csv": lambda report, settings: as_csv(report),
    "markdown": lambda report, settings: as_markdown(report, settings.language),
}
