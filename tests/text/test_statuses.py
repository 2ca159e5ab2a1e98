"""A journey status as a person may write it: its value or a label, in any case or accents."""

from __future__ import annotations

import pytest

from journeyctl.text.statuses import STATUSES, journey_status, other_labels, status_words


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("retired", "retired"),
        ("RETIRED", "retired"),
        ("vervallen", "retired"),
        (" In Kaart Gebracht ", "mapped"),
        ("geinventariseerd", "listed"),
        ("Geïnventariseerd", "listed"),
        ("wordt gevolgd", "monitoring"),
        ("klaar", None),
        ("", None),
    ],
)
def test_a_status_by_its_value_or_a_label(written: str, status: str | None) -> None:
    assert journey_status(written) == status


def test_the_statuses_in_the_models_order_with_their_other_labels() -> None:
    assert STATUSES == ("listed", "mapped", "improving", "monitoring", "retired")
    assert other_labels("mapped") == ["in kaart gebracht"]
    assert other_labels("retired") == ["vervallen"]


def test_the_words_a_hint_picks_from_are_the_values_then_the_labels_once_each() -> None:
    words = status_words()
    assert words[: len(STATUSES)] == list(STATUSES)
    assert "vervallen" in words and len(words) == len(set(words))
