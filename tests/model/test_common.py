"""The shared building blocks: periods, and numbers that are finite and bounded."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from journeyctl.model import Framework, Improvement, Journey
from journeyctl.model.common import NO_ITEMS, NUMBER_LIMIT, period_bounds

JOURNEY = {"id": "j", "name": "J", "phase": "p", "cluster": "c"}


def _journey_errors(**fields: object) -> list[str]:
    try:
        Journey.model_validate({**JOURNEY, **fields})
    except ValidationError as error:
        return [e["type"] for e in error.errors()]
    return []


@pytest.mark.parametrize(
    "period", ["1900", "2999", "2025-Q1", "2025-Q4", "2025-01", "2025-12", 2025]
)
def test_a_period_in_range_is_accepted(period: object) -> None:
    volume = {"period": period, "customers": 1, "contacts": 1}
    assert _journey_errors(volumes=[volume]) == []


@pytest.mark.parametrize(
    "period",
    [
        "1899",
        "3000",
        "0800",
        "\uff12\uff10\uff12\uff15",  # fullwidth digits
        "\u0662\u0660\u0662\u0665",  # Arabic-Indic digits
        "2025-Q0",
        "2025-Q5",
        "2025-00",
        "2025-13",
        "2025\n",
        1899,
        3000,
        25,
    ],
)
def test_a_period_out_of_range_or_in_other_digits_is_refused(period: object) -> None:
    volume = {"period": period, "customers": 1, "contacts": 1}
    assert _journey_errors(volumes=[volume]) == ["string_pattern_mismatch"]


def test_period_bounds() -> None:
    assert period_bounds("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert period_bounds("2024-Q1") == (date(2024, 1, 1), date(2024, 3, 31))
    assert period_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_bounds("2024-12") == (date(2024, 12, 1), date(2024, 12, 31))
    for not_a_period in ("2024\n", "\u0661\u0669\u0669\u0669", "1850"):
        with pytest.raises(ValueError, match="not a period"):
            period_bounds(not_a_period)


@pytest.mark.parametrize("count", [NUMBER_LIMIT, NUMBER_LIMIT * 10, -1])
def test_a_count_is_between_zero_and_the_limit(count: int) -> None:
    volume = {"period": "2025", "customers": count, "contacts": 1}
    assert len(_journey_errors(volumes=[volume])) == 1
    assert _journey_errors(volumes=[{**volume, "customers": NUMBER_LIMIT - 1}]) == []


@pytest.mark.parametrize("number", [float("inf"), float("-inf"), float("nan"), 1e12, -1e12])
def test_every_measure_is_finite_and_bounded(number: float) -> None:
    measurement = {"date": date(2025, 1, 1), "value": number}
    assert len(_journey_errors(kpis={"nps": {"baseline": measurement}})) == 1
    assert len(_journey_errors(kpis={"nps": {"target": number}})) == 1
    assert _journey_errors(criteria={"c": number}) != []
    kpi = {"id": "k", "name": "K", "min": number}
    with pytest.raises(ValidationError):
        Framework.model_validate({"name": "F", "phases": [{"id": "p", "name": "P"}], "kpis": [kpi]})
    with pytest.raises(ValidationError):
        Improvement.model_validate(
            {"id": "i", "title": "T", "journeys": ["j"], "expected": {"nps": number}}
        )


@pytest.mark.parametrize("weight", [float("inf"), float("nan"), 1e12, -1.0])
def test_a_weight_is_finite_non_negative_and_bounded(weight: float) -> None:
    base = {"name": "F", "phases": [{"id": "p", "name": "P"}]}
    with pytest.raises(ValidationError):
        Framework.model_validate({**base, "ranking": {"customers": weight}})
    criterion = {"id": "c", "name": "C", "kind": "number", "weight": weight}
    with pytest.raises(ValidationError):
        Framework.model_validate({**base, "criteria": [criterion]})
    Framework.model_validate({**base, "ranking": {"customers": 1e12 - 1}})


def test_a_criterion_value_keeps_its_kind() -> None:
    journey = Journey.model_validate({**JOURNEY, "criteria": {"a": True, "b": 3, "c": 2.5}})
    assert [type(v) for v in journey.criteria.values()] == [bool, int, float]


def test_the_fields_of_design_section_4_are_accepted() -> None:
    volume = {"period": "2025", "customers": 1, "contacts": 1, "estimated": True}
    measurement = {"date": date(2025, 1, 1), "value": 3, "n": 120, "source": "survey"}
    journey = Journey.model_validate(
        {**JOURNEY, "volumes": [volume], "kpis": {"nps": {"measurements": [measurement]}}}
    )
    assert journey.volumes[0].estimated == ["customers", "contacts"]  # true: both
    assert journey.kpis["nps"].measurements[0].n == 120
    improvement = Improvement.model_validate(
        {"id": "i", "title": "T", "journeys": ["j"], "status": "in-progress", "effort": 5}
    )
    assert improvement.effort == 5
    for effort in (0, 6):
        with pytest.raises(ValidationError):
            Improvement.model_validate(
                {"id": "i", "title": "T", "journeys": ["j"], "effort": effort}
            )


def test_models_given_the_same_fields_share_one_set_of_them_and_a_copy_has_its_own() -> None:
    first, second = Journey.model_validate(JOURNEY), Journey.model_validate(JOURNEY)
    assert first.model_fields_set is second.model_fields_set
    copy = first.model_copy(update={"owner": "o"})
    assert copy.model_fields_set == {*JOURNEY, "owner"}
    assert first.model_fields_set == second.model_fields_set == set(JOURNEY)


def test_the_lists_left_out_are_one_empty_list_that_refuses_items() -> None:
    first, second = Journey.model_validate(JOURNEY), Journey.model_validate(JOURNEY)
    assert first.team is second.steps is NO_ITEMS
    assert first.team == [] and first == Journey.model_validate({**JOURNEY, "team": []})
    with pytest.raises(TypeError):
        first.team.append("t")
    copy = list(first.team)
    copy.append("t")
    assert copy == ["t"] and NO_ITEMS == []
    assert type(first.model_dump()["team"]) is list
