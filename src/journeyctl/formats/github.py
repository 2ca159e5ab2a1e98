"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request."""

from __future__ import annotations

from journeyctl.checks import Validation
from journeyctl.finding import Finding


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
    # As GitHub's own toolkit escapes command data.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
