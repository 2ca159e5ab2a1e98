"""Flat rows for CSV and BI tools: one value per field, in the report's documented order.

A list of ids (the journeys an improvement touches) becomes one cell, the ids joined by
`;` (ids are slugs, so they never hold one); dates are ISO 8601 text already.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

Cell = str | int | float | bool | None
Row = dict[str, Cell]

LIST_SEPARATOR = ";"
R = TypeVar("R")


def columns(row_type: type[Any], *, leave_out: Iterable[str] = ()) -> tuple[str, ...]:
    """A report's CSV header: the fields of its row dataclass `row_type`, in their order,
    but those `leave_out` names (a list or a curve that only the JSON holds)."""
    left_out = set(leave_out)
    return tuple(f.name for f in dataclasses.fields(row_type) if f.name not in left_out)


def csv_row(fields: Iterable[str], entry: Mapping[str, object]) -> Row:
    """The entry's `fields`, in that order, each as one cell."""
    return {name: cell(entry[name]) for name in fields}


def cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    raise TypeError(f"no CSV cell for {type(value).__name__}")


def json_rows(
    rows: Iterable[R],
    plain: Callable[[R], dict[str, object]],
    more: Callable[[R], Mapping[str, object]],
) -> list[dict[str, object]]:
    """Each row as JSON gives it: its `plain` fields (those of the CSV), then the `more` that
    only JSON holds (lists, mappings)."""
    return [{**plain(row), **more(row)} for row in rows]
