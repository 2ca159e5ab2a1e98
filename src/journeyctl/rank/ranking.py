"""What a ranking is: the options it was asked with, and the ranked and unranked journeys.

Plain data, shared by the engine (`journeyctl.rank.engine`) and the output formats. JSON
(`Ranking.to_dict`) keeps ids and plain numbers; the names are for tables for people.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from journeyctl.model.journey import EstimatedValues, Journey
from journeyctl.text import Lang, label

RankBy = Literal["score", "customers", "contacts", "contact-rate"]
RANK_BY: tuple[RankBy, ...] = ("score", "customers", "contacts", "contact-rate")


Normalise = Literal["selection", "framework"]


@dataclass(frozen=True)
class Filters:
    """Which journeys a ranking takes, as a person wrote them (an id, a name, an alias, a
    status's label); None: not filtered on that."""

    phase: str | None = None
    cluster: str | None = None
    owner: str | None = None
    team: str | None = None
    status: str | None = None
    persona: str | None = None


@dataclass(frozen=True)
class ResolvedFilters(Filters):
    """The filters as the framework's ids and a journey status
    (`journeyctl.rank.choices.resolve_filters`): only these can match a journey."""

    def match(self, journey: Journey) -> bool:
        return (
            (self.phase is None or journey.phase == self.phase)
            and (self.cluster is None or journey.cluster == self.cluster)
            and (self.owner is None or journey.owner == self.owner)
            and (self.team is None or self.team in journey.team)
            and (self.status is None or journey.status == self.status)
            and (self.persona is None or self.persona in journey.personas)
        )


@dataclass(frozen=True)
class RankOptions:
    by: RankBy = "score"
    period: str | None = None
    filters: Filters = Filters()
    top: int | None = None
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
    estimated: tuple[str, ...] = ()  # of the compared volume: "customers", "contacts"


@dataclass(frozen=True)
class RankedJourney(EstimatedValues):
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
    # The values of the volume used that someone estimated: "customers", "contacts".
    estimated: tuple[str, ...] = ()
    compare: Comparison | None = None

    @property
    def movement(self) -> int | None:
        """Places moved up since the compared period (negative: down); None: not ranked then."""
        if self.compare is None or self.compare.rank is None:
            return None
        return self.compare.rank - self.rank


@dataclass(frozen=True)
class Unranked:
    """A journey that is not ranked, and why: `reason` in English (as JSON and CSV give
    it), and the reason's label in `journeyctl.text` with its fields, for people's tables."""

    id: str
    name: str
    reason: str
    reason_key: str = ""
    reason_fields: tuple[tuple[str, str], ...] = ()

    @classmethod
    def because(cls, id_: str, name: str, key: str, **fields: str) -> Unranked:
        reason = label(f"unranked.{key}", "en").format(**fields)
        return cls(id_, name, reason, key, tuple(fields.items()))

    def reason_in(self, lang: Lang) -> str:
        """The reason in the language of a table for people."""
        if not self.reason_key:
            return self.reason
        return label(f"unranked.{self.reason_key}", lang).format(**dict(self.reason_fields))


@dataclass(frozen=True)
class NoMatch:
    """The filters match no journey of the framework: what was asked for, and with a status,
    how many journeys have each status among those that the other filters let through (so
    that a person sees which statuses there are)."""

    # The filters as the framework names them: ("owner", "Eva de Boer"), ("status", "mapped").
    filters: tuple[tuple[str, str], ...]
    status: str | None = None  # the status asked for, as the files write it
    # Status -> journeys with it, in the order of the statuses; empty without a status filter.
    statuses: tuple[tuple[str, int], ...] = ()


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
    language: Lang = "en"
    # Journeys with volumes, but none for the period, when the engine chose it.
    without_period: int = 0
    contact_share: ContactShare | None = None
    criteria_names: dict[str, str] = field(default_factory=dict)
    # Set when filters were given and no journey matches them (not even an unranked one).
    no_match: NoMatch | None = None

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
            "unranked": [{"id": u.id, "name": u.name, "reason": u.reason} for u in self.unranked],
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
            "estimated": list(journey.estimated),
            "score": journey.score,
            "missing_criteria": list(journey.missing_criteria),
        }
        if explain:
            entry["terms"] = dict(journey.terms)
        if self.compare_period is not None:
            entry["compare"] = _compared(journey.compare)
        return entry


def _compared(compared: Comparison | None) -> dict[str, object] | None:
    if compared is None:
        return None
    return {**asdict(compared), "estimated": list(compared.estimated)}


def _weight_order(ranking: Ranking, key: str) -> tuple[int, str]:
    """customers, contacts, then the criteria in the framework's order."""
    order = list(ranking.framework_weights) + list(ranking.weights)
    return (order.index(key), key)
