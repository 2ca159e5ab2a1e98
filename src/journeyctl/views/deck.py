"""The steering deck: the views of the pages it shows, gathered once, and its own few words.

    deck_view(report_input, top=10, commit=head_commit(root), diff=None, lang="nl")

A slide lays out one view as the other outputs do: the ranking's first `top` rows (with
movement and the cumulative share of contacts), what changed since a revision (`since`),
the alerts, the KPIs of the top journeys against their target, the open improvements, and
one page per top journey. The deck's writer (`journeyctl.formats.deck`) decides nothing of
what a slide says: the titles and every word are here, in the deck's language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from journeyctl.diff import Commit, TreeDiff
from journeyctl.rank import Ranking, contact_share
from journeyctl.reports import (
    ReportInput,
    alerts_report,
    improvements_report,
    kpis_report,
)
from journeyctl.text import Lang, format_count, format_date, label
from journeyctl.views.alerts import AlertsView, alerts_view
from journeyctl.views.cells import NONE, capitalised
from journeyctl.views.improvements import ImprovementsView, improvements_view
from journeyctl.views.journey import JourneyPage, journey_page_view
from journeyctl.views.kpis import KpiLine, kpis_view
from journeyctl.views.ranking import TOP, RankingRow, RankingView, notes, ranking_view
from journeyctl.views.since import SinceView, since_view


@dataclass(frozen=True)
class KpiChart:
    """One KPI of a top journey as a chart: its points against the target line."""

    title: str  # "Ik verhuis: NPS"
    journey: str  # the journey's name
    line: KpiLine  # the KPI's line of the KPIs view: its points, target, track
    measured: str  # the names of the two series
    target: str


@dataclass(frozen=True)
class JourneySlide:
    title: str  # "#3 Ik verhuis"
    facts: str  # phase > cluster, owner, status, volumes, score: one line
    row: RankingRow
    page: JourneyPage


@dataclass(frozen=True)
class DeckView:
    lang: Lang
    title: str  # the framework's name
    subtitle: tuple[str, ...]  # the period (against which), the commit and its date
    made: date | None  # the commit's date: when the deck's figures stood so; None outside git
    top: int  # how many journeys of the ranking the deck shows
    ranking: RankingView
    ranking_rows: tuple[RankingRow, ...]  # the first `top` rows
    ranking_columns: tuple[str, ...]  # the RankingRow fields a slide shows, in order
    # The lines under the ranking's slide, of the rows shown (the ranking page's notes are
    # of every ranked journey: its share of contacts would be the whole ranking's).
    ranking_notes: tuple[str, ...]
    top_share: str  # what the shown journeys hold of all contacts; "" without contacts
    since: SinceView | None  # with a revision to compare with only
    alerts: AlertsView
    kpis_title: str
    kpis: tuple[KpiChart, ...]  # of the top journeys, those with at least one point
    kpis_empty: str
    improvements: ImprovementsView
    # The value/effort matrix's series: the quick wins, the others, and its two bars.
    quick_wins: str
    other_improvements: str
    median_value: str
    quick_effort: str
    journeys: tuple[JourneySlide, ...]
    continued: str  # a slide's title when its table goes on: "{title} ({page}/{pages})"


def deck_view(
    report_input: ReportInput,
    *,
    top: int | None = None,
    commit: Commit | None = None,
    diff: TreeDiff | None = None,
    lang: Lang | None = None,
) -> DeckView:
    """The deck of `report_input` in `lang` (default: the framework's language)."""
    lang = report_input.framework.language if lang is None else lang
    ranking = _ranking(report_input, lang)
    shown = min(TOP if top is None else top, len(ranking.rows))
    rows = ranking.rows[:shown]
    improvements = improvements_report(report_input)
    improvements_shown = improvements_view(improvements, lang)
    kpis = kpis_view(kpis_report(report_input, top=shown), lang)
    by_id = {journey.id: journey for journey in report_input.journeys}
    return DeckView(
        lang=lang,
        title=report_input.framework.name,
        subtitle=_subtitle(report_input, commit, lang),
        made=None if commit is None else commit.date,
        top=shown,
        ranking=ranking,
        ranking_rows=rows,
        ranking_columns=_ranking_columns(ranking),
        ranking_notes=tuple(notes(_shown(report_input, shown, lang))),
        top_share=_top_share(rows, report_input, lang),
        since=None if diff is None else since_view(diff, report_input.journeys, lang),
        alerts=alerts_view(alerts_report(report_input, top=shown), lang),
        kpis_title=kpis.table.title,
        kpis=tuple(
            KpiChart(
                f"{journey.name}: {line.name}" + (f" ({line.track})" if line.track != NONE else ""),
                journey.name,
                line,
                label("deck.kpis.measured", lang),
                label("target", lang),
            )
            for journey in kpis.journeys
            for line in journey.lines
            if line.points
        ),
        kpis_empty=kpis.table.empty,
        improvements=improvements_shown,
        quick_wins=capitalised(label("report.improvements.quick_wins", lang)),
        other_improvements=label("deck.improvements.others", lang),
        median_value=label("deck.improvements.median", lang),
        quick_effort=label("deck.improvements.quick_effort", lang),
        journeys=tuple(
            JourneySlide(
                label("deck.journey.title", lang).format(rank=row.rank.text, name=row.name.text),
                _facts(row, ranking, lang),
                row,
                journey_page_view(by_id[row.id], report_input.improvements, lang),
            )
            for row in rows
            if row.id in by_id
        ),
        continued=label("deck.continued", lang),
    )


def _ranking(report_input: ReportInput, lang: Lang) -> RankingView:
    """The reports' ranking, in the deck's language (as the rendered ranking page has it)."""
    return ranking_view(replace(report_input.ranking, language=lang))


def _shown(report_input: ReportInput, shown: int, lang: Lang) -> Ranking:
    """The ranking cut to the journeys a slide shows, with their contact reasons' share."""
    ranking = report_input.ranking
    journeys = ranking.journeys[:shown]
    share = contact_share(
        report_input.framework, report_input.journeys, {j.id for j in journeys}, ranking.period
    )
    return replace(ranking, journeys=journeys, contact_share=share, language=lang)


def _subtitle(report_input: ReportInput, commit: Commit | None, lang: Lang) -> tuple[str, ...]:
    period = report_input.period
    said = label("deck.no_period", lang) if period is None else f"{label('period', lang)} {period}"
    if period is not None and report_input.compare is not None:
        said += " " + label("report.against", lang).format(period=report_input.compare)
    if commit is None:
        made = label("deck.no_commit", lang)
    else:
        made = label("deck.commit", lang).format(
            commit=commit.short, day=format_date(commit.date, lang)
        )
        if commit.changed:
            made += ", " + label("deck.uncommitted", lang)
    return (said, made)


def _ranking_columns(ranking: RankingView) -> tuple[str, ...]:
    movement = ("movement",) if ranking.compare_period else ()
    return (
        "rank",
        *movement,
        "name",
        "owner",
        "customers",
        "contacts",
        "contact_rate",
        "score",
        "cumulative_share",
    )


def _top_share(rows: tuple[RankingRow, ...], report_input: ReportInput, lang: Lang) -> str:
    """The cumulative share down to the last row shown: what the top journeys hold of the
    ranked journeys' contacts, with both numbers (the slide's other share is of all
    contacts, by contact reason: each says what it divides by)."""
    if not rows or rows[-1].cumulative_share.text == NONE:
        return ""
    journeys = report_input.ranking.journeys
    return label("deck.top_share", lang).format(
        top=len(rows),
        share=rows[-1].cumulative_share.text,
        period=report_input.ranking.period or NONE,
        top_contacts=format_count(sum(j.contacts for j in journeys[: len(rows)]), lang),
        total=format_count(sum(j.contacts for j in journeys), lang),
    )


def _facts(row: RankingRow, ranking: RankingView, lang: Lang) -> str:
    headers = ranking.headers
    parts = [
        f"{row.phase.text} > {row.cluster.text}",
        f"{headers['owner']} {row.owner.text}",
        capitalised(row.status.text),
        f"{headers['customers']} {row.customers.shown}",
        f"{headers['contacts']} {row.contacts.shown}",
        f"{headers['score']} {row.score.text}",
    ]
    return " · ".join(parts)
