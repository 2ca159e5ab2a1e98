"""`journeyctl diff`: what changed in the framework between two git revisions."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import output
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl diff main",
    "journeyctl diff main HEAD --format json",
    "journeyctl diff --merge-base main --exit-code",
)

DiffFormat = Literal["markdown", "json"]


def diff(
    base: Annotated[
        str,
        typer.Argument(
            help="The revision to compare from: a commit, branch or tag (a git REF); with "
            "--merge-base, the branch this one was made from."
        ),
    ],
    head: Annotated[
        str | None,
        typer.Argument(help="The revision to compare to; default: the working tree as it is."),
    ] = None,
    root: shared.RootOption = shared.DEFAULT_ROOT,
    output_format: Annotated[
        DiffFormat,
        shared.format_option(
            get_args(DiffFormat), "markdown for a pull request or job summary; json."
        ),
    ] = "markdown",
    exit_code: Annotated[
        bool, shared.flag("--exit-code", "Exit 1 when anything changed (like git diff).")
    ] = False,
    merge_base: Annotated[
        bool,
        shared.flag(
            "--merge-base",
            "Compare from where HEAD left BASE (git merge-base BASE HEAD), as a pull "
            "request shows its changes; like git diff --merge-base.",
        ),
    ] = False,
) -> int:
    """What changed in the framework between two git revisions: journeys, steps, volumes and
    rank movements, KPI measurements, improvements and the framework itself."""
    from journeyctl.diff import diff as run_diff
    from journeyctl.formats import Settings
    from journeyctl.formats.diff import DIFF_FORMATS

    changes = run_diff(root, base, head, merge_base=merge_base)
    output(DIFF_FORMATS[output_format](changes, Settings()))
    return EXIT_FINDINGS if exit_code and changes.changed else EXIT_OK
