"""Which journey first: ranking by customer and contact volume and the framework's criteria.

score = 100 x sum_k w_k * (x_k / max_k) / sum_k w_k, over customers, contacts and every
criterion with a weight above 0. The maxima are taken over the journeys that pass the
filters, or over every journey that can be ranked in the period (`normalise="framework"`,
so that scores compare across slides). The period is never mixed: a journey without
volumes for the period is listed apart as unranked, with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from journeyctl.errors import UsageError
from journeyctl.model import Framework, Journey
from journeyctl.model.common import period_bounds
from journeyctl.model.journey import Volume
from journeyctl.rank.choices import (
    VOLUME_TERMS,
    display_names,
    framework_weights,
    listed_weights,
    named_filters,
    resolve_filters,
    resolve_weights,
)
from journeyctl.rank.periods import (
    checked_period,
    earlier_period,
    period_kind,
    present_periods,
    ranked_period,
)
from journeyctl.rank.ranking import (
    Comparison,
    ContactShare,
    NoMatch,
    RankBy,
    RankedJourney,
    Ranking,
    RankOptions,
    ResolvedFilters,
    Unranked,
)
from journeyctl.text import Lang, parse_lang
from journeyctl.text.statuses import STATUSES

_Row = tuple[Journey, Volume]


@dataclass(frozen=True)
class _Scoring:
    """How every period of one run is ranked: the same ordering, weights and normalisation."""

    by: RankBy
    weights: dict[str, float]
    framework_wide: bool


def rank(framework: Framework, journeys: Sequence[Journey], options: RankOptions) -> Ranking:
    filters = resolve_filters(framework, options.filters)
    scoring = _Scoring(
        options.by, resolve_weights(framework, options.weights), options.normalise == "framework"
    )
    if options.by == "score" and not any(scoring.weights.values()):
        what = "sets" if options.weights else "leaves, with framework.yaml's ranking and criteria,"
        raise UsageError(
            f"{what} every weight to 0, so every score would be 0; give at least one weight "
            f"above 0 (weights: {listed_weights(framework)}), or rank --by contacts or customers",
            parameter="weights",
        )
    language = _language(framework, options.lang)
    rankable = [j for j in journeys if j.id not in options.invalid]
    period = _period(rankable, options.period)
    compare = None if options.compare is None else _compare_period(rankable, options, period)
    selected = [j for j in rankable if filters.match(j)]
    ordered, unranked = _rank_period(selected, rankable, period, scoring)
    before = None if compare is None else _before(selected, rankable, compare, scoring)
    names = _DisplayNames.of(framework)
    ranked = [
        _ranked(scored, place, names, before)
        for place, scored in enumerate(ordered[: options.top], start=1)
    ]
    invalid = _invalid(journeys, options.invalid, filters.match)
    return Ranking(
        period,
        options.by,
        scoring.weights,
        ranked,
        sorted(unranked + invalid, key=lambda u: u.id),
        period_chosen=options.period is None and period is not None,
        compare_period=compare,
        framework_weights=framework_weights(framework),
        language=language,
        without_period=_without(unranked) if options.period is None else 0,
        contact_share=contact_share(framework, journeys, {j.id for j in ranked}, period),
        criteria_names={c.id: c.name for c in framework.criteria},
        no_match=_no_match(framework, journeys, filters),
    )


def _period(journeys: Sequence[Journey], requested: str | None) -> str | None:
    if requested is not None:
        return checked_period(journeys, requested, "period")
    # No volumes at all is a framework at step 1 (the inventory): not an error, and every
    # journey is listed as unranked with the reason.
    return ranked_period(journeys)


def _compare_period(journeys: Sequence[Journey], options: RankOptions, period: str | None) -> str:
    """The period to compare with: one that journeys have volumes for, and not the one ranked
    (which would mark every journey unmoved, as if nothing had changed)."""
    assert options.compare is not None
    compare = checked_period(journeys, options.compare, "compare")
    if compare == period:
        present = ", ".join(present_periods(journeys))
        earlier = earlier_period(journeys, compare)
        if earlier is not None:
            fix = f"give an earlier period, such as {earlier} (periods with volumes: {present})"
        else:
            fix = (
                f"no period before it has volumes (periods with volumes: {present}), so there "
                "is nothing to compare with; leave it out, or rank a later period"
            )
        raise UsageError(
            f"'{compare}' is the period ranked itself, so nothing would move; {fix}",
            parameter="compare",
        )
    if period is not None:
        _check_earlier_and_alike(journeys, compare, period)
    return compare


def _check_earlier_and_alike(journeys: Sequence[Journey], compare: str, period: str) -> None:
    """A usage error unless `compare` is a period of the same kind (a year for a year) that
    ends before `period` starts: a year's contacts beside a quarter's, or a movement since a
    later period, would mislead a steering meeting."""
    problem = None
    if period_kind(compare) != period_kind(period):
        problem = (
            f"'{compare}' is a {period_kind(compare)} and the period ranked, {period}, a "
            f"{period_kind(period)}: their volumes do not compare"
        )
    elif period_bounds(compare)[1] >= period_bounds(period)[0]:
        problem = f"'{compare}' is not before the period ranked, {period}"
    if problem is None:
        return
    earlier = earlier_period(journeys, period)
    alike = earlier is not None and period_kind(earlier) == period_kind(period)
    fix = (
        f"give an earlier {period_kind(period)}, such as {earlier}"
        if alike
        else f"no earlier {period_kind(period)} has volumes, so leave --compare out"
    )
    present = ", ".join(present_periods(journeys))
    raise UsageError(f"{problem}; {fix} (periods with volumes: {present})", parameter="compare")


def _no_match(
    framework: Framework, journeys: Sequence[Journey], filters: ResolvedFilters
) -> NoMatch | None:
    """What the filters asked for, when they match no journey (ranked or not); with a status,
    how many of the journeys that pass the other filters have each status."""
    named = named_filters(framework, filters)
    if not named or any(filters.match(j) for j in journeys):
        return None
    if filters.status is None:
        return NoMatch(named)
    others = replace(filters, status=None)
    having = Counter[str](j.status for j in journeys if others.match(j))
    statuses = tuple((status, having[status]) for status in STATUSES if having[status])
    return NoMatch(named, filters.status, statuses)


def _language(framework: Framework, lang: str | None) -> Lang:
    return framework.language if lang is None else parse_lang(lang)


class _Scored(NamedTuple):
    """A journey's score in a period, before it has its place."""

    journey: Journey
    volume: Volume
    score: float
    terms: dict[str, float]
    contact_rate: float | None


