"""'Did you mean ...?': the nearest known name for a misspelt one, and the journeys whose names
are near-duplicates of another (`journeyctl new` warns, `import` refuses, `validate` warns).

Similarity is rapidfuzz's `fuzz.ratio`: 100 * 2 * (longest common subsequence) / (total
length), the measure `difflib.SequenceMatcher.ratio` approximates, computed in C without a
Python loop over the choices, so that a suggestion over thousands of ids stays cheap.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

# The cutoff `difflib.get_close_matches` has always used here: below 60 % of shared letters
# a suggestion is more often a distraction than a help.
MIN_SIMILARITY = 60.0
# Near-duplicate journey names: the same measure with a higher cutoff: a warning after every
# `new` would be noise ("Ik betaal mijn termijnbedrag" is 70 from "Ik betaal mijn facturen"),
# and at 72 "Ik ga verhuizen" still meets "Ik verhuis".
NEAR_DUPLICATE = 72.0


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most similar to `word`, or None when none is similar enough.

    Comparison is case-sensitive, like the ids it is used for. Of equally similar choices
    the alphabetically first wins, so the answer never depends on the order of a set.
    """
    from rapidfuzz import fuzz, process  # when first asked: `journeyctl rules` never asks

    match = process.extractOne(
        word, sorted(choices), scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY
    )
    return None if match is None else match[0]


def closest_few(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` choices most similar to `word` (compared without case or accents), the
    most similar first; none below MIN_SIMILARITY. For a list of what was meant."""
    from rapidfuzz import fuzz, process

    unique = sorted(set(choices))
    found = process.extract(
        plain(word),
        [plain(choice) for choice in unique],
        scorer=fuzz.ratio,
        score_cutoff=MIN_SIMILARITY,
        limit=None,
    )
    ranked = sorted(found, key=lambda match: (-match[1], unique[match[2]]))
    return list(dict.fromkeys(unique[index] for _, _, index in ranked))[:limit]


def near_duplicates(name: str, journeys: Mapping[str, Iterable[str]]) -> list[str]:
    """The ids of journeys (id -> its names: the name, and aliases) of which the id or a
    name is near `name`, most similar first.

    "Ik ga verhuizen" is near "Ik verhuis" (72) and near an id `ik-verhuis`; "Ik betaal mijn
    termijnbedrag" is not near "Ik betaal mijn facturen" (70).
    """
    from rapidfuzz import fuzz

    wanted = plain(name)
    scores: dict[str, float] = {}
    for id_, names in journeys.items():
        score = max(fuzz.ratio(wanted, plain(text)) for text in (id_, *names))
        if score >= NEAR_DUPLICATE:
            scores[id_] = score
    return sorted(scores, key=lambda id_: (-scores[id_], id_))


def plain(text: str) -> str:
    """Compared without case, accents, hyphens (of ids) or extra spaces."""
    letters = unicodedata.normalize("NFKD", text.casefold().replace("-", " "))
    return " ".join("".join(c for c in letters if not unicodedata.combining(c)).split())
