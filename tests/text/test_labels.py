"""Labels: one table, every key in both languages, every status of the model covered."""

from __future__ import annotations

from typing import get_args

import pytest

from journeyctl.model.improvement import ImprovementStatus
from journeyctl.model.journey import JourneyStatus
from journeyctl.text import LABELS, LANGUAGES, Lang, label


def test_both_languages_have_the_same_keys() -> None:
    assert LANGUAGES == ("en", "nl")
    assert set(LABELS) == set(LANGUAGES)
    assert LABELS["en"].keys() == LABELS["nl"].keys()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_label_is_blank(lang: Lang) -> None:
    assert all(text.strip() == text and text for text in LABELS[lang].values())


@pytest.mark.parametrize(
    ("key", "en", "nl"),
    [
        ("journey", "Journey", "Klantreis"),
        ("phase", "Phase", "Fase"),
        ("cluster", "Cluster", "Cluster"),
        ("owner", "Owner", "Eigenaar"),
        ("status", "Status", "Status"),
        ("customers", "Customers", "Klanten"),
        ("contacts", "Contacts", "Contacten"),
        ("contact_rate", "Contacts per customer", "Contacten per klant"),
        ("score", "Score", "Score"),
        ("rank", "Rank", "Positie"),
        ("period", "Period", "Periode"),
        ("unranked", "Not ranked", "Niet gerangschikt"),
        ("journey_status.mapped", "mapped", "in kaart gebracht"),
        ("improvement_status.in-progress", "in progress", "in uitvoering"),
    ],
)
def test_label(key: str, en: str, nl: str) -> None:
    assert (label(key, "en"), label(key, "nl")) == (en, nl)


def test_an_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError, match="no-such-label"):
        label("no-such-label", "nl")


@pytest.mark.parametrize(
    ("prefix", "statuses"),
    [("journey_status", JourneyStatus), ("improvement_status", ImprovementStatus)],
)
def test_every_status_in_the_model_has_a_label(prefix: str, statuses: object) -> None:
    for status in get_args(statuses):
        assert f"{prefix}.{status}" in LABELS["en"]


def test_every_field_of_the_files_has_a_name_for_diff() -> None:
    from journeyctl.diff.compare import SETTINGS_BLOCKS
    from journeyctl.model import Framework, Improvement, Journey
    from journeyctl.views.diff import field_name

    settings = [Framework.model_fields[block].annotation for block in SETTINGS_BLOCKS]
    models = [Journey, Improvement, Framework, *_framework_entries(), *settings]
    fields = {name for model in models for name in model.model_fields}  # type: ignore[union-attr]
    for lang in LANGUAGES:
        assert all(field_name(field, lang) for field in fields)


def _framework_entries() -> list[type]:
    """The models of framework.yaml's lists (phases, clusters, ...), compared field by field."""
    from pydantic import BaseModel

    from journeyctl.model import Framework

    found = []
    for field in Framework.model_fields.values():
        for model in get_args(field.annotation):
            if isinstance(model, type) and issubclass(model, BaseModel):
                found.append(model)
    return found
