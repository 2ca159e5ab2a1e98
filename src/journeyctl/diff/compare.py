"""Comparing two checked trees: journeys, improvements and the framework, entry by entry.

Journeys and improvements are matched by id. A journey whose file did not load in one
revision is "invalid" there (`journeyctl.diff.invalid`), never added or removed. A journey
whose id is gone while a new id holds the same content, or content alike enough
(`journeyctl.diff.similarity`: a score 0..100 as git's rename detection gives), was renamed,
not removed and added. Steps are matched by name, then the rest by position and similarity
(a step renamed); volumes by period, KPI measurements by date. Rank movements come from
each revision's default ranking (the one `journeyctl rank` shows), so a data update shows
what the steering meeting will see move; a revision whose framework has errors has none.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from journeyctl.diff.changes import (
    Changed,
    Corrected,
    Dated,
    Detail,
    EmotionChanged,
    FrameworkChange,
    ImprovementDiff,
    JourneyDiff,
    KpiMeasured,
    Moved,
    OtherFields,
    RankMoved,
    Revision,
    StepRenamed,
    StepsChanged,
    TopMoved,
    TreeDiff,
    VolumeChanged,
)
from journeyctl.diff.invalid import invalid_journeys
from journeyctl.diff.similarity import (
    STEP_NAME_WEIGHT,
    best_pairs,
    journey_facts,
    similarity,
    step_facts,
)
from journeyctl.errors import UsageError
from journeyctl.framework import CheckedTree
from journeyctl.model import Framework, Improvement, Journey
from journeyctl.model.journey import KpiRecord, Measurement, Step
from journeyctl.rank import RankOptions, rank
from journeyctl.text import Lang

M = TypeVar("M", bound=BaseModel)

# Journey fields that have a detail of their own; the rest are named in `OtherFields`.
_OWN_DETAIL = {"id", "name", "phase", "cluster", "status", "owner", "steps", "volumes", "kpis"}
_ONE_VALUE_FIELDS = ("name", "status", "owner")
_EMOTIONS: tuple[Literal["emotion"], Literal["desired_emotion"]] = ("emotion", "desired_emotion")
_FRAMEWORK_LISTS = (
    "phases",
    "clusters",
    "contact_reasons",
    "owners",
    "teams",
    "channels",
    "personas",
    "kpis",
    "criteria",
)
_FRAMEWORK_FIELDS = ("name", "language", "description")
# The block of weights (`ranking:`): each weight that changed is one change (fields ["weight"]).
_RANKING = "ranking"
# framework.yaml's other blocks of settings (`review:`, `alerts:`, and any block the model
# adds): each key that changed is one change, named by its block and key (review, cadence).
# Every field of the framework is a top-level value, a list, the ranking or such a block
# (a test keeps the four equal to the model), so that no setting is left out of a diff.
SETTINGS_BLOCKS: tuple[str, ...] = tuple(
    name
    for name, field in Framework.model_fields.items()
    if name != _RANKING
    and isinstance(field.annotation, type)
    and issubclass(field.annotation, BaseModel)
)

Ranks = tuple[str | None, dict[str, int]]

# The places the steering meeting looks at: moves into, out of and within them lead the diff.
TOP_PLACES = 10
_UNRANKED = 1_000_000_000  # sorts after every place


def compare(
    base: CheckedTree,
    head: CheckedTree,
    base_revision: str,
    head_revision: str | None,
    *,
    folder: str = "",
    merge_base: str | None = None,
) -> TreeDiff:
    """What changed from `base` to `head` (head_revision None: the working tree).

    `folder` is the root inside the repository (files are named from the repository's top,
    as a pull request names them); `merge_base` the REF whose merge base `base_revision` is.
    """
    base_ranks, head_ranks = _ranks(base), _ranks(head)
    journeys, renamed = _journeys(base, head, base_ranks, head_ranks, folder)
    return TreeDiff(
        base=_revision(base, base_revision, merge_base),
        head=_revision(head, head_revision),
        language=_language(head, base),
        journeys=journeys,
        improvements=_improvements(_by_id(base.improvements), _by_id(head.improvements)),
        framework=_framework(_framework_of(base), _framework_of(head)),
        names=_names(_framework_of(base), _framework_of(head)),
        top_moves=_top_moves(base, head, base_ranks, head_ranks, renamed),
    )


def _revision(
    checked: CheckedTree, revision: str | None, merge_base: str | None = None
) -> Revision:
    validation = checked.validation
    loaded = checked.tree.framework is not None
    return Revision(
        revision, loaded, validation.errors, validation.warnings, validation.journeys, merge_base
    )


def _framework_of(checked: CheckedTree) -> Framework | None:
    return checked.framework if checked.tree.framework is not None else None


def _language(*sides: CheckedTree) -> Lang:
    framework = next((f for side in sides if (f := _framework_of(side)) is not None), None)
    return framework.language if framework is not None else "en"


def _by_id(models: Iterable[M]) -> dict[str, M]:
    """By id; of two files with one id (an error of its own), the first."""
    found: dict[str, M] = {}
    for model in models:
        found.setdefault(model.id, model)  # type: ignore[attr-defined]
    return found


# --- journeys ------------------------------------------------------------------------


def _ranks(checked: CheckedTree) -> Ranks:
    """The default ranking's period and each ranked journey's place; none without a framework."""
    if not checked.framework_usable:
        return None, {}
    options = RankOptions(invalid=checked.journeys_with_errors)
    try:
        ranking = rank(checked.framework, checked.journeys, options)
    except UsageError:  # pragma: no cover - the default options name nothing to refuse
        return None, {}
    return ranking.period, {journey.id: journey.rank for journey in ranking.journeys}


def _journeys(
    base: CheckedTree, head: CheckedTree, base_ranks: Ranks, head_ranks: Ranks, folder: str
) -> tuple[list[JourneyDiff], dict[str, str]]:
    """Every journey that changed, by id; and old id -> new id of the renamed ones."""
    invalid = invalid_journeys(base, head, folder)
    before = {i: j for i, j in _by_id(base.journeys).items() if i not in invalid.base_ids}
    after = {i: j for i, j in _by_id(head.journeys).items() if i not in invalid.head_ids}
    renamed = _renames(
        [before[i] for i in before if i not in after], [after[i] for i in after if i not in before]
    )
    old_ids = {new: (old, score) for old, (new, score) in renamed.items()}
    diffs: list[JourneyDiff] = list(invalid.diffs)
    for id_, journey in after.items():
        old_id, similarity = old_ids.get(id_, (id_, None))
        old = before.get(old_id)
        if old is None:
            diffs.append(_whole(journey, "added"))
            continue
        details = _details(
            old, journey, _rank_moved(old_id, id_, old, journey, base_ranks, head_ranks)
        )
        if old_id != id_:
            diffs.append(
                _whole(journey, "renamed", old_id=old_id, details=details, similarity=similarity)
            )
        elif details:
            moved = any(isinstance(detail, Moved) for detail in details)
            diffs.append(_whole(journey, "moved" if moved else "changed", details=details))
    diffs.extend(
        _whole(j, "removed") for i, j in before.items() if i not in after and i not in renamed
    )
    return sorted(diffs, key=lambda diff: diff.id), {old: new for old, (new, _) in renamed.items()}


def _whole(
    journey: Journey,
    change: Any,
    *,
    old_id: str | None = None,
    details: list[Detail] | None = None,
    similarity: int | None = None,
) -> JourneyDiff:
    return JourneyDiff(
        journey.id,
        journey.name,
        change,
        journey.phase,
        journey.cluster,
        old_id,
        details or [],
        similarity,
    )


def _content(model: BaseModel, leave_out: set[str]) -> str:
    return json.dumps(model.model_dump(mode="json", exclude=leave_out), sort_keys=True)


def _renames(removed: Sequence[Journey], added: Sequence[Journey]) -> dict[str, tuple[str, int]]:
    """Old id -> (new id, similarity 0..100), for removed journeys that reappear under a new id.

    First the exact ones (everything but the id the same: 100), then, as git's rename
    detection does, the best pairs by content similarity (`journeyctl.diff.similarity`).
    """
    by_content: dict[str, list[str]] = {}
    for journey in added:
        by_content.setdefault(_content(journey, {"id"}), []).append(journey.id)
    renamed: dict[str, tuple[str, int]] = {}
    for journey in removed:
        candidates = by_content.get(_content(journey, {"id"}))
        if candidates:
            renamed[journey.id] = (candidates.pop(0), 100)
    taken = {new for new, _ in renamed.values()}
    old_left = [j for j in removed if j.id not in renamed]
    new_left = [j for j in added if j.id not in taken]
    facts = {id(j): journey_facts(j) for j in (*old_left, *new_left)}

    def score(old: Journey, new: Journey) -> int:
        return similarity(old.name, facts[id(old)], new.name, facts[id(new)])

    for old, new, points in best_pairs(old_left, new_left, score):
        renamed[old.id] = (new.id, points)
    return renamed


def _top_moves(
    base: CheckedTree,
    head: CheckedTree,
    base_ranks: Ranks,
    head_ranks: Ranks,
    renamed: dict[str, str],
) -> list[TopMoved]:
    """Journeys whose place changed where either revision puts them in its top TOP_PLACES."""
    if base_ranks[0] is None or head_ranks[0] is None:
        return []  # one revision ranks nothing: every journey would seem to move
    new_id = {old: renamed.get(old, old) for old in base_ranks[1]}
    old_ranks = {new_id[old]: place for old, place in base_ranks[1].items()}
    names = {j.id: j.name for j in base.journeys} | {j.id: j.name for j in head.journeys}
    moves = [
        TopMoved(id_, names.get(id_, id_), old_ranks.get(id_), head_ranks[1].get(id_))
        for id_ in dict.fromkeys([*old_ranks, *head_ranks[1]])
        if old_ranks.get(id_) != head_ranks[1].get(id_)
        and min(old_ranks.get(id_) or _UNRANKED, head_ranks[1].get(id_) or _UNRANKED) <= TOP_PLACES
    ]
    return sorted(moves, key=lambda m: (m.rank or _UNRANKED, m.old_rank or _UNRANKED, m.id))


def _details(old: Journey, new: Journey, rank_moved: RankMoved | None) -> list[Detail]:
    if old is new or old == new:  # the same file in both revisions: only its place can move
        return [] if rank_moved is None else [rank_moved]
    details: list[Detail] = []
    if (old.phase, old.cluster) != (new.phase, new.cluster):
        details.append(Moved(old.phase, old.cluster, new.phase, new.cluster))
    for name in _ONE_VALUE_FIELDS:
        if getattr(old, name) != getattr(new, name):
            details.append(Changed(name, getattr(old, name), getattr(new, name)))
    details.extend(_steps(old.steps, new.steps))
    details.extend(_volumes(old, new))
    if rank_moved is not None:
        details.append(rank_moved)
    details.extend(_kpis(old.kpis, new.kpis))
    other = _other_fields(old, new)
    if other:
        details.append(OtherFields(other))
    return details


def _steps(old: list[Step], new: list[Step]) -> list[Detail]:
    before = {step.name: step for step in reversed(old)}  # the first of a repeated name
    after = {step.name: step for step in reversed(new)}
    renamed = _step_renames(
        [(i, s) for i, s in enumerate(old) if s.name not in after],
        [(j, s) for j, s in enumerate(new) if s.name not in before],
    )
    new_name = {name: name for name in before if name in after}
    new_name.update((r.old, r.new) for r in renamed)
    old_of = {now: was for was, now in new_name.items()}
    common_before = [new_name[step.name] for step in old if step.name in new_name]
    common_after = [step.name for step in new if step.name in old_of]
    pairs = [(before[old_of[name]], after[name]) for name in dict.fromkeys(common_after)]
    changed = [
        now.name
        for was, now in pairs
        if _content(was, {"name", *_EMOTIONS}) != _content(now, {"name", *_EMOTIONS})
    ]
    steps = StepsChanged(
        added=_beyond(new, lambda name: old_of.get(name), Counter(common_before)),
        removed=_beyond(
            old, lambda name: new_name.get(name), Counter(old_of[name] for name in common_after)
        ),
        changed=changed,
        # Of each name its first place: a name that now stands twice is an added step, not
        # a new order.
        reordered=list(dict.fromkeys(common_before)) != list(dict.fromkeys(common_after)),
    )
    details: list[Detail] = list(renamed)
    if steps.added or steps.removed or steps.changed or steps.reordered:
        details.append(steps)
    for was, now in pairs:
        for emotion in _EMOTIONS:
            if getattr(was, emotion) != getattr(now, emotion):
                details.append(
                    EmotionChanged(now.name, emotion, getattr(was, emotion), getattr(now, emotion))
                )
    return details


def _beyond(
    steps: list[Step], counterpart: Callable[[str], str | None], there: Counter[str]
) -> list[str]:
    """The names of `steps` the other revision has no step for: a name it lacks, or one that
    stands here more often than there (the second 'Ik betaal' added beside the first).
    `counterpart` gives a name's name in the other revision (None: it has none); `there`
    counts the other revision's steps by this revision's names."""
    seen: Counter[str] = Counter()
    beyond = []
    for step in steps:
        seen[step.name] += 1
        if counterpart(step.name) is None or seen[step.name] > there[step.name]:
            beyond.append(step.name)
    return beyond


def _step_renames(
    removed: list[tuple[int, Step]], added: list[tuple[int, Step]]
) -> list[StepRenamed]:
    """Steps whose name changed: a removed and an added step alike enough, nearest first."""
    facts = {id(step): step_facts(step) for _, step in (*removed, *added)}

    def score(old: tuple[int, Step], new: tuple[int, Step]) -> int:
        (_, was), (_, now) = old, new
        return similarity(was.name, facts[id(was)], now.name, facts[id(now)], STEP_NAME_WEIGHT)

    def distance(i: int, j: int) -> int:
        return abs(removed[i][0] - added[j][0])

    pairs = best_pairs(removed, added, score, distance)
    renamed = [
        StepRenamed(j + 1, was.name, now.name, points) for (_, was), (j, now), points in pairs
    ]
    return sorted(renamed, key=lambda r: r.position)


def _volumes(old: Journey, new: Journey) -> list[Detail]:
    periods = dict.fromkeys([v.period for v in old.volumes] + [v.period for v in new.volumes])
    changes: list[Detail] = []
    for period in sorted(periods):
        was, now = old.volume(period), new.volume(period)
        counts = (
            None if was is None else was.customers,
            None if now is None else now.customers,
            None if was is None else was.contacts,
            None if now is None else now.contacts,
        )
        marks = (tuple(was.estimated) if was else (), tuple(now.estimated) if now else ())
        if counts[0] != counts[1] or counts[2] != counts[3] or marks[0] != marks[1]:
            changes.append(VolumeChanged(period, *counts, *marks))
    return changes


def _rank_moved(
    old_id: str, id_: str, old: Journey, new: Journey, base: Ranks, head: Ranks
) -> RankMoved | None:
    """The movement in the default ranking, for a journey whose volumes' numbers changed (a
    volume that only became an estimate, or a count again, ranks as it did), or that changed
    and with it entered or left a ranking both revisions have (a status to or from retired,
    an error of its own); None where its place did not move: the volume's line says what
    changed, and a place kept is no change. A journey whose place moved only because another
    passed it, or entered or left the ranking above it, has no line: it did not change."""
    was, now = base[1].get(old_id), head[1].get(id_)
    if was == now:
        return None
    counted_again = _counts(old) != _counts(new) and bool(base[0] or head[0])
    entered_or_left = bool(base[0] and head[0]) and None in (was, now) and old != new
    return RankMoved(base[0], was, head[0], now) if counted_again or entered_or_left else None


def _counts(journey: Journey) -> list[tuple[str, int, int]]:
    return [(v.period, v.customers, v.contacts) for v in journey.volumes]


def _kpis(old: dict[str, KpiRecord], new: dict[str, KpiRecord]) -> list[Detail]:
    """Each KPI whose figures changed: measurements (by date) added, changed in value or
    removed, its baseline or its target; a KPI added or removed is all of its figures."""
    details: list[Detail] = []
    for kpi in dict.fromkeys([*new, *old]):
        before, after = old.get(kpi, _NO_KPI), new.get(kpi, _NO_KPI)
        was, now = _by_date(before), _by_date(after)
        added = sorted(day for day in now if day not in was)
        changed = [
            Corrected(day, was[day], now[day]) for day in now if was.get(day, now[day]) != now[day]
        ]
        removed = [Dated(day, was[day]) for day in was if day not in now]
        old_baseline, baseline = _baseline(before), _baseline(after)
        if not (added or changed or removed) and (old_baseline, before.target) == (
            baseline,
            after.target,
        ):
            continue
        old_value, value = _latest(before), _latest(after)
        details.append(
            KpiMeasured(
                kpi,
                added,
                old_value,
                value,
                after.target,
                _towards(old_value, value, after.target),
                [now[day] for day in added],
                sorted(changed, key=lambda c: c.date),
                sorted(removed, key=lambda r: r.date),
                old_baseline=old_baseline,
                baseline=baseline,
                old_target=before.target,
            )
        )
    return details


_NO_KPI = KpiRecord()


def _by_date(record: KpiRecord) -> dict[str, float]:
    """The measurements' values by ISO date; of two on one day, the later in the file (the
    one `_latest` takes)."""
    return {m.date.isoformat(): m.value for m in record.measurements}


def _baseline(record: KpiRecord) -> Dated | None:
    baseline = record.baseline
    return None if baseline is None else Dated(baseline.date.isoformat(), baseline.value)


def _latest(record: KpiRecord) -> float | None:
    """The latest measured value, else the baseline's; None when there is neither."""
    measured: list[Measurement] = sorted(record.measurements, key=lambda m: m.date)
    if measured:
        return measured[-1].value
    return record.baseline.value if record.baseline is not None else None


