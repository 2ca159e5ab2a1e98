"""A journey map: the steps as columns grouped by stage, and the lanes below them.

Lanes: what the customer does, the touchpoints (channel names), what the customer thinks or
says, the emotion curve (actual against desired on a scale of 1 to 5, gaps shaded), pain
points, moments of truth, opportunities, backstage, contact reasons (with their contacts in
the period, and each step's sum) and the improvements pinned to the steps they touch; a lane
is left out when no step has anything for it. Beside the map: its alerts with what to do (the
`alerts` view's record of the journey), KPI tiles (the `kpis` report's rows), the volumes
against the compared period, the rank, the facts of the file (criteria, review, links and
tickets) and its insights with their source. Where the file has nothing yet, the page says
what to add to which file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from journeyctl.model import Improvement, Journey
from journeyctl.model.journey import ESTIMABLE, Volume
from journeyctl.model.journey import Insight as JourneyInsight
from journeyctl.rank import RankedJourney
from journeyctl.render.context import Context
from journeyctl.render.curve import CURVE_Y, CurveView, curve
from journeyctl.render.kpi_tiles import KpiTile, kpi_tiles
from journeyctl.render.widths import MIN_STEP, map_width, scrolls_below, step_width
from journeyctl.reports import ReportInput, alerts_report
from journeyctl.text import fold, format_date
from journeyctl.views.alerts import AlertsView, JourneyAlerts, alerts_view
from journeyctl.views.cells import ESTIMATED, NONE, PARTS, movement


@dataclass(frozen=True)
class PinnedImprovement:
    id: str
    title: str
    status: str
    status_key: str


@dataclass(frozen=True)
class Reason:
    """A contact reason of a step, with its contacts in the period ("" when it has none)."""

    name: str
    contacts: str


@dataclass(frozen=True)
class StepColumn:
    number: int
    name: str
    stage: str
    description: str
    touchpoints: list[str]  # channel names
    backstage: str
    emotion: str  # "2" or "" when not recorded
    desired_emotion: str
    pain_points: list[str]
    moment_of_truth: bool
    contact_reasons: list[Reason]
    improvements: list[PinnedImprovement]
    thoughts: list[str] = field(default_factory=list)  # what the customer thinks or says
    opportunities: list[str] = field(default_factory=list)
    contacts: str = ""  # the contacts of its reasons in the period; "" when none has any


@dataclass(frozen=True)
class Stage:
    name: str  # "" for steps without a stage
    steps: list[StepColumn]  # the neighbouring steps it spans

    @property
    def span(self) -> int:
        return len(self.steps)


@dataclass(frozen=True)
class VolumeRow:
    what: str  # customers, contacts or contacts per customer, in the site's language
    now: str
    before: str
    change: str  # +12%, -3%, or "" when there is nothing to compare
    change_class: str  # better, worse or "" (for contacts and the rate, down is better)
    # ESTIMATED after a figure that is, or is computed from, an estimate; else "".
    now_mark: str = ""
    before_mark: str = ""
    change_mark: str = ""


@dataclass(frozen=True)
class Fact:
    """One line of the journey's header: a label and its text."""

    label: str
    text: str


@dataclass(frozen=True)
class Insight:
    text: str
    source: str  # "" when not given
    date: str  # in the site's language; "" when not given


@dataclass(frozen=True)
class Link:
    """A link or ticket of the file: a web address is a link, anything else (a Jira key) text."""

    text: str
    href: str  # "" for a ticket key


