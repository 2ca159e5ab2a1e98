"""The ranking's words for people: movement, weights, statuses and notes, per language."""

from __future__ import annotations

from dataclasses import replace

import pytest

from journeyctl.formats import _ranking_text as words
from journeyctl.formats import ranking as formats
from journeyctl.rank import Comparison, ContactShare
from journeyctl.text import Lang
from tests.formats.ranking_sample import JOURNEYS, sample


@pytest.mark.parametrize(
    ("before", "now", "lang", "shown"),
    [
        (4, 1, "en", "▲3"),
        (2, 3, "en", "▼1"),
        (5, 5, "en", "="),
        (None, 2, "en", "new"),
        (None, 2, "nl", "nieuw"),
    ],
)
def test_movement(before: int | None, now: int, lang: Lang, shown: str) -> None:
    journey = replace(JOURNEYS[0], rank=now, compare=Comparison("2024", before, None, None, None))
    assert words.movement(journey, lang) == shown


@pytest.mark.parametrize(
    ("weight", "lang", "shown"),
    [(2.0, "nl", "2"), (1.5, "nl", "1,5"), (0.25, "en", "0.25"), (0.125, "nl", "0,125")],
)
def test_weights_are_as_short_as_they_are_exact(weight: float, lang: Lang, shown: str) -> None:
    assert words.weight(weight, lang) == shown


def test_numbers_and_statuses_follow_the_language() -> None:
    journey = JOURNEYS[2]  # estimated
    assert words.volume(journey.customers, journey, "nl") == "310.000~"
    assert words.volume(journey.customers, journey, "en") == "310,000~"
    assert words.volume(JOURNEYS[0].contacts, JOURNEYS[0], "nl") == "415.000"
    assert words.rate(0.25, "nl") == "0,25" and words.rate(None, "nl") == "-"
    assert words.status(journey, "nl") == "in kaart gebracht"
    assert words.status(replace(journey, status="unheard-of"), "nl") == "unheard-of"


def test_display_names_fall_back_to_the_ids() -> None:
    bare = replace(JOURNEYS[0], phase_name="", cluster_name="", owner_name=None)
    assert (words.phase(bare), words.cluster(bare), words.owner(bare)) == (
        "klant-zijn",
        "facturatie",
        "marieke",
    )
    assert words.owner(replace(bare, owner=None)) == "-"


def test_notes_say_what_applies_and_nothing_else() -> None:
    assert words.notes(sample("en")) == [
        "* missing criteria count 0: Ik verhuis (Strategisch belang)",
        "~ estimated, not counted",
        "What-if weights: Contacts 2 (framework 1)",
        "The contact reasons of these journeys hold 62% of all contacts in 2025"
        " (649,750 of 1,048,000)",
    ]
    plain = replace(
        sample("nl"),
        journeys=[JOURNEYS[0]],
        weights={"customers": 1.0, "contacts": 1.0, "strategisch": 1.0},
        contact_share=None,
    )
    assert words.notes(plain) == []


def test_the_share_is_rounded_as_a_reader_expects() -> None:
    ranking = replace(sample("nl"), contact_share=ContactShare(covered=1, total=8))
    assert "13% van alle contacten in 2025 (1 van 8)" in words.notes(ranking)[-1]


def test_titles() -> None:
    assert words.title(sample("nl")) == "Klantreizen op score, periode 2025"
    assert words.title(replace(sample("en"), by="contact-rate")) == (
        "Journeys by contacts per customer, period 2025"
    )
    assert words.title(replace(sample("en"), period=None)).endswith("no journey has volumes yet")


def test_explain_names_the_terms_and_their_weights() -> None:
    output = formats.table(sample("nl"), False, True, 160)
    assert "Klanten (1)" in output and "Contacten (2)" in output
    assert "Strategisch belang (1)" in output and "strategisch" not in output
    assert "21,99" in output  # Ik verhuis's contact points, as the engine rounded them


def test_csv_keeps_ids_and_plain_numbers_and_adds_the_compared_period() -> None:
    rows = [line.split(",") for line in formats.as_csv(sample("nl", compare=True)).splitlines()]
    header, first, new = rows[0], dict(zip(rows[0], rows[1], strict=True)), rows[2]
    assert header[-2:] == ["period", "compare_period"]
    assert first["owner"] == "marieke" and first["customers"] == "1250000"
    assert first["status"] == "improving" and first["estimated"] == "false"
    assert (first["compare_rank"], first["movement"]) == ("2", "1")
    assert dict(zip(header, new, strict=True))["compare_rank"] == ""
    assert "compare_rank" not in formats.as_csv(sample("nl"))


def test_a_title_without_a_period_still_says_what_ranks() -> None:
    assert words.title(replace(sample("en"), period=None, by="contacts")) == (
        "Journeys by contacts: no period, no journey has volumes yet"
    )


def test_a_criterion_the_framework_does_not_name_is_shown_by_its_id() -> None:
    assert words.term("wet", sample("en")) == "wet"


def test_notes_list_every_missing_criterion_and_changed_weight_comma_separated() -> None:
    first, second = JOURNEYS[0], JOURNEYS[1]
    ranking = replace(
        sample("en"),
        journeys=[
            replace(first, missing_criteria=["strategisch", "wet"]),
            replace(second, missing_criteria=["wet"]),
        ],
        weights={"customers": 3.0, "contacts": 2.0, "strategisch": 1.0},
        contact_share=None,
    )
    assert words.notes(ranking) == [
        "* missing criteria count 0: Ik ontvang mijn jaarafrekening (Strategisch belang, wet), "
        "Ik word klant en sluit een contract af (wet)",
        "What-if weights: Customers 3 (framework 1), Contacts 2 (framework 1)",
    ]
