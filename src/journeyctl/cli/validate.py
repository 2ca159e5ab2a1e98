"""`journeyctl validate`: check every file and report the findings in a chosen format."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

# The command's work is in `_stored`, where the console script runs it without Typer.
from journeyctl.cli import _options as shared
from journeyctl.cli._stored import append_summary

__all__ = ["EXAMPLES", "ValidateFormat", "append_summary", "validate"]

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl validate",
    "journeyctl validate --strict --format json",
    "journeyctl validate --format gitlab",
)

ValidateFormat = Literal["auto", "text", "json", "github", "gitlab", "sarif"]


def validate(
    root: shared.RootOption = shared.DEFAULT_ROOT,
    no_cache: shared.NoCacheOption = False,
    output_format: Annotated[
        ValidateFormat,
        shared.format_option(
            get_args(ValidateFormat),
            "auto is github under GitHub Actions, text otherwise; gitlab is GitLab's "
            "Code Quality report.",
        ),
    ] = "auto",
    strict: Annotated[bool, shared.flag("--strict", "Warnings fail too.")] = False,
) -> int:
    """Check every file: schemas, cross-references and framework rules."""
    from journeyctl.cli._stored import run_validate

    return run_validate(root, output_format, strict=strict, no_cache=no_cache)
