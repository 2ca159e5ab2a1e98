"""The Typer application and the one registry of commands.

A command lives in its own module (`cli/<command>.py`) as a function that returns an exit
code; `COMMANDS` lists them in the order `--help` shows them. Command modules import the
heavy libraries (pydantic, yaml, rich) inside the function, so that `--help` and
`COMMAND --help` stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from journeyctl import __version__
from journeyctl.cli import (
    deck,
    diff,
    export,
    importing,
    init,
    new,
    rank,
    render,
    report,
    rules,
    schema,
    validate,
)
from journeyctl.cli._common import Command, command, examples
from journeyctl.errors import EXIT_OK

COMMANDS: tuple[Callable[..., int], ...] = (
    validate.validate,
    rank.rank,
    importing.import_,
    export.export,
    report.report,
    render.render,
    deck.deck,
    diff.diff,
    new.new,
    init.init,
    schema.schema,
    rules.rules,
)


class _Group(TyperGroup):
    """Typer's group, with a help option that costs nothing when it is not given.

    Typer coerces every option's value through pydantic unless it is already a bool; the
    group's own `--help` is None when a subcommand's help is asked for, which would import
    pydantic just to print `journeyctl validate --help`.
    """

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.default = False
        return option


app = typer.Typer(
    name="journeyctl",
    cls=_Group,
    help="Customer journey management as code: validate, rank and report on a journey "
    "framework kept as YAML files in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"journeyctl {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Customer journey management as code."""


for _command in COMMANDS:
    _examples = sys.modules[_command.__module__].EXAMPLES
    app.command(name=_command.__name__, cls=Command, epilog=examples(*_examples))(command(_command))
