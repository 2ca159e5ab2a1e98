"""The improvements page: which open improvement first (value against effort, quick wins,
the matrix), every improvement with its status, owner, the journeys it touches and their
volume in the period, its effort and dates; what each one does, is expected to do and did;
then per journey how many are open, done and rejected.

A column that no improvement fills (effort, the dates) is left out, in every output alike.
An improvement's customers are those of the largest journey it touches, "up to" that number
when it touches several: a household goes through several journeys, so no sum is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.reports import ImprovementsReport
from journeyctl.reports.improvements import QUICK_EFFORT, ImprovementRow
from journeyctl.reports.inputs import STATES
from journeyctl.text import Lang, format_count, format_decimal, format_percent, label
from journeyctl.views import cells
from journeyctl.views.cells import ESTIMATED, NONE, PARTS, Cell, Column, Figure, Number, Table

PAGE = "improvements"  # the page an improvement's anchor is on


@dataclass(frozen=True)
class StatusCount:
    """How many improvements have one status: a page shows it as a pill of the status."""

    status: str  # the model's word: what a page colours by
    said: str
    count: str


@dataclass(frozen=True)
class Point:
    """An open improvement with a value, in the matrix: its effort across, its value up."""

    id: str
    number: int  # its row in the table "which improvement first"
    title: str
    effort: int
    value: int
    shown: str  # "15.675 vermeden contacten, inspanning 2"
    quick_win: bool


@dataclass(frozen=True)
class Matrix:
    """The value/effort matrix: every open improvement with a value and an effort."""

    title: str
    said: str  # what the matrix shows, for a reader that does not see it
    effort_axis: str
    value_axis: str
    points: tuple[Point, ...]
    top: int  # the value axis runs from 0 to this: the largest value rounded up (1, 2, 5)
    ticks: tuple[str, str, str]  # the value axis's numbers: 0, half way, the top
    median: float  # the quick-win bar, a line across
    quick_effort: int  # and the effort bar, a line up


@dataclass(frozen=True)
class ImprovementsView:
    first: Table  # open improvements with a value, by value per effort
    improvements: Table  # each row anchored by the improvement's id
    details: Table
    by_journey: Table
    notes: tuple[str, ...]
    figures: tuple[Figure, ...]
    by_status: tuple[StatusCount, ...]  # every status with its number, in the model's order
    matrix: Matrix | None  # None: no open improvement has both a value and an effort
    explanation: Table | None  # each value journey by journey, when asked for

    @property
    def tables(self) -> tuple[Table, ...]:
        explained = (self.explanation,) if self.explanation else ()
        return (self.first, *explained, self.improvements, self.details, self.by_journey)


def improvements_view(
    report: ImprovementsReport, lang: Lang, explain: bool = False
) -> ImprovementsView:
    return ImprovementsView(
        _first(report, lang),
        _improvements(report, lang),
        _details(report, lang),
        _by_journey(report, lang),
        _notes(report, lang),
        _figures(report, lang),
        tuple(
            StatusCount(
                status, label(f"improvement_status.{status}", lang), cells.count(number, lang)
            )
            for status, number in report.by_status().items()
        ),
        _matrix(report, lang),
        _explanation(report, lang) if explain else None,
    )


def anchor(improvement_id: str) -> str:
    """The link to an improvement's row on the improvements page."""
    return f"{PAGE}#{improvement_id}"


def _valued(report: ImprovementsReport) -> list[ImprovementRow]:
    return [row for row in report.rows if row.state == "open" and row.value is not None]


def _first(report: ImprovementsReport, lang: Lang) -> Table:
    columns = (
        Number("rank"),
        "improvement",
        "journeys",
        Number("contacts"),
        Number("report.improvements.change"),
        Number("report.improvements.value"),
        Number("report.effort"),
        Number("report.improvements.per_effort"),
    )
    return Table(
        cells.period_title("report.improvements.first", report.period, lang),
        *cells.headed(columns, lang, capitals=True),
        tuple(
            (
                Cell(str(number)),
                Cell(
                    row.title,
                    below=label("report.improvements.quick_win", lang) if row.quick_win else "",
                    tone="good" if row.quick_win else "",
                    link=anchor(row.id),
                ),
                cells.journeys_cell(row.journeys, row.journey_names),
                Cell(cells.count(row.contacts, lang)),
                Cell(_change(row.contacts_change, lang)),
                _value(row, lang),
                Cell(NONE if row.effort is None else str(row.effort)),
                Cell(_decimal(row.value_per_effort, lang)),
            )
            for number, row in enumerate(_valued(report), start=1)
        ),
        flexible=1,
        empty=label("report.improvements.none_valued", lang),
    )


