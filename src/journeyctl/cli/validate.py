"""`journeyctl validate`: check every file and report the findings in a chosen format."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

import typer

# The command's work is in `_stored`, where the console script runs it without Typer.
from journeyctl.cli._options import DEFAULT_ROOT, Choice, NoCacheOption, RootOption, choice_option
from journeyctl.cli._stored import append_summary

__all__ = ["EXAMPLES", "FORMAT", "ValidateFormat", "append_summary", "validate"]

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl validate",
    "journeyctl validate --strict --format json",
    "journeyctl validate --format gitlab",
)

ValidateFormat = Literal["auto", "text", "json", "github", "gitlab", "sarif"]
FORMAT = Choice("format", get_args(ValidateFormat), "an output format")


def validate(
    root: RootOption = DEFAULT_ROOT,
    no_cache: NoCacheOption = False,
    output_format: Annotated[
        ValidateFormat,
        choice_option(
            FORMAT,
            "auto is github under GitHub Actions, text otherwise; gitlab is GitLab's "
            "Code Quality report.",
        ),
    ] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> int:
    """Check every file: schemas, cross-references and framework rules."""
    from journeyctl.cli._stored import run_validate

    return run_validate(root, output_format, strict=strict, no_cache=no_cache)
