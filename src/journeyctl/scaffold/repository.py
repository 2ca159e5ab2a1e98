"""`journeyctl init`: a framework repository that validates, checks pull requests and binds
the JSON Schemas in the editor from the first commit, in a git repository of its own.

The files are the templates (`journeyctl.scaffold.templates`) and the JSON Schemas, written all
or none, never over a file that is there unless the caller says so (`--force`), and never into
a journeys tree there is (a folder that holds framework.yaml, or one inside it): journeyctl
would read the repository's files there as journeys. git is asked
which branch the repository is on (or would be made on), so that the README and the CI
configuration name the branch the repository really has.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from journeyctl.checks import display_path
from journeyctl.errors import UsageError
from journeyctl.load.kinds import Kind, kind_of
from journeyctl.scaffold.source import Source, installed_from, requirement
from journeyctl.scaffold.templates import example, template
from journeyctl.schema import schema_files
from journeyctl.write import SCHEMAS_FOLDER, WriteError, check_folder, create_files
from journeyctl.write.litter import GITIGNORE_PATTERN
from journeyctl.write.repository import Repository, make_repository, repository_of

Language = Literal["nl", "en"]
CI = Literal["github", "gitlab"]
# Where each CI service reads its configuration.
CI_FILES: dict[CI, str] = {
    "github": ".github/workflows/journeys.yml",
    "gitlab": ".gitlab-ci.yml",
}


@dataclass(frozen=True)
class Initialised:
    """What `init` did: the files it wrote under `base`, in order, and the repository."""

    base: Path
    written: list[Path]
    repository: Repository  # as it was found: `exists` False and `git` True: made now
    ci_file: str  # the CI configuration, relative to `base`
    source: Source | None  # where journeyctl is installed from; None: a placeholder to fill in
    # git could not make the repository; the files are written all the same
    failure: WriteError | None = None


def init_repository(folder: Path, language: Language, ci: CI, *, force: bool) -> Initialised:
    """Write a framework repository into `folder` and make it a git repository if it is in
    none; a WriteError before anything is written if it cannot be written whole."""
    check_folder(folder)  # before any work, in the words the user gave
    check_outside_trees(folder)
    source = installed_from()
    base = folder.absolute()
    repository = repository_of(base)
    files = init_files(language, source, ci=ci, branch=repository.branch)
    files.update({f"{SCHEMAS_FOLDER}/{n}": text for n, text in schema_files().items()})
    written = create_files(base, files, force=force)
    failure = None
    if repository.git and not repository.exists:
        try:
            make_repository(base, repository.branch)
        except WriteError as error:
            failure = error
    return Initialised(base, written, repository, CI_FILES[ci], source, failure)


def check_outside_trees(folder: Path) -> None:
    """A usage error when `folder` is a journeys tree or inside one: when it, or a folder
    above it up to the top of its git repository (all the way up outside one), holds
    framework.yaml. The repository's files would be read as the tree's journeys there."""
    try:
        target = folder.resolve()  # where the files would land, through any link
    except (OSError, RuntimeError):  # a loop of links: check_folder names it when writing
        target = folder.absolute()
    for place in (target, *target.parents):
        framework = _framework_file(place)
        if framework is not None:
            tree = display_path(place, ".")
            where = (
                "is a journeys tree already"
                if place == target
                else f"is inside the journeys tree '{tree}'"
            )
            raise UsageError(
                f"'{folder}' {where} (it holds {framework}); init makes a new framework "
                "repository, whose files journeyctl would read there as journeys. Nothing was "
                "written: run init in a folder outside the tree, or work on the framework "
                f"there (`journeyctl validate --root {tree}`)"
            )
        if os.path.lexists(place / ".git"):
            return  # the top of the repository: what is above it is another project's


def _framework_file(folder: Path) -> str | None:
    """The name of the framework file `folder` holds (as the loader finds it), if any."""
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError:  # missing (made by the write), or not to be listed
        return None
    return next((name for name in sorted(names) if kind_of(name) is Kind.FRAMEWORK), None)


def init_files(
    language: Language, source: Source | None, *, ci: CI = "github", branch: str = "main"
) -> dict[str, str]:
    """The files of a new framework repository, by path; the JSON Schemas are the caller's.

    `source`: where this journeyctl came from, if known; the CI configuration installs it
    from there and pre-commit runs this project's hook from there, both pinned to the commit.
    Else the CI configuration holds PLACEHOLDER and pre-commit runs the journeyctl on the
    PATH. `ci`: GitHub Actions or GitLab CI. `branch`: the repository's main line, which the
    README compares with and the CI configuration checks on every push.
    """
    return {
        # journeys/framework.yaml (phases only: nothing that counts as coverage) and an
        # example journey beside the tree, which journeyctl never reads
        **example(language),
        CI_FILES[ci]: template(f"ci/{ci}.yml", branch=branch, requirement=requirement(source)),
        ".pre-commit-config.yaml": (
            template("pre-commit/local.yaml")
            if source is None
            else template("pre-commit/pinned.yaml", url=source.url, commit=source.commit)
        ),
        ".vscode/settings.json": template("vscode-settings.json"),
        ".gitignore": template("gitignore", temporaries=GITIGNORE_PATTERN),
        "README.md": template(f"readme/{language}.md", branch=branch, ci_file=CI_FILES[ci]),
    }
