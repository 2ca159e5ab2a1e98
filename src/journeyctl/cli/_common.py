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
    "NoCacheOption",
    "RootOption",
    "color",
    "command",
    "error_line",
    "error_text",
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
        metavar="PATH",
        help="The framework's root folder (holds framework.yaml); a folder whose journeys/ "
        "holds it will do.",
        show_default=True,
        callback=_framework_below,
    ),
]
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
