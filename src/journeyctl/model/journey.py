"""A journey file: one customer journey, from inventory line to mapped journey with KPIs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from journeyctl.model.common import (
    NUMBER_LIMIT,
    Aliased,
    Cadence,
    Count,
    Day,
    Emotion,
    Measure,
    Period,
    Slug,
    StrictModel,
    Text,
    empty_dict,
    empty_list,
)

# yes/no, a scale point or a number; bool first, so that yes stays yes and not 1.
CriterionValue = bool | Annotated[int, Field(gt=-NUMBER_LIMIT, lt=NUMBER_LIMIT)] | Measure
JourneyStatus = Literal["listed", "mapped", "improving", "monitoring", "retired"]
# A journey with one of these has been mapped: it covers its contact reasons as a map does,
# and its review is due by its cadence.
MAPPED_STATUSES: frozenset[JourneyStatus] = frozenset({"mapped", "improving", "monitoring"})
EstimatedValue = Literal["customers", "contacts"]
ESTIMABLE: tuple[EstimatedValue, ...] = ("customers", "contacts")


def _both_when_true(value: object) -> object:
    # Before each value was marked on its own, `estimated: true` marked the whole period.
    if isinstance(value, bool):
        return list(ESTIMABLE) if value else []
    return value


def _in_order(values: list[EstimatedValue]) -> list[EstimatedValue]:
    # One way to write each set: `[contacts, customers, contacts]` is `[customers, contacts]`.
    return [value for value in ESTIMABLE if value in values]


_ESTIMATED_SCHEMA = {
    "description": "the values someone estimated rather than counted: [customers], "
    "[contacts] or both; true means both",
    "anyOf": [
        {"type": "array", "items": {"enum": list(ESTIMABLE)}, "uniqueItems": True},
        {"type": "boolean"},
    ],
    "default": [],
}
Estimated = Annotated[
    list[EstimatedValue],
    BeforeValidator(_both_when_true),
    AfterValidator(_in_order),
    WithJsonSchema(_ESTIMATED_SCHEMA),
]


class EstimatedValues:
    """What a record's `estimated` (the values someone estimated rather than counted) says of
    each value: a volume's, a ranked journey's."""

    if TYPE_CHECKING:
        estimated: Sequence[str]

    @property
    def customers_estimated(self) -> bool:
        return "customers" in self.estimated

    @property
    def contacts_estimated(self) -> bool:
        return "contacts" in self.estimated


class Volume(StrictModel, EstimatedValues):
    period: Period
    customers: Count
    contacts: Count
    source: str | None = None
    estimated: Estimated = empty_list()


class Step(StrictModel):
    name: Text
    stage: str | None = None
    description: str | None = None
    touchpoints: list[Slug] = empty_list()
    backstage: str | None = None
    emotion: Emotion | None = None
    desired_emotion: Emotion | None = None
    pain_points: list[Text] = empty_list()
    moment_of_truth: bool = False
    contact_reasons: list[Slug] = empty_list()
    # What the customer thinks or says at this step, in their words (a quote from research),
    # and the opportunities the team sees there: each a lane of the map when a step has one.
    thoughts: list[Text] = empty_list(
        description="what the customer thinks or says at this step, in their words"
    )
    opportunities: list[Text] = empty_list(
        description="what could be better here: ideas not yet an improvement"
    )


class Measurement(StrictModel):
    date: Day
    value: Measure
    n: Count | None = None  # responses or sample size
    source: str | None = None


class KpiRecord(StrictModel):
    baseline: Measurement | None = None
    target: Measure | None = None
    measurements: list[Measurement] = empty_list()


class Insight(StrictModel):
    text: Text
    source: str | None = None
    date: Day | None = None


class Note(StrictModel):
    """A remark kept with the journey: the text of a notes column (`Opmerkingen`) that
    `import` read, with the file and the cell it came from."""

    text: Text
    file: str | None = Field(default=None, description="the workbook or CSV file it was read from")
    cell: str | None = Field(default=None, description="where in the file: Klantenservice!I7")


class Review(StrictModel):
    cadence: Cadence | None = None
    last_reviewed: Day | None = None


class Journey(Aliased):
    description: str | None = None
    phase: Slug
    cluster: Slug
    owner: Slug | None = None
    team: list[Slug] = empty_list()
    personas: list[Slug] = empty_list()
    status: JourneyStatus = "listed"
    goal: str | None = None
    desired_emotions: str | None = None
    contact_reasons: list[Slug] = empty_list()
    follows: list[Slug] = empty_list()
    volumes: list[Volume] = empty_list()
    criteria: dict[Slug, CriterionValue] = empty_dict()
    steps: list[Step] = empty_list()
    kpis: dict[Slug, KpiRecord] = empty_dict()
    insights: list[Insight] = empty_list()
    notes: list[Note] = empty_list()
    review: Review | None = None
    links: list[Text] = empty_list()

    def volume(self, period: str) -> Volume | None:
        return next((v for v in self.volumes if v.period == period), None)
