"""A ranking's words and numbers for people, in the ranking's language.

The terminal table and Markdown say the same things (the title, the cells, the notes
under the table); this module says them once. Labels and number formats come from
`journeyctl.text` (Babel), never written here. What this module returns holds user text
as it is: the caller escapes each cell and line for its output (`one_line` for the
terminal, Markdown escaping for Markdown).
"""

from __future__ import annotations

from journeyctl.rank import ContactShare, RankedJourney, Ranking
from journeyctl.text import LABELS, Lang, format_count, format_decimal, format_percent, label

ESTIMATED_MARK = "~"
MISSING_MARK = "*"
# Shown where a number is not known (no owner, no contact rate, not ranked in P).
NONE = "-"


def title(ranking: Ranking) -> str:
    lang = ranking.language
    by = label(f"ranking.by.{ranking.by}", lang)
    if ranking.period is None:
        return label("ranking.title_no_period", lang).format(by=by)
    return label("ranking.title", lang).format(by=by, period=ranking.period)


def in_period(key: str, period: str, lang: Lang) -> str:
    """A column header of the compared period: "Contacts 2024", "Positie 2024"."""
    return label("ranking.in_period", lang).format(what=label(key, lang), period=period)


def count(number: int | None, lang: Lang) -> str:
    return NONE if number is None else format_count(number, lang)


def rate(contact_rate: float | None, lang: Lang) -> str:
    return NONE if contact_rate is None else format_decimal(contact_rate, lang, 2)


def score(value: float, lang: Lang) -> str:
    return format_decimal(value, lang, 1)


def points(value: float, lang: Lang) -> str:
    """A term's points with the engine's two decimals, so that they add up to the score
    as a reader checks it (the score is rounded to one)."""
    return format_decimal(value, lang, 2)


def volume(number: int, journey: RankedJourney, lang: Lang) -> str:
    """A customer or contact count, `~` after it when someone estimated it."""
    return format_count(number, lang) + (ESTIMATED_MARK if journey.estimated else "")


def movement(journey: RankedJourney, lang: Lang) -> str:
    """▲3 (up three places), ▼1, = (the same place), or new (not ranked in P)."""
    moved = journey.movement
    if moved is None:
        return label("new", lang)
    if moved > 0:
        return f"▲{moved}"
    if moved < 0:
        return f"▼{-moved}"
    return "="


def name(journey: RankedJourney) -> str:
    """The journey's name, `*` after it when a criterion has no value (counted 0)."""
    return journey.name + (f" {MISSING_MARK}" if journey.missing_criteria else "")


def phase(journey: RankedJourney) -> str:
    # A ranking built without display names (a test, an old caller) still says something.
    return journey.phase_name or journey.phase


def cluster(journey: RankedJourney) -> str:
    return journey.cluster_name or journey.cluster


def owner(journey: RankedJourney) -> str:
    return journey.owner_name or journey.owner or NONE


def status(journey: RankedJourney, lang: Lang) -> str:
    """The status's label; a status the labels do not know (none today) as it is written."""
    return LABELS[lang].get(f"journey_status.{journey.status}", journey.status)


def term(key: str, ranking: Ranking) -> str:
    """A score term by its name: customers and contacts by their labels, criteria by the
    name the framework gives them."""
    if key in ("customers", "contacts"):
        return label(key, ranking.language)
    return ranking.criteria_names.get(key, key)


def weight(value: float, lang: Lang) -> str:
    """A weight as short as it is exact: 2, 1,5 (nl), 0.25 (en)."""
    for places in (0, 1, 2):
        if round(value, places) == value:
            return format_decimal(value, lang, places)
    return format_decimal(value, lang, 3)


def notes(ranking: Ranking) -> list[str]:
    """The lines under the table: missing criteria, estimates, what-if weights, the share
    of contacts; each only when it applies."""
    lang = ranking.language
    lines = []
    flagged = [j for j in ranking.journeys if j.missing_criteria]
    if flagged:
        missing = (
            f"{j.name} ({', '.join(term(c, ranking) for c in j.missing_criteria)})" for j in flagged
        )
        lines.append(
            f"{MISSING_MARK} {label('ranking.missing_criteria', lang)}: {', '.join(missing)}"
        )
    if any(j.estimated for j in ranking.journeys):
        lines.append(f"{ESTIMATED_MARK} {label('ranking.estimated', lang)}")
    changed = ranking.changed_weights()
    if changed:
        lines.append(_what_if(ranking, changed))
    if ranking.journeys and ranking.contact_share is not None and ranking.period is not None:
        lines.append(_contact_share(ranking.contact_share, ranking.period, lang))
    return lines


def nothing_ranked(ranking: Ranking) -> str:
    """What stands in the table's place when no journey is ranked."""
    return label("ranking.none", ranking.language).format(period=ranking.period or "-")


def _what_if(ranking: Ranking, changed: dict[str, tuple[float, float]]) -> str:
    lang = ranking.language
    parts = []
    for key, (framework, used) in changed.items():
        was = label("ranking.framework_weight", lang).format(weight=weight(framework, lang))
        parts.append(f"{term(key, ranking)} {weight(used, lang)} ({was})")
    return f"{_capitalised(label('ranking.what_if', lang))}: {', '.join(parts)}"


def _contact_share(share: ContactShare, period: str, lang: Lang) -> str:
    sentence = label("ranking.contact_share", lang).format(
        share=format_percent(share.share, lang),
        period=period,
        covered=format_count(share.covered, lang),
        total=format_count(share.total, lang),
    )
    return _capitalised(sentence)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
