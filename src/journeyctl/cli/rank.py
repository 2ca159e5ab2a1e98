"""`journeyctl rank`: which journeys first, as a table, JSON, CSV or Markdown."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from journeyctl.cli._common import DEFAULT_ROOT, RootOption, color, error_line, output
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK


class RankByChoice(str, Enum):
    score = "score"
    customers = "customers"
    contacts = "contacts"
    contact_rate = "contact-rate"


class RankFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def rank(
    root: RootOption = DEFAULT_ROOT,
    by: Annotated[RankByChoice, typer.Option("--by", help="What to order by.")] = (
        RankByChoice.score
    ),
    period: Annotated[
        str | None,
        typer.Option(help="2025, 2025-Q3 or 2025-06; default: the latest period in the data."),
    ] = None,
    phase: Annotated[str | None, typer.Option(help="Only journeys of this phase id.")] = None,
    cluster: Annotated[str | None, typer.Option(help="Only journeys of this cluster id.")] = None,
    owner: Annotated[str | None, typer.Option(help="Only journeys of this owner id.")] = None,
    top: Annotated[int | None, typer.Option(min=1, help="Show the first N only.")] = None,
    output_format: Annotated[RankFormat, typer.Option("--format")] = RankFormat.table,
    explain: Annotated[bool, typer.Option("--explain", help="Show each term's points.")] = False,
) -> int:
    """Rank journeys by customer and contact volume and the framework's criteria."""
    import sys

    from journeyctl.formats import REPORTERS
    from journeyctl.formats.ranking import RANK_FORMATS
    from journeyctl.framework import check
    from journeyctl.rank import RankOptions
    from journeyctl.rank import rank as run_rank

    checked = check(Path(root))
    if not checked.usable:
        sys.stderr.write(REPORTERS["text"](checked.for_display().errors_only(), color(sys.stderr)))
        error_line("error: the tree has validation errors, so it is not ranked; fix them first")
        return EXIT_FINDINGS
    if checked.validation.warnings:
        error_line(
            f"note: {checked.validation.warnings} warning(s); `journeyctl validate` lists them"
        )
    options = RankOptions(
        by=by.value, period=period, phase=phase, cluster=cluster, owner=owner, top=top
    )
    ranking = run_rank(checked.framework, checked.journeys, options)
    output(RANK_FORMATS[output_format.value](ranking, color(sys.stdout), explain))
    return EXIT_OK