def _value(row: ImprovementRow, lang: Lang) -> Cell:
    return Cell(
        cells.count(row.value, lang), mark=ESTIMATED if row.estimated else "", tone="strong"
    )


def _change(change: float | None, lang: Lang) -> str:
    """-15%, +5%: the expected relative change of the contacts."""
    if change is None:
        return NONE
    sign = "+" if change > 0 else "-" if change < 0 else ""
    return sign + format_percent(abs(change), lang, 0 if round(change, 2) == change else 1)


def _amount(value: float, lang: Lang) -> str:
    """A number of contacts that may have a fraction: 15,675; 4.4."""
    whole = round(value, 1) == round(value)
    return format_decimal(value, lang, 0 if whole else 1)


def _decimal(value: float | None, lang: Lang) -> str:
    return NONE if value is None else format_decimal(value, lang, 0 if value >= 100 else 1)


def _improvements(report: ImprovementsReport, lang: Lang) -> Table:
    with_effort = any(row.effort is not None for row in report.rows)
    with_dates = any(row.started or row.done for row in report.rows)
    columns: list[Column] = ["improvement", "status", "owner", "journeys"]
    columns += [Number("report.customers_largest"), Number("contacts")]
    if with_effort:
        columns.append(Number("report.effort"))
    if with_dates:
        columns += ["render.started", "render.done"]
    return Table(
        cells.period_title("report.improvements.title", report.period, lang),
        *cells.headed(columns, lang),
        tuple(_cells(row, lang, with_effort, with_dates) for row in report.rows),
        flexible=3,
        one_line=frozenset(range(len(columns) - 2, len(columns)) if with_dates else ()),
        empty=label("render.no_improvements", lang),
        anchors=tuple(row.id for row in report.rows),
    )


def _cells(
    row: ImprovementRow, lang: Lang, with_effort: bool, with_dates: bool
) -> tuple[Cell, ...]:
    shared = label("render.shared", lang) if row.shared else ""
    row_cells = [
        Cell(row.title, below=shared),
        _status(row, lang),
        Cell(row.owner_name or NONE),
        cells.journeys_cell(row.journeys, row.journey_names),
        Cell(_customers(row, lang)),
        Cell(cells.count(row.contacts, lang)),
    ]
    if with_effort:
        row_cells.append(Cell(NONE if row.effort is None else str(row.effort)))
    if with_dates:
        row_cells += [
            Cell(cells.day(row.started, lang) or NONE),
            Cell(cells.day(row.done, lang) or NONE),
        ]
    return tuple(row_cells)


def _customers(row: ImprovementRow, lang: Lang) -> str:
    """The largest journey's customers; "up to" them when it touches several."""
    if row.customers is None or not row.shared:
        return cells.count(row.customers, lang)
    return label("report.improvements.up_to", lang).format(count=format_count(row.customers, lang))


def _status(row: ImprovementRow, lang: Lang) -> Cell:
    """The status, and below it open, done or rejected where that says something more."""
    said = label(f"improvement_status.{row.status}", lang)
    state = label(f"report.state.{row.state}", lang)
    return Cell(said, "" if state == said else state)


def _details(report: ImprovementsReport, lang: Lang) -> Table:
    columns = (
        "improvement",
        "report.improvements.description",
        "report.improvements.expected",
        "report.improvements.result",
        "report.improvements.links",
    )
    return Table(
        label("report.improvements.details", lang),
        *cells.headed(columns, lang),
        tuple(
            (
                Cell(row.title, link=anchor(row.id)),
                Cell(row.description or NONE),
                Cell(_expected(report, row, lang) or NONE),
                Cell(row.result or NONE),
                Cell(PARTS.join(row.links) or NONE),
            )
            for row in report.rows
        ),
        flexible=1,
        empty=label("render.no_improvements", lang),
    )


def _expected(report: ImprovementsReport, row: ImprovementRow, lang: Lang) -> str:
    """The expected effects as a person reads them, each a change: "contacts -15%; NPS +10"."""
    parts = []
    for key, effect in row.expected.items():
        if key == "contacts" and row.contacts_change is not None:
            parts.append(f"{label('contacts', lang).lower()} {_change(row.contacts_change, lang)}")
        else:
            shown = (
                cells.signed(effect, lang, cells.places([effect]))
                if isinstance(effect, float | int)
                else effect
            )
            parts.append(f"{report.kpi_names.get(key, key)} {shown}")
    return PARTS.join(parts)


def _by_journey(report: ImprovementsReport, lang: Lang) -> Table:
    states = (Number(f"report.state.{state}") for state in STATES)
    return Table(
        label("render.improvements.by_journey", lang),
        *cells.headed(("journey", *states), lang, capitals=True),
        tuple(
            (
                Cell(row.journey_name, link=cells.journey_page(row.journey)),
                Cell(cells.count(len(row.open), lang)),
                Cell(cells.count(len(row.done), lang)),
                Cell(cells.count(len(row.rejected), lang)),
            )
            for row in report.by_journey
        ),
        empty=label("report.none", lang),
    )


