"""`journeyctl export --out FILE`: the inventory with its ranking, for Excel or as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, get_args

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import output, refuse_errors
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK
from journeyctl.text import Lang

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl export --out inventaris.xlsx",
    "journeyctl export --out inventaris.csv --period 2024",
    "journeyctl export --out inventaris.xlsx --period 2025 --compare 2024",
)

ExportFormat = Literal["xlsx", "csv"]


def export(
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE", help="The file to write (.xlsx or .csv).")
    ],
    root: shared.RootOption = shared.DEFAULT_ROOT,
    no_cache: shared.NoCacheOption = False,
    output_format: Annotated[
        ExportFormat | None,
        shared.format_option(
            get_args(ExportFormat), "xlsx or csv; default: from the file's suffix."
        ),
    ] = None,
    period: Annotated[
        str | None,
        shared.period_option("The period of the figures and the ranking; default: rank's default."),
    ] = None,
    compare: Annotated[
        str | None,
        shared.period_option(
            "A period whose customers, contacts and rank stand beside the period's "
            "(Klanten 2024), which import reads back as that period's."
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        shared.choice_option(shared.LANG, "Labels in this language; default: the framework's."),
    ] = None,
) -> int:
    """Export the inventory with rank, score and contact rate, for people or a re-import."""
    from journeyctl.formats._safe import one_line
    from journeyctl.framework import check
    from journeyctl.inventory.export import export_bytes, export_table, write_export
    from journeyctl.write import check_target, refuse_in_tree

    check_target(out, parameter="out")  # a device, a FIFO, a folder: refused before any work
    chosen = _format_of(out, output_format)
    checked = check(root, cache=not no_cache)
    if refuse_errors(
        checked, "error: the tree has validation errors, so it is not exported; fix them first"
    ):
        return EXIT_FINDINGS
    refuse_in_tree(out, checked.tree.root)
    table = export_table(checked, period, lang, compare)
    write_export(out, export_bytes(table, chosen))
    beside = f", beside {compare}" if compare else ""
    output(
        f"Exported {len(table.rows)} journeys (period {table.period or '-'}{beside}) to "
        f"{one_line(str(out))}\n"
    )
    return EXIT_OK


_SUFFIXES: dict[str, ExportFormat] = {".xlsx": "xlsx", ".csv": "csv"}


def _format_of(out: Path, given: ExportFormat | None) -> ExportFormat:
    """The format the file is written in: the file's suffix or --format; a usage error when
    they disagree, or when neither says (no .pdf holds a workbook unless --format asks)."""
    from journeyctl.errors import UsageError

    by_suffix = _SUFFIXES.get(out.suffix.lower())
    if given is not None and by_suffix is not None and given != by_suffix:
        raise UsageError(
            f"'{out.name}' ends in {out.suffix}, but --format is {given}; name the file "
            f"*.{given}, or leave --format out",
            parameter="out",
        )
    if given is None and by_suffix is None:
        shown = f"ends in {out.suffix}" if out.suffix else "has no suffix"
        raise UsageError(
            f"'{out.name}' {shown}; export writes .xlsx (a workbook) or .csv: name the file "
            "so, or say which with --format xlsx or --format csv",
            parameter="out",
        )
    return given or by_suffix or "xlsx"
