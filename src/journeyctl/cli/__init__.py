"""The command line. `main` is the console script; the commands live in `app`.

`--version` answers here, before Typer and Click are imported, because scripts call it
often and it should cost no more than starting Python.
"""

from __future__ import annotations

import sys

from journeyctl import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"journeyctl {__version__}\n")
        return
    from journeyctl.cli.app import app

    app()
