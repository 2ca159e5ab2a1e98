"""The index page: the framework as phases (columns) > clusters > journeys (cards), and the
sequences in which journeys follow each other."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeyctl.model import Journey
from journeyctl.rank import RankedJourney, Ranking
from journeyctl.render.context import Context
from journeyctl.render.sequences import Sequence as JourneySequence
from journeyctl.render.sequences import sequences
from journeyctl.views.alerts import AlertsView
from journeyctl.views.cells import ESTIMATED, NONE, Cell, movement
from journeyctl.views.ranking import TOP

# A phase with more journeys gets a wider column, with cards side by side, so that the
# columns end at about the same height.
CARDS_PER_COLUMN = 8


@dataclass(frozen=True)
class JourneyCard:
    id: str
    name: str
    page: str  # the journey map, relative to the index, without .html or .md
    owner: str  # the owner's name, or a dash
    status: str  # the status in the site's language
    status_key: str  # the status as in the files, for the card's colour
    customers: str
    contacts: str
    customers_mark: str  # ESTIMATED after an estimated figure, else ""
    contacts_mark: str
    rank: str  # "3", or a dash when not ranked
    movement: str  # ▲3, ▼1, =, new; "" without a compared period
    movement_class: str
    steps: str  # "6 steps mapped", or "" when none is
    top: bool  # among the top journeys of the ranking (the steering meeting's first ten)
    alerts: str  # how many alerts it has (the alerts view's count); "" without any
    alerts_said: str  # the badge's words: "Alerts: 3"


@dataclass(frozen=True)
class ClusterColumn:
    id: str
    name: str
    journeys: list[JourneyCard]
    empty: str = ""  # without journeys: the command that adds one


@dataclass(frozen=True)
class PhaseColumn:
    id: str
    name: str
    description: str
    clusters: list[ClusterColumn]
    journey_count: int

    @property
    def weight(self) -> int:
        """The column's share of the page's width: one part per eight journeys, at least one."""
        return max(1, -(-self.journey_count // CARDS_PER_COLUMN))


@dataclass(frozen=True)
class IndexView:
    title: str
    description: str
    period: str  # the ranking's period, or a dash
    compare_period: str  # "" when there is none
    phases: list[PhaseColumn]
    sequences: list[JourneySequence]
    summary: str  # how many journeys, how many mapped, which period
    no_sequences: str = ""  # without sequences: what to write where


def index_view(
    context: Context,
    journeys: Sequence[Journey],
    ranking: Ranking,
    alerts: AlertsView | None = None,
) -> IndexView:
    """The index; with the alerts page's view, each card says how many alerts it has."""
    ranked = {entry.id: entry for entry in ranking.journeys}
    cards = {j.id: _card(context, j, ranked.get(j.id), ranking, alerts) for j in journeys}
    by_cluster = cluster_cards(journeys, cards)
    framework = context.framework
    phases = []
    for phase in framework.phases:
        clusters = [
            ClusterColumn(
                cluster.id,
                cluster.name,
                _ordered(by_cluster.get(cluster.id, [])),
                context.word("render.no_journeys.todo", phase=phase.id, cluster=cluster.id),
            )
            for cluster in framework.clusters
            if cluster.phase == phase.id
        ]
        count = sum(len(cluster.journeys) for cluster in clusters)
        phases.append(PhaseColumn(phase.id, phase.name, phase.description or "", clusters, count))
    return IndexView(
        title=framework.name,
        description=framework.description or "",
        period=ranking.period or NONE,
        compare_period=ranking.compare_period or "",
        phases=phases,
        sequences=sequences(journeys, "journeys/"),
        summary=_summary(context, journeys, ranking),
        no_sequences=context.word("render.no_sequences.todo"),
    )


def cluster_cards(
    journeys: Sequence[Journey], cards: dict[str, JourneyCard]
) -> dict[str, list[JourneyCard]]:
    """Each cluster's cards, in the journeys' order: one pass over the journeys (a pass per
    cluster made the index of 20,000 journeys in 2,000 clusters take 45 s)."""
    by_cluster: dict[str, list[JourneyCard]] = {}
    for journey in journeys:
        by_cluster.setdefault(journey.cluster, []).append(cards[journey.id])
    return by_cluster


def _ordered(cards: list[JourneyCard]) -> list[JourneyCard]:
    """Ranked journeys first, by rank; then the others by name (retired last)."""

    def key(card: JourneyCard) -> tuple[bool, int, int, str]:
        ranked = card.rank != NONE
        return (
            card.status_key == "retired",
            0 if ranked else 1,
            int(card.rank) if ranked else 0,
            card.name.casefold() + "\0" + card.id,
        )

    return sorted(cards, key=key)


def _card(
    context: Context,
    journey: Journey,
    entry: RankedJourney | None,
    ranking: Ranking,
    alerts: AlertsView | None = None,
) -> JourneyCard:
    volume = journey.volume(ranking.period) if ranking.period else None
    signals = None if alerts is None else alerts.of(journey.id)
    moved = Cell("")
    if entry is not None and ranking.compare_period is not None:
        moved = movement(entry.movement, context.lang)
    return JourneyCard(
        id=journey.id,
        name=journey.name,
        page=f"journeys/{journey.id}",
        owner=context.names.name("owner", journey.owner) if journey.owner else NONE,
        status=context.word(f"journey_status.{journey.status}"),
        status_key=journey.status,
        customers=context.count(volume.customers if volume else None),
        contacts=context.count(volume.contacts if volume else None),
        customers_mark=ESTIMATED if volume and volume.customers_estimated else "",
        contacts_mark=ESTIMATED if volume and volume.contacts_estimated else "",
        rank=str(entry.rank) if entry else NONE,
        movement=moved.text,
        movement_class=moved.tone,
        top=entry is not None and entry.rank <= TOP,
        steps=context.word("render.steps_mapped", count=len(journey.steps))
        if journey.steps
        else "",
        alerts="" if signals is None else signals.count,
        alerts_said="" if signals is None else signals.badge,
    )


def _summary(context: Context, journeys: Sequence[Journey], ranking: Ranking) -> str:
    key = "render.index_summary" if ranking.compare_period else "render.index_summary_no_compare"
    return context.word(
        key,
        journeys=context.count(len(journeys)),
        mapped=context.count(sum(1 for j in journeys if j.steps)),
        period=ranking.period or NONE,
        compare=ranking.compare_period or "",
    )