@dataclass(frozen=True)
class JourneyView:
    id: str
    name: str
    description: str
    status: str
    status_key: str
    facts: list[Fact]  # phase, cluster, owner, teams, personas, goal, desired emotions, ...
    stages: list[Stage]
    steps: list[StepColumn]
    curve: CurveView | None
    moments: int  # how many steps are moments of truth
    has_descriptions: bool  # a lane is left out when no step has anything for it
    has_pain_points: bool
    has_backstage: bool
    has_contact_reasons: bool
    has_improvements: bool
    unpinned: list[PinnedImprovement]  # improvements of the whole journey
    kpis: list[KpiTile]
    period: str
    compare_period: str
    volumes: list[VolumeRow]
    rank: str
    rank_of: str  # how many were ranked, for "3 of 41"
    movement: str
    movement_class: str
    follows: list[tuple[str, str]]  # (name, page) of the journeys this one follows
    followed_by: list[tuple[str, str]]
    alerts: JourneyAlerts | None  # its signals with what to do; None when it has none
    owner: str = ""  # the owner's name; "" without one
    file: str = ""  # the journey's file, as the empty states name it
    insights: list[Insight] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    has_thoughts: bool = False
    has_opportunities: bool = False
    contacts_lane: str = ""  # "Contacts 2025", the lane of the steps' contacts; "" without any
    scrolls: str = ""  # the cue that the map scrolls sideways, where it does
    axis: list[tuple[float, str]] = field(default_factory=list)  # (y in %, words) of the curve
    step_width: float = MIN_STEP  # rem: each step column's width on screen (render.widths)
    map_width: float = 0.0  # rem: the map's least width on screen, its lanes and steps
    scrolls_below: int = 0  # px: the widest window in which the map scrolls sideways
    byline: str = ""  # owner · status · rank in period: the line under the title
    # What the page says where the file has nothing yet, and which file to edit.
    not_mapped: str = ""
    no_volumes: str = ""
    no_kpis: str = ""


@dataclass(frozen=True)
class Links:
    """What a journey's map looks up among all journeys, indexed once for the whole site
    (looked up for each journey in turn, a site of 20,000 journeys costs 20,000 squared)."""

    ranked: dict[str, RankedJourney]  # the first ranking entry of each id
    improvements: dict[str, list[Improvement]]  # those touching each journey, in their order
    by_id: dict[str, Journey]  # the last journey of each id
    followed_by: dict[str, list[tuple[str, str]]]  # (name, page) of those following each id
    # The contacts of each contact reason in the ranking's period (those with a volume then).
    reason_contacts: dict[str, int] = field(default_factory=dict)
    # The KPI tiles of each journey as the KPIs page made them; None: each map makes its own.
    tiles: dict[str, tuple[KpiTile, ...]] | None = None

    @classmethod
    def of(
        cls, report_input: ReportInput, tiles: dict[str, tuple[KpiTile, ...]] | None = None
    ) -> Links:
        ranked: dict[str, RankedJourney] = {}
        for entry in report_input.ranking.journeys:
            ranked.setdefault(entry.id, entry)
        improvements: dict[str, list[Improvement]] = {}
        for improvement in report_input.improvements:
            for journey_id in dict.fromkeys(target.journey for target in improvement.journeys):
                improvements.setdefault(journey_id, []).append(improvement)
        followed_by: dict[str, list[tuple[str, str]]] = {}
        for journey in report_input.journeys:
            for followed in dict.fromkeys(journey.follows):
                followed_by.setdefault(followed, []).append((journey.name, journey.id))
        by_id = {j.id: j for j in report_input.journeys}
        period = report_input.ranking.period
        reason_contacts = {
            reason.id: volume.contacts
            for reason in report_input.framework.contact_reasons
            for volume in reason.volumes
            if volume.period == period
        }
        return cls(ranked, improvements, by_id, followed_by, reason_contacts, tiles)


