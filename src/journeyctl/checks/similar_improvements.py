"""No two improvements have near-identical titles (warning).

The framework exists so that improvements are not done twice. Two improvements whose
titles differ by a few letters are probably one: merge them and link the merged one to
every journey it touches. Titles are compared without regard to case or surrounding
spaces; "near-identical" means a similarity of at least 90 % (rapidfuzz's `fuzz.ratio`:
twice the longest common subsequence over the total length).

Fails: "Digitale meterstand doorgeven" and "Digitaal meterstand doorgeven".
Passes: "Digitale meterstand doorgeven" and "Terugbelverzoek in de app".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity

RULE = Rule("JC307", "similar-improvements", Severity.WARNING, __doc__ or "")

SIMILARITY = 90.0


def check(context: CheckContext) -> Iterator[Finding]:
    improvements = context.improvements
    titles = [document.model.title.casefold().strip() for document in improvements]
    for earlier, later in similar_pairs(titles):
        yield improvements[later].finding(
            RULE,
            f"title is nearly the same as improvement '{improvements[earlier].model.id}' "
            f"({improvements[earlier].display}); merge them if they are one improvement",
            ("title",),
        )


def similar_pairs(titles: Sequence[str]) -> list[tuple[int, int]]:
    """Each pair of positions (earlier, later) whose titles are at least SIMILARITY alike.

    Sorted by the later position, then the earlier one. Only titles of plausible lengths
    are compared: a similarity of 90 needs the shorter title to be at least 9/11 of the
    longer one (2 * short / (short + long) >= 0.9), so titles are taken shortest first and
    each is compared, in C, with the window of shorter ones that could still match.
    """
    from rapidfuzz import fuzz, process  # here: `rules` lists the checks without it

    by_length = sorted(range(len(titles)), key=lambda index: len(titles[index]))
    sorted_titles = [titles[index] for index in by_length]
    lengths = [len(title) for title in sorted_titles]
    pairs: list[tuple[int, int]] = []
    for position, title in enumerate(sorted_titles):
        shortest = (9 * lengths[position] + 10) // 11  # ceil(9/11 of this length)
        first = bisect_left(lengths, shortest, 0, position)
        window = sorted_titles[first:position]
        for _, _, offset in process.extract(
            title, window, scorer=fuzz.ratio, score_cutoff=SIMILARITY, limit=None
        ):
            one, other = by_length[position], by_length[first + offset]
            pairs.append((min(one, other), max(one, other)))
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))
