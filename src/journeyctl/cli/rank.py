"""`journeyctl rank`: which journeys first, as a table, JSON, CSV or Markdown."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Annotated, Literal, get_args

import typer

from journeyctl.cli import _complete as complete
from journeyctl.cli import _options as shared
from journeyctl.cli._common import color, error_line, note_warnings, output, refuse_errors
from journeyctl.errors import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from journeyctl.rank import Ranking

# As `journeyctl.rank` names them (imported there with pydantic, too slow for `--help`).
RankBy = Literal["score", "customers", "contacts", "contact-rate"]
Normalise = Literal["selection", "framework"]
FORMAT_CHOICES = ("table", "json", "csv", "markdown")  # the names of RANK_FORMATS
BY = shared.Choice("by", get_args(RankBy), "something to rank by")
NORMALISE = shared.Choice("normalise", get_args(Normalise), "a way to normalise")


# Shown under the options in `--help`; each runs on the example in this repository.
EXAMPLES = (
    "journeyctl rank --top 10",
    "journeyctl rank --compare 2024 --owner eva-de-boer",
    "journeyctl rank --weight klanten=2 --explain --top 5",
)


def rank(
    root: shared.RootOption = shared.DEFAULT_ROOT,
    no_cache: shared.NoCacheOption = False,
    by: Annotated[RankBy, shared.choice_option(BY, "What to order by.")] = "score",
    period: Annotated[
        str | None,
        shared.period_option(
            "2025, 2025-Q3 or 2025-06; default: the latest period that at least half of the "
            "journeys with volumes have."
        ),
    ] = None,
    phase: Annotated[str | None, shared.filter_option("phase")] = None,
    cluster: Annotated[str | None, shared.filter_option("cluster")] = None,
    owner: Annotated[str | None, shared.filter_option("owner")] = None,
    team: Annotated[str | None, shared.filter_option("team")] = None,
    status: shared.StatusOption = None,
    persona: Annotated[str | None, shared.filter_option("persona")] = None,
    top: Annotated[int | None, shared.count_option("Show the first N only.")] = None,
    output_format: Annotated[str, shared.format_option(FORMAT_CHOICES)] = "table",
    explain: Annotated[bool, shared.flag("--explain", "Show each term's points.")] = False,
    compare: Annotated[
        str | None,
        shared.period_option(
            "Show each journey's rank, customers, contacts and contacts per customer in this "
            "period too, and how its rank moved; another period than the one ranked."
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
        Normalise,
        shared.choice_option(
            NORMALISE,
            "Scale scores to the maxima of the journeys shown (selection) or of every "
            "journey of the period (framework), to compare scores across slides.",
        ),
    ] = "selection",
    skip_invalid: Annotated[
        bool,
        shared.flag(
            "--skip-invalid",
            "Rank the journeys that are valid; those with errors are listed as unranked.",
        ),
    ] = False,
    lang: shared.LangOption = None,
) -> int:
    """Rank journeys by customer and contact volume and the framework's criteria."""
    import shutil
    import sys

    from journeyctl.formats import Settings
    from journeyctl.formats.ranking import RANK_FORMATS
    from journeyctl.framework import check
    from journeyctl.rank import Filters, RankOptions, parse_weights
    from journeyctl.rank import rank as run_rank
    from journeyctl.views.ranking import no_match

    checked = check(root, cache=not no_cache)
    skipping = skip_invalid and checked.framework_usable
    refusal = _not_ranked(checked.framework_usable, skip_invalid)
    if refuse_errors(checked, refusal, skipping=skipping):
        return EXIT_FINDINGS
    options = RankOptions(
        by=by,
        period=period,
        compare=compare,
        top=top,
        weights=parse_weights(checked.framework, weight or []),
        normalise=normalise,
        lang=lang,
        filters=Filters(
            phase=phase, cluster=cluster, owner=owner, team=team, status=status, persona=persona
        ),
        invalid=checked.journeys_with_errors if skipping else frozenset[str](),
    )
    ranking = run_rank(checked.framework, checked.journeys, options)
    note_warnings(checked)
    if options.invalid:
        error_line(f"note: {len(options.invalid)} journey(s) with validation errors left unranked")
    if ranking.no_match is not None and output_format not in _SENTENCES:
        # JSON and CSV say it by an empty list; the line that says why goes to stderr.
        error_line(f"note: {_lowered(no_match(ranking.no_match, 'en'))}")
    elif not ranking.journeys and not ranking.unranked and ranking.no_match is None:
        error_line("note: the framework has no journeys yet; nothing to rank")
    # The terminal's width (COLUMNS wins, as everywhere); 100 when the output is not a terminal.
    width = shutil.get_terminal_size((100, 24)).columns
    settings = Settings(color=color(sys.stdout), width=width, explain=explain)
    output(RANK_FORMATS[output_format](ranking, settings))
    if ranking.period_chosen and ranking.no_match is None:
        # After the result: a reader that went away (`| head -0`) ends it without a word.
        error_line(_period_note(ranking))
    return EXIT_FINDINGS if checked.validation.errors else EXIT_OK


# The formats whose output is for people: they say in a sentence that no journey matches.
_SENTENCES = ("table", "markdown")


def _lowered(sentence: str) -> str:
    """A sentence as the rest of a `note:` line: "No journey ..." -> "no journey ...", no
    full stop at its end."""
    return sentence[:1].lower() + sentence[1:].removesuffix(".")


# Why else a journey is not ranked, as the period's note says it (diagnostics are English).
_OTHER_REASONS = (
    ("zero_customers", "with 0 customers in the period"),
    ("retired", "retired"),
    ("invalid", "with validation errors"),
)


def _period_note(ranking: Ranking) -> str:
    """Which period was taken, and every journey left unranked, as the table lists them: those
    with volumes for other periods only apart from those with no volumes at all (they would be
    unranked whatever the period), then the others where there are any."""
    reasons = Counter(u.reason_key for u in ranking.unranked)
    parts = [
        f"{ranking.without_period} journey(s) with volumes for other periods only",
        f"{reasons['no_volumes_yet']} journey(s) without any volumes yet",
        *(f"{reasons[key]} journey(s) {why}" for key, why in _OTHER_REASONS if reasons[key]),
    ]
    return (
        f"note: period {ranking.period} (the latest period that at least half of the "
        f"journeys with volumes have); not ranked: {', '.join(parts)}"
    )


def _not_ranked(framework_usable: bool, skip_invalid: bool) -> str:
    """Why the tree is not ranked: --skip-invalid helps with journeys, not with the framework."""
    if not framework_usable:
        even = ", not even with --skip-invalid" if skip_invalid else ""
        return f"error: framework.yaml has errors, so nothing is ranked{even}; fix it first"
    return (
        "error: the tree has validation errors, so it is not ranked; fix them first, "
        "or rank the valid journeys with --skip-invalid"
    )