def journey_view(
    context: Context,
    journey: Journey,
    report_input: ReportInput,
    links: Links | None = None,
    alerts: AlertsView | None = None,
    file: str = "",
) -> JourneyView:
    """The view of one journey's map; `links` (`Links.of(report_input)`) and `alerts` (the
    alerts page's view) once for a site; `file` the journey's file, as the page names it."""
    links = Links.of(report_input) if links is None else links
    if alerts is None:
        alerts = alerts_view(alerts_report(report_input), context.lang)
    ranking = report_input.ranking
    entry = links.ranked.get(journey.id)
    improvements = links.improvements.get(journey.id, [])
    pinned, unpinned = _pinned(context, journey, improvements)
    reasons = links.reason_contacts
    steps = [_step(context, index, journey, pinned, reasons) for index in range(len(journey.steps))]
    movement, css = _movement(context, entry, ranking.compare_period)
    by_id = links.by_id
    owner = context.names.name("owner", journey.owner) if journey.owner else ""
    rank = str(entry.rank) if entry else NONE
    file = file or f"{journey.id}.yaml"
    step = step_width([s.name for s in steps], _texts(context, steps))
    return JourneyView(
        id=journey.id,
        name=journey.name,
        description=journey.description or "",
        status=context.word(f"journey_status.{journey.status}"),
        status_key=journey.status,
        facts=_facts(context, journey),
        stages=_stages(steps),
        steps=steps,
        curve=curve(journey.steps),
        moments=sum(1 for s in journey.steps if s.moment_of_truth),
        has_descriptions=any(s.description for s in journey.steps),
        has_pain_points=any(s.pain_points for s in journey.steps),
        has_backstage=any(s.backstage for s in journey.steps),
        has_contact_reasons=any(s.contact_reasons for s in journey.steps),
        has_improvements=any(step.improvements for step in steps),
        unpinned=unpinned,
        kpis=_tiles(context, journey, entry, report_input, links),
        period=ranking.period or NONE,
        compare_period=ranking.compare_period or "",
        volumes=_volumes(context, journey, ranking.period, ranking.compare_period),
        rank=str(entry.rank) if entry else NONE,
        rank_of=str(len(ranking.journeys)),
        movement=movement,
        movement_class=css,
        follows=[(by_id[i].name, i) for i in journey.follows if i in by_id],
        followed_by=list(links.followed_by.get(journey.id, [])),
        alerts=alerts.of(journey.id),
        owner=owner,
        file=file,
        insights=[_insight(context, insight) for insight in journey.insights],
        links=[_link(text) for text in journey.links],
        has_thoughts=any(s.thoughts for s in journey.steps),
        has_opportunities=any(s.opportunities for s in journey.steps),
        contacts_lane=context.word("render.lane.contacts", period=ranking.period or NONE)
        if any(s.contacts for s in steps)
        else "",
        scrolls=context.word("render.scrolls", count=len(steps)),
        axis=_axis(context),
        step_width=step,
        map_width=map_width(step, len(steps)),
        scrolls_below=scrolls_below(map_width(step, len(steps))),
        byline=_byline(context, journey, owner, rank, len(ranking.journeys), ranking.period),
        not_mapped=context.word("render.not_mapped.todo", file=file),
        no_volumes=context.word("render.no_volumes.todo", file=file),
        no_kpis=context.word("render.no_kpis.todo", file=file),
    )


def _tiles(
    context: Context,
    journey: Journey,
    entry: RankedJourney | None,
    report_input: ReportInput,
    links: Links,
) -> list[KpiTile]:
    if links.tiles is not None:
        return list(links.tiles.get(journey.id, ()))
    return kpi_tiles(context, journey, entry.rank if entry else None, report_input)


def _texts(context: Context, steps: list[StepColumn]) -> list[str]:
    """What the map's step cells hold besides the steps' names, for the columns' width."""
    texts = (
        [context.word("render.moment_of_truth")] if any(s.moment_of_truth for s in steps) else []
    )
    for step in steps:
        texts += [step.description, step.backstage, *step.touchpoints, *step.pain_points]
        texts += [*step.thoughts, *step.opportunities]
        texts += [f"{r.name} {r.contacts}" for r in step.contact_reasons]
        texts += [f"{i.title} {i.status}" for i in step.improvements]
    return texts


def _insight(context: Context, insight: JourneyInsight) -> Insight:
    when = format_date(insight.date, context.lang) if insight.date else ""
    return Insight(insight.text, insight.source or "", when)


def _link(text: str) -> Link:
    """A web address links; a ticket key (WADDEN-1287) or anything else is shown as text."""
    return Link(text, text if _WEB.match(text) else "")


_WEB = re.compile(r"https?://[^\s<>\"]+$", re.IGNORECASE)


def _axis(context: Context) -> list[tuple[float, str]]:
    """The curve's scale beside it: 5 (very positive) at the top to 1 (very negative)."""
    words = {5: context.word("render.emotion.high"), 1: context.word("render.emotion.low")}
    return [(CURVE_Y[level], words.get(level, str(level))) for level in (5, 4, 3, 2, 1)]


