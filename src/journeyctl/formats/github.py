"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

GitHub reads every line of a step's output that starts with `::` as a command, so no text
from the tree may start a line: user text is made one line first (`one_line`), then
escaped as GitHub's own toolkit escapes command data and properties.

In a workflow, the same findings also go to the job summary (`$GITHUB_STEP_SUMMARY`) as
Markdown, errors before warnings: `job_summary(validation)`, which `validate` adds to the
file that variable names.
"""

from __future__ import annotations

from journeyctl.checks import Validation
from journeyctl.finding import Finding, Severity
from journeyctl.formats._safe import one_line
from journeyctl.formats.base import Settings
from journeyctl.text.markdown import md_cell

# Past this many findings, the summary's table folds into <details>.
SUMMARY_FOLD = 20


def report(validation: Validation, settings: Settings) -> str:
    lines = [_annotation(finding) for finding in validation.findings]
    lines.append(_summary(validation))
    return "\n".join(lines) + "\n"


def _annotation(finding: Finding) -> str:
    properties = [f"file={_escape_property(finding.file)}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
    if finding.column is not None:
        properties.append(f"col={finding.column}")
    properties.append(f"title={_escape_property(finding.rule)}")
    return f"::{finding.severity.value} {','.join(properties)}::{_escape_data(finding.message)}"


def _summary(validation: Validation) -> str:
    return (
        f"journeyctl: {validation.errors} error(s), {validation.warnings} warning(s) "
        f"in {validation.journeys} journey file(s)"
    )


def _escape_data(value: str) -> str:
    # GitHub's toolkit escapes %, CR and LF in command data; `one_line` has already shown
    # CR and LF (and every other control character) as `\r`, `\n`, so only % is left.
    return one_line(value).replace("%", "%25")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def job_summary(validation: Validation) -> str:
    """The findings as Markdown for the job summary: the verdict and the counts first, then
    a table of the errors, then one of the warnings, so that what fails the job is on top."""
    verdict = "Valid" if validation.ok else "Not valid"
    lines = [f"### journeyctl validate: {verdict}", "", _summary(validation)]
    for severity, heading in ((Severity.ERROR, "Errors"), (Severity.WARNING, "Warnings")):
        findings = [f for f in validation.findings if f.severity is severity]
        if findings:
            lines += ["", f"#### {heading} ({len(findings)})", "", *_table(findings)]
    return "\n".join(lines) + "\n"


def _table(findings: list[Finding]) -> list[str]:
    """One row per finding; past SUMMARY_FOLD rows the table folds into <details>."""
    table = ["| Rule | File | Line | Message |", "|---|---|---:|---|"]
    table += [_summary_row(finding) for finding in findings]
    if len(findings) > SUMMARY_FOLD:
        return [
            f"<details><summary>{len(findings)} findings</summary>",
            "",
            *table,
            "",
            "</details>",
        ]
    return table


def _summary_row(finding: Finding) -> str:
    line = "" if finding.line is None else str(finding.line)
    cells = [finding.rule, finding.file, line, finding.message]
    return "| " + " | ".join(md_cell(cell) for cell in cells) + " |"