def _towards(old: float | None, new: float | None, target: float | None) -> bool | None:
    """True nearer the target, False farther; None without a target, a value before and
    after, or a move."""
    if target is None or old is None or new is None or abs(new - target) == abs(old - target):
        return None
    return abs(new - target) < abs(old - target)


def _other_fields(old: Journey, new: Journey) -> list[str]:
    other = [
        name
        for name in Journey.model_fields
        if name not in _OWN_DETAIL and getattr(old, name) != getattr(new, name)
    ]
    if _kpis_beyond_measurements(old.kpis, new.kpis):
        other.append("kpis")
    return other


def _kpis_beyond_measurements(old: dict[str, KpiRecord], new: dict[str, KpiRecord]) -> bool:
    """Whether the KPIs changed beyond what their details say (their figures): a
    measurement's or the baseline's count of responses or source, the measurements' order,
    or a KPI added or removed that holds no figure."""
    one_side = [
        record for kpi, record in (*old.items(), *new.items()) if (kpi in old) != (kpi in new)
    ]
    if any(record == _NO_KPI for record in one_side):
        return True
    for kpi in old.keys() & new.keys():
        if _unsaid(old[kpi], new[kpi]) != _unsaid(new[kpi], old[kpi]):
            return True
    return False


def _unsaid(record: KpiRecord, other: KpiRecord) -> tuple[object, ...]:
    """What the KPI's detail leaves out of `record`, of what `other` has too: the count of
    responses and the source of the measurements of a day both have and of the baseline, and
    the measurements' order."""
    dates = _by_date(other).keys()
    kept = [(m.date, m.n, m.source) for m in record.measurements if m.date.isoformat() in dates]
    baseline = record.baseline if other.baseline is not None else None
    return (kept, None if baseline is None else (baseline.n, baseline.source))


