"""The commands: the only place that parses arguments and prints.

Each command loads, runs a feature, hands the result to a reporter and returns an exit
code (0 ok, 1 findings, 2 usage, 3 internal). Heavy libraries are imported inside the
commands so that `--help` and `--version` stay fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from journeyctl import __version__
from journeyctl.errors import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
)

app = typer.Typer(
    name="journeyctl",
    help="Customer journey management as code: validate, rank and report on a journey "
    "framework kept as YAML files in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

RootOption = Annotated[
    Path,
    typer.Option(
        "--root",
        envvar="JOURNEYCTL_ROOT",
        help="The framework's root folder (holds framework.yaml).",
        show_default=True,
    ),
]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(command: F) -> F:
    """One handler for every command: usage errors exit 2 with the message, anything
    unexpected exits 3 with one line instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except UsageError as error:
            _error(f"error: {error}")
            raise typer.Exit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            _error("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:  # the top-level handler: nothing else may escape
            detail = " ".join(str(error).split())  # one line, whatever the exception says
            _error(
                f"journeyctl: internal error ({type(error).__name__}: {detail}); this is a bug, "
                "please report it with the command you ran and journeyctl --version"
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def _error(message: str) -> None:
    sys.stderr.write(message + "\n")


def _color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(os.environ.get("FORCE_COLOR")) or bool(getattr(stream, "isatty", lambda: False)())


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


class ValidateFormat(str, Enum):
    auto = "auto"
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@app.command()
@handle_errors
def validate(
    root: RootOption = Path("journeys"),
    output_format: Annotated[
        ValidateFormat,
        typer.Option("--format", help="auto is github under GitHub Actions, text otherwise."),
    ] = ValidateFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> None:
    """Check every file: schemas, cross-references and framework rules."""
    from journeyctl.checks import validate as run_validation
    from journeyctl.formats import REPORTERS, resolve_format
    from journeyctl.load import load_tree

    validation = run_validation(load_tree(root), strict=strict)
    reporter = REPORTERS[resolve_format(output_format.value)]
    sys.stdout.write(reporter(validation, _color(sys.stdout)))
    raise typer.Exit(EXIT_OK if validation.ok else EXIT_FINDINGS)


class RankByChoice(str, Enum):
    score = "score"
    customers = "customers"
    contacts = "contacts"
    contact_rate = "contact-rate"


class RankFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@app.command()
@handle_errors
def rank(
    root: RootOption = Path("journeys"),
    by: Annotated[RankByChoice, typer.Option("--by", help="What to order by.")] = (
        RankByChoice.score
    ),
    period: Annotated[
        str | None,
        typer.Option(help="2025, 2025-Q3 or 2025-06; default: the latest period in the data."),
    ] = None,
    phase: Annotated[str | None, typer.Option(help="Only journeys of this phase id.")] = None,
    cluster: Annotated[str | None, typer.Option(help="Only journeys of this cluster id.")] = None,
    owner: Annotated[str | None, typer.Option(help="Only journeys of this owner id.")] = None,
    top: Annotated[int | None, typer.Option(min=1, help="Show the first N only.")] = None,
    output_format: Annotated[RankFormat, typer.Option("--format")] = RankFormat.table,
    explain: Annotated[bool, typer.Option("--explain", help="Show each term's points.")] = False,
) -> None:
    """Rank journeys by customer and contact volume and the framework's criteria."""
    from journeyctl.checks import validate as run_validation
    from journeyctl.formats import REPORTERS
    from journeyctl.formats.ranking import RANK_FORMATS
    from journeyctl.load import load_tree
    from journeyctl.rank import RankOptions
    from journeyctl.rank import rank as run_rank

    tree = load_tree(root)
    validation = run_validation(tree)
    if validation.errors or tree.framework is None:
        sys.stderr.write(REPORTERS["text"](validation.errors_only(), _color(sys.stderr)))
        _error("error: the tree has validation errors, so it is not ranked; fix them first")
        raise typer.Exit(EXIT_FINDINGS)
    if validation.warnings:
        _error(f"note: {validation.warnings} warning(s); `journeyctl validate` lists them")
    options = RankOptions(
        by=by.value, period=period, phase=phase, cluster=cluster, owner=owner, top=top
    )
    ranking = run_rank(tree.framework.model, [d.model for d in tree.journeys], options)
    formatter = RANK_FORMATS[output_format.value]
    sys.stdout.write(formatter(ranking, _color(sys.stdout), explain))


@app.command()
@handle_errors
def schema(
    out: Annotated[
        Path | None,
        typer.Option(help="Write framework/journey/improvement .schema.json files here."),
    ] = None,
    root: RootOption = Path("journeys"),  # every command takes --root; schemas need none
) -> None:
    """JSON Schemas (draft 2020-12) of the framework, journey and improvement files."""
    import json

    from journeyctl.schema import SCHEMA_MODELS, json_schema, schema_files

    if out is None:
        schemas = {kind: json_schema(kind) for kind in SCHEMA_MODELS}
        sys.stdout.write(json.dumps(schemas, indent=2, ensure_ascii=False) + "\n")
        return
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, content in schema_files().items():
            (out / name).write_text(content, encoding="utf-8")
            _error(f"wrote {out / name}")
    except OSError as error:
        raise UsageError(f"cannot write schemas to '{out}': {error.strerror or error}") from None


class RulesFormat(str, Enum):
    text = "text"
    markdown = "markdown"


@app.command()
@handle_errors
def rules(
    output_format: Annotated[RulesFormat, typer.Option("--format")] = RulesFormat.text,
) -> None:
    """List every rule that validate applies, with its id and severity."""
    from journeyctl.checks import all_rules

    lines = []
    for rule in all_rules():
        if output_format is RulesFormat.markdown:
            lines.append(f"| {rule.id} | `{rule.name}` | {rule.severity.value} | {rule.summary} |")
        else:
            lines.append(f"{rule.id}  {rule.name:<26} {rule.severity.value:<8} {rule.summary}")
    if output_format is RulesFormat.markdown:
        lines = ["| id | name | severity | what it checks |", "|---|---|---|---|", *lines]
    sys.stdout.write("\n".join(lines) + "\n")
