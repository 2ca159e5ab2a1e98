"""JC307: near-duplicate improvement titles, found without comparing every pair in Python."""

from __future__ import annotations

import difflib
import random
import string
from pathlib import Path

import pytest

from journeyctl.checks import similar_improvements
from journeyctl.checks._context import CheckContext
from journeyctl.load import load_tree
from tests.conftest import TODAY


def _variant(length: int, changed: int) -> tuple[str, str]:
    """A title of distinct letters, and a copy with its last `changed` letters replaced:
    their similarity is exactly 1 - changed / length."""
    original = "".join(chr(0x100 + offset) for offset in range(length))
    replaced = "".join(chr(0x400 + offset) for offset in range(changed))
    return original, original[: length - changed] + replaced


@pytest.mark.parametrize(("changed", "reported"), [(10, True), (11, False)])
def test_the_threshold_is_ninety_percent(changed: int, reported: bool) -> None:
    first, second = _variant(100, changed)
    assert difflib.SequenceMatcher(None, first, second).ratio() == 1 - changed / 100

    assert similar_improvements.similar_pairs([first, second]) == ([(0, 1)] if reported else [])


@pytest.mark.parametrize(("longer", "shorter"), [(11, 9), (22, 18), (33, 27)])
def test_the_shortest_title_that_can_still_match_is_compared(longer: int, shorter: int) -> None:
    # A prefix of 9/11 of a title's length is 90 % alike: the length window must include it.
    title = string.ascii_letters[:longer]
    assert similar_improvements.similar_pairs([title, title[:shorter]]) == [(0, 1)]
    assert similar_improvements.similar_pairs([title, title[: shorter - 1]]) == []


def test_each_pair_once_ordered_by_the_later_title() -> None:
    titles = ["meterstand", "terugbellen", "meterstand", "meterstand", "meterstanden"]

    assert similar_improvements.similar_pairs(titles) == [
        (0, 2),
        (0, 3),
        (2, 3),
        (0, 4),
        (2, 4),
        (3, 4),
    ]


def test_two_near_duplicates_among_thousands_of_distinct_titles() -> None:
    words = random.Random(6)
    titles = [
        "".join(words.choice(string.ascii_lowercase + " ") for _ in range(words.randint(10, 60)))
        for _ in range(3000)
    ]
    titles[1200] = "digitale meterstand doorgeven"
    titles[2700] = "digitaal meterstand doorgeven"

    assert similar_improvements.similar_pairs(titles) == [(1200, 2700)]


def _improvement(root: Path, id_: str, title: str) -> None:
    text = f'id: {id_}\ntitle: "{title}"\njourneys: [ik-betaal]\n'
    (root / "improvements" / f"{id_}.yaml").write_text(text, encoding="utf-8")


def test_reported_on_the_later_file_naming_the_earlier_without_regard_to_case_or_spaces(
    tree_dir: Path,
) -> None:
    # The base tree holds betaallink.yaml: "Betaallink in de factuurmail".
    _improvement(tree_dir, "a-copy", "Betaallink in de factuurmails")
    _improvement(tree_dir, "z-copy", "     BETAALLINK IN DE FACTUURMAIL     ")

    findings = list(similar_improvements.check(CheckContext(load_tree(tree_dir), TODAY)))

    reported = [(Path(f.file).stem, f.message.split("'")[1], f.line) for f in findings]
    assert reported == [
        ("betaallink", "a-copy", 2),
        ("z-copy", "a-copy", 2),
        ("z-copy", "betaallink", 2),
    ]
    assert all(f.rule == "JC307" for f in findings)
