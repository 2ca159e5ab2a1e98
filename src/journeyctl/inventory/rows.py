"""The rows of a sheet as records: what each row says about one journey, or one measurement.

Reading a row only reads its cells; whether the journey, phase or KPI exists is the plan's
business (`journeyctl.inventory.plan`). Subtotal rows (`Totaal ...`) and blank rows are
skipped and counted; cells that say nobody knows the value are counted; every cell that
cannot be read is a `Problem` with its place, and reading goes on, so that one run lists
them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from journeyctl.inventory.cells import Problem, Sheet, Value, is_empty
from journeyctl.inventory.headers import Layout, SheetColumn
from journeyctl.inventory.values import (
    CellError,
    Estimate,
    NumberFormat,
    count,
    day,
    estimated_values,
    is_unknown,
    journey_status,
    measure,
    period,
)
from journeyctl.inventory.values import text as text_of
from journeyctl.inventory.words import Message, said
from journeyctl.text import Lang, fold

T = TypeVar("T")
# The records below are made for every row of a sheet (tens of thousands in a large
# inventory): slots keep each small.
_SUBTOTAL_WORDS = ("totaal", "subtotaal", "total", "subtotal", "grand total", "eindtotaal")


@dataclass(frozen=True, slots=True)
class Written:
    """A text cell's value and where it stands."""

    text: str
    where: str


@dataclass(frozen=True, slots=True)
class NoteCell:
    """The text of a notes column (`Opmerkingen`), kept on the journey with its place."""

    text: str
    file: str
    cell: str


@dataclass(frozen=True, slots=True)
class VolumeCells:
    period: str
    customers: int
    contacts: int
    estimated: tuple[str, ...]  # the values the sheet estimates: "customers", "contacts"
    where: str  # the customers cell
    source: str | None = None  # the row's source, else the file and sheet it stands in


@dataclass(slots=True)
class InventoryRow:
    where: str  # the journey's cell
    name: Written | None
    id: Written | None
    phase: Written | None
    cluster: Written | None
    owner: Written | None
    volumes: list[VolumeCells] = field(default_factory=list)
    # The status cell's journey status as the files write it (`retired`), and where it is.
    status: Written | None = None
    # The framework's ids beside the names, where the sheet has id columns: role -> id.
    ids: dict[str, Written] = field(default_factory=dict)
    criteria: dict[str, tuple[Value, str]] = field(default_factory=dict)
    notes: list[NoteCell] = field(default_factory=list)  # the text of a notes column


@dataclass(slots=True)
class MeasurementRow:
    where: str
    journey: Written
    kpi: Written
    date: date
    value: int | float
    value_where: str
    n: int | None
    source: str | None


@dataclass
class Counts:
    """What the summary counts besides changes."""

    subtotal_rows: int = 0
    blank_rows: int = 0
    unknown_values: int = 0


@dataclass(frozen=True)
class RowOptions:
    lang: Lang  # the language text numbers are written in
    period: str | None  # --period: the one period to read, or the period of plain columns
    estimates: bool
    # Where the sheet's volumes come from, for a row without a source: the file's name, and
    # the sheet's in a workbook ("inventaris.xlsx, Klantenservice").
    source: str | None = None
    file: str = ""  # the file's name, kept with each note
    stated: bool = False  # --number-format said the language of text numbers

    @property
    def numbers(self) -> NumberFormat:
        return NumberFormat(self.lang, self.stated)


@dataclass
class SheetRows:
    inventory: list[InventoryRow] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    # The journey and KPI of measurement rows with a refused cell: still checked against
    # the tree, so that one refusal lists an unknown journey or KPI too.
    unread_measurements: list[tuple[Written, Written]] = field(default_factory=list)
    # The periods the sheet's period column names, most written first: the period to
    # suggest for figures without one (None: not read yet).
    named_periods: list[str] | None = None


def read_rows(sheet: Sheet, layout: Layout, options: RowOptions) -> SheetRows:
    """Every data row below the header of `sheet`, read by `layout`."""
    result = SheetRows()
    periods = _periods(sheet, layout, options, result.problems)
    name_column = layout.column("journey") or layout.column("id")
    assert name_column is not None  # a layout has one or the other
    for row in range(layout.header_row + 1, len(sheet.rows)):
        cells = sheet.rows[row]
        if all(is_empty(value) for value in cells):
            result.counts.blank_rows += 1
            continue
        if _is_subtotal(cells, sheet.value(row, name_column.index)):
            result.counts.subtotal_rows += 1
            continue
        reader = _RowReader(sheet, row, layout, options, result)
        if layout.kind == "inventory":
            record = reader.inventory(periods)
            if record is not None:
                result.inventory.append(record)
        else:
            measurement = reader.measurement()
            if measurement is not None:
                result.measurements.append(measurement)
    return result


