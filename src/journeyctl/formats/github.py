"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

GitHub reads every line of a step's output that starts with `::` as a command, so no text
from the tree may start a line: user text is made one line first (`one_line`), then
escaped as GitHub's own toolkit escapes command data and properties.
"""

from __future__ import annotations

from journeyctl.checks import Validation
from journeyctl.finding import Finding
from journeyctl.formats._safe import one_line


def report(validation: Validation, color: bool = False) -> str:
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