def _rank_period(
    selected: list[Journey], rankable: list[Journey], period: str | None, scoring: _Scoring
) -> tuple[list[_Scored], list[Unranked]]:
    """The selected journeys in their order in `period`, and those that cannot be ranked,
    with the reason."""
    rows, unranked = _split(selected, period, scoring.by)
    values = _values(rows, scoring.weights)
    pool = _split(rankable, period, scoring.by)[0] if scoring.framework_wide else None
    maxima = _maxima(values if pool is None else _values(pool, scoring.weights), scoring.weights)
    scored = [
        _scored(journey, volume, value, scoring.weights, maxima)
        for (journey, volume), value in zip(rows, values, strict=True)
    ]
    return sorted(scored, key=_sort_key(scoring.by)), unranked


def _split(
    journeys: list[Journey], period: str | None, by: RankBy
) -> tuple[list[_Row], list[Unranked]]:
    """The journeys that can be ranked, with their volume, and the others with the reason."""
    rows: list[_Row] = []
    unranked: list[Unranked] = []
    for journey in journeys:
        volume = journey.volume(period) if period is not None else None
        reason = _unranked_reason(journey, volume, period, by)
        if reason is not None:
            key, fields = reason
            unranked.append(Unranked.because(journey.id, journey.name, key, **fields))
        elif volume is not None:
            rows.append((journey, volume))
    return rows, unranked


def _unranked_reason(
    journey: Journey, volume: Volume | None, period: str | None, by: RankBy
) -> tuple[str, dict[str, str]] | None:
    """Why the journey is not ranked, as a label key of `journeyctl.text` and its fields."""
    if journey.status == "retired":
        return "retired", {}
    if volume is None:
        others = sorted(v.period for v in journey.volumes)
        if others and period is not None:
            return "no_volumes_for", {"period": period, "others": ", ".join(others)}
        return "no_volumes_yet", {}
    if by == "contact-rate" and volume.customers == 0:
        return "zero_customers", {"period": str(period)}
    return None


def _values(rows: list[_Row], weights: dict[str, float]) -> list[dict[str, float]]:
    """Each row's value of every term, taken once for the maxima and the scores."""
    return [_term_values(journey, volume, weights) for journey, volume in rows]


def _maxima(values: list[dict[str, float]], weights: dict[str, float]) -> dict[str, float]:
    return {k: max((v[k] for v in values), default=0.0) for k in weights}


def _term_values(journey: Journey, volume: Volume, weights: dict[str, float]) -> dict[str, float]:
    values = {"customers": float(volume.customers), "contacts": float(volume.contacts)}
    for criterion in weights:
        if criterion not in VOLUME_TERMS:
            # yes counts 1 and no 0 (bool is an int); a missing value counts 0 and is flagged.
            values[criterion] = float(journey.criteria.get(criterion, 0))
    return values


