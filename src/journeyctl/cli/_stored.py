"""`validate` answered from the stored result of its last run (`journeyctl.load.runs`),
before Typer, Pydantic or PyYAML are imported: what a pre-commit hook pays when nothing
changed since the last run is about the cost of starting Python.

Only the plain forms of the command line are read here (`--root DIR`, `--format NAME`,
`--strict`, each at most once, `=` or a space before the value); anything else (`--help`, a
value that is refused, `--no-cache`, a root without framework.yaml, a tree with anything the
loader would report instead of reading) goes to the full command, which says what it says
and stores its result. The options are put into the run's key as `validate` puts them
(`validate_options`), so the two cannot file one result under different keys.
"""

# ruff: noqa: PTH109, PTH113, PTH118
# (os.path, not pathlib: importing pathlib would cost the answer a quarter)

from __future__ import annotations

import os
import sys

from journeyctl.cli import color

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from journeyctl.load import Tree

# `validate --format`'s choices (a test keeps them equal to the command's).
FORMATS = ("auto", "text", "json", "github", "gitlab", "sarif")
_VALUED = ("--root", "--format")
_FRAMEWORK = "framework.yaml"


def validate_options(
    root: str, cwd: str, chosen_format: str, strict: bool, colored: bool
) -> tuple[str, ...]:
    """What a `validate` run's output depends on besides the tree, the code and the day."""
    return (root, cwd, chosen_format, "strict" if strict else "", "color" if colored else "")


def resolved_format(name: str) -> str:
    """`auto` as `journeyctl.formats.resolve_format` decides it (a test keeps them equal)."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def stored_validate(arguments: list[str]) -> tuple[int, str] | None:
    """The exit code and output of `validate ARGUMENTS` as its last run on the same tree gave
    them, or None when it must run in full."""
    parsed = _parse(arguments)
    if parsed is None or os.environ.get("JOURNEYCTL_NO_CACHE"):
        return None
    root, name, strict = parsed
    chosen = resolved_format(name)
    if chosen == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        return None  # the full command adds the job summary
    if not root.strip() or not os.path.isfile(os.path.join(root, _FRAMEWORK)):
        return None  # the full command says why, or which folder below it is taken
    from journeyctl.load.runs import stored_result, this_day

    resolved = os.path.realpath(root)
    options = validate_options(resolved, os.getcwd(), chosen, strict, color(sys.stdout))
    return stored_result("validate", options, this_day(), resolved)


def _parse(arguments: list[str]) -> tuple[str, str, bool] | None:
    values: dict[str, str] = {}
    strict = False
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        name, equals, value = argument.partition("=")
        if name in _VALUED and name not in values:
            if not equals:
                index += 1
                if index == len(arguments):
                    return None
                value = arguments[index]
            values[name] = value
        elif argument == "--strict" and not strict:
            strict = True
        else:
            return None
        index += 1
    name = values.get("--format", "auto")
    if name not in FORMATS:
        return None
    root = values.get("--root")
    if root is None:
        root = os.environ.get("JOURNEYCTL_ROOT", "journeys")
    return root, name, strict


def store_validate(
    tree: Tree, chosen_format: str, strict: bool, day: date, started_ns: int, code: int, text: str
) -> None:
    """Keep what a full `validate` printed, for the next run on the same tree (read from
    `started_ns` on, judged on `day`)."""
    if tree.digest is None:
        return
    from journeyctl.load.runs import store_result

    root = str(tree.root)
    options = validate_options(root, os.getcwd(), chosen_format, strict, color(sys.stdout))
    store_result(
        "validate",
        options,
        day,
        tree.digest,
        code,
        text,
        root=root,
        files=tree.files,
        started_ns=started_ns,
    )
