"""Sameness as the loader sees it, at every level and between every pair of kinds."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from journeyctl.write.same import same_data

DAY = datetime.date(2025, 1, 1)
MIDNIGHT = datetime.datetime(2025, 1, 1)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ({}, {}, True),
        ([], [], True),
        ((1, "a"), [1, "a"], True),  # a tuple is a list to the file
        ([{"a": [1, 2.5, None]}], [{"a": [1, 2.5, None]}], True),
        ("x", "x", True),
        (None, None, True),
        (DAY, DAY, True),
        (MIDNIGHT, MIDNIGHT, True),
        ({}, [], False),
        ({"a": 1}, ["a"], False),
        (["a"], {"a": 1}, False),
        (["a"], "a", False),
        ("a", ["a"], False),
        ({"a": 1, "b": 2}, {"a": 1, "b": 3}, False),
        ({"a": 1}, {"a": 1, "b": 2}, False),
        ({"a": 1, "b": 2}, {"a": 1}, False),
        ([1, 2, 3], [1, 2], False),
        ([1, 2], [1, 3], False),
        (None, False, False),
        (0, False, False),
        (True, 1, False),
        (1.0, 1, False),
        ("1", 1, False),
        (MIDNIGHT, DAY, False),
        (DAY, MIDNIGHT, False),
        ({1}, frozenset({1}), False),  # equal in Python, of two kinds
    ],
)
def test_same_data_at_every_level(left: Any, right: Any, same: bool) -> None:
    assert same_data(left, right) is same
    assert same_data(right, left) is same
