"""Tests of the ranking; `options` writes a ranking's options as the command line takes them."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from journeyctl.rank import Filters, RankOptions

FILTER_NAMES = tuple(field.name for field in fields(Filters))


def options(**given: Any) -> RankOptions:
    """`RankOptions` with the filters written among the other options, as the CLI takes them."""
    filters = {name: given.pop(name) for name in FILTER_NAMES if name in given}
    return RankOptions(filters=Filters(**filters), **given)
