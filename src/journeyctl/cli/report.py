"""`journeyctl report NAME`: the data behind each report page of `render`, for the terminal
(a table in the framework's language), Markdown, and BI tools (JSON and CSV)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

import typer

from journeyctl.cli import _complete as complete
from journeyctl.cli._common import (
    DEFAULT_ROOT,
    NoCacheOption,
    RootOption,
    at_least_one,
    color,
    error_line,
    error_text,
    output,
)
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl report alerts",
    "journeyctl report kpis --top 5 --format markdown",
    "journeyctl report coverage --format csv",
)


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Language(str, Enum):
    nl = "nl"
    en = "en"


def report(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="kpis, improvements, coverage, owners or alerts.",
            show_default=False,
        ),
    ],
    root: RootOption = DEFAULT_ROOT,
    no_cache: NoCacheOption = False,
    output_format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.table,
    period: Annotated[
        str | None,
        typer.Option(
            help="2025, 2025-Q3 or 2025-06; default: the period rank takes (the latest that "
            "at least half of the journeys with volumes have).",
            autocompletion=complete.periods,
        ),
    ] = None,
    compare: Annotated[
        str | None,
        typer.Option(
            help="The period alerts compare with; default: the one before --period.",
            autocompletion=complete.periods,
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(help="Labels and number formats in this language; default: the framework's."),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            callback=at_least_one,
            help="kpis: the first N journeys of the ranking; alerts: look for unworked journeys "
            "among the first N (default 10).",
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD", help="Judge overdue reviews on this day; default: today."
        ),
    ] = None,
) -> int:
    """Reports for the steering meeting: kpis, improvements, coverage, owners, alerts."""
    import shutil
    import sys

    from journeyctl.formats import REPORTERS
    from journeyctl.formats.reports import REPORT_FORMATS
    from journeyctl.framework import check
    from journeyctl.reports import build, check_name, check_top, prepare

    check_name(name)
    check_top(name, top)
    refuse_same_periods(period, compare)
    day = _day(today)
    checked = check(root, today=day, cache=not no_cache)
    if not checked.usable:
        error_text(REPORTERS["text"](checked.for_display().errors_only(), color(sys.stderr)))
        error_line("error: the tree has validation errors, so it is not reported; fix them first")
        return EXIT_FINDINGS
    report_input = prepare(
        checked.framework,
        checked.journeys,
        checked.improvements,
        period=period,
        compare=compare,
        today=day,
    )
    result = build(name, report_input, top)
    if checked.validation.warnings:
        error_line(
            f"note: {checked.validation.warnings} warning(s); `journeyctl validate` lists them"
        )
    width = shutil.get_terminal_size((100, 24)).columns
    language = checked.framework.language if lang is None else lang.value
    output(REPORT_FORMATS[output_format.value](result, language, color(sys.stdout), width))
    return EXIT_OK


def refuse_same_periods(period: str | None, compare: str | None) -> None:
    """A usage error for --compare equal to --period: a period against itself moves nothing."""
    if period is not None and compare == period:
        raise UsageError(
            f"--compare and --period are both '{period}': a period compared with itself shows "
            "no movement; give --compare an earlier period, or leave it out to compare with "
            "the one before"
        )


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"'{text}' is not a date; write YYYY-MM-DD", parameter="today") from None
