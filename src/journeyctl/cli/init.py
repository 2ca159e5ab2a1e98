"""`journeyctl init`: a new framework repository that validates, checks pull requests and
binds the JSON Schemas in the editor, from the first commit."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeyctl.cli._common import DEFAULT_ROOT, HiddenRootOption, error_line, output
from journeyctl.errors import EXIT_OK

if TYPE_CHECKING:
    from journeyctl.write.scaffold import Source


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl init klantreizen",
    "journeyctl init customer-journeys --language en --ci gitlab",
)


class InitLanguage(str, Enum):
    nl = "nl"
    en = "en"


class InitCI(str, Enum):
    github = "github"
    gitlab = "gitlab"


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
    ci: Annotated[
        InitCI,
        typer.Option(
            "--ci",
            help="Where pull requests are checked: GitHub Actions "
            "(.github/workflows/journeys.yml) or GitLab CI (.gitlab-ci.yml).",
        ),
    ] = InitCI.github,
    root: HiddenRootOption = DEFAULT_ROOT,  # every command takes --root; this one needs none
) -> int:
    """Start a framework repository: journeys/framework.yaml with the four life-cycle phases,
    an example journey, a CI configuration, a pre-commit hook and the editor's schema
    binding; `git init` where the folder is in no git repository yet."""
    from journeyctl.checks import display_path
    from journeyctl.schema import schema_files
    from journeyctl.write import check_folder
    from journeyctl.write.repository import make_repository, repository_of
    from journeyctl.write.scaffold import CI_FILES, SCHEMAS_FOLDER, init_files, write_all

    check_folder(folder)  # before any work, in the words the user gave
    source = installed_from()
    base = folder.absolute()
    repository = repository_of(base)
    files = init_files(language.value, source, ci=ci.value, branch=repository.branch)
    files.update({f"{SCHEMAS_FOLDER}/{n}": text for n, text in schema_files().items()})
    for path in write_all(base, files, force=force):
        error_line(f"wrote {display_path(base, path.relative_to(base).as_posix())}")
    if not repository.git:
        error_line(
            "note: git is not installed, so no repository was made; install git and run "
            "`git init` here: pull requests and `journeyctl diff` need one"
        )
    elif not repository.exists:
        make_repository(base, repository.branch)
        error_line(
            f"made a git repository in {display_path(base, '.')} (branch {repository.branch})"
        )
    if source is None:
        configuration = display_path(base, CI_FILES[ci.value])
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


def installed_from() -> Source | None:
    """The git repository and commit this journeyctl was installed from, if it was.

    pip records it in the installed package's `direct_url.json` (PEP 610) for an install
    such as `pip install "journeyctl @ git+https://host/owner/journeyctl@COMMIT"`; a local
    folder (`pip install .`) or a package index leaves nothing a CI runner could use.
    """
    import json
    from importlib import metadata

    from journeyctl.write.scaffold import Source

    try:
        text = metadata.distribution("journeyctl").read_text("direct_url.json")
        data = json.loads(text or "null")
    except (metadata.PackageNotFoundError, ValueError):
        return None
    vcs = data.get("vcs_info") if isinstance(data, dict) else None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git":
        return None
    url, commit = data.get("url"), vcs.get("commit_id")
    if not (isinstance(url, str) and isinstance(commit, str)) or url.startswith("file:"):
        return None
    return Source(url, commit)
