"""`new`'s judgement of a name: near-duplicate journeys by name or id, without case or accents."""

from __future__ import annotations

import pytest

from journeyctl.scaffold.journey import similar_names
from journeyctl.suggest import plain


def test_near_duplicate_names_most_similar_first() -> None:
    names = {
        "a": "Ik betaal mijn factuur",
        "b": "IK BETAAL MIJN FACTUREN",
        "c": "Ik verhuis",
        "d": "Ik betaal mijn factuur ",
    }
    assert similar_names("Ik betaal mijn factuur", names) == ["a", "d", "b"]
    assert similar_names("Ik betaal mijn termijnbedrag", names) == []


def test_near_duplicates_by_name_or_id_without_case_or_accents() -> None:
    journeys = {
        "ik-verhuis": "Ik verhuis",
        "ik-wijzig-mijn-adres": "Ik geef mijn nieuwe adres door",  # its name says 60
        "ik-creeer-een-account": "Ik maak een account aan",
        "ik-betaal-mijn-factuur": "Ik betaal mijn factuur",
    }
    assert similar_names("Ik ga verhuizen", journeys) == ["ik-verhuis"]
    assert similar_names("Ik wijzig mijn adres", journeys) == ["ik-wijzig-mijn-adres"]
    assert similar_names("Ik creëer een account", journeys) == [
        "ik-creeer-een-account"
    ]  # 68 by name
    # Related but different journeys stay quiet (fuzz.ratio 70 and below).
    assert similar_names("Ik betaal mijn termijnbedrag", journeys) == []
    assert similar_names("Ik meld een storing", journeys) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik-ga-verhuizen", "ik ga verhuizen"),
        ("  Ik  Gá\tVERHUIZEN ", "ik ga verhuizen"),
        ("Één-twee", "een twee"),
        ("a--b", "a b"),
    ],
)
def test_names_are_compared_without_case_accents_hyphens_or_extra_spaces(
    text: str, expected: str
) -> None:
    assert plain(text) == expected