def _notes(report: ImprovementsReport, lang: Lang) -> tuple[str, ...]:
    counts = {name: cells.count(value, lang) for name, value in report.counts().items()}
    notes = [label("report.improvements.summary", lang).format(**counts)]
    by_status = ", ".join(
        f"{label(f'improvement_status.{status}', lang)} {cells.count(number, lang)}"
        for status, number in report.by_status().items()
        if number
    )
    if by_status:
        notes.append(f"{label('report.by_status', lang)}: {by_status}")
    period = report.period or NONE
    if report.median_value is not None:
        notes.append(
            label("report.improvements.formula", lang).format(
                period=period, effort=QUICK_EFFORT, median=_amount(report.median_value, lang)
            )
        )
    unvalued = [r.title for r in report.rows if r.state == "open" and r.value is None]
    if unvalued:
        notes.append(
            label("report.improvements.no_value", lang).format(
                period=period, names=PARTS.join(unvalued)
            )
        )
    if any(row.estimated for row in _valued(report)):
        notes.append(f"{ESTIMATED} {label('ranking.estimated', lang)}")
    return tuple(notes)


def _figures(report: ImprovementsReport, lang: Lang) -> tuple[Figure, ...]:
    counts = report.counts()
    return (
        Figure(cells.count(counts["open"], lang), label("report.state.open", lang)),
        Figure(
            cells.count(counts["quick_wins"], lang), label("report.improvements.quick_wins", lang)
        ),
        Figure(cells.count(counts["done"], lang), label("report.state.done", lang), "good"),
        Figure(cells.count(counts["shared"], lang), label("render.improvements.shared", lang)),
        Figure(cells.count(counts["rejected"], lang), label("report.state.rejected", lang)),
    )


def _matrix(report: ImprovementsReport, lang: Lang) -> Matrix | None:
    value_said = label("report.improvements.value", lang)
    effort_said = label("report.effort", lang)
    points = tuple(
        Point(
            row.id,
            number,
            row.title,
            row.effort,
            row.value,
            f"{cells.count(row.value, lang)} {value_said.lower()}, {effort_said.lower()} {row.effort}",
            row.quick_win,
        )
        for number, row in enumerate(_valued(report), start=1)
        if row.effort is not None and row.value is not None
    )
    if not points or report.median_value is None:
        return None
    top = axis_top(max(point.value for point in points))
    quick = PARTS.join(point.title for point in points if point.quick_win) or NONE
    return Matrix(
        title=label("report.improvements.matrix", lang),
        said=label("report.improvements.matrix_said", lang).format(names=quick),
        effort_axis=effort_said,
        value_axis=value_said,
        points=points,
        top=top,
        ticks=("0", format_count(top // 2, lang), format_count(top, lang)),
        median=report.median_value,
        quick_effort=QUICK_EFFORT,
    )


def axis_top(value: int) -> int:
    """The value rounded up to a round number (1, 2, 3, 4, 5, 6 or 8 times a power of ten):
    27,150 -> 30,000; at least 2, so that half of it is a whole number."""
    power = 1
    while power * 10 < value:
        power *= 10
    return max(next(step * power for step in (1, 2, 3, 4, 5, 6, 8, 10) if value <= step * power), 2)


def _explanation(report: ImprovementsReport, lang: Lang) -> Table:
    """Each value journey by journey: contacts times change, the contacts avoided, as `rank --explain` does."""
    period = report.period or NONE
    rows = []
    for row in _valued(report):
        for term in row.terms:
            if term.contacts is None or term.avoided is None:
                said = label("report.improvements.no_volume", lang).format(period=period)
                rows.append((Cell(row.title), Cell(term.journey_name), Cell(said), Cell(NONE)))
                continue
            shown = label("report.improvements.term", lang).format(
                contacts=format_count(term.contacts, lang),
                change=format_percent(
                    abs(term.change), lang, 0 if round(term.change, 2) == term.change else 1
                ),
            )
            rows.append(
                (
                    Cell(row.title),
                    Cell(term.journey_name),
                    Cell(shown, mark=ESTIMATED if term.estimated else ""),
                    Cell(_amount(term.avoided, lang)),
                )
            )
    columns = ("improvement", "journey", Number("contacts"), Number("report.improvements.value"))
    return Table(
        label("report.improvements.explain", lang),
        *cells.headed(columns, lang, capitals=True),
        tuple(rows),
        flexible=0,
        one_line=frozenset({2}),
        empty=label("report.improvements.none_valued", lang),
    )
