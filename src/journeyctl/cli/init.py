"""`journeyctl init`: a new framework repository that validates, checks pull requests and
binds the JSON Schemas in the editor, from the first commit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, get_args

import typer

from journeyctl.cli import _options as shared
from journeyctl.cli._common import error_line, output
from journeyctl.errors import EXIT_OK
from journeyctl.text import Lang

# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl init klantreizen",
    "journeyctl init customer-journeys --language en --ci gitlab",
)


# journeyctl's languages, as --lang takes them, under the option's own name.
LANGUAGE = shared.Choice("language", shared.LANG.names, shared.LANG.what)
InitCI = Literal["github", "gitlab"]  # as `journeyctl.scaffold` names them
CI = shared.Choice("ci", get_args(InitCI), "a place where pull requests are checked")


def init(
    folder: Annotated[
        Path, typer.Argument(help="Where to make the repository; default: here.")
    ] = Path(),
    language: Annotated[
        Lang, shared.choice_option(LANGUAGE, "The language of the phases, names and labels.")
    ] = "nl",
    force: Annotated[bool, shared.flag("--force", "Replace files that exist already.")] = False,
    ci: Annotated[
        InitCI,
        shared.choice_option(
            CI,
            "Where pull requests are checked: GitHub Actions "
            "(.github/workflows/journeys.yml) or GitLab CI (.gitlab-ci.yml).",
        ),
    ] = "github",
    root: shared.HiddenRootOption = shared.DEFAULT_ROOT,  # every command takes --root; this one needs none
) -> int:
    """Start a framework repository: journeys/framework.yaml with the four life-cycle phases,
    an example journey beside the tree, a CI configuration, a pre-commit hook and the editor's
    schema binding; `git init` where the folder is in no git repository yet."""
    from journeyctl.checks import display_path
    from journeyctl.scaffold import init_repository

    made = init_repository(folder, language, ci, force=force)
    base = made.base
    for path in made.written:
        error_line(f"wrote {display_path(base, path.relative_to(base).as_posix())}")
    if made.failure is not None:
        raise made.failure
    if not made.repository.git:
        error_line(
            "note: git is not installed, so no repository was made; install git and run "
            "`git init` here: pull requests and `journeyctl diff` need one"
        )
    elif not made.repository.exists:
        error_line(
            f"made a git repository in {display_path(base, '.')} (branch {made.repository.branch})"
        )
    if made.source is None:
        configuration = display_path(base, made.ci_file)
        error_line(
            f"note: {configuration} installs journeyctl from a git repository pinned to a "
            "commit, and this journeyctl was not installed from one: replace the REPLACE-ME "
            "value of JOURNEYCTL there with 'journeyctl @ git+URL@COMMIT' (the checks stop "
            "until then)"
        )
    output(
        f"A journey framework in {display_path(base, '.')}: check it with "
        f"`journeyctl validate --root {display_path(base, 'journeys')}`\n"
    )
    return EXIT_OK
