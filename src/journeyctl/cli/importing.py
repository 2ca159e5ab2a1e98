"""`journeyctl import FILE`: the inventory or KPI measurements from a workbook or CSV file.

The function is `import_` (`import` is a Python keyword); its `__name__` is set to the
command's name, which `cli/app.py` registers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import error_line, output, refuse_errors
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK
from journeyctl.text import Lang

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journeyctl.inventory.importing import ImportResult
    from journeyctl.inventory.words import Message
    from journeyctl.inventory.workbook import Progress as RowProgress

# A file this large shows a progress bar while it is read (on a terminal only).
PROGRESS_FROM_BYTES = 2 * 1024 * 1024


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl import examples/inventaris-wadden-energie.xlsx --dry-run --estimates",
    "journeyctl import examples/metingen-enquete.csv --kind measurements",
)

ImportKind = Literal["inventory", "measurements"]
KIND = shared.Choice("kind", get_args(ImportKind), "a kind of file import reads")
NUMBER_FORMAT = shared.Choice(
    "number-format",
    sorted(get_args(Lang), key=lambda lang: lang != "nl"),
    "a way of writing numbers",
)


def import_(
    file: Annotated[Path, typer.Argument(help="An .xlsx workbook or a .csv file.")],
    root: shared.RootOption = shared.DEFAULT_ROOT,
    no_cache: shared.NoCacheOption = False,
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
        shared.choice_option(KIND, "What the file holds; default: recognised from the header row."),
    ] = None,
    dry_run: Annotated[
        bool, shared.flag("--dry-run", "Show what would change; write nothing.")
    ] = False,
    add_missing: Annotated[
        bool,
        shared.flag("--add-missing", "Add unknown phases, clusters and owners to framework.yaml."),
    ] = False,
    estimates: Annotated[
        bool,
        shared.flag(
            "--estimates",
            "Accept estimates (ca. 4.000, ± 12.000) and store them with estimated: true.",
        ),
    ] = False,
    confirm_new: Annotated[
        bool,
        shared.flag(
            "--confirm-new",
            "Create the sheet's new journeys also where a name is very like an existing "
            "journey's (refused without it: add the name to that journey's aliases instead).",
        ),
    ] = False,
    number_format: Annotated[
        Lang | None,
        shared.choice_option(
            NUMBER_FORMAT,
            "How text numbers are written: nl (402.000 and 0,25) or en (402,000 and 0.25); "
            "default: the framework's language, where 402.000 in an English framework is "
            "refused as ambiguous.",
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        shared.choice_option(
            shared.LANG, "Summary and refusals in this language; default: the framework's."
        ),
    ] = None,
) -> int:
    """Import the inventory (journeys and volumes) or KPI measurements from Excel or CSV."""
    from journeyctl.formats._safe import one_line
    from journeyctl.inventory.cells import Refused
    from journeyctl.inventory.importing import ImportOptions, read_import
    from journeyctl.inventory.overlay import check_for_import
    from journeyctl.inventory.words import said
    from journeyctl.write import write_files

    checked, remembered = check_for_import(root, cache=not no_cache)
    if refuse_errors(checked, "error: the tree has validation errors; fix them first, then import"):
        return EXIT_FINDINGS
    language = lang or checked.framework.language
    options = ImportOptions(
        sheet=sheet,
        period=period,
        kind=kind,
        add_missing=add_missing,
        estimates=estimates,
        confirm_new=confirm_new,
        number_format=number_format,
    )
    try:
        with _progress(file) as progress:
            result = read_import(file, checked, options, progress, remembered)
    except Refused as refused:
        for problem in refused.problems:
            error_line(
                one_line(said("summary.refused", problem=problem.say(language)).say(language))
            )
        error_line(said("summary.not_imported", file=file.name).say(language))
        return EXIT_FINDINGS
    if dry_run:
        output(_plan_text(result, language))
        return EXIT_OK
    # All or nothing: every file is checked before the first is written, and those written
    # are put back if a later one fails.
    write_files(checked.tree.root, {change.relative: change.new for change in result.plan.changes})
    output(_summary(result, language))
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


def _plan_text(result: ImportResult, lang: Lang) -> str:
    from journeyctl.inventory.words import said

    plan = result.plan
    lines: list[Message | tuple[str, Message]] = [
        said("summary.dry_run", file=result.file, kind=_kind(result))
    ]
    for title, changes, mark in (
        ("summary.to_create", plan.created, "+"),
        ("summary.to_update", plan.updated, "~"),
    ):
        lines.append(said(title, count=len(changes)))
        for change in changes:
            lines.append(f"  {mark} {change.relative}")
            lines += [("      ", detail) for detail in change.details]
    if plan.framework is not None:
        lines.append("framework.yaml:")
        lines += [("  + ", detail) for detail in plan.framework.details]
    lines.append(said("summary.unchanged", count=len(plan.unchanged)))
    return _text([*lines, *_notes(result)], lang)


def _summary(result: ImportResult, lang: Lang) -> str:
    from journeyctl.inventory.words import parts, said

    plan = result.plan
    head = (
        said("summary.nothing", file=result.file, kind=_kind(result), count=len(plan.unchanged))
        if not plan.changes
        else said(
            "summary.imported",
            file=result.file,
            kind=_kind(result),
            created=len(plan.created),
            updated=len(plan.updated),
            unchanged=len(plan.unchanged),
        )
    )
    lines: list[Message | tuple[str, Message]] = [head]
    if plan.framework is not None:
        lines.append(said("summary.framework", changes=parts(plan.framework.details)))
    return _text([*lines, *_notes(result)], lang)


def _kind(result: ImportResult) -> Message:
    from journeyctl.inventory.words import said

    return said(f"summary.kind.{result.kind}")


def _text(lines: Sequence[Message | tuple[str, Message]], lang: Lang) -> str:
    """The lines in `lang` (a detail after its indent), each one line whatever the file holds."""
    from journeyctl.formats._safe import one_line
    from journeyctl.inventory.words import say

    said_lines = (
        line[0] + say(line[1], lang) if isinstance(line, tuple) else say(line, lang)
        for line in lines
    )
    return "".join(one_line(line) + "\n" for line in said_lines)


def _notes(result: ImportResult) -> list[Message]:
    from journeyctl.inventory.words import parts, said

    counts = result.counts
    sheets = [said("summary.sheets_read", sheets=tuple(result.sheets_read))]
    if result.encoding is not None:
        sheets.append(said("summary.encoding", encoding=result.encoding))
    if result.sheets_not_read:
        sheets.append(said("summary.no_header", sheets=tuple(result.sheets_not_read)))
    if result.sheets_not_chosen:
        sheets.append(said("summary.not_chosen", sheets=tuple(result.sheets_not_chosen)))
    if result.sheets_hidden:
        sheets.append(said("summary.hidden", sheets=tuple(result.sheets_hidden)))
    lines: list[Message] = [parts(sheets)]
    if counts.subtotal_rows or counts.blank_rows:
        lines.append(
            said("summary.skipped", subtotal=counts.subtotal_rows, blank=counts.blank_rows)
        )
    if counts.unknown_values:
        lines.append(said("summary.unknown_values", count=counts.unknown_values))
    if result.ignored_columns:
        lines.append(said("summary.ignored_columns", columns=tuple(result.ignored_columns)))
    replacing = result.plan.estimates_replacing
    if replacing:
        lines.append(
            said("summary.estimates_replacing", count=len(replacing), values=tuple(replacing))
        )
    return lines
