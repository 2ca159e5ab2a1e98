"""An improvement file: an idea or experiment, linked to the journeys it touches."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from journeyctl.model.common import (
    SLUG_PATTERN,
    Day,
    Measure,
    Slug,
    StrictModel,
    Text,
    empty_dict,
    empty_list,
)

ImprovementStatus = Literal[
    "idea", "planned", "experiment", "in-progress", "implemented", "rejected"
]
Effort = Annotated[int, Field(ge=1, le=5, description="1 (a small change) to 5 (a project)")]
# In `expected`, beside KPI ids: the expected relative change of the contacts of the
# journeys it touches, as a percentage ("-15%").
CONTACTS = "contacts"
_PERCENTAGE = re.compile(r"^([+-]?[0-9]+(?:\.[0-9]+)?) ?%$")


def relative_change(value: object) -> float | None:
    """A percentage such as "-15%" as a fraction (-0.15); None for anything else."""
    found = _PERCENTAGE.match(value) if isinstance(value, str) else None
    return float(found.group(1)) / 100 if found else None


class Target(StrictModel):
    """A journey an improvement touches, optionally narrowed to some of its steps (by name)."""

    journey: Slug
    steps: list[Text] = empty_list()


def _short_form_in_schema(schema: dict[str, Any]) -> None:
    # Editors should accept the short form too: a plain journey id.
    schema["items"] = {"anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, schema["items"]]}


def _journey_id_as_target(value: object) -> object:
    # `journeys: [ik-verhuis]` is the short form of `journeys: [{journey: ik-verhuis}]`.
    if isinstance(value, list):
        return [{"journey": item} if isinstance(item, str) else item for item in value]
    return value


class Improvement(StrictModel):
    id: Slug
    title: Text
    description: str | None = None
    journeys: Annotated[
        list[Target],
        BeforeValidator(_journey_id_as_target),
        Field(min_length=1, json_schema_extra=_short_form_in_schema),
    ]
    status: ImprovementStatus = "idea"
    owner: Slug | None = None
    effort: Effort | None = None
    started: Day | None = None
    done: Day | None = None
    expected: dict[Slug, Measure | str] = empty_dict()
    links: list[Text] = empty_list()
    result: str | None = None

    @property
    def contacts_change(self) -> float | None:
        """The expected relative change of the contacts (-0.15), when `expected` says one."""
        return relative_change(self.expected.get(CONTACTS))
