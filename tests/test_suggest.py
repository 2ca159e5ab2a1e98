"""'Did you mean': the nearest known name, only when it is near enough."""

from __future__ import annotations

import pytest

from journeyctl.suggest import closest


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("jna", ["jan", "piet"], "jan"),  # the transposition of the CLI test
        ("anne", ["ann", "bob"], "ann"),  # the rank --owner test
        ("klant-zjin", ["klant-worden", "klant-zijn"], "klant-zijn"),
        ("abcde", ["abcxy"], "abcxy"),  # 2 * 3 / 10 = 60 %: just near enough
        ("abcde", ["abxyz"], None),  # 2 * 2 / 10 = 40 %
        ("abcdef", ["abcxyz"], None),  # 2 * 3 / 12 = 50 %
        ("abcdefghij", ["abcdefgxyz", "abcdefghiz"], "abcdefghiz"),  # the nearest, not the first
        ("jan", [], None),
        ("Jan", ["jan"], "jan"),  # 2 * 2 / 6: case counts, but one letter is not enough to miss
        ("JAN", ["jan"], None),
    ],
)
def test_closest(word: str, choices: list[str], expected: str | None) -> None:
    assert closest(word, choices) == expected


@pytest.mark.parametrize("choices", [["ab-", "-ab"], ["-ab", "ab-"], {"ab-", "-ab"}])
def test_a_tie_goes_to_the_alphabetically_first_whatever_the_order(
    choices: list[str] | set[str],
) -> None:
    assert closest("ab", choices) == "-ab"


def test_one_typo_among_thousands_of_ids() -> None:
    ids = [f"journey-{number:05d}" for number in range(5000)]
    assert closest("journey-04210x", ids) == "journey-04210"
