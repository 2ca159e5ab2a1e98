"""`journeyctl rank`: which journeys first, as a table, JSON, CSV or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from journeyctl.cli import _complete as complete
from journeyctl.cli._common import (
    DEFAULT_ROOT,
    NoCacheOption,
    RootOption,
    at_least_one,
    color,
    error_line,
    error_text,
    output,
)
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from journeyctl.rank import Ranking, RankOptions
    from journeyctl.text import Kind


# --by, --format, --normalise and --lang take text and are checked here, not by an Enum: the
# option parser's message for an Enum ("Value error, 'x' is not one of ...") names no fix;
# ours is a usage error like the others of rank, with the nearest choice.
RANK_BY_CHOICES = ("score", "customers", "contacts", "contact-rate")


FORMAT_CHOICES = ("table", "json", "csv", "markdown")
NORMALISE_CHOICES = ("selection", "framework")
LANG_CHOICES = ("nl", "en")


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl rank --top 10",
    "journeyctl rank --compare 2024 --owner eva-de-boer",
    "journeyctl rank --weight klanten=2 --explain --top 5",
)


def _metavar(choices: tuple[str, ...]) -> str:
    return "[" + "|".join(choices) + "]"


_FILTER_HELP = "Only journeys of this {} (its id or its name)."


def _filter(kind: Kind) -> Any:
    """A filter option on a kind of thing framework.yaml lists, completed from it."""
    return typer.Option(help=_FILTER_HELP.format(kind), autocompletion=complete.of_kind(kind))


def rank(
    root: RootOption = DEFAULT_ROOT,
    no_cache: NoCacheOption = False,
    by: Annotated[
        str,
        typer.Option("--by", metavar=_metavar(RANK_BY_CHOICES), help="What to order by."),
    ] = "score",
    period: Annotated[
        str | None,
        typer.Option(
            help="2025, 2025-Q3 or 2025-06; default: the latest period that at least half "
            "of the journeys with volumes have.",
            autocompletion=complete.periods,
        ),
    ] = None,
    phase: Annotated[str | None, _filter("phase")] = None,
    cluster: Annotated[str | None, _filter("cluster")] = None,
    owner: Annotated[str | None, _filter("owner")] = None,
    team: Annotated[str | None, _filter("team")] = None,
    status: Annotated[
        str | None,
        typer.Option(
            help="Only journeys with this status: listed, mapped, improving, monitoring or "
            "retired (or its Dutch label, such as 'wordt verbeterd').",
            autocompletion=complete.statuses,
        ),
    ] = None,
    persona: Annotated[str | None, _filter("persona")] = None,
    top: Annotated[
        int | None, typer.Option(callback=at_least_one, help="Show the first N only.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", metavar=_metavar(FORMAT_CHOICES))
    ] = "table",
    explain: Annotated[bool, typer.Option("--explain", help="Show each term's points.")] = False,
    compare: Annotated[
        str | None,
        typer.Option(
            help="Show each journey's rank in this period too, and how it moved.",
            autocompletion=complete.periods,
        ),
    ] = None,
    weight: Annotated[
        list[str] | None,
        typer.Option(
            "--weight",
            metavar="ID=W",
            help="What if: weigh ID by W for this run only (repeatable); ID is customers, "
            "contacts or a criterion of framework.yaml, by its id or its name.",
            autocompletion=complete.weights,
        ),
    ] = None,
    normalise: Annotated[
        str,
        typer.Option(
            metavar=_metavar(NORMALISE_CHOICES),
            help="Scale scores to the maxima of the journeys shown (selection) or of every "
            "journey of the period (framework), to compare scores across slides.",
        ),
    ] = "selection",
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Rank the journeys that are valid; those with errors are listed as unranked.",
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            metavar=_metavar(LANG_CHOICES),
            help="Labels and number formats in this language; default: the framework's.",
        ),
    ] = None,
) -> int:
    """Rank journeys by customer and contact volume and the framework's criteria."""
    import shutil
    import sys

    from journeyctl.formats import REPORTERS
    from journeyctl.formats.ranking import RANK_FORMATS
    from journeyctl.framework import check
    from journeyctl.rank import RANK_BY, RankOptions, parse_weights
    from journeyctl.rank import rank as run_rank

    by = _checked_choice(by, RANK_BY_CHOICES, "by", "something to rank by")
    output_format = _checked_choice(output_format, FORMAT_CHOICES, "format", "an output format")
    normalise = _checked_choice(normalise, NORMALISE_CHOICES, "normalise", "a way to normalise")
    if lang is not None:
        lang = _checked_choice(lang, LANG_CHOICES, "lang", "a language of journeyctl")
    checked = check(root, cache=not no_cache)
    skipping = skip_invalid and checked.framework_usable
    if checked.validation.errors:
        error_text(REPORTERS["text"](checked.for_display().errors_only(), color(sys.stderr)))
    if not checked.usable and not skipping:
        error_line(_not_ranked(skip_invalid))
        return EXIT_FINDINGS
    invalid = checked.journeys_with_errors if skipping else frozenset[str]()
    options = RankOptions(
        by=next(choice for choice in RANK_BY if choice == by),
        period=period,
        phase=phase,
        cluster=cluster,
        owner=owner,
        team=team,
        status=status,
        persona=persona,
        top=top,
        compare=compare,
        weights=parse_weights(checked.framework, weight or []),
        normalise="framework" if normalise == "framework" else "selection",
        invalid=invalid,
        lang=lang,
    )
    ranking = run_rank(checked.framework, checked.journeys, options)
    if checked.validation.warnings:
        error_line(
            f"note: {checked.validation.warnings} warning(s); `journeyctl validate` lists them"
        )
    if invalid:
        error_line(f"note: {len(invalid)} journey(s) with validation errors left unranked")
    if not ranking.journeys and not ranking.unranked:
        error_line(f"note: no journey matches {_filters_given(options)}; nothing to rank")
    # The terminal's width (COLUMNS wins, as everywhere); 100 when the output is not a terminal.
    width = shutil.get_terminal_size((100, 24)).columns
    output(RANK_FORMATS[output_format](ranking, color(sys.stdout), explain, width))
    if ranking.period_chosen:
        # After the result: a reader that went away (`| head -0`) ends it without a word.
        error_line(_period_note(ranking))
    return EXIT_FINDINGS if checked.validation.errors else EXIT_OK


