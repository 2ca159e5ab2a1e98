"""What every command shares: the --root option, the one error handler, colour, output.

Commands are functions that return an exit code; `command` wraps them so that a
`UsageError` exits 2 with its message, Ctrl-C exits 130 with one line, and anything
unexpected exits 3 with one line instead of a traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from journeyctl.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, UsageError

RootOption = Annotated[
    Path,
    typer.Option(
        "--root",
        envvar="JOURNEYCTL_ROOT",
        help="The framework's root folder (holds framework.yaml).",
        show_default=True,
    ),
]
DEFAULT_ROOT = Path("journeys")


def command(function: Callable[..., int]) -> Callable[..., None]:
    """A command function that returns an exit code, as Typer calls it, with the one handler."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            code = function(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except UsageError as error:
            error_line(f"error: {error}")
            code = EXIT_USAGE
        except KeyboardInterrupt:
            error_line("interrupted")
            code = EXIT_INTERRUPTED
        except Exception as error:  # the top-level handler: nothing else may escape
            detail = " ".join(str(error).split())  # one line, whatever the exception says
            error_line(
                f"journeyctl: internal error ({type(error).__name__}: {detail}); this is a bug, "
                "please report it with the command you ran and journeyctl --version"
            )
            code = EXIT_INTERNAL
        raise typer.Exit(code)

    return wrapper


def error_line(message: str) -> None:
    """One line of diagnostics on stderr."""
    sys.stderr.write(message + "\n")


def color(stream: TextIO) -> bool:
    """Colour for a terminal, unless NO_COLOR says otherwise (it wins over FORCE_COLOR)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(os.environ.get("FORCE_COLOR")) or bool(getattr(stream, "isatty", lambda: False)())


def output(text: str) -> None:
    """Results on stdout."""
    sys.stdout.write(text)
