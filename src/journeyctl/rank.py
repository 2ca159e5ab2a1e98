"""Which journey first: ranking by customer and contact volume and the framework's criteria.

score = 100 x sum_k w_k * (x_k / max_k) / sum_k w_k, over customers, contacts and every
criterion with a weight above 0, normalised over the journeys that are ranked after
filtering. The period is never mixed: a journey without volumes for the period is
listed apart as unranked, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from journeyctl.errors import UsageError
from journeyctl.model import Framework, Journey
from journeyctl.model.common import PERIOD_PATTERN, period_bounds
from journeyctl.model.journey import Volume
from journeyctl.suggest import closest

RankBy = Literal["score", "customers", "contacts", "contact-rate"]
RANK_BY: tuple[RankBy, ...] = ("score", "customers", "contacts", "contact-rate")


Normalise = Literal["selection", "framework"]
Language = Literal["en", "nl"]


@dataclass(frozen=True)
class RankOptions:
    by: RankBy = "score"
    period: str | None = None
    phase: str | None = None
    cluster: str | None = None
    owner: str | None = None
    top: int | None = None
    team: str | None = None
    status: str | None = None
    persona: str | None = None
    compare: str | None = None
    # What-if weights for this run only (criterion id, customers or contacts -> weight);
    # empty: the framework's.
    weights: dict[str, float] = field(default_factory=dict)
    normalise: Normalise = "selection"
    # Ids of journeys whose files have validation errors (ranked around with --skip-invalid).
    invalid: frozenset[str] = frozenset()
    lang: str | None = None


@dataclass(frozen=True)
class Comparison:
    """A journey's place in the period compared with; None where it had no volumes there."""

    period: str
    rank: int | None
    customers: int | None
    contacts: int | None
    contact_rate: float | None


@dataclass(frozen=True)
class RankedJourney:
    rank: int
    id: str
    name: str
    phase: str
    cluster: str
    owner: str | None
    customers: int
    contacts: int
    contact_rate: float | None
    score: float
    terms: dict[str, float] = field(default_factory=dict)
    missing_criteria: list[str] = field(default_factory=list)
    status: str = "listed"
    # Display names for tables; JSON and CSV keep the ids.
    phase_name: str = ""
    cluster_name: str = ""
    owner_name: str | None = None
    estimated: bool = False  # the volume used was estimated, not counted
    compare: Comparison | None = None

    @property
    def movement(self) -> int | None:
        """Places moved up since the compared period (negative: down); None: not ranked then."""
        if self.compare is None or self.compare.rank is None:
            return None
        return self.compare.rank - self.rank


@dataclass(frozen=True)
class Unranked:
    id: str
    name: str
    reason: str


@dataclass(frozen=True)
class ContactShare:
    """Contacts of the contact reasons the ranked journeys list, against all contact reasons'."""

    covered: int
    total: int

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 0.0