def _byline(
    context: Context,
    journey: Journey,
    owner: str,
    rank: str,
    ranked: int,
    period: str | None,
) -> str:
    """Owner · status · rank 3 of 37 in 2025: what a printed map says under its title."""
    parts = [
        context.word("render.byline.owner", owner=owner)
        if owner
        else context.word("report.no_owner"),
        context.word(f"journey_status.{journey.status}"),
    ]
    if period:
        if rank != NONE:
            parts.append(
                context.word("render.byline.rank", rank=rank, of=str(ranked), period=period)
            )
        else:
            parts.append(context.word("render.byline.not_ranked", period=period))
    return " · ".join(parts)


def _pinned(
    context: Context, journey: Journey, improvements: list[Improvement]
) -> tuple[dict[int, list[PinnedImprovement]], list[PinnedImprovement]]:
    """Step index -> the improvements that name that step; and those that name no step of it."""
    pinned: dict[int, list[PinnedImprovement]] = {}
    unpinned: list[PinnedImprovement] = []
    if not improvements:
        return pinned, unpinned  # most maps: no step's name need be folded
    step_index = {fold(step.name): index for index, step in enumerate(journey.steps)}
    for improvement in improvements:
        shown = PinnedImprovement(
            improvement.id,
            improvement.title,
            context.word(f"improvement_status.{improvement.status}"),
            improvement.status,
        )
        names = [s for t in improvement.journeys if t.journey == journey.id for s in t.steps]
        indexes = sorted({step_index[fold(n)] for n in names if fold(n) in step_index})
        for index in indexes:
            pinned.setdefault(index, []).append(shown)
        if not indexes:
            unpinned.append(shown)
    return pinned, unpinned


def _step(
    context: Context,
    index: int,
    journey: Journey,
    pinned: dict[int, list[PinnedImprovement]],
    reason_contacts: dict[str, int],
) -> StepColumn:
    step = journey.steps[index]
    counted = [
        reason_contacts[r] for r in dict.fromkeys(step.contact_reasons) if r in reason_contacts
    ]
    return StepColumn(
        number=index + 1,
        name=step.name,
        stage=step.stage or "",
        description=step.description or "",
        touchpoints=[context.names.name("channel", c) for c in step.touchpoints],
        backstage=step.backstage or "",
        emotion="" if step.emotion is None else str(step.emotion),
        desired_emotion="" if step.desired_emotion is None else str(step.desired_emotion),
        pain_points=list(step.pain_points),
        moment_of_truth=step.moment_of_truth,
        contact_reasons=[
            Reason(
                context.names.name("contact_reason", r),
                context.count(reason_contacts[r]) if r in reason_contacts else "",
            )
            for r in step.contact_reasons
        ],
        improvements=pinned.get(index, []),
        thoughts=list(step.thoughts),
        opportunities=list(step.opportunities),
        contacts=context.count(sum(counted)) if counted else "",
    )


def _stages(steps: list[StepColumn]) -> list[Stage]:
    """Neighbouring steps with the same stage share one header cell (and one Mermaid section)."""
    stages: list[Stage] = []
    for step in steps:
        if stages and stages[-1].name == step.stage:
            stages[-1].steps.append(step)
        else:
            stages.append(Stage(step.stage, [step]))
    return stages


def _facts(context: Context, journey: Journey) -> list[Fact]:
    names = context.names
    criteria = {c.id: c for c in context.framework.criteria}
    candidates = [
        ("phase", names.name("phase", journey.phase)),
        ("cluster", names.name("cluster", journey.cluster)),
        ("owner", names.name("owner", journey.owner) if journey.owner else ""),
        # PARTS, not a comma: a name may hold one ("Noor, de starter").
        ("render.teams", PARTS.join(names.name("team", t) for t in journey.team)),
        ("render.personas", PARTS.join(names.name("persona", p) for p in journey.personas)),
        ("render.goal", journey.goal or ""),
        ("render.desired_emotions", journey.desired_emotions or ""),
    ]
    facts = [Fact(context.word(key), text) for key, text in candidates if text]
    # The ranking's criteria, in the framework's order, then the review.
    facts += [
        Fact(criteria[id_].name, _criterion(context, journey.criteria[id_]))
        for id_ in criteria
        if id_ in journey.criteria
    ]
    if review := _review(context, journey):
        facts.append(Fact(context.word("report.last_reviewed"), review))
    return facts


