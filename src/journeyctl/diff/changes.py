"""What changed between two revisions of a tree: plain data for the diff's formats.

A `TreeDiff` holds one `JourneyDiff` per journey that was added, removed, renamed, moved
or changed, one `ImprovementDiff` per improvement, one `FrameworkChange` per entry of
`framework.yaml` that changed, and what each revision's validation found. Each detail of a
changed journey is its own small record (`Moved`, `StepsChanged`, `VolumeChanged`, ...), so
that a format says each in its own words; `TreeDiff.to_dict` is the JSON shape.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
from typing import Literal

from journeyctl.text import Lang

# moved: the phase or cluster changed (perhaps with more); changed: anything else;
# invalid: the journey's file did not load in one revision (or loads differently wrong in
# both), so it is neither added nor removed: the reviewer must fix the file.
JourneyChangeKind = Literal["added", "removed", "renamed", "moved", "changed", "invalid"]
Side = Literal["base", "head"]
EntryChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Revision:
    """One side of the diff: a git revision (None: the working tree) and its validation."""

    revision: str | None
    loaded: bool  # framework.yaml loaded, so its journeys can be named and compared
    errors: int
    warnings: int
    journeys: int
    merge_base: str | None = None  # `--merge-base REF`: the REF whose merge base this is

    @property
    def valid(self) -> bool:
        return self.loaded and self.errors == 0

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "valid": self.valid}


@dataclass(frozen=True)
class Invalid:
    """The journey's file did not load in one revision: where, and the first error that says why."""

    revision: Side
    file: str  # relative to the repository, as a pull request names it
    line: int | None
    column: int | None
    message: str
    kind: str = dataclasses.field(default="invalid", init=False)


@dataclass(frozen=True)
class Moved:
    """The journey's phase or cluster changed."""

    old_phase: str
    old_cluster: str
    phase: str
    cluster: str
    kind: str = dataclasses.field(default="moved", init=False)


@dataclass(frozen=True)
class Changed:
    """A one-value field changed: `name`, `status` or `owner`."""

    field: str
    old: str | None
    new: str | None
    kind: str = dataclasses.field(default="field", init=False)


@dataclass(frozen=True)
class StepsChanged:
    """Steps by name: added, removed, changed in content, and whether the rest changed order."""

    added: list[str]
    removed: list[str]
    changed: list[str]
    reordered: bool
    kind: str = dataclasses.field(default="steps", init=False)


@dataclass(frozen=True)
class StepRenamed:
    """A step whose name changed, matched by its position and content (`similarity` 0..100)."""

    position: int  # 1-based, in the head's steps
    old: str
    new: str
    similarity: int
    kind: str = dataclasses.field(default="step_renamed", init=False)


@dataclass(frozen=True)
class EmotionChanged:
    """A step's actual or desired emotion (1..5) changed; None: not given."""

    step: str
    field: Literal["emotion", "desired_emotion"]
    old: int | None
    new: int | None
    kind: str = dataclasses.field(default="emotion", init=False)


@dataclass(frozen=True)
class VolumeChanged:
    """A period's volumes: added (old None), removed (new None) or changed, in their numbers
    or in which of them someone estimated ("customers", "contacts")."""

    period: str
    old_customers: int | None
    customers: int | None
    old_contacts: int | None
    contacts: int | None
    old_estimated: tuple[str, ...] = ()
    estimated: tuple[str, ...] = ()
    kind: str = dataclasses.field(default="volume", init=False)


@dataclass(frozen=True)
class RankMoved:
    """The journey's place in each revision's default ranking; None: not ranked there."""

    old_period: str | None
    old_rank: int | None
    period: str | None
    rank: int | None
    kind: str = dataclasses.field(default="rank", init=False)


@dataclass(frozen=True)
class Dated:
    """A KPI's value on a day: a measurement, or its baseline."""

    date: str  # ISO
    value: float


@dataclass(frozen=True)
class Corrected:
    """A measurement whose value changed on its day."""

    date: str  # ISO
    old: float
    new: float