@dataclass(frozen=True)
class Ranking:
    period: str | None  # None when no journey has volumes yet: then every journey is unranked
    by: RankBy
    weights: dict[str, float]
    journeys: list[RankedJourney]
    unranked: list[Unranked]
    period_chosen: bool = False  # the engine chose the period (none was asked for)
    compare_period: str | None = None
    framework_weights: dict[str, float] = field(default_factory=dict)
    language: Language = "en"
    contact_share: ContactShare | None = None
    criteria_names: dict[str, str] = field(default_factory=dict)

    def changed_weights(self) -> dict[str, tuple[float, float]]:
        """Weight id -> (the framework's, the one used), for the weights a what-if changed.

        Empty when the framework's weights are not known (a Ranking built without them).
        """
        if not self.framework_weights:
            return {}
        changed = {}
        for key in self.framework_weights.keys() | self.weights.keys():
            before = self.framework_weights.get(key, 0.0)
            used = self.weights.get(key, 0.0)
            if before != used:
                changed[key] = (before, used)
        return dict(sorted(changed.items(), key=lambda item: _weight_order(self, item[0])))

    def to_dict(self, *, explain: bool = False) -> dict[str, object]:
        data: dict[str, object] = {
            "period": self.period,
            "by": self.by,
            "weights": self.weights,
            "journeys": [self._journey_dict(j, explain) for j in self.journeys],
            "unranked": [asdict(u) for u in self.unranked],
        }
        if self.compare_period is not None:
            data["compare_period"] = self.compare_period
        changed = self.changed_weights()
        if changed:
            data["changed_weights"] = {
                key: {"framework": before, "used": used} for key, (before, used) in changed.items()
            }
        if self.contact_share is not None:
            data["contact_share"] = {
                "covered": self.contact_share.covered,
                "total": self.contact_share.total,
                "share": round(self.contact_share.share, 4),
            }
        return data

    def _journey_dict(self, journey: RankedJourney, explain: bool) -> dict[str, object]:
        entry: dict[str, object] = {
            "rank": journey.rank,
            "id": journey.id,
            "name": journey.name,
            "phase": journey.phase,
            "cluster": journey.cluster,
            "owner": journey.owner,
            "status": journey.status,
            "customers": journey.customers,
            "contacts": journey.contacts,
            "contact_rate": journey.contact_rate,
            "estimated": journey.estimated,
            "score": journey.score,
            "missing_criteria": list(journey.missing_criteria),
        }
        if explain:
            entry["terms"] = dict(journey.terms)
        if self.compare_period is not None:
            entry["compare"] = asdict(journey.compare) if journey.compare else None
        return entry


def _weight_order(ranking: Ranking, key: str) -> tuple[int, str]:
    """customers, contacts, then the criteria in the framework's order."""
    order = list(ranking.framework_weights) + list(ranking.weights)
    return (order.index(key), key)


def latest_period(journeys: Sequence[Journey]) -> str | None:
    """The period that ends last; of periods ending on the same day, the longest."""
    periods = {volume.period for journey in journeys for volume in journey.volumes}
    if not periods:
        return None

    def key(period: str) -> tuple[int, int]:
        start, end = period_bounds(period)
        return end.toordinal(), -start.toordinal()

    return max(periods, key=key)


def rank(framework: Framework, journeys: Sequence[Journey], options: RankOptions) -> Ranking:
    check_filters(framework, options)
    period = _choose_period(journeys, options.period)
    selected = [j for j in journeys if _matches(j, options)]
    rows, unranked = _split(selected, period, options.by)
    weights = _weights(framework)
    ordered = sorted(_score(rows, weights), key=_sort_key(options.by))[: options.top]
    ranked = [replace(journey, rank=i) for i, journey in enumerate(ordered, start=1)]
    return Ranking(period, options.by, weights, ranked, sorted(unranked, key=lambda u: u.id))


_Row = tuple[Journey, Volume]


def _split(
    journeys: list[Journey], period: str | None, by: RankBy
) -> tuple[list[_Row], list[Unranked]]:
    """The journeys that can be ranked, with their volume, and the others with the reason."""
    rows: list[_Row] = []
    unranked: list[Unranked] = []
    for journey in journeys:
        volume = journey.volume(period) if period is not None else None
        reason = _unranked_reason(journey, volume, period, by)
        if reason or volume is None:
            unranked.append(Unranked(journey.id, journey.name, reason or "no volumes"))
        else:
            rows.append((journey, volume))
    return rows, unranked


def _score(rows: list[_Row], weights: dict[str, float]) -> list[RankedJourney]:
    values = [_term_values(journey, volume, weights) for journey, volume in rows]
    maxima = {k: max((v[k] for v in values), default=0.0) for k in weights}
    total_weight = sum(weights.values())
    scored = []
    for (journey, volume), value in zip(rows, values, strict=True):
        terms = {
            k: 100 * w * value[k] / maxima[k] / total_weight if maxima[k] and total_weight else 0.0
            for k, w in weights.items()
        }
        scored.append(
            RankedJourney(
                rank=0,
                id=journey.id,
                name=journey.name,
                phase=journey.phase,
                cluster=journey.cluster,
                owner=journey.owner,
                customers=volume.customers,
                contacts=volume.contacts,
                contact_rate=_contact_rate(volume),
                score=round(sum(terms.values()), 1),
                terms={k: round(t, 2) for k, t in terms.items()},
                missing_criteria=[
                    c for c in weights if c not in _VOLUME_TERMS and c not in journey.criteria
                ],
            )
        )
    return scored


