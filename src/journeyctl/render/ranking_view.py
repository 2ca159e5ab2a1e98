"""The ranking page: which journeys first, how they moved against the compared period, and
the share of all contacts that the top journeys hold."""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.rank import RankedJourney, Ranking
from journeyctl.render.context import DASH, Context, movement_class, movement_text

TOP = 10  # the "top journeys" of the steering meeting


@dataclass(frozen=True)
class RankingRow:
    rank: int
    id: str
    name: str
    page: str
    phase: str
    cluster: str
    owner: str
    status: str
    status_key: str
    customers: str
    contacts: str
    contact_rate: str
    score: str
    estimated: bool
    movement: str
    movement_class: str
    rank_before: str  # the rank in the compared period, a dash when not ranked then
    contacts_before: str
    cumulative_share: str  # of the contacts of every ranked journey, down to this one
    bar: float  # the score as a percentage of the highest score, for the bar


@dataclass(frozen=True)
class UnrankedRow:
    name: str
    page: str
    reason: str


@dataclass(frozen=True)
class RankingView:
    title: str
    period: str
    compare_period: str
    rows: list[RankingRow]
    unranked: list[UnrankedRow]
    top: int
    top_share: str  # the top journeys' share of the contacts of every ranked journey
    top_share_text: str
    reason_share_text: str  # the Life Cycle Model's share of the top journeys, "" if unknown
    estimated_note: str


def ranking_view(context: Context, ranking: Ranking, top_ranking: Ranking) -> RankingView:
    """`top_ranking` is the same ranking cut to the top journeys (for its contact share)."""
    total = sum(j.contacts for j in ranking.journeys)
    highest = max((j.score for j in ranking.journeys), default=0.0)
    rows, running = [], 0
    for journey in ranking.journeys:
        running += journey.contacts
        rows.append(_row(context, journey, running / total if total else None, highest))
    top = min(TOP, len(ranking.journeys))
    top_contacts = sum(j.contacts for j in ranking.journeys[:top])
    share = context.percent(top_contacts / total if total else None)
    return RankingView(
        title=context.word("render.nav.ranking"),
        period=ranking.period or DASH,
        compare_period=ranking.compare_period or "",
        rows=rows,
        unranked=[
            UnrankedRow(u.name, f"journeys/{u.id}", u.reason_in(context.lang))
            for u in ranking.unranked
        ],
        top=top,
        top_share=share,
        top_share_text=context.word(
            "render.top_share",
            top=top,
            share=share,
            period=ranking.period or DASH,
            top_contacts=context.count(top_contacts),
            total=context.count(total),
        )
        if total
        else "",
        reason_share_text=_reason_share(context, top_ranking),
        estimated_note=context.word("ranking.estimated"),
    )


def _row(
    context: Context, journey: RankedJourney, cumulative: float | None, highest: float
) -> RankingRow:
    compare = journey.compare
    before = compare is not None and compare.rank is not None
    has_compare = compare is not None
    return RankingRow(
        rank=journey.rank,
        id=journey.id,
        name=journey.name,
        page=f"journeys/{journey.id}",
        phase=journey.phase_name or journey.phase,
        cluster=journey.cluster_name or journey.cluster,
        owner=journey.owner_name or DASH,
        status=context.word(f"journey_status.{journey.status}"),
        status_key=journey.status,
        customers=context.count(journey.customers),
        contacts=context.count(journey.contacts),
        contact_rate=context.decimal(journey.contact_rate, 2),
        score=context.decimal(journey.score, 1),
        estimated=journey.estimated,
        movement=movement_text(journey.movement, before, context.lang) if has_compare else "",
        movement_class=movement_class(journey.movement, before) if has_compare else "",
        rank_before=str(compare.rank) if compare and compare.rank is not None else DASH,
        contacts_before=context.count(compare.contacts if compare else None),
        cumulative_share=context.percent(cumulative),
        bar=round(100 * journey.score / highest, 1) if highest else 0.0,
    )


def _reason_share(context: Context, top_ranking: Ranking) -> str:
    share = top_ranking.contact_share
    if share is None or not share.total:
        return ""
    text = context.word(
        "ranking.contact_share",
        share=context.percent(share.share),
        period=top_ranking.period or DASH,
        covered=context.count(share.covered),
        total=context.count(share.total),
    )
    return text[:1].upper() + text[1:] + "."
