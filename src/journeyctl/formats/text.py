"""For people at a terminal: findings grouped by file, `file:line:col rule message`, a summary."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text

from journeyctl.checks import Validation
from journeyctl.finding import Finding, Severity
from journeyctl.formats._console import render
from journeyctl.formats._safe import one_line
from journeyctl.formats.base import Settings

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def report(validation: Validation, settings: Settings) -> str:
    out = Text()
    for file, findings in groupby(validation.findings, key=lambda f: f.file):
        out.append(one_line(file), style="bold underline")
        out.append("\n")
        for finding in findings:
            out.append_text(_line(finding))
            out.append("\n")
        out.append("\n")
    out.append_text(_summary(validation))
    return render(out, settings.color)


def _line(finding: Finding) -> Text:
    place = one_line(finding.file)
    if finding.line is not None:
        place += f":{finding.line}:{finding.column or 1}"
    line = Text("  ")
    line.append(place, style="dim")
    line.append(" ")
    line.append(f"{finding.severity.value:<7}", style=_STYLE[finding.severity])
    line.append(f" {one_line(finding.rule)} ", style="cyan")
    # Plain strings appended to a Text are never read as markup: `[bold]` prints as it is.
    line.append(one_line(finding.message))
    return line


def _summary(validation: Validation) -> Text:
    errors, warnings = validation.errors, validation.warnings
    counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in " + _plural(
        validation.journeys, "journey file"
    )
    if validation.ok:
        style, verdict = "bold green", "valid"
    else:
        style = "bold red"
        verdict = "invalid" if errors else "invalid (--strict: warnings fail)"
    summary = Text(f"{verdict}: ", style=style)
    summary.append(counts)
    return summary


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
