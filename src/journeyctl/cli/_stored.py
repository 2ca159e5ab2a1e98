"""`validate`'s work, and the console script's way to it without Typer: what a pre-commit
hook pays is about the cost of starting Python when nothing changed since the last run
(answered from its stored result, `journeyctl.load.runs`, before Pydantic or PyYAML are
imported), and the run's own cost without Typer's when something did.

Only the plain forms of the command line are read here (`--root DIR`, `--format NAME`,
`--strict`, each at most once, `=` or a space before the value) on a root that holds
framework.yaml; anything else (`--help`, a value that is refused, `--no-cache`, a root
without framework.yaml) goes to Typer and the `validate` command, which runs `run_validate`
too. A run stores its result unless the cache is off, and the options are put into the
run's key alike on both ways (`validate_options`), so that the two cannot file one result
under different keys.
"""

# ruff: noqa: PTH109, PTH113, PTH118
# (os.path, not pathlib: importing pathlib would cost the answer a quarter)

from __future__ import annotations

import os
import sys

from journeyctl.cli import color, error_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from journeyctl.checks import Validation
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


def plain_validate(arguments: list[str]) -> int | None:
    """`validate ARGUMENTS` answered or run here, its exit code; None when Typer is to read
    the command line (or to say what is wrong with the root)."""
    from journeyctl.cli import write_output
    from journeyctl.errors import UsageError

    parsed = _parse(arguments)
    if parsed is None or os.environ.get("JOURNEYCTL_NO_CACHE"):
        return None
    root, name, strict = parsed
    if not root.strip() or not os.path.isfile(os.path.join(root, _FRAMEWORK)):
        return None
    stored = stored_validate(arguments)
    if stored is not None:
        code, text = stored
        write_output(text)
        return code
    try:
        return run_validate(root, name, strict=strict, no_cache=False)
    except UsageError:  # before any output: the command says it, with the option's name
        return None


def run_validate(root: str, output_format: str, *, strict: bool, no_cache: bool) -> int:
    """`journeyctl validate`: check every file, print the findings in `output_format`, add
    the GitHub job summary where there is one, store the result; the exit code."""
    import time

    from journeyctl.cli import write_output as output
    from journeyctl.errors import EXIT_FINDINGS, EXIT_OK
    from journeyctl.formats import FINDINGS_FORMATS, Settings
    from journeyctl.framework import check
    from journeyctl.load.runs import this_day

    day, started_ns = this_day(), time.time_ns()
    checked = check(root, strict=strict, today=day, cache=not no_cache)
    chosen = resolved_format(output_format)
    text = FINDINGS_FORMATS[chosen](checked.for_display(), Settings(color=color(sys.stdout)))
    output(text)
    code = EXIT_OK if checked.validation.ok else EXIT_FINDINGS
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if chosen == "github" and summary:
        _append_summary(summary, checked.for_display())
    elif not no_cache:  # the next run on the same tree answers with this
        store_validate(checked.tree, chosen, strict, day, started_ns, code, text)
    return code


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
