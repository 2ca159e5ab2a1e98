"""Whether two documents hold the same data, as the loader tells kinds apart."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any


def same_data(left: Any, right: Any) -> bool:
    """Equal, and of the same kinds all the way down (`1`, `1.0` and `true` differ here)."""
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return same_data(list(left), list(right)) and all(
            same_data(left[k], right[k]) for k in left
        )
    if isinstance(left, list | tuple) and isinstance(right, list | tuple):
        return len(left) == len(right) and all(map(same_data, left, right))
    return _kind(left) is _kind(right) and left == right


def _kind(value: Any) -> type:
    for kind in (bool, int, float, str, datetime.datetime, datetime.date):
        if isinstance(value, kind):
            return kind
    return type(value)
