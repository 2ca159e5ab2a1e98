"""What every command shares: the --root option, the one error handler, colour, output.

Commands are functions that return an exit code; `command` wraps them so that a
`UsageError` exits 2 with its message, Ctrl-C exits 130 with one line, output that cannot
be written ends quietly (a closed pipe: 141) or with one line (exit 2), and anything
unexpected exits 3 with one line instead of a traceback.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Annotated, Any, TextIO

import typer
from typer.core import TyperCommand

from journeyctl.cli import (
    OutputError,
    end_on_closed_pipe,
    end_on_write_error,
    error_line,
    error_text,
    internal_error,
    write_output,
)
from journeyctl.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, UsageError

__all__ = [
    "DEFAULT_ROOT",
    "Command",
    "HiddenRootOption",
    "NoCacheOption",
    "RootOption",
    "at_least_one",
    "color",
    "command",
    "error_line",
    "error_text",
    "examples",
    "output",
]


def _framework_below(root: str) -> str:
    """The root, or the `journeys/` folder beneath it when only that holds a framework.yaml.

    A project folder given as the root (`--root .` beside `journeys/`) is what people type;
    the note on stderr says which folder is used, so that nothing is silently guessed.
    """
    from pathlib import Path

    below = Path(root) / DEFAULT_ROOT
    if root.strip() and not (Path(root) / _FRAMEWORK).exists() and (below / _FRAMEWORK).is_file():
        error_line(f"note: {root} holds no {_FRAMEWORK}; using {below}, which does")
        return str(below)
    return root


_FRAMEWORK = "framework.yaml"
DEFAULT_ROOT = "journeys"
# Text, not Path: Path("") is ".", and `--root ""` must be a usage error, not the working
# directory. The loader turns it into a path and refuses an empty one.
RootOption = Annotated[
    str,
    typer.Option(
        "--root",
        envvar="JOURNEYCTL_ROOT",
        metavar="DIR",
        help="The framework's root folder (holds framework.yaml); a folder whose journeys/ "
        "holds it will do.",
        show_default=True,
        callback=_framework_below,
    ),
]
# For the commands that read no framework (init, rules, schema): accepted, as every command
# takes --root, but not shown in their help, where it would promise something they do not do.
HiddenRootOption = Annotated[str, typer.Option("--root", envvar="JOURNEYCTL_ROOT", hidden=True)]
# Every command that loads a tree takes it and passes `cache=not no_cache` to
# `journeyctl.framework.check`: the cache only skips work, so this is for measuring, or for
# a cache folder that cannot be trusted to be the user's own.
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="JOURNEYCTL_NO_CACHE",
        help="Parse every file again instead of reusing what an earlier run read "
        "(the cache never changes a result).",
    ),
]


# What an option's value is called in `--help` where its name does not say it best.
_PLACEHOLDERS = {"folder": "DIR", "templates": "DIR", "top": "N", "compare": "PERIOD"}


class Command(TyperCommand):
    """Typer's command with help in the user's terms: a placeholder for each value (PERIOD,
    FILE, DIR, NAME, N), never a type (`<str>`, `<int range>`); choices listed as [a|b]; and
    the command's examples after its options."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.metavar is None and not getattr(param, "is_flag", False):
                param.metavar = _placeholder(param)
        return params

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
    choices = getattr(param.type_descriptor, "choices", None)
    if choices is not None:
        shown = "[" + "|".join(getattr(c, "value", str(c)) for c in choices) + "]"
    else:
        shown = _PLACEHOLDERS.get(param.name or "", (param.name or "value").upper())
    return shown


def examples(*lines: str) -> str:
    """The epilog of a command's help: its examples, one a line as Click keeps them (`\b`)."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


def at_least_one(value: int | None) -> int | None:
    """An option's callback for a count such as --top N: 1 or more."""
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is not a count; give 1 or more")
    return value


def command(function: Callable[..., int]) -> Callable[..., None]:
    """A command function that returns an exit code, as Typer calls it, with the one handler."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = function(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except UsageError as error:
            error_line(f"error: {_user_text(_with_option(error))}")
            code = EXIT_USAGE
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


def _user_text(text: str) -> str:
    # A usage error may quote what the user typed or a file holds; imported here, on the
    # error path only, so that `--help` does not load the formats.
    from journeyctl.formats._safe import one_line

    return one_line(text)


def color(stream: TextIO) -> bool:
    """Colour for a terminal, unless NO_COLOR says otherwise (it wins over FORCE_COLOR)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(os.environ.get("FORCE_COLOR")) or bool(getattr(stream, "isatty", lambda: False)())


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