def _contact_rate(volume: Volume) -> float | None:
    return round(volume.contacts / volume.customers, 4) if volume.customers else None


_VOLUME_TERMS = ("customers", "contacts")


def _weights(framework: Framework) -> dict[str, float]:
    weights = {"customers": framework.ranking.customers, "contacts": framework.ranking.contacts}
    weights.update({c.id: c.weight for c in framework.criteria if c.weight > 0})
    return weights


def _term_values(journey: Journey, volume: Volume, weights: dict[str, float]) -> dict[str, float]:
    values = {"customers": float(volume.customers), "contacts": float(volume.contacts)}
    for criterion in weights:
        if criterion not in _VOLUME_TERMS:
            # yes counts 1 and no 0 (bool is an int); a missing value counts 0 and is flagged.
            values[criterion] = float(journey.criteria.get(criterion, 0))
    return values


def _sort_key(by: RankBy) -> Callable[[RankedJourney], tuple[float, int, int, str]]:
    # Ties: higher contacts, then higher customers, then id; scores tie on their rounded value.
    def key(j: RankedJourney) -> tuple[float, int, int, str]:
        primary = {
            "score": j.score,
            "customers": float(j.customers),
            "contacts": float(j.contacts),
            "contact-rate": j.contact_rate or 0.0,
        }[by]
        return (-primary, -j.contacts, -j.customers, j.id)

    return key


def _unranked_reason(
    journey: Journey, volume: Volume | None, period: str | None, by: RankBy
) -> str | None:
    if journey.status == "retired":
        return "retired"
    if volume is None:
        others = sorted(v.period for v in journey.volumes)
        if others:
            return f"no volumes for {period} (has {', '.join(others)})"
        return "no volumes yet"
    if by == "contact-rate" and volume.customers == 0:
        return f"0 customers in {period}: contact rate undefined"
    return None


def _choose_period(journeys: Sequence[Journey], requested: str | None) -> str | None:
    present = sorted({v.period for j in journeys for v in j.volumes})
    if requested is None:
        # No volumes at all is a framework at step 1 (the inventory): not an error, and
        # every journey is listed as unranked with the reason.
        return latest_period(journeys)
    if not re.match(PERIOD_PATTERN, requested):
        raise UsageError(f"--period '{requested}' is not a period; write 2025, 2025-Q3 or 2025-06")
    if requested not in present:
        known = (
            f"periods present: {', '.join(present)}" if present else "no journey has volumes yet"
        )
        raise UsageError(f"no journey has volumes for period {requested}; {known}")
    return requested


def _matches(journey: Journey, options: RankOptions) -> bool:
    return (
        (options.phase is None or journey.phase == options.phase)
        and (options.cluster is None or journey.cluster == options.cluster)
        and (options.owner is None or journey.owner == options.owner)
    )


def check_filters(framework: Framework, options: RankOptions) -> None:
    """Refuse a filter that names nothing in the framework: an empty ranking would mislead."""
    known = {
        "--phase": (options.phase, [p.id for p in framework.phases]),
        "--cluster": (options.cluster, [c.id for c in framework.clusters]),
        "--owner": (options.owner, [o.id for o in framework.owners]),
    }
    for option, (value, ids) in known.items():
        if value is not None and value not in ids:
            hint = closest(value, ids)
            fix = f"did you mean '{hint}'?" if hint else f"known: {', '.join(ids)}"
            raise UsageError(f"{option} '{value}' is not in framework.yaml; {fix}")
