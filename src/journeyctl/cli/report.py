"""`journeyctl report NAME`: the data behind each report page of `render`, for the terminal
(a table in the framework's language), Markdown, and BI tools (JSON and CSV)."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import checked_input, color, note_warnings, output
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl report alerts",
    "journeyctl report kpis --top 5 --format markdown",
    "journeyctl report improvements --explain",
)

ReportFormat = Literal["table", "json", "csv", "markdown"]


def report(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="kpis, improvements, coverage, owners or alerts.",
            show_default=False,
        ),
    ],
    root: shared.RootOption = shared.DEFAULT_ROOT,
    no_cache: shared.NoCacheOption = False,
    output_format: Annotated[ReportFormat, shared.format_option(get_args(ReportFormat))] = "table",
    period: shared.PeriodOption = None,
    compare: shared.CompareOption = None,
    lang: shared.LangOption = None,
    top: Annotated[
        int | None,
        shared.count_option(
            "kpis: the KPIs of the first N journeys of the ranking that have KPIs; alerts: "
            "look for unworked journeys among the first N of the ranking (default 10)."
        ),
    ] = None,
    today: shared.TodayOption = None,
    explain: Annotated[
        bool,
        shared.flag(
            "--explain",
            "improvements: show each value journey by journey (contacts times the expected "
            "change).",
        ),
    ] = False,
) -> int:
    """Reports for the steering meeting: kpis, improvements, coverage, owners, alerts."""
    import shutil
    import sys

    from journeyctl.formats import Settings
    from journeyctl.formats.reports import REPORT_FORMATS
    from journeyctl.reports import build, check_explain, check_top, report_name

    name = report_name(name)
    check_top(name, top)
    check_explain(name, explain)
    shared.refuse_same_periods(period, compare)
    found = checked_input(root, "it is not reported", period, compare, today, no_cache)
    if found is None:
        return EXIT_FINDINGS
    checked, report_input = found
    result = build(name, report_input, top)
    note_warnings(checked)
    width = shutil.get_terminal_size((100, 24)).columns
    language = checked.framework.language if lang is None else lang
    settings = Settings(color=color(sys.stdout), width=width, language=language, explain=explain)
    output(REPORT_FORMATS[output_format](result, settings))
    return EXIT_OK
