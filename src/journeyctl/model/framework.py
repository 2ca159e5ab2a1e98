"""`framework.yaml`: the phases, clusters, Life Cycle Model and shared vocabularies."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from journeyctl.model.common import (
    NUMBER_LIMIT,
    Aliased,
    Cadence,
    Count,
    Measure,
    Named,
    Period,
    Slug,
    StrictModel,
    Text,
    Weight,
    empty_list,
)


class Phase(Aliased):
    description: str | None = None


class Cluster(Aliased):
    phase: Slug
    description: str | None = None


class ContactVolume(StrictModel):
    """How many contacts a contact reason had in a period."""

    period: Period
    contacts: Count


class ContactReason(Aliased):
    """One reason a customer contacts the organisation, placed in a life-cycle phase."""

    phase: Slug
    description: str | None = None
    volumes: list[ContactVolume] = empty_list()


class Owner(Aliased):
    email: str | None = None


class Team(Named):
    """A journey team: the people who work on a journey with its owner."""


class Channel(Named):
    """A channel customers reach the organisation by; a step's touchpoints name them."""


class Persona(Named):
    description: str | None = None


class Kpi(Named):
    unit: str | None = None
    higher_is_better: bool = True
    min: Measure | None = None
    max: Measure | None = None


class Criterion(Named):
    """An extra ranking criterion (strategic importance, upcoming regulation, ...)."""

    kind: Literal["scale", "yes-no", "number"]
    weight: Weight = 1.0
    description: str | None = None


class RankingWeights(StrictModel):
    customers: Weight = 1.0
    contacts: Weight = 1.0


class ReviewPolicy(StrictModel):
    cadence: Cadence = "quarterly"


class AlertPolicy(StrictModel):
    """When `journeyctl report alerts` speaks up."""

    contact_rate_increase: Annotated[
        float,
        Field(
            ge=0,
            lt=NUMBER_LIMIT,
            description="a rise of the contact rate beyond this fraction between two periods "
            "is an alert: 0.2 = 20%",
        ),
    ] = 0.2
    kpi_stale_after_months: Annotated[
        int,
        Field(
            ge=1,
            le=120,
            description="a KPI whose latest measurement is older than this many months (before "
            "the end of the reported period, or today) is marked stale",
        ),
    ] = 6


class Framework(StrictModel):
    name: Text
    language: Literal["en", "nl"] = "en"
    description: str | None = None
    phases: list[Phase] = Field(min_length=1)
    clusters: list[Cluster] = empty_list()
    contact_reasons: list[ContactReason] = empty_list()
    owners: list[Owner] = empty_list()
    teams: list[Team] = empty_list()
    channels: list[Channel] = empty_list()
    personas: list[Persona] = empty_list()
    kpis: list[Kpi] = empty_list()
    criteria: list[Criterion] = empty_list()
    ranking: RankingWeights = RankingWeights()
    review: ReviewPolicy = ReviewPolicy()
    alerts: AlertPolicy = AlertPolicy()
