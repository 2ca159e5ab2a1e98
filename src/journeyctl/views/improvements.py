"""The improvements page: every improvement with its status, owner, the journeys it touches
and their volume in the period, its effort and dates; then per journey how many are open,
done and rejected.

A column that no improvement fills (effort, the dates) is left out, in every output alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.reports import ImprovementsReport
from journeyctl.reports.improvements import ImprovementRow
from journeyctl.text import Lang, label
from journeyctl.views.cells import (
    NONE,
    Cell,
    Figure,
    Table,
    capitalised,
    count,
    day,
    journey_page,
    journeys_cell,
    period_title,
)


@dataclass(frozen=True)
class StatusCount:
    """How many improvements have one status: a page shows it as a pill of the status."""

    status: str  # the model's word: what a page colours by
    said: str
    count: str


@dataclass(frozen=True)
class ImprovementsView:
    improvements: Table  # each row anchored by the improvement's id
    by_journey: Table
    notes: tuple[str, ...]
    figures: tuple[Figure, ...]
    by_status: tuple[StatusCount, ...]  # every status with its number, in the model's order

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.improvements, self.by_journey)


def improvements_view(report: ImprovementsReport, lang: Lang) -> ImprovementsView:
    return ImprovementsView(
        _improvements(report, lang),
        _by_journey(report, lang),
        _notes(report, lang),
        _figures(report, lang),
        tuple(
            StatusCount(status, label(f"improvement_status.{status}", lang), count(number, lang))
            for status, number in report.by_status().items()
        ),
    )


def _improvements(report: ImprovementsReport, lang: Lang) -> Table:
    with_effort = any(row.effort is not None for row in report.rows)
    with_dates = any(row.started or row.done for row in report.rows)
    keys = ["improvement", "status", "owner", "journeys", "customers", "contacts"]
    keys += ["report.effort"] * with_effort + ["render.started", "render.done"] * with_dates
    numeric = (False, False, False, False, True, True) + (True,) * with_effort
    return Table(
        period_title("report.improvements.title", report.period, lang),
        tuple(label(key, lang) for key in keys),
        numeric + (False, False) * with_dates,
        tuple(_cells(row, lang, with_effort, with_dates) for row in report.rows),
        flexible=3,
        one_line=frozenset(range(len(keys) - 2, len(keys)) if with_dates else ()),
        empty=label("render.no_improvements", lang),
        anchors=tuple(row.id for row in report.rows),
    )


def _cells(
    row: ImprovementRow, lang: Lang, with_effort: bool, with_dates: bool
) -> tuple[Cell, ...]:
    shared = label("render.shared", lang) if row.shared else ""
    cells = [
        Cell(row.title, below=shared),
        _status(row, lang),
        Cell(row.owner_name or NONE),
        journeys_cell(row.journeys, row.journey_names),
        Cell(count(row.customers, lang)),
        Cell(count(row.contacts, lang)),
    ]
    if with_effort:
        cells.append(Cell(NONE if row.effort is None else str(row.effort)))
    if with_dates:
        cells += [Cell(day(row.started, lang) or NONE), Cell(day(row.done, lang) or NONE)]
    return tuple(cells)


def _status(row: ImprovementRow, lang: Lang) -> Cell:
    """The status, and below it open, done or rejected where that says something more."""
    said = label(f"improvement_status.{row.status}", lang)
    state = label(f"report.state.{row.state}", lang)
    return Cell(said, "" if state == said else state)


def _by_journey(report: ImprovementsReport, lang: Lang) -> Table:
    keys = ("journey", "report.state.open", "report.state.done", "report.state.rejected")
    return Table(
        label("render.improvements.by_journey", lang),
        tuple(capitalised(label(key, lang)) for key in keys),
        (False, True, True, True),
        tuple(
            (
                Cell(row.journey_name, link=journey_page(row.journey)),
                Cell(count(len(row.open), lang)),
                Cell(count(len(row.done), lang)),
                Cell(count(len(row.rejected), lang)),
            )
            for row in report.by_journey
        ),
        empty=label("report.none", lang),
    )


def _notes(report: ImprovementsReport, lang: Lang) -> tuple[str, ...]:
    counts = {name: count(value, lang) for name, value in report.counts().items()}
    notes = [label("report.improvements.summary", lang).format(**counts)]
    by_status = ", ".join(
        f"{label(f'improvement_status.{status}', lang)} {count(number, lang)}"
        for status, number in report.by_status().items()
        if number
    )
    if by_status:
        notes.append(f"{label('report.by_status', lang)}: {by_status}")
    return tuple(notes)


def _figures(report: ImprovementsReport, lang: Lang) -> tuple[Figure, ...]:
    counts = report.counts()
    return (
        Figure(count(counts["open"], lang), label("report.state.open", lang)),
        Figure(count(counts["done"], lang), label("report.state.done", lang), "good"),
        Figure(count(counts["shared"], lang), label("render.improvements.shared", lang)),
        Figure(count(counts["rejected"], lang), label("report.state.rejected", lang)),
    )
