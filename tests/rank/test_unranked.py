"""Why a journey is not ranked: English for machines, the table's language for people."""

from __future__ import annotations

from journeyctl.rank import Ranking, Unranked


def test_a_reason_is_english_in_json_and_dutch_for_people() -> None:
    item = Unranked.because("a", "A", "no_volumes_for", period="2025", others="2023, 2024")
    assert item.reason == "no volumes for 2025 (has 2023, 2024)"
    assert item.reason_in("en") == "no volumes for 2025 (has 2023, 2024)"
    assert item.reason_in("nl") == "geen volumes voor 2025 (wel voor 2023, 2024)"
    ranking = Ranking("2025", "score", {"customers": 1.0}, [], [item])
    assert ranking.to_dict()["unranked"] == [
        {"id": "a", "name": "A", "reason": "no volumes for 2025 (has 2023, 2024)"}
    ]


def test_each_reason_has_both_languages() -> None:
    expected = {
        "retired": ("retired", "vervallen"),
        "no_volumes_yet": ("no volumes yet", "nog geen volumes"),
        "invalid": ("has validation errors", "heeft validatiefouten"),
    }
    for key, (english, dutch) in expected.items():
        item = Unranked.because("a", "A", key)
        assert (item.reason, item.reason_in("nl")) == (english, dutch)
    zero = Unranked.because("a", "A", "zero_customers", period="2025-Q1")
    assert zero.reason_in("nl") == "0 klanten in 2025-Q1: contacten per klant onbepaald"


def test_a_reason_without_a_key_is_shown_as_given() -> None:
    assert Unranked("a", "A", "why").reason_in("nl") == "why"
