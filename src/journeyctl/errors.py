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
    `parameter` names what the message is about as the feature knows it (a field of its
    options, such as "period" or "weights"); the command line puts the option's name in
    front of the message, so that features never name command-line options.
    """

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.parameter = parameter
