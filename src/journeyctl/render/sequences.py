"""The sequences of `follows`: journeys that follow each other and are designed together.

`follows: [b]` on journey `a` means a customer typically goes from b to a. The sequences are
chains b -> a -> ...; where a journey is followed by several, the first chain goes on with
one and each other starts a chain at the branch, so that every link is shown exactly once
and the work stays linear in the number of links, whatever the graph (cycles included).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence as Seq
from dataclasses import dataclass

from journeyctl.model import Journey


@dataclass(frozen=True)
class SequenceStep:
    id: str
    name: str
    page: str  # the journey map, without .html or .md


@dataclass(frozen=True)
class Sequence:
    steps: list[SequenceStep]


def sequences(journeys: Seq[Journey], prefix: str) -> list[Sequence]:
    """Chains of journeys along `follows`, from journeys that follow none; links shown once."""
    by_id = {journey.id: journey for journey in journeys}
    remaining: dict[str, deque[str]] = {}
    for journey in journeys:
        for before in dict.fromkeys(journey.follows):
            if before in by_id and before != journey.id:
                remaining.setdefault(before, deque()).append(journey.id)
    has_predecessor = {after for afters in remaining.values() for after in afters}
    starts = [j.id for j in journeys if j.id in remaining and j.id not in has_predecessor]
    # Journeys in a cycle have no start of their own: they come after the others.
    starts += [j.id for j in journeys if j.id in remaining and j.id in has_predecessor]
    pending = deque(starts)
    chains: list[list[str]] = []
    while pending:
        chain = _chain(pending.popleft(), remaining, pending)
        if len(chain) > 1:
            chains.append(chain)

    def step(id_: str) -> SequenceStep:
        return SequenceStep(id_, by_id[id_].name, f"{prefix}{id_}")

    return [Sequence([step(id_) for id_ in chain]) for chain in chains]


def _chain(start: str, remaining: dict[str, deque[str]], pending: deque[str]) -> list[str]:
    """Follow unused links from `start`; a node with more links left waits as the next start."""
    chain, seen = [start], {start}
    current = start
    while remaining.get(current):
        after = remaining[current].popleft()
        if remaining[current]:
            pending.appendleft(current)  # the branch: the next chain starts here
        chain.append(after)
        if after in seen:
            return chain  # a cycle closes: shown once
        seen.add(after)
        current = after
    return chain