_FILTERS = ("phase", "cluster", "owner", "team", "status", "persona")


def _filters_given(options: RankOptions) -> str:
    """The filters as they were typed (`--owner jan --status improving`), or what stands for them."""
    given = [f"--{name} {getattr(options, name)!r}" for name in _FILTERS if getattr(options, name)]
    return " ".join(given) if given else "in this framework"


def _checked_choice(value: str, choices: tuple[str, ...], parameter: str, what: str) -> str:
    """`value` if it is one of `choices`; else a usage error with the nearest choice."""
    from journeyctl.errors import UsageError
    from journeyctl.suggest import closest

    if value in choices:
        return value
    hint = closest(value, choices)
    fix = f"did you mean '{hint}'? " if hint else ""
    raise UsageError(
        f"'{value}' is not {what}; {fix}valid: {', '.join(choices)}",
        parameter=parameter,
    )


def _period_note(ranking: Ranking) -> str:
    """Which period was taken, and which journeys it leaves unranked: those with volumes
    for other periods only apart from those with no volumes at all (they would be unranked
    whatever the period)."""
    never = sum(u.reason_key == "no_volumes_yet" for u in ranking.unranked)
    parts = [
        f"{ranking.without_period} journey(s) with volumes for other periods only",
        f"{never} journey(s) without any volumes yet",
    ]
    return (
        f"note: period {ranking.period} (the latest period that at least half of the "
        f"journeys with volumes have); not ranked: {', '.join(parts)}"
    )


def _not_ranked(skip_invalid: bool) -> str:
    if skip_invalid:
        return (
            "error: framework.yaml has errors, so nothing is ranked, not even with "
            "--skip-invalid; fix it first"
        )
    return (
        "error: the tree has validation errors, so it is not ranked; fix them first, "
        "or rank the valid journeys with --skip-invalid"
    )
