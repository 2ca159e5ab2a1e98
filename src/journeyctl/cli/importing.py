"""`journeyctl import FILE`: the inventory or KPI measurements from a workbook or CSV file.

The function is `import_` (`import` is a Python keyword); its `__name__` is set to the
command's name, which `cli/app.py` registers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

import typer

from journeyctl.cli._common import error_line, output, refuse_errors
from journeyctl.cli._options import DEFAULT_ROOT, Choice, NoCacheOption, RootOption, choice_option
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from journeyctl.inventory.importing import ImportResult
    from journeyctl.inventory.workbook import Progress as RowProgress

# A file this large shows a progress bar while it is read (on a terminal only).
PROGRESS_FROM_BYTES = 2 * 1024 * 1024


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl import examples/inventaris-wadden-energie.xlsx --dry-run",
    "journeyctl import examples/metingen-enquete.csv --kind measurements",
)

ImportKind = Literal["inventory", "measurements"]
KIND = Choice("kind", get_args(ImportKind), "a kind of file import reads")


def import_(
    file: Annotated[Path, typer.Argument(help="An .xlsx workbook or a .csv file.")],
    root: RootOption = DEFAULT_ROOT,
    no_cache: NoCacheOption = False,
    sheet: Annotated[
        str | None, typer.Option(help="Read only this sheet; default: every sheet with a header.")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="The period of customers and contacts columns that name none; with "
            "periods across columns, the one to read."
        ),
    ] = None,
    kind: Annotated[
        ImportKind | None,
        choice_option(KIND, "What the file holds; default: recognised from the header row."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
    add_missing: Annotated[
        bool,
        typer.Option(
            "--add-missing", help="Add unknown phases, clusters and owners to framework.yaml."
        ),
    ] = False,
    estimates: Annotated[
        bool,
        typer.Option(
            "--estimates",
            help="Accept estimates (ca. 4.000, ± 12.000) and store them with estimated: true.",
        ),
    ] = False,
    confirm_new: Annotated[
        bool,
        typer.Option(
            "--confirm-new",
            help="Create the sheet's new journeys also where a name is very like an existing "
            "journey's (refused without it: add the name to that journey's aliases instead).",
        ),
    ] = False,
) -> int:
    """Import the inventory (journeys and volumes) or KPI measurements from Excel or CSV."""
    from journeyctl.formats._safe import one_line
    from journeyctl.framework import check
    from journeyctl.inventory.cells import Refused
    from journeyctl.inventory.importing import ImportOptions, read_import
    from journeyctl.write import write_files

    checked = check(root, cache=not no_cache)
    if refuse_errors(checked, "error: the tree has validation errors; fix them first, then import"):
        return EXIT_FINDINGS
    options = ImportOptions(
        sheet=sheet,
        period=period,
        kind=kind,
        add_missing=add_missing,
        estimates=estimates,
        confirm_new=confirm_new,
    )
    try:
        with _progress(file) as progress:
            result = read_import(file, checked, options, progress)
    except Refused as refused:
        for problem in refused.problems:
            error_line(f"refused: {one_line(str(problem))}")
        error_line(f"error: {file.name} was not imported; nothing was written")
        return EXIT_FINDINGS
    if dry_run:
        output(_plan_text(result))
        return EXIT_OK
    # All or nothing: every file is checked before the first is written, and those written
    # are put back if a later one fails.
    write_files(checked.tree.root, {change.relative: change.new for change in result.plan.changes})
    output(_summary(result))
    return EXIT_OK


import_.__name__ = "import"


class _progress:
    """A Rich progress bar on stderr while a large file is read on a terminal; else nothing."""

    def __init__(self, file: Path) -> None:
        import sys

        self.bar: Any = None
        try:
            large = file.stat().st_size >= PROGRESS_FROM_BYTES
        except OSError:
            large = False
        if large and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)

    def __enter__(self) -> RowProgress | None:
        bar = self.bar
        if bar is None:
            return None
        bar.start()
        task = bar.add_task("reading rows", total=None)

        def advance(row: int) -> None:
            if row % 500 == 0:
                bar.update(task, completed=row)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _plan_text(result: ImportResult) -> str:
    from journeyctl.formats._safe import one_line

    plan = result.plan
    lines = [f"Dry run: {result.file} read as {_kind(result)}; nothing was written."]
    for title, changes, mark in (
        ("To create", plan.created, "+"),
        ("To update", plan.updated, "~"),
    ):
        lines.append(f"{title}: {len(changes)}")
        for change in changes:
            lines.append(f"  {mark} {one_line(change.relative)}")
            lines += [f"      {one_line(detail)}" for detail in change.details]
    if plan.framework is not None:
        lines.append("framework.yaml:")
        lines += [f"  + {one_line(detail)}" for detail in plan.framework.details]
    lines.append(f"Unchanged: {len(plan.unchanged)} journey(s)")
    return "\n".join(lines + _notes(result)) + "\n"


def _summary(result: ImportResult) -> str:
    plan = result.plan
    if not plan.changes:
        head = (
            f"Nothing to change: {result.file} ({_kind(result)}) says what the tree says "
            f"({len(plan.unchanged)} journey(s) unchanged)."
        )
    else:
        head = (
            f"Imported {result.file} as {_kind(result)}: {len(plan.created)} created, "
            f"{len(plan.updated)} updated, {len(plan.unchanged)} unchanged."
        )
    lines = [head]
    if plan.framework is not None:
        lines.append("framework.yaml: " + "; ".join(plan.framework.details))
    return "\n".join(_safe_lines(lines + _notes(result))) + "\n"


def _safe_lines(lines: list[str]) -> list[str]:
    from journeyctl.formats._safe import one_line

    return [one_line(line) for line in lines]


def _kind(result: ImportResult) -> str:
    return "an inventory" if result.kind == "inventory" else "measurements"


def _notes(result: ImportResult) -> list[str]:
    from journeyctl.formats._safe import one_line

    counts = result.counts
    lines = [f"Sheets read: {', '.join(result.sheets_read)}"]
    if result.sheets_not_read:
        lines[-1] += f"; not read (no header found): {', '.join(result.sheets_not_read)}"
    if result.sheets_hidden:
        lines[-1] += (
            f"; hidden, not read: {', '.join(result.sheets_hidden)} (--sheet NAME reads one)"
        )
    if counts.subtotal_rows or counts.blank_rows:
        lines.append(f"Rows skipped: {counts.subtotal_rows} subtotal, {counts.blank_rows} blank")
    if counts.unknown_values:
        lines.append(
            f"Not known (n.b., onbekend, ?, -, empty): {counts.unknown_values} cell(s); "
            "no value stored for them"
        )
    if result.ignored_columns:
        lines.append(f"Ignored columns: {', '.join(result.ignored_columns)}")
    replacing = result.plan.estimates_replacing
    if replacing:
        lines.append(
            f"Estimates replacing counted numbers: {len(replacing)} ({', '.join(replacing)}); "
            "rank and the pages mark them ~"
        )
    return [one_line(line) for line in lines]
