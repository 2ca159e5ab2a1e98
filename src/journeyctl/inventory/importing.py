"""`import`: a workbook or CSV file in, a plan of changes out, and the plan applied.

    result = read_import(Path("inventaris.xlsx"), check(root), ImportOptions(...))
    apply_plan(root, result.plan)   # unless a dry run

Reading refuses (`Refused`, every problem with its cell) before anything is planned;
planning refuses before anything is written; writing is all or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from journeyctl.errors import UsageError
from journeyctl.framework import CheckedTree
from journeyctl.inventory.cells import Problem, Refused, Sheet, Uncalculated, Workbook
from journeyctl.inventory.csvfile import CsvSheet, fields_past_header, read_csv
from journeyctl.inventory.files import check_file
from journeyctl.inventory.headers import Kind, Layout, describe, find_layout
from journeyctl.inventory.overlay import Remembered
from journeyctl.inventory.plan import Plan, plan_inventory, plan_measurements
from journeyctl.inventory.rows import Counts, InventoryRow, RowOptions, SheetRows, read_rows
from journeyctl.inventory.values import NumberFormat, not_calculated
from journeyctl.inventory.words import said
from journeyctl.inventory.workbook import Progress, read_xlsx
from journeyctl.model.common import PERIOD_PATTERN
from journeyctl.text import Lang, fold
from journeyctl.write import write_files

SUFFIXES = (".xlsx", ".xlsm", ".csv")


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    period: str | None = None
    kind: Kind | None = None
    add_missing: bool = False
    estimates: bool = False
    confirm_new: bool = False  # new journeys very like existing ones are new all the same
    number_format: Lang | None = None  # how text numbers are written; None: the framework's


@dataclass
class ImportResult:
    file: str
    kind: Kind
    plan: Plan
    sheets_read: list[str] = field(default_factory=list)
    sheets_not_read: list[str] = field(default_factory=list)
    sheets_hidden: list[str] = field(default_factory=list)  # not read unless --sheet names one
    sheets_not_chosen: list[str] = field(default_factory=list)  # --sheet named another
    encoding: str | None = None  # a CSV file that is not UTF-8: the encoding it was read as
    ignored_columns: list[str] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    rows: int = 0


# Spreadsheets of another kind, by suffix: what they are, for the message that says to
# save them as .xlsx or .csv.
OTHER_FORMATS = {
    ".xls": "an Excel 97-2003 workbook",
    ".xlsb": "an Excel binary workbook",
    ".ods": "an OpenDocument spreadsheet",
    ".fods": "an OpenDocument spreadsheet",
    ".numbers": "a Numbers spreadsheet",
    ".tsv": "a tab-separated text file",
    ".txt": "a text file",
}


def read_workbook(path: Path, progress: Progress | None = None) -> Workbook:
    """The file's sheets; a UsageError for a file that is missing or of another kind,
    Refused for one that cannot be read. A pipe or a device is refused by what it is, and
    never read (`files`)."""
    try:
        check_file(path)
    except OSError as error:  # a folder above it that may not be read
        raise _cannot_read(path, error) from None
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        what = OTHER_FORMATS.get(suffix, f"a {suffix} file" if suffix else "a file without suffix")
        raise UsageError(
            f"'{path}' is {what}; journeyctl imports .xlsx workbooks and .csv files: "
            "save it as Excel Workbook (.xlsx) or CSV UTF-8 (.csv) and import that"
        )
    try:
        if suffix == ".csv":
            return Workbook(path.name, [read_csv(path, progress)])
        return Workbook(path.name, read_xlsx(path, progress))
    except OSError as error:  # unreadable: permissions, a file that went away, a bad disk
        raise _cannot_read(path, error) from None


def _cannot_read(path: Path, error: OSError) -> Refused:
    reason = error.strerror or type(error).__name__
    return Refused([Problem(path.name, said("file.cannot_read", reason=reason))])


def read_import(
    path: Path,
    checked: CheckedTree,
    options: ImportOptions,
    progress: Progress | None = None,
    remembered: Remembered | None = None,
) -> ImportResult:
    """Read the file and plan its changes; Refused with every problem if any row is refused.
    `remembered`: what loading `checked` read (`overlay.check_for_import`), so that the tree
    after the plan is checked without parsing every file again."""
    if options.period is not None and not re.fullmatch(PERIOD_PATTERN, options.period):
        raise UsageError(
            f"'{options.period}' is not a period; write 2025, 2025-Q3 or 2025-06",
            parameter="period",
        )
    workbook = read_workbook(path, progress)
    sheets = _chosen(workbook, options.sheet)
    others = [s.name for s in workbook.sheets if all(s is not c for c in sheets)]
    layouts, not_read = _layouts(workbook, sheets, checked, options)
    kind = layouts[0][1].kind
    result = ImportResult(path.name, kind, Plan(), sheets_not_read=not_read)
    if options.sheet is not None:  # the others were not asked for, whatever they hold
        result.sheets_not_chosen = others
    else:
        result.sheets_hidden = [s.name for s in workbook.sheets if s.hidden]
    first = workbook.sheets[0] if workbook.sheets else None
    if isinstance(first, CsvSheet) and first.encoding != "utf-8":
        result.encoding = first.encoding
    lang = checked.framework.language
    numbers = NumberFormat(options.number_format or lang, options.number_format is not None)
    problems: list[Problem] = []
    read = SheetRows()
    for sheet, layout in layouts:
        problems += _layout_problems(sheet, layout, options)
        source = sheet.name if isinstance(sheet, CsvSheet) else f"{workbook.name}, {sheet.name}"
        rows = read_rows(
            sheet,
            layout,
            RowOptions(
                numbers.lang,
                options.period,
                options.estimates,
                source,
                workbook.name,
                numbers.stated,
            ),
        )
        _gather(read, rows)
        result.sheets_read.append(sheet.name)
        result.ignored_columns += [f"{sheet.name}!{describe(c)}" for c in layout.ignored]
        result.rows += len(sheet.rows) - layout.header_row - 1
    problems += read.problems
    result.counts = read.counts
    for sheet in workbook.sheets:  # every row is read: the cells are not needed any more
        sheet.rows = []
    # Planned even when reading refused cells: an unknown phase or KPI is listed with the
    # unreadable numbers, in one refusal (nothing is written while there are problems).
    if kind == "inventory":
        result.plan = plan_inventory(
            checked,
            _handed_over(read),
            numbers,
            options.add_missing,
            problems,
            options.confirm_new,
            remembered,
        )
    else:
        result.plan = plan_measurements(
            checked, read.measurements, numbers, problems, read.unread_measurements, remembered
        )
    if result.plan.problems:
        raise Refused(in_sheet_order(result.plan.problems, workbook))
    return result


_CELL = re.compile(r"(.*)!([A-Z]{1,3})([0-9]+)")
_LINE = re.compile(r"(.*):([0-9]+)")  # a CSV file's line: data.csv:7


def in_sheet_order(problems: list[Problem], workbook: Workbook) -> list[Problem]:
    """The problems as a person goes through the file: sheet by sheet, row by row, left to
    right (a CSV line before the cells of its row); those of the whole file or of the tree
    after them, in the order found."""
    sheets = {sheet.name: index for index, sheet in enumerate(workbook.sheets)}

    def place(problem: Problem) -> tuple[int, int, int]:
        cell = _CELL.fullmatch(problem.where)
        if cell is not None and cell.group(1) in sheets:
            column = sum(26**i * (ord(c) - 64) for i, c in enumerate(reversed(cell.group(2))))
            return (sheets[cell.group(1)], int(cell.group(3)), column)
        line = _LINE.fullmatch(problem.where)
        if line is not None and line.group(1) in sheets:
            return (sheets[line.group(1)], int(line.group(2)), 0)
        return (len(sheets), 0, 0)

    return sorted(problems, key=place)


def _chosen(workbook: Workbook, wanted: str | None) -> list[Sheet]:
    """The sheet `--sheet` names (hidden or not), else every sheet that is not hidden: a
    hidden sheet is often an old copy or a lookup list, never what a person sees."""
    if wanted is None:
        return [sheet for sheet in workbook.sheets if not sheet.hidden]
    for sheet in workbook.sheets:
        if sheet.name == wanted or fold(sheet.name) == fold(wanted):
            return [sheet]
    names = ", ".join(repr(sheet.name) for sheet in workbook.sheets)
    raise UsageError(
        f"{wanted!r}: no such sheet in {workbook.name}; it has {names}", parameter="sheet"
    )


def _layouts(
    workbook: Workbook, sheets: list[Sheet], checked: CheckedTree, options: ImportOptions
) -> tuple[list[tuple[Sheet, Layout]], list[str]]:
    from journeyctl.text import Names

    names = Names(checked.framework)
    layouts: list[tuple[Sheet, Layout]] = []
    not_read: list[str] = []  # of the sheets chosen, those without a header
    kind = options.kind
    for sheet in sheets:
        layout = find_layout(sheet, names, kind)
        if layout is None:
            not_read.append(sheet.name)
            continue
        kind = layout.kind  # the first sheet read decides for the others
        layouts.append((sheet, layout))
    if not layouts:
        what = said(f"header.{options.kind or 'either'}")
        hidden = [s.name for s in workbook.sheets if s.hidden and all(s is not c for c in sheets)]
        message = (
            said("file.no_header_hidden", what=what, sheets=tuple(hidden))
            if hidden
            else said("file.no_header", what=what)
        )
        raise Refused([Problem(workbook.name, message)])
    return layouts, not_read


def _layout_problems(sheet: Sheet, layout: Layout, options: ImportOptions) -> list[Problem]:
    header = layout.header_row
    problems = fields_past_header(sheet, header) if isinstance(sheet, CsvSheet) else []
    # A header that is a formula never calculated names nothing that can be known.
    problems += [
        Problem(sheet.where(header, index), not_calculated(value))
        for index, value in enumerate(sheet.rows[header])
        if isinstance(value, Uncalculated)
    ]
    seen: dict[tuple[str | None, str | None, str | None], int] = {}
    for column in layout.columns:
        if column.role is None:
            continue
        key = (column.role, column.period, column.criterion)
        if key in seen:
            problems.append(
                Problem(
                    sheet.where(header, column.index),
                    said(
                        "header.second_column",
                        header=repr(column.header),
                        first=sheet.where(header, seen[key]),
                    ),
                )
            )
        seen.setdefault(key, column.index)
    for period in layout.volume_periods:
        pair = [layout.volume_column(role, period) for role in ("customers", "contacts")]
        present = next(c for c in pair if c is not None)
        if None in pair:
            missing = "contacts" if pair[1] is None else "customers"
            which = f"header.no_{missing}" + ("_in_period" if period else "")
            problems.append(
                Problem(
                    sheet.where(header, present.index),
                    said(which, header=repr(present.header), period=period or ""),
                )
            )
        elif period is None and layout.column("period") is None and options.period is None:
            problems.append(
                Problem(
                    sheet.where(header, present.index),
                    said("header.no_period", header=repr(present.header)),
                )
            )
    return problems


def _handed_over(read: SheetRows) -> list[InventoryRow]:
    """The rows read, held by the plan alone, which lets go of each journey's once it is
    planned (before the tree the plan would leave is loaded to be checked)."""
    rows, read.inventory = read.inventory, []
    return rows


def _gather(into: SheetRows, rows: SheetRows) -> None:
    into.inventory += rows.inventory
    into.measurements += rows.measurements
    into.unread_measurements += rows.unread_measurements
    into.problems += rows.problems
    into.counts.subtotal_rows += rows.counts.subtotal_rows
    into.counts.blank_rows += rows.counts.blank_rows
    into.counts.unknown_values += rows.counts.unknown_values


def apply_plan(root: Path, plan: Plan) -> list[Path]:
    """Write every file of the plan, all or nothing (`write_files`: every text checked and
    synced beside its file before the first is renamed into place; if a rename fails, those
    renamed before it are put back as they were); the paths written."""
    return write_files(root, {change.relative: change.new for change in plan.changes})
