"""For people at a terminal: findings grouped by file, `file:line:col rule message`, a summary.

In colour, Rich styles the text; without (a pipe, a pre-commit hook, `NO_COLOR`), the same
text is written as it is, without importing Rich (a test keeps the two alike).
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from journeyctl.checks import Validation
from journeyctl.finding import Finding, Severity
from journeyctl.formats._console import render
from journeyctl.formats._safe import one_line
from journeyctl.formats.base import Settings

if TYPE_CHECKING:
    from rich.text import Text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def report(validation: Validation, settings: Settings) -> str:
    return rich_report(validation, True) if settings.color else plain_report(validation)


def rich_report(validation: Validation, color: bool) -> str:
    """The report as Rich writes it, styled in colour."""
    from rich.text import Text

    out = Text()
    for file, findings in groupby(validation.findings, key=lambda f: f.file):
        out.append(one_line(file), style="bold underline")
        out.append("\n")
        for finding in findings:
            out.append_text(_line(finding))
            out.append("\n")
        out.append("\n")
    out.append_text(_summary(validation))
    return render(out, color)


def plain_report(validation: Validation) -> str:
    """The report without colour: what Rich writes of it, without Rich."""
    lines: list[str] = []
    for file, findings in groupby(validation.findings, key=lambda f: f.file):
        lines.append(one_line(file))
        lines.extend(_plain_line(finding) for finding in findings)
        lines.append("")
    verdict, counts = _verdict(validation)
    lines.append(f"{verdict}: {counts}")
    # As `render` leaves Rich's lines: no blanks at their ends, one line break at the end.
    return "\n".join(line.rstrip() for line in "\n".join(lines).splitlines()) + "\n"


def _place(finding: Finding) -> str:
    place = one_line(finding.file)
    if finding.line is not None:
        place += f":{finding.line}:{finding.column or 1}"
    return place


def _plain_line(finding: Finding) -> str:
    return (
        f"  {_place(finding)} {finding.severity.value:<7} {one_line(finding.rule)} "
        f"{one_line(finding.message)}"
    )


def _line(finding: Finding) -> Text:
    from rich.text import Text

    place = _place(finding)
    line = Text("  ")
    line.append(place, style="dim")
    line.append(" ")
    line.append(f"{finding.severity.value:<7}", style=_STYLE[finding.severity])
    line.append(f" {one_line(finding.rule)} ", style="cyan")
    # Plain strings appended to a Text are never read as markup: `[bold]` prints as it is.
    line.append(one_line(finding.message))
    return line


def _verdict(validation: Validation) -> tuple[str, str]:
    errors, warnings = validation.errors, validation.warnings
    counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in " + _plural(
        validation.journeys, "journey file"
    )
    if validation.ok:
        return "valid", counts
    return ("invalid" if errors else "invalid (--strict: warnings fail)"), counts


def _summary(validation: Validation) -> Text:
    from rich.text import Text

    verdict, counts = _verdict(validation)
    style = "bold green" if validation.ok else "bold red"
    summary = Text(f"{verdict}: ", style=style)
    summary.append(counts)
    return summary


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
