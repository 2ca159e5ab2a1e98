"""`journeyctl export --out FILE`: the inventory with its ranking, for Excel or as CSV."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from journeyctl.cli._common import (
    DEFAULT_ROOT,
    NoCacheOption,
    RootOption,
    color,
    error_line,
    output,
)
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK


class ExportFormatChoice(str, Enum):
    xlsx = "xlsx"
    csv = "csv"


class Language(str, Enum):
    nl = "nl"
    en = "en"


def export(
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE", help="The file to write (.xlsx or .csv).")
    ],
    root: RootOption = DEFAULT_ROOT,
    no_cache: NoCacheOption = False,
    output_format: Annotated[
        ExportFormatChoice | None,
        typer.Option("--format", help="xlsx or csv; default: from the file's suffix, else xlsx."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(help="The period of the figures and the ranking; default: rank's default."),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(help="Labels in this language; default: the framework's."),
    ] = None,
) -> int:
    """Export the inventory with rank, score and contact rate, for people or a re-import."""
    import sys

    from journeyctl.formats import REPORTERS
    from journeyctl.formats._safe import one_line
    from journeyctl.framework import check
    from journeyctl.inventory.export import (
        export_bytes,
        export_table,
        refuse_tree_target,
        write_export,
    )
    from journeyctl.write import check_target

    check_target(out, parameter="out")  # a device, a FIFO, a folder: refused before any work
    checked = check(root, cache=not no_cache)
    if not checked.usable:
        sys.stderr.write(REPORTERS["text"](checked.for_display().errors_only(), color(sys.stderr)))
        error_line("error: the tree has validation errors, so it is not exported; fix them first")
        return EXIT_FINDINGS
    chosen = output_format.value if output_format else _from_suffix(out)
    refuse_tree_target(out, checked.tree.root)
    table = export_table(checked, period, None if lang is None else lang.value)
    write_export(out, export_bytes(table, chosen))  # type: ignore[arg-type]
    output(
        f"Exported {len(table.rows)} journeys (period {table.period or '-'}) to "
        f"{one_line(str(out))}\n"
    )
    return EXIT_OK


def _from_suffix(out: Path) -> str:
    return "csv" if out.suffix.lower() == ".csv" else "xlsx"
