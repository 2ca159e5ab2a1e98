"""What every command shares: the one error handler, help in the user's terms, colour,
output, and the step that refuses a tree with errors. The options they share are in
`cli/_options.py`.

Commands are functions that return an exit code; `command` wraps them so that a
`UsageError` exits 2 with its message, Ctrl-C exits 130 with one line, output that cannot
be written ends quietly (a closed pipe: 141) or with one line (exit 2), and anything
unexpected exits 3 with one line instead of a traceback. A `UsageError` raised while the
command line is read (a parameter type of `cli/_options.py` refusing a value) is printed
the same way by `Command`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand

from journeyctl.cli import (
    OutputError,
    color,
    end_on_closed_pipe,
    end_on_write_error,
    error_line,
    error_text,
    internal_error,
    write_output,
)

# cli/new.py and cli/init.py take these from here; the definitions are in `_options`.
from journeyctl.cli._options import DEFAULT_ROOT, Choice, HiddenRootOption, RootOption
from journeyctl.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, UsageError

if TYPE_CHECKING:
    from datetime import date

    from journeyctl.framework import CheckedTree
    from journeyctl.reports import ReportInput

__all__ = [
    "DEFAULT_ROOT",
    "Command",
    "HiddenRootOption",
    "RootOption",
    "color",
    "command",
    "error_line",
    "error_text",
    "examples",
    "note_warnings",
    "output",
    "refuse_errors",
    "refuse_usage",
]


# What an option's value is called in `--help` where its name does not say it best.
_PLACEHOLDERS = {"folder": "DIR", "templates": "DIR", "top": "N", "compare": "PERIOD"}


class Command(TyperCommand):
    """Typer's command with help in the user's terms: a placeholder for each value (PERIOD,
    FILE, DIR, NAME, N), never a type (`<str>`, `<int range>`); choices listed as [a|b]; and
    the command's examples after its options. A value refused while the command line is read
    is one line, as any usage error."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.metavar is None and not getattr(param, "is_flag", False):
                param.metavar = _placeholder(param)
        return params

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Typer's parsing; a value that a parameter type refuses ends as in `command`."""
        try:
            parsed: list[str] = super().parse_args(ctx, args)
        except UsageError as error:
            ctx.exit(refuse_usage(error))  # raises: Click ends with the exit code
        return parsed

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """`[OPTIONS] FILE [REF]`: an argument by its placeholder, in brackets when optional."""
        pieces = [self.options_metavar or ""]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(param.metavar if param.required else f"[{param.metavar}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """The arguments by their placeholders and what they are, then the options."""
        arguments = [
            (param.metavar, param.help or "")
            for param in self.get_params(ctx)
            if param.param_type_name == "argument"
        ]
        options = [
            record
            for param in self.get_params(ctx)
            if param.param_type_name == "option"
            and (record := param.get_help_record(ctx)) is not None
        ]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _placeholder(param: Any) -> str:
    # Typer describes a parameter's type itself (its `type_descriptor`), not with Click's types.
    parser = getattr(param.type_descriptor.parameter_info, "parser", None)
    choices = getattr(param.type_descriptor, "choices", None)
    if isinstance(parser, Choice):
        shown = parser.metavar
    elif choices is not None:
        shown = "[" + "|".join(getattr(c, "value", str(c)) for c in choices) + "]"
    else:
        shown = _PLACEHOLDERS.get(param.name or "", (param.name or "value").upper())
    return shown


def examples(*lines: str) -> str:
    """The epilog of a command's help: its examples, one a line as Click keeps them (`\b`)."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


def command(function: Callable[..., int]) -> Callable[..., None]:
    """A command function that returns an exit code, as Typer calls it, with the one handler."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = function(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except UsageError as error:
            code = refuse_usage(error)
        except BrokenPipeError:  # before OSError: a reader that went away is no error
            code = end_on_closed_pipe()
        except OutputError as error:
            code = end_on_write_error(error)
        except KeyboardInterrupt:
            error_line("interrupted")
            code = EXIT_INTERRUPTED
        except Exception as error:  # the top-level handler: nothing else may escape
            error_line(internal_error(error))
            code = EXIT_INTERNAL
        raise typer.Exit(code)

    return wrapper


def refuse_usage(error: UsageError) -> int:
    """A usage error as one line on stderr, with the option it is about in front; exit 2."""
    error_line(f"error: {_user_text(_with_option(error))}")
    return EXIT_USAGE


def _user_text(text: str) -> str:
    # A usage error may quote what the user typed or a file holds; imported here, on the
    # error path only, so that `--help` does not load the formats.
    from journeyctl.formats._safe import one_line

    return one_line(text)


def output(text: str) -> None:
    """Results on stdout, written and flushed now, so that a failure ends in `command`."""
    write_output(text)


# Where a feature's parameter and the option that sets it are not named alike.
_OPTION_OF_PARAMETER = {"weights": "--weight"}


def _with_option(error: UsageError) -> str:
    """The message with the option it is about in front: "--period '20x' is not a period"."""
    if error.parameter is None:
        return str(error)
    default = "--" + error.parameter.replace("_", "-")
    return f"{_OPTION_OF_PARAMETER.get(error.parameter, default)} {error}"


def refuse_errors(checked: CheckedTree, refusal: str, *, skipping: bool = False) -> bool:
    """Whether the tree's validation errors stop the command: then they are on stderr, with
    the one line `refusal` after them ("error: the tree has validation errors, so it is not
    reported; fix them first"), and the command returns `EXIT_FINDINGS`.

    `skipping`: the command goes on without the journeys that have errors (`rank
    --skip-invalid`), and the errors are shown all the same.
    """
    import sys

    from journeyctl.formats import FINDINGS_FORMATS, Settings

    stops = not checked.usable and not skipping
    if stops or checked.validation.errors:
        errors = checked.for_display().errors_only()
        error_text(FINDINGS_FORMATS["text"](errors, Settings(color=color(sys.stderr))))
    if stops:
        error_line(refusal)
    return stops


def checked_input(
    root: str,
    refused: str,
    period: str | None,
    compare: str | None,
    today: date | None,
    no_cache: bool,
) -> tuple[CheckedTree, ReportInput] | None:
    """The checked tree and what the reports are made of (the ranking, the periods), for a
    command that reports on the whole framework; None when the tree's errors stop it: they
    are on stderr, then "error: the tree has validation errors, so <refused>; fix them
    first", and the command returns `EXIT_FINDINGS`."""
    from journeyctl.framework import check
    from journeyctl.reports import prepare

    checked = check(root, today=today, cache=not no_cache)
    if refuse_errors(
        checked, f"error: the tree has validation errors, so {refused}; fix them first"
    ):
        return None
    made = prepare(
        checked.framework,
        checked.journeys,
        checked.improvements,
        period=period,
        compare=compare,
        today=today,
    )
    return checked, made


def note_warnings(checked: CheckedTree) -> None:
    """The one line that says a tree the command worked on has warnings, and where they are
    listed; said once the work is done, so that a usage error the work finds comes alone."""
    if checked.validation.warnings:
        error_line(
            f"note: {checked.validation.warnings} warning(s); `journeyctl validate` lists them"
        )
