"""`journeyctl rules`: every rule validate applies, as text or as a Markdown table."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from journeyctl.cli import _options as shared
from journeyctl.cli._common import output
from journeyctl.errors import EXIT_OK

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl rules",
    "journeyctl rules --format markdown",
)

RulesFormat = Literal["text", "markdown"]


def rules(
    output_format: Annotated[RulesFormat, shared.format_option(get_args(RulesFormat))] = "text",
    root: shared.HiddenRootOption = shared.DEFAULT_ROOT,  # every command takes --root; this one needs none
) -> int:
    """List every rule that validate applies, with its id and severity."""
    from journeyctl.checks import all_rules

    lines = []
    for rule in all_rules():
        if output_format == "markdown":
            lines.append(f"| {rule.id} | `{rule.name}` | {rule.severity.value} | {rule.summary} |")
        else:
            lines.append(f"{rule.id}  {rule.name:<26} {rule.severity.value:<8} {rule.summary}")
    if output_format == "markdown":
        lines = ["| id | name | severity | what it checks |", "|---|---|---|---|", *lines]
    output("\n".join(lines) + "\n")
    return EXIT_OK
