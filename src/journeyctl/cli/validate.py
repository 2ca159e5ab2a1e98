"""`journeyctl validate`: check every file and report the findings in a chosen format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, get_args

import typer

from journeyctl.cli._common import color, error_line, output
from journeyctl.cli._options import DEFAULT_ROOT, Choice, NoCacheOption, RootOption, choice_option
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from pathlib import Path

    from journeyctl.checks import Validation


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
    import os
    import sys
    import time

    from journeyctl.cli._stored import store_validate
    from journeyctl.formats import FINDINGS_FORMATS, Settings, resolve_format
    from journeyctl.framework import check
    from journeyctl.load.runs import this_day

    day, started_ns = this_day(), time.time_ns()
    checked = check(root, strict=strict, today=day, cache=not no_cache)
    chosen = resolve_format(output_format)
    text = FINDINGS_FORMATS[chosen](checked.for_display(), Settings(color=color(sys.stdout)))
    output(text)
    code = EXIT_OK if checked.validation.ok else EXIT_FINDINGS
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if chosen == "github" and summary:
        _append_summary(summary, checked.for_display())
    elif not no_cache:  # the next run on the same tree answers with this
        store_validate(checked.tree, chosen, strict, day, started_ns, code, text)
    return code


def _append_summary(summary: str, validation: Validation) -> None:
    """Add the job summary (GitHub Actions shows it on the run's page; each step appends).

    A summary that cannot be written is one warning line on stderr, and the exit code stays
    the findings' one: the annotations above are complete, and a job must not pass or fail
    on where its summary could go.
    """
    from pathlib import Path

    from journeyctl.formats.github import job_summary
    from journeyctl.write import WriteError

    try:
        append_summary(Path(summary), job_summary(validation))
    except WriteError as error:
        error_line(
            f"warning: {error}; the findings above are complete, only the summary is "
            "missing (exit code unchanged)"
        )


def append_summary(path: Path, text: str) -> None:
    """Add `text` to the job summary at `path`, after what earlier steps wrote there.

    A WriteError names the file, why, and that GITHUB_STEP_SUMMARY is where it came from.
    """
    # Here, not at the top: the writer brings ruamel.yaml, which `--help` never needs.
    from journeyctl.write import WriteError, check_target, write_text

    try:
        # Checked before it is read: a FIFO would wait for a writer, a device never end.
        check_target(path)
    except WriteError as error:
        raise WriteError(f"job summary (GITHUB_STEP_SUMMARY): {error}") from None
    try:
        before = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise WriteError(
            f"cannot add to the job summary '{path}' (GITHUB_STEP_SUMMARY): {error}; point "
            "GITHUB_STEP_SUMMARY at a writable file"
        ) from None
    # A blank line between steps' parts, so that Markdown starts a new block.
    separator = "" if not before or before.endswith("\n\n") else "\n"
    if before and not before.endswith("\n"):
        separator = "\n\n"
    try:
        write_text(path, before + separator + text)
    except WriteError as error:
        raise WriteError(f"job summary (GITHUB_STEP_SUMMARY): {error}") from None
