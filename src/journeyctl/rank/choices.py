"""What a person typed, as the framework's ids: filters and what-if weights.

Filters take an id, a name or an alias, matched without regard to case or accents
(`journeyctl.text.Names`); a status is one of the journey statuses, as written in the
files or as its label in a report language (`in kaart gebracht`). Anything that names
nothing is refused with the valid choices: an empty ranking would mislead more than an
error.
"""

from __future__ import annotations

import math

from journeyctl.errors import UsageError
from journeyctl.model import Framework
from journeyctl.model.common import NUMBER_LIMIT
from journeyctl.rank.ranking import Filters, ResolvedFilters
from journeyctl.suggest import closest
from journeyctl.text import LANGUAGES, Kind, Lang, Names, fold, label
from journeyctl.text.statuses import STATUSES, journey_status, other_labels

VOLUME_TERMS = ("customers", "contacts")


_NAMED_FILTERS: tuple[tuple[str, Kind], ...] = (
    ("phase", "phase"),
    ("cluster", "cluster"),
    ("owner", "owner"),
    ("team", "team"),
    ("persona", "persona"),
)


# The framework's list of each kind that a ranking names.
_LISTS: dict[Kind, str] = {
    "phase": "phases",
    "cluster": "clusters",
    "owner": "owners",
    "team": "teams",
    "persona": "personas",
}


def resolve_filters(framework: Framework, filters: Filters) -> ResolvedFilters:
    """The filters as a person wrote them, as ids; a usage error for a value that names nothing."""
    written = {option: getattr(filters, option) for option, _ in _NAMED_FILTERS}
    # The names' index folds every name of the framework: made only for a filter to find.
    names = Names(framework) if any(w is not None for w in written.values()) else None
    found: dict[str, str | None] = {}
    for option, kind in _NAMED_FILTERS:
        text = written[option]
        found[option] = None if text is None or names is None else _find(names, kind, option, text)
    status = None if filters.status is None else resolve_status(filters.status)
    return ResolvedFilters(status=status, **found)


def named_filters(framework: Framework, filters: Filters) -> tuple[tuple[str, str], ...]:
    """The filters set, in the order of the options, each value as the framework names it:
    ("owner", "Eva de Boer"); the status as the files write it ("status", "mapped")."""
    named = [
        (option, display_name(framework, kind, value))
        for option, kind in _NAMED_FILTERS
        if (value := getattr(filters, option)) is not None
    ]
    if filters.status is not None:
        named.append(("status", filters.status))
    return tuple(named)


def display_names(framework: Framework, kind: Kind) -> dict[str, str]:
    """Id -> name of one kind of the framework's entries, without the folded index that
    `Names` makes to find what a person typed (most of its cost)."""
    return {entry.id: entry.name for entry in getattr(framework, _LISTS[kind])}


def display_name(framework: Framework, kind: Kind, id_: str) -> str:
    """The entry's name; the id itself for an id the framework does not define."""
    return display_names(framework, kind).get(id_, id_)


def _find(names: Names, kind: Kind, option: str, written: str) -> str:
    found = names.find(kind, written)
    if found is not None:
        return found
    known = names.known(kind)
    if not known:
        raise UsageError(f"'{written}': framework.yaml defines no {option} yet", parameter=option)
    hint = closest(written, [text for _, text in names.spellings(kind)])
    fix = f"did you mean '{hint}'? " if hint else ""
    choices = ", ".join(f"{id_} ({name})" for id_, name in known)
    raise UsageError(
        f"'{written}' is not in framework.yaml; {fix}known: {choices}", parameter=option
    )


def resolve_status(written: str) -> str:
    """A journey status from its value or its label in any language."""
    found = journey_status(written)
    if found is not None:
        return found
    choices = ", ".join(f"{status} ({', '.join(other_labels(status))})" for status in STATUSES)
    raise UsageError(f"'{written}' is not a journey status; known: {choices}", parameter="status")


def framework_weights(framework: Framework) -> dict[str, float]:
    """customers and contacts, then every criterion with a weight above 0."""
    weights = {"customers": framework.ranking.customers, "contacts": framework.ranking.contacts}
    weights.update({c.id: c.weight for c in framework.criteria if c.weight > 0})
    return weights


def weight_ids(framework: Framework) -> list[str]:
    """What a weight can be set for: customers, contacts and every criterion."""
    return [*VOLUME_TERMS, *(c.id for c in framework.criteria)]


def resolve_weights(framework: Framework, overrides: dict[str, float]) -> dict[str, float]:
    """The framework's weights with `overrides` applied; criteria at weight 0 drop out."""
    valid = weight_ids(framework)
    for key, weight in overrides.items():
        if key not in valid:
            raise UsageError(
                f"'{key}' is not a weight; valid: {', '.join(valid)}", parameter="weights"
            )
        _check_weight(key, weight, valid)
    merged = {**framework_weights(framework), **overrides}
    # customers and contacts always come first; criteria follow in the framework's order.
    return {k: merged[k] for k in valid if k in merged and (k in VOLUME_TERMS or merged[k] > 0)}


def _check_weight(key: str, weight: float, valid: list[str]) -> None:
    # The model's bound for weights in framework.yaml: a sum of weights stays finite.
    if not math.isfinite(weight) or not 0 <= weight < NUMBER_LIMIT:
        raise UsageError(
            f"{key}={weight:g}: a weight is a finite number from 0 to below 10^12 "
            f"(valid ids: {', '.join(valid)})",
            parameter="weights",
        )


def weight_names(framework: Framework) -> dict[str, str]:
    """Every way a weight may be written, folded, to its id: the id, a criterion's name, and
    `customers` and `contacts` in each language (`klanten=2` as well as `customers=2`)."""
    names = {fold(label(term, lang)): term for term in VOLUME_TERMS for lang in LANGUAGES}
    names.update({fold(c.name): c.id for c in framework.criteria})
    names.update({fold(id_): id_ for id_ in weight_ids(framework)})
    return names


def _names_in(lang: Lang) -> list[str]:
    return [label(term, lang).lower() for term in VOLUME_TERMS]


def listed_weights(framework: Framework) -> str:
    """The weights as a person may write them: each id with its name in the framework's language."""
    lang = framework.language
    named = [(term, label(term, lang)) for term in VOLUME_TERMS]
    named += [(c.id, c.name) for c in framework.criteria]
    return ", ".join(f"{id_} ({name})" for id_, name in named)


def parse_weights(framework: Framework, pairs: list[str]) -> dict[str, float]:
    """`ID=W` pairs as weights (an id or a name); a usage error naming the valid ones."""
    names = weight_names(framework)
    listed = listed_weights(framework)
    weights: dict[str, float] = {}
    for pair in pairs:
        written, sep, value = (part.strip() for part in pair.partition("="))
        if not (sep and written and value):
            raise UsageError(
                f"'{pair}' is not ID=W; write for example contacts=2 (valid: {listed})",
                parameter="weights",
            )
        key = names.get(fold(written))
        if key is None:
            hint = closest(written, [*weight_ids(framework), *_names_in(framework.language)])
            fix = f"did you mean '{hint}'? " if hint else ""
            raise UsageError(
                f"'{pair}': '{written}' is not a weight; {fix}valid: {listed}", parameter="weights"
            )
        try:
            weight = float(value)
        except ValueError:
            raise UsageError(
                f"'{pair}': '{value}' is not a number; write for example {key}=2",
                parameter="weights",
            ) from None
        _check_weight(key, weight, weight_ids(framework))
        weights[key] = weight
    return weights
