"""'Did you mean ...?': the nearest known name for a misspelt one.

Similarity is rapidfuzz's `fuzz.ratio`: 100 * 2 * (longest common subsequence) / (total
length), the measure `difflib.SequenceMatcher.ratio` approximates, computed in C without a
Python loop over the choices, so that a suggestion over thousands of ids stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable

# The cutoff `difflib.get_close_matches` has always used here: below 60 % of shared letters
# a suggestion is more often a distraction than a help.
MIN_SIMILARITY = 60.0


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
