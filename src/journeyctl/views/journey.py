"""A journey on one page for a steering meeting: its steps with the emotion curve (actual
against desired, 1 to 5), the pain points by step, and the improvements still open on it.

The whole map, lane by lane, is the rendered journey page (`journeyctl.render`); this is what
fits a slide beside the ranking's row of the journey (its rank, owner and volumes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeyctl.model import Improvement, Journey
from journeyctl.reports.inputs import state
from journeyctl.text import Lang, label
from journeyctl.views.cells import capitalised, journey_page


@dataclass(frozen=True)
class StepPoint:
    """A step as the emotion curve shows it: its name and emotions (None: not recorded)."""

    number: int
    name: str
    emotion: int | None
    desired: int | None
    moment_of_truth: bool


@dataclass(frozen=True)
class PainPoint:
    step: str  # the step's name
    text: str


@dataclass(frozen=True)
class OpenImprovement:
    id: str
    title: str
    status: str  # in the page's language
    status_key: str


@dataclass(frozen=True)
class JourneyPage:
    id: str
    name: str
    link: str
    steps: tuple[StepPoint, ...]
    has_emotions: bool  # a step has an actual or desired emotion: there is a curve to draw
    not_mapped: str  # what stands in the steps' place without steps; "" with steps
    emotion_title: str
    actual: str  # the curves' names
    desired: str
    pain_points_title: str
    pain_points: tuple[PainPoint, ...]
    no_pain_points: str
    improvements_title: str
    improvements: tuple[OpenImprovement, ...]  # open ones, in file order
    no_improvements: str


def journey_page_view(
    journey: Journey, improvements: Sequence[Improvement], lang: Lang
) -> JourneyPage:
    """The page of `journey`; `improvements`: every improvement of the tree."""
    steps = tuple(
        StepPoint(index + 1, step.name, step.emotion, step.desired_emotion, step.moment_of_truth)
        for index, step in enumerate(journey.steps)
    )
    open_ones = tuple(
        OpenImprovement(
            improvement.id,
            improvement.title,
            label(f"improvement_status.{improvement.status}", lang),
            improvement.status,
        )
        for improvement in improvements
        if state(improvement.status) == "open"
        and any(target.journey == journey.id for target in improvement.journeys)
    )
    return JourneyPage(
        id=journey.id,
        name=journey.name,
        link=journey_page(journey.id),
        steps=steps,
        has_emotions=any(s.emotion is not None or s.desired is not None for s in steps),
        not_mapped="" if steps else label("render.not_mapped", lang),
        emotion_title=label("render.lane.emotion", lang),
        actual=capitalised(label("render.emotion.actual", lang)),
        desired=capitalised(label("render.emotion.desired", lang)),
        pain_points_title=label("render.lane.pain_points", lang),
        pain_points=tuple(
            PainPoint(step.name, text) for step in journey.steps for text in step.pain_points
        ),
        no_pain_points=label("deck.journey.no_pain_points", lang),
        improvements_title=label("deck.journey.open_improvements", lang),
        improvements=open_ones,
        no_improvements=label("deck.journey.no_open_improvements", lang),
    )
