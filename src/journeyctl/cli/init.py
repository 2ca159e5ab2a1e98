"""`journeyctl init`: a new framework repository that validates, checks pull requests and
binds the JSON Schemas in the editor, from the first commit."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from journeyctl.cli._common import DEFAULT_ROOT, RootOption, error_line, output
from journeyctl.errors import EXIT_OK


class InitLanguage(str, Enum):
    nl = "nl"
    en = "en"


def init(
    folder: Annotated[
        Path, typer.Argument(help="Where to make the repository; default: here.")
    ] = Path(),
    language: Annotated[
        InitLanguage,
        typer.Option("--language", help="The language of the phases, names and labels."),
    ] = InitLanguage.nl,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files that exist already.")
    ] = False,
    root: RootOption = DEFAULT_ROOT,  # every command takes --root; init makes journeys/
) -> int:
    """Start a framework repository: journeys/framework.yaml with the four life-cycle phases,
    an example journey, a CI workflow, a pre-commit hook and the editor's schema binding."""
    from journeyctl import __version__
    from journeyctl.checks import display_path
    from journeyctl.errors import UsageError
    from journeyctl.schema import schema_files
    from journeyctl.write.scaffold import SCHEMAS_FOLDER, init_files, write_all

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"'{folder}' is a file; pass a folder (new or empty) to make it in")
    files = init_files(language.value, __version__)
    files.update({f"{SCHEMAS_FOLDER}/{n}": text for n, text in schema_files().items()})
    base = folder.absolute()
    for path in write_all(base, files, force=force):
        error_line(f"wrote {display_path(base, path.relative_to(base).as_posix())}")
    output(
        f"A journey framework in {display_path(base, '.')}: check it with "
        f"`journeyctl validate --root {display_path(base, 'journeys')}`\n"
    )
    return EXIT_OK