def _sheet_periods(sheet: Sheet, layout: Layout, column: SheetColumn) -> list[str]:
    """The periods the period column of `sheet` names, the most written first (made for a
    refusal only: the period to suggest for a row whose period cell is empty)."""
    counted: dict[str, int] = {}
    for row in range(layout.header_row + 1, len(sheet.rows)):
        value = sheet.value(row, column.index)
        if is_unknown(value):
            continue
        try:
            named = period(value)
        except CellError:
            continue
        counted[named] = counted.get(named, 0) + 1
    return sorted(counted, key=lambda named: -counted[named])


def _is_subtotal(cells: list[Value], name: Value) -> bool:
    first = next((value for value in cells if not is_empty(value)), None)
    for value in (first, name):
        if isinstance(value, str) and fold(value).startswith(_SUBTOTAL_WORDS):
            return True
    return False


def _periods(
    sheet: Sheet, layout: Layout, options: RowOptions, problems: list[Problem]
) -> list[str | None]:
    """The volume periods to read: those the header names (only --period's, if given)."""
    found = layout.volume_periods
    named = [p for p in found if p is not None]
    if options.period is None or not named:
        return found
    if options.period in named:
        return [options.period]
    problems.append(
        Problem(
            sheet.where(layout.header_row, 0),
            said("row.no_period_columns", period=options.period, periods=tuple(named)),
        )
    )
    return []


