"""Sameness as the loader sees it: kinds and key order count."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from journeyctl.write.same import same_data


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ({"a": 1}, {"a": 1}, True),
        ({"a": 1}, {"a": True}, False),
        ({"a": 1}, {"a": 1.0}, False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),
        ([1, 2], [1, 2, 3], False),
        ([datetime.date(2025, 1, 1)], ["2025-01-01"], False),
        ({"a": [1]}, {"a": [2]}, False),
    ],
)
def test_same_data_tells_kinds_and_order_apart(left: Any, right: Any, same: bool) -> None:
    assert same_data(left, right) is same