# --- improvements --------------------------------------------------------------------


def _improvements(
    before: dict[str, Improvement], after: dict[str, Improvement]
) -> list[ImprovementDiff]:
    diffs = [
        ImprovementDiff(i, m.title, "added", None, m.status)
        for i, m in after.items()
        if i not in before
    ]
    diffs.extend(
        ImprovementDiff(i, m.title, "removed", m.status, None)
        for i, m in before.items()
        if i not in after
    )
    for id_, new in after.items():
        old = before.get(id_)
        if old is None or old == new:
            continue
        fields = [
            f
            for f in Improvement.model_fields
            if f != "status" and getattr(old, f) != getattr(new, f)
        ]
        old_status = old.status if old.status != new.status else None
        diffs.append(ImprovementDiff(id_, new.title, "changed", old_status, new.status, fields))
    return sorted(diffs, key=lambda diff: diff.id)


# --- framework -----------------------------------------------------------------------


def _framework(old: Framework | None, new: Framework | None) -> list[FrameworkChange]:
    if old is None or new is None:
        return []  # a framework that did not load is reported as the revision's findings
    changes = [
        FrameworkChange(
            "framework", name, name, "changed", [name], getattr(old, name), getattr(new, name)
        )
        for name in _FRAMEWORK_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    changes.extend(
        FrameworkChange(_RANKING, weight, weight, "changed", ["weight"], was, now)
        for weight, was, now in _settings(old.ranking, new.ranking)
    )
    for section in _FRAMEWORK_LISTS:
        changes.extend(_entries(section, getattr(old, section), getattr(new, section)))
    for block in SETTINGS_BLOCKS:
        changes.extend(
            FrameworkChange(block, key, key, "changed", [key], was, now)
            for key, was, now in _settings(getattr(old, block), getattr(new, block))
        )
    return changes


def _settings(old: BaseModel, new: BaseModel) -> list[tuple[str, Any, Any]]:
    """Each key of a block of settings whose value changed: the key, the old and new value."""
    return [
        (key, getattr(old, key), getattr(new, key))
        for key in type(old).model_fields
        if getattr(old, key) != getattr(new, key)
    ]


def _entries(section: str, old: list[Any], new: list[Any]) -> list[FrameworkChange]:
    before, after = _by_id(old), _by_id(new)
    changes = [
        FrameworkChange(section, i, e.name, "added") for i, e in after.items() if i not in before
    ]
    changes.extend(
        FrameworkChange(section, i, e.name, "removed") for i, e in before.items() if i not in after
    )
    for id_, entry in after.items():
        was = before.get(id_)
        if was is None or was == entry:
            continue
        fields = [f for f in type(entry).model_fields if getattr(was, f) != getattr(entry, f)]
        weights = (was.weight, entry.weight) if "weight" in fields else (None, None)
        changes.append(FrameworkChange(section, id_, entry.name, "changed", fields, *weights))
    return changes


def _names(old: Framework | None, new: Framework | None) -> dict[str, dict[str, str]]:
    """Phase, cluster, owner and KPI names by id: the head's, and the base's for removed ones."""
    names: dict[str, dict[str, str]] = {}
    for framework in (old, new):
        if framework is None:
            continue
        for section in ("phases", "clusters", "owners", "kpis"):
            names.setdefault(section, {}).update(
                (e.id, e.name) for e in getattr(framework, section)
            )
    return names