def _scored(
    journey: Journey,
    volume: Volume,
    value: dict[str, float],
    weights: dict[str, float],
    maxima: dict[str, float],
) -> _Scored:
    total_weight = sum(weights.values())
    terms = {
        k: 100 * w * value[k] / maxima[k] / total_weight if maxima[k] and total_weight else 0.0
        for k, w in weights.items()
    }
    return _Scored(journey, volume, round(sum(terms.values()), 1), terms, _contact_rate(volume))


@dataclass(frozen=True)
class _DisplayNames:
    """The names that tables for people show for the ids of a ranked journey."""

    phases: dict[str, str]
    clusters: dict[str, str]
    owners: dict[str, str]

    @classmethod
    def of(cls, framework: Framework) -> _DisplayNames:
        return cls(*(display_names(framework, kind) for kind in ("phase", "cluster", "owner")))


@dataclass(frozen=True)
class _Before:
    """The compared period: each journey's place in it (ranked there or not)."""

    period: str
    ranks: dict[str, int]


def _before(
    selected: list[Journey], rankable: list[Journey], period: str, scoring: _Scoring
) -> _Before:
    ordered = _rank_period(selected, rankable, period, scoring)[0]
    ranks = {scored.journey.id: place for place, scored in enumerate(ordered, start=1)}
    return _Before(period, ranks)


def _ranked(
    scored: _Scored, place: int, names: _DisplayNames, before: _Before | None
) -> RankedJourney:
    """The journey at its place, made once: with the names tables show, and its place in
    the compared period."""
    journey, volume = scored.journey, scored.volume
    owner = journey.owner
    return RankedJourney(
        rank=place,
        id=journey.id,
        name=journey.name,
        phase=journey.phase,
        cluster=journey.cluster,
        owner=owner,
        customers=volume.customers,
        contacts=volume.contacts,
        contact_rate=scored.contact_rate,
        score=scored.score,
        terms={k: round(t, 2) for k, t in scored.terms.items()},
        missing_criteria=[
            c for c in scored.terms if c not in VOLUME_TERMS and c not in journey.criteria
        ],
        status=journey.status,
        phase_name=names.phases.get(journey.phase, journey.phase),
        cluster_name=names.clusters.get(journey.cluster, journey.cluster),
        owner_name=None if owner is None else names.owners.get(owner, owner),
        estimated=tuple(volume.estimated),
        compare=None if before is None else _comparison(journey, before),
    )


def _comparison(journey: Journey, before: _Before) -> Comparison | None:
    """The journey's place in the compared period: None where it had no volumes then."""
    volume = journey.volume(before.period)
    if volume is None:
        return None
    return Comparison(
        before.period,
        before.ranks.get(journey.id),
        volume.customers,
        volume.contacts,
        _contact_rate(volume),
        tuple(volume.estimated),
    )


def _contact_rate(volume: Volume) -> float | None:
    return round(volume.contacts / volume.customers, 4) if volume.customers else None


def _sort_key(by: RankBy) -> Callable[[_Scored], tuple[float, int, int, str]]:
    # Ties: higher contacts, then higher customers, then id; scores tie on their rounded value.
    def key(scored: _Scored) -> tuple[float, int, int, str]:
        volume = scored.volume
        primary = {
            "score": scored.score,
            "customers": float(volume.customers),
            "contacts": float(volume.contacts),
            "contact-rate": scored.contact_rate or 0.0,
        }[by]
        return (-primary, -volume.contacts, -volume.customers, scored.journey.id)

    return key


def _invalid(
    journeys: Sequence[Journey], invalid: frozenset[str], match: Callable[[Journey], bool]
) -> list[Unranked]:
    """Journeys whose files have errors; one that did not load is named by its file's id."""
    loaded = {j.id: j for j in journeys if j.id in invalid}
    return [
        Unranked.because(id_, loaded[id_].name if id_ in loaded else id_, "invalid")
        for id_ in sorted(invalid)
        if id_ not in loaded or match(loaded[id_])
    ]


def _without(unranked: list[Unranked]) -> int:
    """Journeys with volumes, but none for the period: unranked for lack of it."""
    return sum(1 for u in unranked if u.reason_key == "no_volumes_for")


def contact_share(
    framework: Framework, journeys: Sequence[Journey], shown: set[str], period: str | None
) -> ContactShare | None:
    """Contacts of the reasons that the journeys `shown` (ids) list, of all reasons' contacts
    in the period; None where no reason has volumes for it. A ranking has it for the journeys
    it ranks; a page that shows fewer (the deck's top) asks again for those."""
    counted = {
        reason.id: volume.contacts
        for reason in framework.contact_reasons
        for volume in reason.volumes
        if volume.period == period
    }
    if not counted:
        return None
    listed: set[str] = set()
    for journey in journeys:
        if journey.id in shown:
            listed.update(journey.contact_reasons)
            listed.update(reason for step in journey.steps for reason in step.contact_reasons)
    covered = sum(contacts for reason, contacts in counted.items() if reason in listed)
    return ContactShare(covered, sum(counted.values()))
