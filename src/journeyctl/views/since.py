"""What changed since an earlier revision, as a steering meeting reads it: journeys whose
status changed, journeys mapped for the first time, improvements that went live, and volumes
that moved; one row each, in that order, with what it was and what it is now.

Built from a `journeyctl.diff` of the framework between the revision and now, and the
journeys as they are now (a new journey with steps is a new map, and so is one whose steps
were all added). The diff's other details (a description edited, a step renamed) are for a
reviewer (`journeyctl diff`, `views/diff.py`), not for this page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeyctl.diff.changes import (
    Changed,
    ImprovementDiff,
    JourneyDiff,
    StepRenamed,
    StepsChanged,
    TreeDiff,
    VolumeChanged,
)
from journeyctl.model import Journey
from journeyctl.text import LABELS, Lang, label
from journeyctl.views import cells
from journeyctl.views.cells import ESTIMATED, NONE, PARTS, Cell, Table, count, journey_page

LIVE = "implemented"  # the improvement status that means it went live

# The kinds of row, in the order the table shows them.
KINDS = ("status", "mapped", "live", "volumes")


@dataclass(frozen=True)
class SinceRow:
    kind: str  # one of KINDS: what a page groups or colours by
    what: Cell  # the kind in words: "Status", "New map", "Volumes 2026-Q1"
    name: Cell  # the journey (linked) or the improvement
    before: Cell
    now: Cell


@dataclass(frozen=True)
class SinceView:
    since: str  # the revision as it was asked for
    table: Table  # what, name, before, now: one row per SinceRow
    rows: tuple[SinceRow, ...]
    counts: dict[str, int]  # how many rows of each kind

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.table,)


def since_view(diff: TreeDiff, journeys: Sequence[Journey], lang: Lang) -> SinceView:
    """The view of `diff` (from the revision to now); `journeys`: the tree as it is now."""
    since = diff.base.revision or NONE
    steps_now = {journey.id: len(journey.steps) for journey in journeys}
    rows = [
        *(row for journey in diff.journeys for row in _status(journey, lang)),
        *(
            _mapped(journey, steps_now[journey.id], lang)
            for journey in diff.journeys
            if _is_new_map(journey, steps_now)
        ),
        *(_live(improvement, lang) for improvement in diff.improvements if _went_live(improvement)),
        *(row for journey in diff.journeys for row in _volumes(journey, lang)),
    ]
    columns = ("deck.since.what", "name", "deck.since.before", "deck.since.now")
    table = Table(
        label("deck.since.title", lang).format(since=since),
        *cells.headed(columns, lang),
        tuple((row.what, row.name, row.before, row.now) for row in rows),
        flexible=1,
        empty=label("deck.since.none", lang).format(since=since),
    )
    counts = {kind: sum(1 for row in rows if row.kind == kind) for kind in KINDS}
    return SinceView(since, table, tuple(rows), counts)


def _status(journey: JourneyDiff, lang: Lang) -> list[SinceRow]:
    return [
        SinceRow(
            "status",
            Cell(label("status", lang)),
            _journey(journey),
            Cell(_word("journey_status", detail.old, lang)),
            Cell(_word("journey_status", detail.new, lang)),
        )
        for detail in journey.details
        if isinstance(detail, Changed) and detail.field == "status"
    ]


def _is_new_map(journey: JourneyDiff, steps_now: dict[str, int]) -> bool:
    """Mapped since: added with steps, or every step it has now was added (it had none)."""
    now = steps_now.get(journey.id, 0)
    if not now or journey.change in ("removed", "invalid"):
        return False
    if journey.change == "added":
        return True
    if any(isinstance(detail, StepRenamed) for detail in journey.details):
        return False
    steps = next((d for d in journey.details if isinstance(d, StepsChanged)), None)
    return steps is not None and not steps.removed and not steps.changed and len(steps.added) == now


def _mapped(journey: JourneyDiff, steps: int, lang: Lang) -> SinceRow:
    return SinceRow(
        "mapped",
        Cell(label("deck.since.mapped", lang)),
        _journey(journey),
        Cell(NONE),
        Cell(label("deck.since.steps", lang).format(count=count(steps, lang))),
    )


def _went_live(improvement: ImprovementDiff) -> bool:
    """Implemented now, and added so or implemented since (a status that changed to it)."""
    if improvement.status != LIVE:
        return False
    return improvement.change == "added" or improvement.old_status not in (None, LIVE)


def _live(improvement: ImprovementDiff, lang: Lang) -> SinceRow:
    return SinceRow(
        "live",
        Cell(label("deck.since.live", lang)),
        Cell(improvement.title),
        Cell(_word("improvement_status", improvement.old_status, lang)),
        Cell(_word("improvement_status", improvement.status, lang)),
    )


def _volumes(journey: JourneyDiff, lang: Lang) -> list[SinceRow]:
    return [
        SinceRow(
            "volumes",
            Cell(label("diff.volumes", lang).format(period=detail.period)),
            _journey(journey),
            _volume(detail.old_customers, detail.old_contacts, detail.old_estimated, lang),
            _volume(detail.customers, detail.contacts, detail.estimated, lang),
        )
        for detail in journey.details
        if isinstance(detail, VolumeChanged)
    ]


def _volume(
    customers: int | None, contacts: int | None, estimated: tuple[str, ...], lang: Lang
) -> Cell:
    """Customers and contacts, one per line where the output has lines, each marked where
    someone estimated it; NONE without."""
    if customers is None and contacts is None:
        return Cell(NONE)
    parts = tuple(
        Cell(
            f"{label(key, lang).lower()} {count(value, lang)}",
            mark=ESTIMATED if key in estimated else "",
        )
        for key, value in (("customers", customers), ("contacts", contacts))
    )
    return Cell(PARTS.join(part.shown for part in parts), parts=parts)


def _journey(journey: JourneyDiff) -> Cell:
    return Cell(journey.name, link=journey_page(journey.id))


def _word(kind: str, status: str | None, lang: Lang) -> str:
    """A status in the page's language; NONE where there was none (added)."""
    if status is None:
        return NONE
    return LABELS[lang].get(f"{kind}.{status}", status)
