"""Exit codes and the one error type for input the user must fix."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # as shells report Ctrl-C


class UsageError(Exception):
    """A problem with how journeyctl was called (missing root, unknown period, ...).

    The message says what is wrong and what to do; the CLI prints it and exits 2.
    """

    exit_code = EXIT_USAGE
