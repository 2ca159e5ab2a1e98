"""A period asked for must be one some journey has: the refusal lists them by recency."""

from __future__ import annotations

import pytest

from journeyctl.errors import UsageError
from journeyctl.model import Journey
from journeyctl.rank.periods import checked_period


def journey(id_: str, *periods: str) -> Journey:
    volumes = [{"period": p, "customers": 10, "contacts": 1} for p in periods]
    return Journey.model_validate(
        {"id": id_, "name": id_, "phase": "p", "cluster": "c", "volumes": volumes}
    )


def test_the_periods_present_are_listed_by_end_date_not_alphabetically() -> None:
    # Alphabetically 2025 would come before 2025-Q1; it ends nine months later.
    journeys = [journey("a", "2025", "2025-Q1"), journey("b", "2024")]
    with pytest.raises(UsageError) as raised:
        checked_period(journeys, "2023", "period")
    assert str(raised.value) == (
        "'2023': no journey has volumes for that period; periods present: 2024, 2025-Q1, 2025"
    )
    assert raised.value.parameter == "period"


def test_a_malformed_period_names_the_option_it_came_from() -> None:
    with pytest.raises(UsageError) as raised:
        checked_period([journey("a", "2025")], "2025-13", "compare")
    assert str(raised.value) == "'2025-13' is not a period; write 2025, 2025-Q3 or 2025-06"
    assert raised.value.parameter == "compare"


def test_a_period_present_is_returned() -> None:
    assert checked_period([journey("a", "2024", "2025")], "2024", "period") == "2024"
