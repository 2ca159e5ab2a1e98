"""How alike two journeys, or two steps, are: a score 0..100, as git's rename detection
(`git diff -M`) scores two files, and the best pairs of removed and added ones.

A journey is a bag of facts: each step's name, each contact reason, each period's volumes
(both counts), each KPI measurement, and its texts (description, goal, insights, links). A
step's facts are its touchpoints, pain points, contact reasons and texts; not its emotions,
which are what a review measures and changes, and which many steps share. The name is one
fact more that matches in part (rapidfuzz's `fuzz.ratio`), since a rename often changes it a
little; a step's name counts twice (STEP_NAME_WEIGHT), as a step has few other facts and
those (a touchpoint) are shared by its neighbours. The score is the share of facts the two have in common, 2 x common /
(facts of one + facts of the other), as git's score is the share of content kept.

Placement and classification (phase, cluster, owner, team, personas, status, criteria) are
left out on purpose: many journeys share them, so they say where a journey stands, not which
journey it is; counting them would pair two unrelated journeys of one cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz

from journeyctl.model import Journey
from journeyctl.model.journey import Step

# As git's default (-M50%): at least half the content kept.
RENAME_THRESHOLD = 50
# Past this many removed x added pairs only exact renames are looked for, as git gives up
# past its renameLimit: a reorganisation of thousands of files must not take minutes.
PAIR_LIMIT = 250_000
STEP_NAME_WEIGHT = 2

Old = TypeVar("Old")
New = TypeVar("New")


def journey_facts(journey: Journey) -> Counter[str]:
    facts: Counter[str] = Counter()
    facts.update(f"step:{step.name}" for step in journey.steps)
    facts.update(f"contact_reason:{reason}" for reason in journey.contact_reasons)
    facts.update(f"volume:{v.period}:{v.customers}:{v.contacts}" for v in journey.volumes)
    for kpi, record in journey.kpis.items():
        facts.update(f"kpi:{kpi}:{m.date}:{m.value}" for m in record.measurements)
    texts = (journey.description, journey.goal, journey.desired_emotions)
    facts.update(f"text:{text}" for text in texts if text)
    facts.update(f"insight:{insight.text}" for insight in journey.insights)
    facts.update(f"link:{link}" for link in journey.links)
    return facts


def step_facts(step: Step) -> Counter[str]:
    facts: Counter[str] = Counter()
    facts.update(f"touchpoint:{touchpoint}" for touchpoint in step.touchpoints)
    facts.update(f"pain_point:{pain}" for pain in step.pain_points)
    facts.update(f"contact_reason:{reason}" for reason in step.contact_reasons)
    for field in ("stage", "description", "backstage"):
        value = getattr(step, field)
        if value is not None:
            facts[f"{field}:{value}"] += 1
    if step.moment_of_truth:
        facts["moment_of_truth"] += 1
    return facts


def similarity(
    old_name: str, old: Counter[str], new_name: str, new: Counter[str], name_weight: int = 1
) -> int:
    """0..100: the share of facts kept, the name counted as `name_weight` facts that match
    in part."""
    name = name_weight * fuzz.ratio(old_name, new_name) / 100
    common = sum((old & new).values()) + name
    total = sum(old.values()) + sum(new.values()) + 2 * name_weight
    return round(100 * 2 * common / total)


def best_pairs(
    removed: Sequence[Old],
    added: Sequence[New],
    score: Callable[[Old, New], int],
    distance: Callable[[int, int], int] = lambda _i, _j: 0,
) -> list[tuple[Old, New, int]]:
    """Removed and added items paired, best score first, each item at most once.

    Only pairs scoring at least RENAME_THRESHOLD count; of two as good, the one with the
    smaller `distance` (of their positions) wins, then the earlier one, so the result never
    depends on the order of a dict.
    """
    if len(removed) * len(added) > PAIR_LIMIT:
        return []
    candidates = [
        (-points, distance(i, j), i, j)
        for i, old in enumerate(removed)
        for j, new in enumerate(added)
        if (points := score(old, new)) >= RENAME_THRESHOLD
    ]
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for minus_points, _, i, j in sorted(candidates):
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((removed[i], added[j], -minus_points))
    return pairs
