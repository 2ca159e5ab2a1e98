"""Whether two documents hold the same data, as the loader tells kinds apart."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

# Values of one of these exact types are the same when equal (the common case, answered
# without looking for their kinds: a new document is compared with what it reads back as).
_PLAIN = frozenset({str, int, float, bool, type(None), datetime.date, datetime.datetime})


def same_data(left: Any, right: Any) -> bool:
    """Equal, and of the same kinds all the way down (`1`, `1.0` and `true` differ here)."""
    kind = type(left)
    if kind is type(right) and kind in _PLAIN:
        return bool(left == right)
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return len(left) == len(right) and all(
            same_data(key, other) and same_data(left[key], right[other])
            for key, other in zip(left, right, strict=True)
        )
    if isinstance(left, list | tuple) and isinstance(right, list | tuple):
        return len(left) == len(right) and all(map(same_data, left, right))
    return _kind(left) is _kind(right) and left == right


def _kind(value: Any) -> type:
    for kind in (bool, int, float, str, datetime.datetime, datetime.date):
        if isinstance(value, kind):
            return kind
    return type(value)