class _RowReader:
    def __init__(
        self, sheet: Sheet, row: int, layout: Layout, options: RowOptions, result: SheetRows
    ) -> None:
        self.sheet, self.row, self.layout, self.options = sheet, row, layout, options
        self.result = result
        self.failed = False

    def where(self, column: SheetColumn) -> str:
        return self.sheet.where(self.row, column.index)

    def problem(self, column: SheetColumn, message: Message) -> None:
        self.result.problems.append(Problem(self.where(column), message))
        self.failed = True

    def written(self, role: str) -> Written | None:
        column = self.layout.column(role)
        if column is None:
            return None
        value = self.sheet.value(self.row, column.index)
        if is_unknown(value):
            return None
        try:
            return Written(text_of(value), self.where(column))
        except CellError as error:
            self.problem(column, error.message)
            return None

    def inventory(self, periods: list[str | None]) -> InventoryRow | None:
        name, id_ = self.written("journey"), self.written("id")
        name_column = self.layout.column("journey") or self.layout.column("id")
        assert name_column is not None
        record = InventoryRow(
            self.where(name_column),
            name,
            id_,
            self.written("phase"),
            self.written("cluster"),
            self.written("owner"),
        )
        if name is None and id_ is None:
            if not self.failed:
                self.problem(name_column, said("row.no_journey_name"))
            return None
        for field_name, cell in (("phase", record.phase), ("cluster", record.cluster)):
            if cell is None and not self.failed:
                column = self.layout.column(field_name)
                assert column is not None
                self.problem(column, said(f"row.empty_{field_name}"))
        record.status = self._status()
        record.volumes = self._volumes(periods)
        for role in ("phase_id", "cluster_id", "owner_id"):
            written = self.written(role)
            if written is not None:
                record.ids[role] = written
        note = self.written("notes")
        if note is not None and note.text:
            record.notes = [NoteCell(note.text, self.options.file, note.where)]
        record.criteria = {
            column.criterion: (self.sheet.value(self.row, column.index), self.where(column))
            for column in self.layout.criteria
            if column.criterion is not None
            and not is_unknown(self.sheet.value(self.row, column.index))
        }
        # Kept with a refused cell too: the plan still checks its phase, cluster and owner,
        # so one refusal lists every problem (nothing is written while there are any).
        return record

    def _status(self) -> Written | None:
        column = self.layout.column("status")
        if column is None or is_unknown(self.sheet.value(self.row, column.index)):
            return None
        status = self._read(column, journey_status)
        return None if status is None else Written(status, self.where(column))

    def _volumes(self, periods: list[str | None]) -> list[VolumeCells]:
        volumes = []
        written_source = self.written("source")
        source = self.options.source if written_source is None else written_source.text
        for header_period in periods:
            customers = self.layout.volume_column("customers", header_period)
            contacts = self.layout.volume_column("contacts", header_period)
            if customers is None or contacts is None:
                continue  # refused once for the sheet by the plan
            the_period = header_period or self._row_period()
            if the_period is None:
                self._without_period(customers, contacts)
                continue
            figures = [self._count(customers), self._count(contacts)]
            if any(figure is None for figure in figures):
                continue
            counted = [
                int(f.value) if isinstance(f, Estimate) else f for f in figures if f is not None
            ]
            estimated = self._estimated_column(header_period)
            guessed = tuple(
                value
                for value, figure in zip(("customers", "contacts"), figures, strict=True)
                if value in estimated or isinstance(figure, Estimate)
            )
            volumes.append(
                VolumeCells(
                    the_period, counted[0], counted[1], guessed, self.where(customers), source
                )
            )
        return volumes

    def _without_period(self, customers: SheetColumn, contacts: SheetColumn) -> None:
        """Figures on a row whose period cell is empty (or unreadable, refused already):
        refused at the period cell, never dropped. The export leaves the period of a
        journey without volumes empty; figures typed there need their period too."""
        column = self.layout.column("period")
        values = [self.sheet.value(self.row, c.index) for c in (customers, contacts)]
        if column is None or all(is_unknown(value) for value in values):
            return
        if not is_unknown(self.sheet.value(self.row, column.index)):
            return  # a period cell that cannot be read: refused at it already
        cell = self.where(column)
        if self.result.named_periods is None:  # read once a sheet, where a row needs it
            self.result.named_periods = _sheet_periods(self.sheet, self.layout, column)
        named = self.result.named_periods
        if named:
            message = said("row.figures_without_period", cell=cell, period=named[0])
        else:
            message = said("row.figures_without_period_none", cell=cell)
        self.problem(column, message)

    def _count(self, column: SheetColumn) -> int | Estimate | None:
        value = self.sheet.value(self.row, column.index)
        if is_unknown(value):
            self.result.counts.unknown_values += 1
            return None
        try:
            figure = count(value, self.options.numbers)
        except CellError as error:
            self.problem(column, error.message)
            return None
        if isinstance(figure, Estimate) and not self.options.estimates:
            self.problem(column, said("cell.estimate", value=repr(value)))
            return None
        return figure

    def _row_period(self) -> str | None:
        column = self.layout.column("period")
        if column is None:
            return self.options.period
        value = self.sheet.value(self.row, column.index)
        if is_unknown(value):
            return self.options.period
        try:
            return period(value)
        except CellError as error:
            self.problem(column, error.message)
            return None

    def _estimated_column(self, period: str | None) -> tuple[str, ...]:
        """What the estimated column of the period (`Geschat 2024`), else the one without
        a period, says of this row."""
        column = self.layout.column("estimated", period)
        if column is None or is_unknown(self.sheet.value(self.row, column.index)):
            return ()
        try:
            return estimated_values(self.sheet.value(self.row, column.index))
        except CellError as error:
            self.problem(column, error.message)
            return ()

    def measurement(self) -> MeasurementRow | None:
        journey = self.written("id") or self.written("journey")
        kpi = self.written("kpi")
        date_column, value_column = self.layout.column("date"), self.layout.column("value")
        assert date_column is not None and value_column is not None
        if journey is None or kpi is None:
            if not self.failed:
                missing = "journey" if journey is None else "kpi"
                self.problem(date_column, said(f"row.no_{missing}"))
            return None
        raw = self.sheet.value(self.row, value_column.index)
        if is_unknown(raw):
            self.result.counts.unknown_values += 1
            return None
        measured_on = self._read(date_column, lambda value: day(value, self.sheet.epoch))
        value = self._read(value_column, lambda value: measure(value, self.options.numbers))
        n = self._n()
        source = self.written("source")
        if self.failed or measured_on is None or value is None:
            self.result.unread_measurements.append((journey, kpi))
            return None
        return MeasurementRow(
            journey.where, journey, kpi, measured_on, value, self.where(value_column), n,
            None if source is None else source.text,
        )  # fmt: skip

    def _n(self) -> int | None:
        column = self.layout.column("n")
        if column is None or is_unknown(self.sheet.value(self.row, column.index)):
            return None
        figure = self._read(column, lambda value: count(value, self.options.numbers))
        if isinstance(figure, Estimate):
            self.problem(column, said("row.responses_estimate"))
            return None
        return figure

    def _read(self, column: SheetColumn, parse: Callable[[Value], T]) -> T | None:
        try:
            return parse(self.sheet.value(self.row, column.index))
        except CellError as error:
            self.problem(column, error.message)
            return None
