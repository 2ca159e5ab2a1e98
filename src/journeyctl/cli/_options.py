"""The options that commands share, and the parameter types that read their values.

One definition of each option more than one command takes (`--root`, `--no-cache`,
`--lang`, `--period` and `--compare`, `--today`, the filters, `--format`), and the types
behind them: `Choice` for one of a few names, `day` for a date, `status` for a journey
status. A value a type refuses is a `UsageError` raised while the command line is read;
`Command` in `cli/_common.py` prints it as one line and exits 2, as `command` does for the
ones a command raises, so that every choice is refused the same way:

    error: --format 'jsn' is not an output format; did you mean 'json'? valid: table, json, ...

This module is imported for `--help`: nothing heavy (pydantic, yaml, Babel) at the top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

import typer

from journeyctl.cli import _complete as complete
from journeyctl.cli import error_line
from journeyctl.errors import UsageError
from journeyctl.text import LANGUAGES, Kind, Lang

__all__ = [
    "DEFAULT_ROOT",
    "LANG",
    "Choice",
    "CompareOption",
    "Count",
    "HiddenRootOption",
    "LangOption",
    "NoCacheOption",
    "PeriodOption",
    "RootOption",
    "SinceOption",
    "StatusOption",
    "TodayOption",
    "choice_option",
    "count_option",
    "day",
    "filter_option",
    "flag",
    "format_option",
    "period_option",
    "refuse_same_periods",
    "refused_choice",
    "status",
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


T = TypeVar("T", bound=str)


class Choice(Generic[T]):
    """A parameter type: one of a few names, in any case (`--format JSON`, as the filters
    take `--cluster Factuur`), or a usage error that names the option, the value, the nearest
    name and every valid one.

    `Command` shows the names as the option's placeholder (`[table|json]`), and the option
    completes them; `choice_option` makes the option of one.
    """

    def __init__(self, parameter: str, names: Sequence[T], what: str) -> None:
        self.parameter = parameter  # the option without its dashes: "format"
        self.names = tuple(names)
        self.what = what  # what a valid value is: "an output format"

    @property
    def metavar(self) -> str:
        return "[" + "|".join(self.names) + "]"

    def __call__(self, value: str) -> T:
        for name in self.names:
            if value.casefold() == name.casefold():
                return name
        raise refused_choice(value, self.what, self.names, self.names, self.parameter)

    def complete(self, incomplete: str) -> list[str]:
        return [name for name in self.names if name.startswith(incomplete)]


def refused_choice(
    value: str, what: str, valid: Sequence[str], similar: Sequence[str], parameter: str
) -> UsageError:
    """The one refusal of a value that is none of the choices: "'jsn' is not an output
    format; did you mean 'json'? valid: table, json, csv, markdown" (the option's name goes
    in front where it is printed); `similar` is what the hint is chosen from."""
    from journeyctl.suggest import closest

    hint = closest(value, similar)
    fix = f"did you mean '{hint}'? " if hint else ""
    return UsageError(
        f"'{value}' is not {what}; {fix}valid: {', '.join(valid)}", parameter=parameter
    )


def choice_option(choice: Choice[Any], help: str | None = None) -> Any:
    """The option `--<parameter>` of a choice (`--format`, `--lang`, ...): its names as the
    placeholder, completed, and checked while the command line is read."""
    return typer.Option(
        f"--{choice.parameter}", parser=choice, autocompletion=choice.complete, help=help
    )


def format_option(names: Sequence[str], help: str | None = None) -> Any:
    """`--format`: one of a command's output formats, refused as every choice is."""
    return choice_option(Choice("format", names, "an output format"), help)


# Dutch first, as every command's help has always listed them ([nl|en]).
LANG = Choice("lang", sorted(LANGUAGES, key=lambda lang: lang != "nl"), "a language of journeyctl")
LangOption = Annotated[
    Lang | None,
    choice_option(LANG, "Labels and number formats in this language; default: the framework's."),
]


def period_option(help: str) -> Any:
    """`--period` or `--compare`: a period (2025, 2025-Q3, 2025-06), completed from the
    periods the tree has volumes for; the feature that takes it refuses one it cannot read."""
    return typer.Option(help=help, autocompletion=complete.periods)


PeriodOption = Annotated[
    str | None,
    period_option(
        "2025, 2025-Q3 or 2025-06; default: the period rank takes (the latest that at least "
        "half of the journeys with volumes have)."
    ),
]


# What `report`, `render` and `deck` compare the period with: movement and alerts.
CompareOption = Annotated[
    str | None,
    period_option("The period to compare with; default: the one before --period."),
]


def refuse_same_periods(period: str | None, compare: str | None) -> None:
    """A usage error for --compare equal to --period: a period against itself moves nothing."""
    if period is not None and compare == period:
        raise UsageError(
            f"--compare and --period are both '{period}': a period compared with itself shows "
            "no movement; give --compare an earlier period, or leave it out to compare with "
            "the one before"
        )


def day(text: str) -> date:
    """A parameter type: a date as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"'{text}' is not a date; write YYYY-MM-DD", parameter="today") from None


TodayOption = Annotated[
    date | None,
    typer.Option(
        parser=day,
        metavar="YYYY-MM-DD",
        help="Judge overdue reviews on this day; default: today.",
    ),
]


def filter_option(kind: Kind) -> Any:
    """A filter on a kind of thing framework.yaml lists (its id or its name), completed from
    it; the feature refuses a value that names nothing, with the nearest that does."""
    return typer.Option(
        help=f"Only journeys of this {kind} (its id or its name).",
        autocompletion=complete.of_kind(kind),
    )


def status(written: str) -> str:
    """A parameter type: a journey status, by its value or its label (any case), as
    `journeyctl.rank` reads it, kept as written (a note quotes it so); refused as every
    choice is, listed with the Dutch labels that the help and the completion show."""
    from journeyctl.text import label
    from journeyctl.text.statuses import STATUSES, journey_status, status_words

    if journey_status(written) is None:
        valid = [f"{s} ({label(f'journey_status.{s}', 'nl')})" for s in STATUSES]
        raise refused_choice(written, "a journey status", valid, status_words(), "status")
    return written


StatusOption = Annotated[
    str | None,
    typer.Option(
        parser=status,
        help="Only journeys with this status: listed, mapped, improving, monitoring or "
        "retired (or its Dutch label, such as 'wordt verbeterd').",
        autocompletion=complete.statuses,
    ),
]


class Count:
    """A parameter type: a count such as `--top N`, a whole number of 1 or more, or a usage
    error that names the option and the value, as a refused choice does."""

    def __init__(self, parameter: str) -> None:
        self.parameter = parameter  # the option without its dashes: "top"

    def __call__(self, value: str) -> int:
        if re.fullmatch(r"[0-9]+", value.strip()) and int(value) >= 1:
            return int(value)
        raise UsageError(
            f"'{value}' is not a count; give a whole number of 1 or more, such as 10",
            parameter=self.parameter,
        )


def count_option(help: str, parameter: str = "top") -> Any:
    """A count such as `--top N`: 1 or more, refused otherwise while the line is read."""
    return typer.Option(parser=Count(parameter), metavar="N", help=help)


def flag(name: str, help: str) -> Any:
    """A switch that is off unless given (`--strict`, `--dry-run`), with no `--no-` form."""
    return typer.Option(name, help=help)


# `render` adds a page of the changes, `deck` a slide.
SinceOption = Annotated[
    str | None,
    typer.Option(
        metavar="REF",
        help="Show what changed in the framework since the git revision REF (a commit, branch "
        "or tag).",
    ),
]
