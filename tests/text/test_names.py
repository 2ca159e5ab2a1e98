"""Names for ids, and ids for an id or a name written by a person."""

from __future__ import annotations

from typing import Any

import pytest

from journeyctl.model import Framework
from journeyctl.text import Kind, Names, fold


def _framework(**lists: Any) -> Framework:
    data: dict[str, Any] = {
        "name": "Test",
        "phases": [
            {"id": "klant-worden", "name": "Klant worden"},
            {"id": "klant-zijn", "name": "Klant zijn"},
        ],
    }
    return Framework.model_validate(data | lists)


@pytest.fixture
def names() -> Names:
    return Names(
        _framework(
            clusters=[
                {"id": "facturatie", "name": "Factuur & betaling", "phase": "klant-zijn"},
                {"id": "overig-worden", "name": "Overig", "phase": "klant-worden"},
                {"id": "overig-zijn", "name": "Overig", "phase": "klant-zijn"},
            ],
            owners=[{"id": "jan", "name": "Jan de Vries"}, {"id": "ines", "name": "Inés Gómez"}],
            teams=[{"id": "kcc", "name": "Klantcontactcentrum"}],
            personas=[{"id": "starter", "name": "Starter"}],
            channels=[{"id": "app", "name": "App"}],
            kpis=[{"id": "nps", "name": "Net Promoter Score"}],
            criteria=[{"id": "wet", "name": "Nieuwe wetgeving", "kind": "yes-no"}],
            contact_reasons=[{"id": "verhuizen", "name": "Verhuizing", "phase": "klant-zijn"}],
        )
    )


@pytest.mark.parametrize(
    ("kind", "id_", "name"),
    [
        ("phase", "klant-zijn", "Klant zijn"),
        ("cluster", "facturatie", "Factuur & betaling"),
        ("owner", "ines", "Inés Gómez"),
        ("team", "kcc", "Klantcontactcentrum"),
        ("persona", "starter", "Starter"),
        ("channel", "app", "App"),
        ("kpi", "nps", "Net Promoter Score"),
        ("criterion", "wet", "Nieuwe wetgeving"),
        ("contact_reason", "verhuizen", "Verhuizing"),
        ("owner", "piet", "piet"),  # not defined: the id stands in for its name
        ("team", "jan", "jan"),  # an owner's id is no team's
    ],
)
def test_name(names: Names, kind: Kind, id_: str, name: str) -> None:
    assert names.name(kind, id_) == name


@pytest.mark.parametrize(
    "written", ["klant-zijn", "Klant zijn", "Klant Zijn", "KLANT ZIJN", "Klánt zijn", "klant_zijn"]
)
def test_find_by_id_or_name_without_regard_to_case_accents_or_separators(
    names: Names, written: str
) -> None:
    assert names.find("phase", written) == "klant-zijn"


@pytest.mark.parametrize(
    ("kind", "written", "expected"),
    [
        ("owner", "Ines Gomez", "ines"),
        ("owner", "  jan de vries ", "jan"),
        ("cluster", "factuur & betaling", "facturatie"),
        ("cluster", "Factuur betaling", "facturatie"),  # "&" is punctuation, like "-"
        ("cluster", "Overig-Zijn", "overig-zijn"),  # the id, folded
        ("cluster", "Overig", None),  # two clusters have this name: the caller asks
        ("owner", "Piet", None),
        ("owner", "Klant zijn", None),  # a phase, not an owner
        ("owner", "", None),
        ("phase", "--", None),
    ],
)
def test_find(names: Names, kind: Kind, written: str, expected: str | None) -> None:
    assert names.find(kind, written) == expected


def test_an_exact_id_wins_over_another_entry_whose_name_folds_to_it() -> None:
    names = Names(_framework(owners=[{"id": "an", "name": "Anne"}, {"id": "anne", "name": "An"}]))
    assert (names.find("owner", "an"), names.find("owner", "anne")) == ("an", "anne")
    assert names.find("owner", "AN") is None  # folded, it fits both


def test_aliases_match_like_names_after_every_id_and_name() -> None:
    names = Names(
        _framework(
            owners=[
                {"id": "jan", "name": "Jan de Vries", "aliases": ["JdV", "Eva"]},
                {"id": "eva", "name": "Eva Jansen"},
            ],
            clusters=[
                {"id": "factuur", "name": "Factuur", "phase": "klant-zijn", "aliases": ["Billing"]},
                {"id": "a", "name": "A", "phase": "klant-zijn", "aliases": ["Overig"]},
                {"id": "b", "name": "B", "phase": "klant-zijn", "aliases": ["Overig"]},
            ],
            contact_reasons=[
                {
                    "id": "verhuizen",
                    "name": "Verhuizing",
                    "phase": "klant-zijn",
                    "aliases": ["move"],
                }
            ],
        )
    )
    assert names.find("owner", "jdv") == "jan"  # folded, as names are
    assert names.find("owner", "eva") == "eva"  # an id wins over another entry's alias
    assert names.find("cluster", "BILLING") == "factuur"
    assert names.find("cluster", "overig") is None  # the alias of two: neither
    assert names.find("contact_reason", "Move") == "verhuizen"
    assert names.aliases("owner", "jan") == ["JdV", "Eva"]
    assert ("jan", "JdV") in names.spellings("owner")
    assert names.known("owner") == [("jan", "Jan de Vries"), ("eva", "Eva Jansen")]


def test_known_lists_id_and_name_in_the_framework_order(names: Names) -> None:
    assert names.known("phase") == [("klant-worden", "Klant worden"), ("klant-zijn", "Klant zijn")]
    assert names.known("team") == [("kcc", "Klantcontactcentrum")]


def test_known_is_a_copy(names: Names) -> None:
    names.known("phase").clear()
    assert len(names.known("phase")) == 2


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Klánt  Zijn", "klant zijn"),
        ("klant-zijn", "klant zijn"),
        ("__Straße__", "strasse"),
        ("Ça va?", "ca va"),
        ("ﬁets", "fiets"),  # a ligature, as a PDF copy gives it
    ],
)
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key