def _criterion(context: Context, value: bool | int | float) -> str:
    if isinstance(value, bool):
        return context.word("render.yes" if value else "render.no")
    if isinstance(value, int):
        return context.count(value)
    return context.decimal(value, 0 if value.is_integer() else 2)


def _review(context: Context, journey: Journey) -> str:
    """ "12 mrt 2025 (elk kwartaal)": the last review and the cadence; "" without either."""
    review = journey.review
    cadence = review.cadence if review and review.cadence else context.framework.review.cadence
    last = review.last_reviewed if review else None
    if last is None and (review is None or review.cadence is None):
        return ""
    when = format_date(last, context.lang) if last else context.word("report.never")
    return f"{when} ({context.word(f'report.cadence.{cadence}')})" if cadence else when


def _movement(
    context: Context, entry: RankedJourney | None, compare: str | None
) -> tuple[str, str]:
    if entry is None or compare is None:
        return "", ""
    moved = movement(entry.movement, context.lang)
    return moved.text, moved.tone


def _volumes(
    context: Context, journey: Journey, period: str | None, compare: str | None
) -> list[VolumeRow]:
    now = journey.volume(period) if period else None
    before = journey.volume(compare) if compare else None
    if now is None and before is None:
        return []
    customers = _volume_row(
        context,
        context.word("customers"),
        now.customers if now else None,
        before.customers if before else None,
        _guessed(now, before, ("customers",)),
        higher_is_better=None,  # more customers is neither good nor bad in itself
        places=0,
    )
    contacts = _volume_row(
        context,
        context.word("contacts"),
        now.contacts if now else None,
        before.contacts if before else None,
        _guessed(now, before, ("contacts",)),
        higher_is_better=False,
        places=0,
    )
    rate = _volume_row(
        context,
        context.word("contact_rate"),
        _rate(now.customers, now.contacts) if now else None,
        _rate(before.customers, before.contacts) if before else None,
        _guessed(now, before, ESTIMABLE),
        higher_is_better=False,
        places=2,
    )
    return [customers, contacts, rate]


def _guessed(
    now: Volume | None, before: Volume | None, values: tuple[str, ...]
) -> tuple[bool, bool]:
    """Whether one of `values` that a figure goes into was estimated, now and before."""
    return (
        bool(now and set(values) & set(now.estimated)),
        bool(before and set(values) & set(before.estimated)),
    )


def _rate(customers: int, contacts: int) -> float | None:
    return contacts / customers if customers else None


def _volume_row(
    context: Context,
    what: str,
    now: float | None,
    before: float | None,
    guessed: tuple[bool, bool],
    *,
    higher_is_better: bool | None,
    places: int,
) -> VolumeRow:
    """A row of the volumes, ESTIMATED after each figure `guessed` says is, or is computed
    from, an estimate; the change is as sure as the less sure of its two figures."""
    change, css = "", ""
    if now is not None and before:
        fraction = now / before - 1
        # Signed and coloured as shown: a change that rounds to 0% is none to the reader
        # (whole percents, rounded half to even as the number format rounds them).
        moved = round(fraction * 100) != 0
        change = ("+" if moved and fraction > 0 else "") + context.percent(fraction if moved else 0)
        if higher_is_better is not None and moved:
            css = "better" if (fraction > 0) == higher_is_better else "worse"
    now_guessed, before_guessed = guessed
    return VolumeRow(
        what,
        context.decimal(now, places),
        context.decimal(before, places),
        change,
        css,
        now_mark=ESTIMATED if now_guessed else "",
        before_mark=ESTIMATED if before_guessed else "",
        change_mark=ESTIMATED if change and (now_guessed or before_guessed) else "",
    )
