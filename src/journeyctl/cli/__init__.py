"""The command line. `main` is the console script; the commands live in `app`.

`--version` answers here, before Typer and Click are imported, because scripts call it
often and it should cost no more than starting Python; `validate` runs here too when its
command line is plain, without Typer, and a tree that has not changed since its last run is
answered from the stored result of that run (`cli/_stored.py`).

`main` is also the outermost handler, for what happens outside a command (Typer writing
`--help`, imports, the final flush of stdout): output that cannot be written ends as
`end_on_write_error` says, Ctrl-C exits 130 with one line, and nothing ends in a traceback.
This module imports only the standard library, so that `--version` stays cheap.
"""

from __future__ import annotations

import os
import sys

from journeyctl import __version__
from journeyctl.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE

# Names for annotations only: importing `typing` would cost `--version` a fifth of its time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

EXIT_CLOSED_PIPE = 128 + 13  # as shells report a process ended by SIGPIPE

# Where the terminal's encoding has no block or ellipsis, the closest ASCII.
_ASCII_FALLBACK = str.maketrans(
    {"█": "#", "·": ".", "…": "...", "─": "-", "━": "=", "│": "|", "▲": "^", "▼": "v"}
)


class OutputError(Exception):
    """Results could not be written to stdout (a full disk, a device that refuses them)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))


def write_output(text: str) -> None:
    """Results on stdout, flushed now so that a write error surfaces here, not at exit.

    A closed pipe raises `BrokenPipeError`; any other error of the stream, `OutputError`.
    """
    stream = sys.stdout
    try:
        stream.write(encodable(_safe(text), stream))
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(error) from error


def encodable(text: str, stream: TextIO) -> str:
    """The text as the stream's encoding can write it: ASCII stand-ins for the score bar's
    and the table's characters, `\\uXXXX` for anything else it cannot encode."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        fallback = text.translate(_ASCII_FALLBACK)
        return fallback.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: let the stream decide
        pass
    return text


def error_line(message: str) -> None:
    """One line of diagnostics on stderr; if stderr cannot take it either, nothing more.

    Always one line: a line break or a control character in the message (a name a file
    holds, an argument) is written as an escape.
    """
    try:
        sys.stderr.write(encodable(_safe(message, one_line=True), sys.stderr) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def error_text(text: str) -> None:
    """Diagnostics of several lines (a findings report) on stderr, through the same guard as
    `error_line`, each line kept a line; if stderr cannot take them, nothing more."""
    try:
        sys.stderr.write(encodable(_safe(text), sys.stderr))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _safe(text: str, *, one_line: bool = False) -> str:
    """The text with nothing a file or an argument holds able to drive the terminal.

    Printable text (nearly all of it) is kept at C speed; the rest goes through the one
    safe-text path in `journeyctl.formats._safe`, imported only then so that `--version`
    stays cheap.
    """
    if text.isprintable() or (not one_line and all(s.isprintable() for s in text.split("\n"))):
        return text
    from journeyctl.formats import _safe

    return _safe.one_line(text) if one_line else _safe.output_text(text)


def end_on_closed_pipe() -> int:
    """A reader that stopped reading (`| head -1`): no message, exit 141."""
    _silence_stdout()
    return EXIT_CLOSED_PIPE


def end_on_write_error(error: OutputError) -> int:
    """Output that cannot be written (`> /dev/full`): one line, exit 2 (the environment,
    as for a file that cannot be written, not findings)."""
    _silence_stdout()
    error_line(f"journeyctl: cannot write the output: {error}")
    return EXIT_USAGE


def _silence_stdout() -> None:
    # What is still buffered is flushed at exit; pointed at the null device, that flush
    # cannot fail again and make the interpreter print "Exception ignored ...".
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # a stdout without a file descriptor (a test's buffer)
        pass


def main() -> None:
    # `--version` alone answers without Typer, and `validate` of an unchanged tree from its
    # stored result; everything else goes through the app.
    if sys.argv[1:] == ["--version"]:
        code = _run(_version)
    elif sys.argv[1:2] == ["validate"]:
        code = _run(_validate)
    else:
        code = _run(_app)
    if code:
        sys.exit(code)


def _version() -> None:
    write_output(f"journeyctl {__version__}\n")


def _validate() -> None:
    from journeyctl.cli._stored import plain_validate

    code = plain_validate(sys.argv[2:])
    if code is None:
        _app()
    elif code:
        raise SystemExit(code)


def color(stream: TextIO) -> bool:
    """Colour for a terminal, unless NO_COLOR says otherwise (it wins over FORCE_COLOR)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(os.environ.get("FORCE_COLOR")) or bool(getattr(stream, "isatty", lambda: False)())


def _app() -> None:
    from journeyctl.cli.app import app  # inside the handler: Ctrl-C may land while importing

    if COMPLETE_VARIABLE in os.environ:  # a shell asking what to complete (see `complete`)
        # Typer registers its shells' completion classes this way when it adds the
        # --install-completion options, which journeyctl leaves out (they cost every --help
        # an import of pydantic); the function is Typer's own, not re-exported by name.
        from typer.completion import completion_init  # type: ignore[attr-defined]

        completion_init()
    app()


# Set by the completion script of a shell: `eval "$(_JOURNEYCTL_COMPLETE=source_bash journeyctl)"`.
COMPLETE_VARIABLE = "_JOURNEYCTL_COMPLETE"


def _run(function: Callable[[], None]) -> int:
    """Run the command line and flush stdout; the exit code, whatever happened."""
    try:
        try:
            function()
            code = 0
        except SystemExit as exit:
            code = _exit_code(exit)
        sys.stdout.flush()
    except BrokenPipeError:
        return end_on_closed_pipe()
    except OutputError as error:
        return end_on_write_error(error)
    except OSError as error:  # stdout's own flush: the same as a failed write
        return end_on_write_error(OutputError(error))
    except KeyboardInterrupt:
        error_line("interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:  # the outermost handler: nothing may end in a traceback
        error_line(internal_error(error))
        return EXIT_INTERNAL
    return code


def _exit_code(exit: SystemExit) -> int:
    if _click_saw_a_closed_pipe():
        return end_on_closed_pipe()
    if exit.code is None:
        return 0
    return exit.code if isinstance(exit.code, int) else 1


def _click_saw_a_closed_pipe() -> bool:
    # Click (and the copy of it inside Typer) catches a closed pipe while it writes
    # (`--help | head -1`) and exits 1 with stdout wrapped in a `PacifyFlushWrapper`: the
    # one sign that the reader went away. Matched by name, as there are two such classes.
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def internal_error(error: Exception) -> str:
    """The one line for an error journeyctl did not expect: what, and to report it."""
    # One line, whatever the exception says: repr shows every control character escaped.
    detail = repr(" ".join(str(error).split()))[1:-1]
    return (
        f"journeyctl: internal error ({type(error).__name__}: {detail}); this is a bug, "
        "please report it with the command you ran and journeyctl --version"
    )
