"""Every reference resolves to something that is defined.

Journeys refer to the framework's phases, clusters, owners, teams, personas, channels,
KPIs, criteria and contact reasons, and to other journeys (`follows`); improvements
refer to journeys, their steps, owners and KPIs; the framework's clusters and contact
reasons refer to its phases. A reference to an id that does not exist is usually a
typo; the message suggests the nearest defined id.

Fails: `owner: jan` where `framework.yaml` has no owner with id `jan`.
Passes: `owner: jan-de-vries` with an owner `jan-de-vries` in `framework.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from journeyctl.checks._context import FRAMEWORK_LISTS, CheckContext
from journeyctl.finding import Finding, Rule, Severity
from journeyctl.model.improvement import CONTACTS
from journeyctl.suggest import closest

if TYPE_CHECKING:  # annotations only: `journeyctl rules` lists the checks without loading
    from journeyctl.load import Document
    from journeyctl.load.positions import PathPart
    from journeyctl.model import Framework, Improvement, Journey

    Reference = tuple[tuple[PathPart, ...], str, str]  # where, kind, the id referred to

RULE = Rule("JC203", "unknown-reference", Severity.ERROR, __doc__ or "")


def check(context: CheckContext) -> Iterator[Finding]:
    framework = context.framework_document
    if framework is None:
        return  # without a framework every reference would be reported; JC007 says why
    hints = _Hints(context.ids)
    yield from _resolve(hints, framework, _framework_references(framework.model))
    for journey in context.journeys:
        if not _all_known(hints.ids, journey.model):
            yield from _resolve(hints, journey, _journey_references(journey.model))
    journeys = context.journey_by_id()
    for improvement in context.improvements:
        yield from _resolve(hints, improvement, _improvement_references(improvement.model))
        yield from _unknown_steps(improvement, journeys)


class _Hints:
    """Which ids exist, and the nearest one for an id that does not, each found once.

    A typo tends to be copied from file to file; remembering its suggestion keeps the
    work per distinct typo, not per reference.
    """

    def __init__(self, ids: dict[str, set[str]]) -> None:
        self.ids = ids
        self._choices = {kind: sorted(known) for kind, known in ids.items()}
        self._nearest: dict[tuple[str, str], str | None] = {}

    def nearest(self, kind: str, value: str) -> str | None:
        key = (kind, value)
        if key not in self._nearest:
            self._nearest[key] = closest(value, self._choices.get(kind, ()))
        return self._nearest[key]


def _framework_references(framework: Framework) -> Iterator[Reference]:
    for index, cluster in enumerate(framework.clusters):
        yield ("clusters", index, "phase"), "phase", cluster.phase
    for index, reason in enumerate(framework.contact_reasons):
        yield ("contact_reasons", index, "phase"), "phase", reason.phase


def _journey_references(journey: Journey) -> Iterator[Reference]:
    yield ("phase",), "phase", journey.phase
    yield ("cluster",), "cluster", journey.cluster
    if journey.owner is not None:
        yield ("owner",), "owner", journey.owner
    yield from _each("team", "team", journey.team)
    yield from _each("personas", "persona", journey.personas)
    yield from _each("contact_reasons", "contact reason", journey.contact_reasons)
    yield from _each("follows", "journey", journey.follows)
    for criterion in journey.criteria:
        yield ("criteria", criterion), "criterion", criterion
    for kpi in journey.kpis:
        yield ("kpis", kpi), "KPI", kpi
    for index, step in enumerate(journey.steps):
        for where, kind, value in _each("touchpoints", "channel", step.touchpoints):
            yield ("steps", index, *where), kind, value
        for where, kind, value in _each("contact_reasons", "contact reason", step.contact_reasons):
            yield ("steps", index, *where), kind, value


_NONE: frozenset[str] = frozenset()


def _all_known(ids: dict[str, set[str]], journey: Journey) -> bool:
    """Whether every reference of the journey is known: what `_journey_references` yields,
    asked a set at a time, without the key paths that only a finding needs."""
    known = ids.get
    if journey.phase not in known("phase", _NONE) or journey.cluster not in known("cluster", _NONE):
        return False
    if journey.owner is not None and journey.owner not in known("owner", _NONE):
        return False
    for kind, values in (
        ("team", journey.team),
        ("persona", journey.personas),
        ("contact reason", journey.contact_reasons),
        ("journey", journey.follows),
        ("criterion", journey.criteria),
        ("KPI", journey.kpis),
    ):
        if values and not known(kind, _NONE).issuperset(values):
            return False
    channels, reasons = known("channel", _NONE), known("contact reason", _NONE)
    return all(
        channels.issuperset(step.touchpoints) and reasons.issuperset(step.contact_reasons)
        for step in journey.steps
    )


def _improvement_references(improvement: Improvement) -> Iterator[Reference]:
    for index, target in enumerate(improvement.journeys):
        yield ("journeys", index, "journey"), "journey", target.journey
    if improvement.owner is not None:
        yield ("owner",), "owner", improvement.owner
    for kpi in improvement.expected:
        if kpi != CONTACTS:  # an effect on the contacts, not a KPI (contacts_effect checks it)
            yield ("expected", kpi), "KPI", kpi


def _each(key: str, kind: str, values: list[str]) -> Iterator[Reference]:
    for index, value in enumerate(values):
        yield (key, index), kind, value


def _resolve(
    hints: _Hints, document: Document[Any], references: Iterable[Reference]
) -> Iterator[Finding]:
    for where, kind, value in references:
        if value in hints.ids.get(kind, ()):
            continue
        hint = hints.nearest(kind, value)
        fix = f"did you mean '{hint}'?" if hint else _define_hint(kind)
        # A reference that is a mapping key (criteria, kpis) is reported at the key.
        at_key = where[-2:-1] in (("criteria",), ("kpis",), ("expected",))
        yield document.finding(RULE, f"unknown {kind} '{value}'; {fix}", where, key=at_key)


def _define_hint(kind: str) -> str:
    if kind == "journey":
        return "no journey file has this id"
    return f"add it under {FRAMEWORK_LISTS[kind]}: in framework.yaml, or fix the id"


def _unknown_steps(
    improvement: Document[Improvement], journeys: dict[str, Document[Journey]]
) -> Iterator[Finding]:
    for index, target in enumerate(improvement.model.journeys):
        journey = journeys.get(target.journey)
        if journey is None:
            continue
        names = [step.name for step in journey.model.steps]
        for step_index, step in enumerate(target.steps):
            if step not in names:
                hint = closest(step, names)
                fix = f"did you mean '{hint}'?" if hint else "use a step name from that journey"
                yield improvement.finding(
                    RULE,
                    f"journey '{target.journey}' has no step named '{step}'; {fix}",
                    ("journeys", index, "steps", step_index),
                )