@dataclass(frozen=True)
class KpiMeasured:
    """A KPI's figures that changed: measurements added (`dates`, `values`), changed in value
    or removed, its baseline or target; and its latest value before and after, and whether
    that moved towards the target. The KPI's baseline and target are each revision's, the
    same where they did not change."""

    kpi: str
    dates: list[str]  # ISO dates of the measurements added
    old_value: float | None  # the latest value before: a measurement, else the baseline
    value: float | None  # the latest value now; None: the KPI has no value left
    target: float | None
    towards_target: bool | None  # None: no target, or nothing to compare with
    values: list[float]  # the added measurements' values, in the order of `dates`
    changed: list[Corrected] = dataclasses.field(default_factory=list)
    removed: list[Dated] = dataclasses.field(default_factory=list)
    old_baseline: Dated | None = dataclasses.field(kw_only=True)
    baseline: Dated | None = dataclasses.field(kw_only=True)
    old_target: float | None = dataclasses.field(kw_only=True)
    kind: str = dataclasses.field(default="kpi", init=False)

    @property
    def latest_moved(self) -> bool:
        """Whether a latest value there was before moved (to another, or to none)."""
        return self.old_value is not None and self.old_value != self.value


@dataclass(frozen=True)
class OtherFields:
    """Fields that changed beyond those above, by name (description, goal, team, ...)."""

    fields: list[str]
    kind: str = dataclasses.field(default="other", init=False)


Detail = (
    Invalid
    | Moved
    | Changed
    | StepRenamed
    | StepsChanged
    | EmotionChanged
    | VolumeChanged
    | RankMoved
    | KpiMeasured
    | OtherFields
)


@dataclass(frozen=True)
class JourneyDiff:
    id: str
    name: str
    change: JourneyChangeKind
    phase: str
    cluster: str
    old_id: str | None = None  # a renamed journey's id before
    details: list[Detail] = dataclasses.field(default_factory=list)
    similarity: int | None = None  # a renamed journey's content similarity, 0..100

    @property
    def invalid_in_head(self) -> bool:
        return any(isinstance(d, Invalid) and d.revision == "head" for d in self.details)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "change": self.change,
            "old_id": self.old_id,
            "name": self.name,
            "phase": self.phase,
            "cluster": self.cluster,
            "details": [{"kind": detail.kind, **asdict(detail)} for detail in self.details],
            "similarity": self.similarity,
        }


@dataclass(frozen=True)
class ImprovementDiff:
    id: str
    title: str
    change: EntryChangeKind
    old_status: str | None  # None: added, or the status did not change
    status: str | None  # None: removed
    fields: list[str] = dataclasses.field(default_factory=list)  # other fields that changed

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class FrameworkChange:
    """An entry of a framework list (phase, cluster, ...), a weight, or a top-level field."""

    section: str  # phases, clusters, contact_reasons, owners, ..., ranking, framework
    id: str
    name: str
    change: EntryChangeKind
    fields: list[str] = dataclasses.field(default_factory=list)
    old_value: float | str | None = None  # for a weight or a top-level field
    value: float | str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class TopMoved:
    """A journey whose place in the default ranking's top changed (in, out or within it)."""

    id: str
    name: str
    old_rank: int | None  # None: not ranked in the base
    rank: int | None  # None: not ranked in the head

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class TreeDiff:
    base: Revision
    head: Revision
    language: Lang
    journeys: list[JourneyDiff]
    improvements: list[ImprovementDiff]
    framework: list[FrameworkChange]
    # Names of phases, clusters and owners for people (head's, then base's for removed ones).
    names: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    # Every place that changed in the top of the default ranking, by the head's place.
    top_moves: list[TopMoved] = dataclasses.field(default_factory=list)

    @property
    def framework_compared(self) -> bool:
        """Whether framework.yaml loaded in both revisions, so that its entries and settings
        were compared; where it did not, nobody can say that it did not change."""
        return self.base.loaded and self.head.loaded

    @property
    def changed(self) -> bool:
        """Anything changed, or the framework could not be compared: a framework.yaml that
        does not load is a change, as a journey file that does not load is."""
        return bool(
            self.journeys or self.improvements or self.framework or not self.framework_compared
        )

    def count(self, change: str) -> int:
        return sum(journey.change == change for journey in self.journeys)

    def to_dict(self) -> dict[str, object]:
        return {
            "base": self.base.to_dict(),
            "head": self.head.to_dict(),
            "changed": self.changed,
            "journeys": [journey.to_dict() for journey in self.journeys],
            "improvements": [improvement.to_dict() for improvement in self.improvements],
            "framework": [change.to_dict() for change in self.framework],
            "framework_compared": self.framework_compared,
            "top_moves": [moved.to_dict() for moved in self.top_moves],
        }
