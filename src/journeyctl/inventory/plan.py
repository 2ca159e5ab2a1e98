"""The plan of an import: for every journey a sheet names, the file to create, the new text
of the file to update, or nothing to change; the additions to `framework.yaml`.

Every new text is computed before anything is written, with the writer's round-trip edits
(`journeyctl.write`), so that what the sheet does not change stays byte-identical. A plan
with problems is refused whole. The tree as the plan would leave it is validated first:
an import never leaves a tree that does not validate.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ruamel.yaml.comments import CommentedMap, CommentedSeq

if TYPE_CHECKING:
    from journeyctl.inventory.overlay import Remembered
    from journeyctl.load.tree import Document

from journeyctl.framework import CheckedTree
from journeyctl.inventory.cells import Problem
from journeyctl.inventory.formula import line_feeds, read_back
from journeyctl.inventory.rows import (
    InventoryRow,
    MeasurementRow,
    NoteCell,
    VolumeCells,
    Written,
)
from journeyctl.inventory.values import CellError, NumberFormat, count, measure, yes_no
from journeyctl.inventory.words import Message, Said, all_of, one_of, said
from journeyctl.model import Framework, Journey
from journeyctl.model.common import slugify
from journeyctl.model.journey import ESTIMABLE, Volume
from journeyctl.suggest import closest_few, near_duplicates
from journeyctl.text import Kind, Lang, Names, fold
from journeyctl.write import (
    SCHEMAS_FOLDER,
    append_item,
    child_list,
    child_map,
    edit_yaml,
    journey_file,
    modeline,
    new_yaml,
    one_line,
    set_value,
    upsert_item,
)

FRAMEWORK_FILE = "framework.yaml"


@dataclass
class FileChange:
    relative: str  # to the root, `/` between folders
    old: str | None  # None: a new file
    new: str
    # What changes (`details`), or what says it when first asked for: only a dry run shows
    # a new journey's, and 10,000 new journeys held 60 MiB of them.
    described: list[Message] | Callable[[], list[Message]] = field(default_factory=list)
    journey: str | None = None

    @property
    def details(self) -> list[Message]:
        if callable(self.described):
            self.described = self.described()
        return self.described


@dataclass
class Plan:
    changes: list[FileChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # journey ids
    problems: list[Problem] = field(default_factory=list)
    # "ik-verhuis 2025 customers": counted numbers of the tree an estimate replaces.
    estimates_replacing: list[Message] = field(default_factory=list)

    @property
    def created(self) -> list[FileChange]:
        return [c for c in self.changes if c.old is None and c.journey is not None]

    @property
    def updated(self) -> list[FileChange]:
        return [c for c in self.changes if c.old is not None and c.journey is not None]

    @property
    def framework(self) -> FileChange | None:
        return next((c for c in self.changes if c.journey is None), None)


@dataclass
class _Journey:
    """What the rows of the sheets say about one journey, gathered."""

    id: str
    rows: list[InventoryRow] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)


class _PhaseClusters(NamedTuple):
    ids: frozenset[str]
    by_name: dict[str, str]  # folded id or name -> id
    by_alias: dict[str, str]  # folded alias -> id


class _Planner:
    def __init__(
        self,
        checked: CheckedTree,
        numbers: Lang | NumberFormat,
        add_missing: bool,
        confirm_new: bool = False,
        remembered: Remembered | None = None,
    ) -> None:
        self.checked = checked
        self.framework: Framework = checked.framework
        self.names = Names(self.framework)
        self.numbers = numbers  # how the sheet writes text numbers (criteria)
        self.add_missing = add_missing
        self.confirm_new = confirm_new
        # What loading the tree read, so that the tree after the plan is judged without
        # parsing again the files the plan leaves as they are.
        self.remembered = remembered
        self.plan = Plan()
        self.documents = {d.model.id: d for d in checked.tree.journeys}
        self.by_name = {fold(d.model.name): d.model.id for d in checked.tree.journeys}
        # A journey's aliases (old ids or names, the client's words), folded: after its id
        # and name, never before another journey's.
        self.by_alias: dict[str, set[str]] = {}
        for document in checked.tree.journeys:
            for alias in document.model.aliases:
                self.by_alias.setdefault(fold(alias), set()).add(document.model.id)
        # The names this import gives journeys, folded -> the journey's id and the cell: a
        # new name (`renamed`), a new journey's (`created`). A new name is refused where
        # another journey has it or gets it, a new journey's where a new name is it.
        self.renamed: dict[str, tuple[str, str]] = {}
        self.created: dict[str, tuple[str, str]] = {}
        # Additions to framework.yaml (with --add-missing): id -> entry.
        self.new_phases: dict[str, dict[str, str]] = {}
        self.new_clusters: dict[str, dict[str, str]] = {}
        self.new_owners: dict[str, dict[str, str]] = {}
        # Names the framework does not know, each refused once: (kind, folded, phase) ->
        # the name as first written and every cell that writes it.
        self.unknown: dict[tuple[Kind, str, str | None], tuple[str, list[str]]] = {}
        # Names that name no entry beside an id that names one, each refused once: (kind,
        # folded name, id) -> the name as first written, and every name cell and id cell.
        self.mismatched: dict[tuple[Kind, str, str], tuple[str, list[tuple[str, str]]]] = {}
        self.spellings: dict[Kind, dict[str, frozenset[str]]] = {}  # see `_ids`
        self.clusters_by_phase: dict[str, _PhaseClusters] = {}
        self.schema_lines: dict[str, str] = {}  # a folder of new journeys: their modeline
        # New documents not read back yet, with their data: read back by `_validated`.
        self.unread: dict[str, bytes] = {}

    def problem(self, where: str, message: Message) -> None:
        self.plan.problems.append(Problem(where, message))

    # Journeys ---------------------------------------------------------------------------

    def journey_id(self, name: Written | None, id_: Written | None) -> str | None:
        """The journey a row means: its id, or the journey that has it as an alias (an old
        id); else an existing journey by slug, name or alias; else the slug of the name (a
        new journey)."""
        if id_ is not None:
            if not self.is_id(id_, "plan.not_an_id"):
                return None
            found = id_.text if id_.text in self.documents else self.aliased(id_)
            if found is not None:
                return found if self.names_it(found, name, id_) else None
            named = None if name is None else self.existing(name)
            if named is not None:
                # No journey has the id, and the name beside it is an existing journey's:
                # a mistyped id, not a new journey of that name.
                assert name is not None
                self.problem(
                    id_.where,
                    said(
                        "plan.unknown_id",
                        id=repr(id_.text),
                        name=repr(name.text),
                        cell=name.where,
                        other=named,
                        file=self.documents[named].file,
                    ),
                )
                return None
            return id_.text
        assert name is not None
        found = self.existing(name, say_ambiguous=True)
        if found is not None:
            return found
        slug = slugify(name.text)
        if not slug:
            self.problem(name.where, said("plan.no_id", name=repr(name.text)))
            return None
        return slug

    def is_id(self, id_: Written, key: str, **words: object) -> bool:
        """Whether an id cell holds an id as the files write one; else it is refused at its
        cell (`key`: with the id made of it), never replaced by an id made of the name."""
        slug = slugify(id_.text)
        if slug == id_.text:
            return True
        value = repr(id_.text)
        message = (
            said(key, value=value, slug=slug, **words)
            if slug
            else said("plan.not_an_id_at_all", value=value)
        )
        self.problem(id_.where, message)
        return False

    def names_it(self, journey_id: str, name: Written | None, id_: Written) -> bool:
        """Whether the name beside an id that finds `journey_id` is not another journey's:
        a row whose Id names one journey and whose name cell is another's (two Id cells
        swapped, or a name typed over) is refused at the Id cell with both, rather than
        read as a rename that another journey's name refuses, or as a move."""
        if name is None:
            return True
        model = self.documents[journey_id].model
        if fold(name.text) in {fold(model.name), *(fold(a) for a in model.aliases)}:
            return True
        taken = self.name_taken(journey_id, name.text.strip())
        if taken is None:
            return True
        self.problem(
            id_.where,
            said(
                "plan.id_other_journey",
                id_cell=id_.where,
                id=journey_id,
                cell=name.where,
                name=repr(name.text),
                taken=taken,
            ),
        )
        return False

    def existing(self, name: Written, *, say_ambiguous: bool = False) -> str | None:
        """The existing journey a name finds (by the id made of it, its name or the one
        alias that names it); None where it finds none. An alias of several journeys finds
        none, said as a problem with `say_ambiguous`."""
        slug = slugify(name.text)
        if slug in self.documents:
            return slug
        named = self.by_name.get(fold(name.text))
        if named is not None:
            return named
        if say_ambiguous:
            return self.aliased(name)
        aliased = self.by_alias.get(fold(name.text), set())
        return next(iter(aliased)) if len(aliased) == 1 else None

    def aliased(self, written: Written) -> str | None:
        ids = self.by_alias.get(fold(written.text), set())
        if len(ids) > 1:
            self.problem(
                written.where,
                said(
                    "plan.alias_of_several",
                    alias=repr(written.text),
                    count=len(ids),
                    ids=tuple(sorted(ids)),
                ),
            )
        return next(iter(ids)) if len(ids) == 1 else None

    def name_taken(self, journey_id: str, name: str) -> Said | None:
        """Why `name` cannot be the name of `journey_id` (None where it can): another
        journey's name, alias or id already means it, or this import gives it to another
        journey. A row that names it, without an id, would find that other journey."""
        key = fold(name)
        other = self.by_name.get(key)
        if other is not None and other != journey_id:
            return self._taken("name", other)
        others = sorted(self.by_alias.get(key, set()) - {journey_id})
        if others:
            return self._taken("alias", others[0])
        slug = slugify(name)
        if slug in self.documents and slug != journey_id:
            return self._taken("id", slug)
        return self.given(journey_id, name, self.renamed, self.created)

    def given(self, journey_id: str, name: str, *gives: dict[str, tuple[str, str]]) -> Said | None:
        """The cell of this import that gives `name` to another journey, said; else None."""
        for names in gives:
            other, cell = names.get(fold(name), (journey_id, ""))
            if other != journey_id:
                return said("plan.taken.given", other=other, cell=cell)
        return None

    def _taken(self, what: str, other: str) -> Said:
        return said(f"plan.taken.{what}", other=other, file=self.documents[other].file)

    def near_duplicate(
        self, journey_id: str, name: str, where: str, id_: Written | None = None
    ) -> bool:
        """Whether a new journey's name is very like an existing journey's (the test that
        `journeyctl new` warns by): refused, unless --confirm-new says it is new."""
        if self.confirm_new:
            return False
        existing = {
            d.model.id: [d.model.name, *d.model.aliases]
            for d in self.checked.tree.journeys
            if d.model.id != journey_id
        }
        similar = near_duplicates(name, existing)
        if not similar:
            return False
        meant = self.documents[similar[0]].model
        named = {"name": repr(name), "meant": repr(meant.name), "id": meant.id}
        if id_ is None:
            self.problem(where, said("plan.near_duplicate", **named))
        else:  # an id that no journey has: mistyped, or a new journey's
            unknown = said("plan.near_duplicate_id", new_id=repr(id_.text), cell=where, **named)
            self.problem(id_.where, unknown)
        return True

    # Framework references ---------------------------------------------------------------

    def phase(
        self, written: Written, id_: Written | None = None, own: str | None = None
    ) -> str | None:
        return self._entry("phase", written, id_, self.new_phases, own)

    def owner(self, written: Written, id_: Written | None = None) -> str | None:
        return self._entry("owner", written, id_, self.new_owners)

    def _entry(
        self,
        kind: Kind,
        written: Written,
        id_: Written | None,
        new: dict[str, dict[str, str]],
        own: str | None = None,
    ) -> str | None:
        """The phase or owner a name cell names; where it names none, the one the id cell
        beside it names, if the name is one of its spellings; else a new entry (with
        --add-missing) or a refusal."""
        found = self.names.find(kind, written.text)
        if found is not None:
            return found if self.same_entry(kind, written, found, id_, own) else None
        named = self._id_entry(kind, id_)
        if named is not None:
            return self._by_id(kind, written, named, id_)
        if not self._new_entry_id(kind, id_):
            return None
        return self._missing(kind, written, new, {}, id_)

    def by_id_alone(self, kind: Kind, id_: Written) -> str | None:
        """The entry an id cell names beside an empty name cell: the id decides. An id that
        names no entry is refused at its cell (there is no name to add it by)."""
        found = self._named_by_id(kind, id_)
        if found is None:
            self.problem(
                id_.where,
                said("plan.entry_id_unknown", id=repr(id_.text), kind=said(f"word.{kind}")),
            )
        return found

    def _named_by_id(self, kind: Kind, id_: Written) -> str | None:
        """The entry an id cell names: by its id, else by an old id (or a name) among its
        spellings."""
        if id_.text in self._ids(kind):
            return id_.text
        return self.names.find(kind, id_.text)

    def same_entry(
        self, kind: Kind, written: Written, found: str, id_: Written | None, own: str | None = None
    ) -> bool:
        """Whether the id cell beside a name cell that names `found` names it too (or is
        empty). An id cell that names another entry, or none, is refused at the id cell
        with both cells: import cannot tell which of the two the person changed. A name
        that puts a journey in another phase or cluster than its own (`own`) is refused as
        a move at the name cell instead (import moves no journey, whatever the id says)."""
        if id_ is None:
            return True
        named = self._named_by_id(kind, id_)
        if named == found or (named is not None and own is not None and found != own):
            return True
        fields = {
            "id_cell": id_.where,
            "id": repr(id_.text),
            "kind": said(f"word.{kind}"),
            "cell": written.where,
            "text": repr(written.text),
            "found": found,
        }
        if named is None:
            self.problem(id_.where, said("plan.entry_id_unknown_beside", **fields))
        else:
            self.problem(id_.where, said("plan.entry_id_other", named=named, **fields))
        return False

    def _new_entry_id(self, kind: Kind, id_: Written | None) -> bool:
        """Whether an id cell beside a name the framework does not know can be the new
        entry's id (or is empty); one that is not an id is refused at its cell, not
        replaced by an id made of the name."""
        return id_ is None or self.is_id(id_, "plan.not_an_entry_id", kind=said(f"word.{kind}"))

    def _id_entry(self, kind: Kind, id_: Written | None) -> str | None:
        """The entry of the framework an id cell names; None for none (or no cell)."""
        if id_ is None or id_.text not in self._ids(kind):
            return None
        return id_.text

    def _ids(self, kind: Kind) -> dict[str, frozenset[str]]:
        """Each entry's id -> its spellings (id, name, aliases), folded; made once a kind."""
        if kind not in self.spellings:
            spelled: dict[str, set[str]] = {id_: set() for id_, _ in self.names.known(kind)}
            for id_, text in self.names.spellings(kind):
                spelled[id_].add(fold(text))
            self.spellings[kind] = {id_: frozenset(s) for id_, s in spelled.items()}
        return self.spellings[kind]

    def _by_id(self, kind: Kind, written: Written, named: str, id_: Written | None) -> str | None:
        """The entry the id cell names where the name cell beside it is one of its
        spellings (a name that several entries share). A name that names no entry beside
        an id that names one is refused with both cells: it may be a new entry written
        beside the old one's id, or the entry's name before it was renamed in
        framework.yaml; import cannot tell which, and takes neither silently."""
        if fold(written.text) in self._ids(kind)[named]:
            return named
        assert id_ is not None
        key = (kind, fold(written.text), named)
        self.mismatched.setdefault(key, (written.text, []))[1].append((written.where, id_.where))
        return None

    def cluster(
        self, written: Written, phase: str, id_: Written | None = None, own: str | None = None
    ) -> str | None:
        ids, by_name, by_alias = self._clusters_of(phase)
        key = fold(written.text)
        named = self._id_entry("cluster", id_)
        if named in ids and key in self._ids("cluster")[named]:
            return named  # the id's cluster's name (which a cluster of another phase shares)
        in_phase = by_name.get(key) or by_alias.get(key)
        if in_phase is not None:
            return in_phase if self.same_entry("cluster", written, in_phase, id_, own) else None
        found = self.names.find("cluster", written.text)
        if found is None and named is not None:
            found = self._by_id("cluster", written, named, id_)
            if found is None:
                return None  # refused with the id cell beside it
        if found is not None:
            owner_phase = next(c.phase for c in self.framework.clusters if c.id == found)
            self.problem(
                written.where,
                said(
                    "plan.cluster_of_other_phase",
                    cluster=repr(written.text),
                    its_phase=repr(self.names.name("phase", owner_phase)),
                    phase=repr(self.names.name("phase", phase)),
                ),
            )
            return None
        if not self._new_entry_id("cluster", id_):
            return None
        new = self.new_clusters.get(_new_id(written, id_))
        if new is not None and new["phase"] != phase:
            self.problem(
                written.where, said("plan.cluster_in_two_phases", cluster=repr(written.text))
            )
            return None
        return self._missing("cluster", written, self.new_clusters, {"phase": phase}, id_)

    def _clusters_of(self, phase: str) -> _PhaseClusters:
        """The phase's clusters: their ids; by their ids and names, and by their aliases,
        folded (the first in the framework's order where two share one). Made once a phase,
        not once a row (a sheet of 10,000 rows folded every name of the phase for each)."""
        if phase not in self.clusters_by_phase:
            in_phase = [c for c in self.framework.clusters if c.phase == phase]
            by_name: dict[str, str] = {}
            by_alias: dict[str, str] = {}
            for cluster in in_phase:
                for spelling in (cluster.id, cluster.name):
                    by_name.setdefault(fold(spelling), cluster.id)
            for cluster in in_phase:
                for alias in cluster.aliases:
                    by_alias.setdefault(fold(alias), cluster.id)
            ids = frozenset(c.id for c in in_phase)
            self.clusters_by_phase[phase] = _PhaseClusters(ids, by_name, by_alias)
        return self.clusters_by_phase[phase]

    def _missing(
        self,
        kind: Kind,
        written: Written,
        new: dict[str, dict[str, str]],
        extra: dict[str, str],
        id_: Written | None = None,
    ) -> str | None:
        slug = _new_id(written, id_)
        if self.add_missing and slug:
            new.setdefault(slug, {"id": slug, "name": written.text, **extra})
            return slug
        # Refused once per name, at its first cell, with the others it stands in.
        key = (kind, fold(written.text), extra.get("phase"))
        self.unknown.setdefault(key, (written.text, []))[1].append(written.where)
        return None

    def refuse_unknown(self) -> None:
        """One problem per name the framework does not know: where it is written (the first
        cell, and how many more), the closest names the framework has, what to do."""
        for (kind, _, phase), (text, cells) in self.unknown.items():
            self.problem(cells[0], self._unknown_message(kind, text, phase, cells[1:]))
        for (kind, _, named), (text, places) in self.mismatched.items():
            (cell, id_cell), others = places[0], [cell for cell, _ in places[1:]]
            fields = {
                "text": repr(text),
                "kind": said(f"word.{kind}"),
                "new_kind": said(f"word.new_{kind}"),
                "id_cell": id_cell,
                "id": named,
                "name": repr(self.names.name(kind, named)),
            }
            if others:
                self.problem(cell, said("plan.not_the_entry_also", also=_also(others), **fields))
            else:
                self.problem(cell, said("plan.not_the_entry", **fields))

    def _unknown_message(self, kind: Kind, text: str, phase: str | None, others: list[str]) -> Said:
        spellings = self.names.spellings(kind)
        if phase is not None:  # a cluster: those of its phase first
            in_phase = {c.id for c in self.framework.clusters if c.phase == phase}
            spellings = [s for s in spellings if s[0] in in_phase] or spellings
        near = closest_few(text, [written for _, written in spellings])
        meant = list(
            dict.fromkeys(
                self.names.name(kind, id_) for w in near for id_, sp in spellings if sp == w
            )
        )
        if not others:
            head = said(f"plan.unknown.{kind}", text=repr(text))
        else:
            head = said(f"plan.unknown.{kind}_also", text=repr(text), also=_also(others))
        words = {"text": repr(text), "new_kind": said(f"word.new_{kind}")}
        offered = {id_ for id_, _ in spellings}
        known = [name for id_, name in self.names.known(kind) if id_ in offered]
        if meant:
            choices = one_of(repr(name) for name in meant)
            return said("plan.unknown.meant", head=head, choices=choices, **words)
        if not known:
            return said("plan.unknown.none", head=head, kinds=said(f"word.{kind}s"), **words)
        listed = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
        return said("plan.unknown.listed", head=head, known=listed, **words)


def _also(others: list[str]) -> Said:
    """The other cells that write the same: the first three, and how many more."""
    cells = tuple(cell.rpartition("!")[2] for cell in others[:3])
    if len(others) <= 3:
        return said("plan.also", cells=cells)
    return said("plan.also_more", cells=cells, more=len(others) - 3)


def _new_id(written: Written, id_: Written | None) -> str:
    """The id of an entry --add-missing adds: the one the sheet gives it (an export of another
    framework), else one made of its name."""
    if id_ is not None and slugify(id_.text) == id_.text:
        return id_.text
    return slugify(written.text)


def plan_inventory(
    checked: CheckedTree,
    rows: list[InventoryRow],
    numbers: Lang | NumberFormat,
    add_missing: bool,
    problems: Sequence[Problem] = (),
    confirm_new: bool = False,
    remembered: Remembered | None = None,
) -> Plan:
    """The changes that `rows` (of every sheet read) make to the tree. `problems` are those
    reading found: the plan adds its own to them, so that one refusal lists them all. A new
    journey whose name is very like an existing one's is refused unless `confirm_new`.
    `rows` is emptied: the rows of each journey are let go of once it is planned."""
    planner = _Planner(checked, numbers, add_missing, confirm_new, remembered)
    planner.plan.problems += problems
    journeys: dict[str, _Journey] = {}
    for row in rows:
        journey_id = planner.journey_id(row.name, row.id)
        if journey_id is not None:
            journeys.setdefault(journey_id, _Journey(journey_id)).rows.append(row)
    rows.clear()  # held by `journeys` now, which lets go of each once it is planned
    for journey_id in list(journeys):
        _plan_journey(planner, journeys.pop(journey_id))
    planner.refuse_unknown()
    _plan_framework(planner)
    return _validated(planner)


def _plan_journey(planner: _Planner, journey: _Journey) -> None:
    first = journey.rows[0]
    for other in journey.rows[1:]:
        _check_same(planner, first, other)
    if first.phase is None or first.cluster is None:
        return
    ids = first.ids
    document = planner.documents.get(journey.id)
    own_phase, own_cluster = (
        (None, None) if document is None else (document.model.phase, document.model.cluster)
    )
    phase = planner.phase(first.phase, ids.get("phase_id"), own_phase)
    if phase is not None and document is not None and phase != document.model.phase:
        # The phase cell moves the journey: said there, whatever the cluster cell says (the
        # journey's own cluster, of another phase than the sheet's now, or another).
        cluster_id = planner.names.find("cluster", first.cluster.text)
        cluster_name = first.cluster.text if cluster_id is None else cluster_id
        _refuse_move(planner, document, first.phase.where, phase, cluster_name)
        return
    cluster = (
        None
        if phase is None
        else planner.cluster(first.cluster, phase, ids.get("cluster_id"), own_cluster)
    )
    owner_id = ids.get("owner_id")
    if first.owner is not None:
        owner = planner.owner(first.owner, owner_id)
    else:  # an empty owner cell: the id cell beside it decides, if it says one
        owner = None if owner_id is None else planner.by_id_alone("owner", owner_id)
    said_owner = first.owner is not None or owner_id is not None
    if phase is None or cluster is None or (said_owner and owner is None):
        return
    volumes = _volumes(planner, journey)
    criteria = _criteria(planner, journey)
    status = _status(journey)
    if document is None:
        place = (phase, cluster, owner)
        _plan_new(planner, journey, first, place, volumes, criteria, status)
        return
    model = document.model
    if model.cluster != cluster:  # another cluster of the journey's phase: at its cell
        _refuse_move(planner, document, first.cluster.where, phase, cluster)
        return
    rename = _rename(planner, journey, model)
    if rename is _REFUSED:
        return
    notes = _new_notes(model, journey)
    status = None if status == model.status else status
    details = _rename_details(model, rename)
    details += _status_details(model, status)
    details += _describe(planner, model, owner, volumes, criteria)
    details += [said("detail.note", text=repr(note.text), cell=note.cell) for note in notes]
    # Only what differs from the file as journeyctl reads it is edited: a bare `yes` is
    # true to the loader (YAML 1.1) and text to the round-trip parser, so setting true
    # over it would rewrite a line that says the same.
    owner = None if owner == model.owner else owner
    volumes = [v for v in volumes if _volume_differs(model, v)]
    criteria = {k: v for k, v in criteria.items() if not _same_value(model.criteria.get(k), v)}
    nothing_else = rename is None and not (volumes or criteria or notes)
    if owner is None and status is None and nothing_else:
        # Nothing differs from the model the fast reader made: the file is not read again,
        # nor parsed by the round-trip parser (which costs a hundred times more per file).
        planner.plan.unchanged.append(journey.id)
        return

    def edit(top: CommentedMap) -> None:
        if rename is not None:
            _edit_name(top, rename)
        if owner is not None:
            set_value(top, "owner", owner)
        if status is not None:
            after = next((key for key in _AFTER_STATUS if key in top), None)
            set_value(top, "status", status, before=after)
        if volumes:
            _edit_volumes(model, child_list(top, "volumes"), volumes)
        if criteria:
            target = child_map(top, "criteria")
            for key, value in criteria.items():
                set_value(target, key, value)
        if notes:
            items = child_list(top, "notes")
            for note in notes:
                upsert_item(items, {"text": note.text}, {"file": note.file, "cell": note.cell})

    _plan_edit(planner, journey.id, document.file, document.path, edit, details)


def _refuse_move(
    planner: _Planner, document: Document[Journey], where: str, phase: str, cluster: str
) -> None:
    """Import does not move journeys: refused at the cell that puts the journey elsewhere
    (the phase cell, else the cluster cell), with the sheet's place and the file's."""
    model, names = document.model, planner.names
    planner.problem(
        where,
        said(
            "plan.moved",
            name=repr(model.name),
            phase=repr(names.name("phase", phase)),
            cluster=repr(names.name("cluster", cluster)),
            file_phase=repr(names.name("phase", model.phase)),
            file_cluster=repr(names.name("cluster", model.cluster)),
            file=document.file,
        ),
    )


# The keys a journey file lists after `status` (the model's order): a status the file did not
# write (`listed`, the default) is added before the first of them that it has.
def _keys_after(field: str) -> tuple[str, ...]:
    """The journey's keys after `field`, in the model's order: a key added to a file that
    lacks it goes before the first of them that the file has."""
    keys = list(Journey.model_fields)
    return tuple(keys[keys.index(field) + 1 :])


_AFTER_STATUS = _keys_after("status")


@dataclass(frozen=True)
class _Rename:
    """A journey's new name, and the old one where it joins the aliases."""

    name: str
    alias: str | None  # None where an alias, or the new name, already matches it
    # The aliases the new name is (folded): taken out, a journey's aliases never hold its name.
    dropped: tuple[str, ...] = ()


_REFUSED = _Rename("", None)  # a new name refused: the journey is not planned further


def _rename(planner: _Planner, journey: _Journey, model: Journey) -> _Rename | None:
    """The name that the rows of an existing journey give it, where it differs from the
    journey's. Only a row that finds the journey by its id (or an old id) can rename it: a
    row without one is found by its name, which is then the journey's name or an alias. An
    empty or `n.b.` name cell changes nothing. Spaces around it, and the line ends and marks
    of a name that export wrote (`read_back`), do not count as a change; any other
    difference does, case too. The old name joins the aliases, so that a sheet that still
    says it finds the journey, unless the new name, or an alias, already matches it; an
    alias that the new name is leaves the aliases (a name back to an alias: an older
    export), so that a journey's aliases never hold its own name."""
    written = next(
        (row.name for row in journey.rows if row.id is not None and row.name is not None), None
    )
    if written is None or _same_name(written.text, model.name):
        return None
    name = written.text.strip()
    if not name:
        return None
    taken = planner.name_taken(model.id, name)
    if taken is not None:
        planner.problem(
            written.where, said("plan.name_taken", name=repr(name), id=model.id, taken=taken)
        )
        return _REFUSED
    planner.renamed.setdefault(fold(name), (model.id, written.where))
    dropped = tuple(alias for alias in model.aliases if fold(alias) == fold(name))
    matched = {fold(name), *(fold(alias) for alias in model.aliases)}
    old = model.name.strip()
    return _Rename(name, None if fold(old) in matched else old, dropped)


def _same_name(written: str, name: str) -> bool:
    """Whether a name cell says the journey's name: as written, or as export wrote it."""
    cell = line_feeds(written).strip()
    return cell in (line_feeds(name).strip(), line_feeds(read_back(name)))


def _rename_details(model: Journey, rename: _Rename | None) -> list[Message]:
    """The new name, and the old one where it joins the aliases, for the dry run."""
    if rename is None:
        return []
    details: list[Message] = [said("detail.name", old=repr(model.name), new=repr(rename.name))]
    details += [said("detail.alias_dropped", alias=repr(alias)) for alias in rename.dropped]
    if rename.alias is not None:
        details.append(said("detail.alias", alias=repr(rename.alias)))
    return details


# The keys a journey file lists after `aliases` (the model's order): a journey without
# aliases gets them before the first of these that its file has (after `name`).
_AFTER_ALIASES = _keys_after("aliases")


def _edit_name(top: CommentedMap, rename: _Rename) -> None:
    """The new name in place of the old (its quotes kept), the old one added to the aliases:
    on one line (`aliases: [...]`) in a file without them, last in a list it has."""
    set_value(top, "name", rename.name)
    if rename.dropped:
        items = child_list(top, "aliases")
        for index in reversed(range(len(items))):
            if items[index] in rename.dropped:
                del items[index]
        if not items and rename.alias is None:
            del top["aliases"]
    if rename.alias is None:
        return
    if top.get("aliases") is None:
        after = next((key for key in _AFTER_ALIASES if key in top), None)
        set_value(top, "aliases", one_line([rename.alias]), before=after)
        return
    append_item(child_list(top, "aliases"), rename.alias)


def _status(journey: _Journey) -> str | None:
    """The status the journey's rows give (rows that give two are refused by `_check_same`);
    None where no row has a status cell with a value."""
    return next((row.status.text for row in journey.rows if row.status is not None), None)


def _status_details(model: Journey, status: str | None) -> list[Message]:
    """The status the sheet changes, for the dry run, in the words of the summary's language."""
    if status is None:
        return []
    old, new = (Said(f"journey_status.{value}") for value in (model.status, status))
    return [said("detail.status", old=old, new=new)]


def _new_notes(model: Journey | None, journey: _Journey) -> list[NoteCell]:
    """The notes of the journey's rows that it does not hold yet: a note is known by its
    text, so that importing the sheet again (its rows moved or not) adds none twice."""
    seen = {note.text for note in model.notes} if model is not None else set()
    notes = []
    for row in journey.rows:
        for note in row.notes:
            if note.text not in seen:
                seen.add(note.text)
                notes.append(note)
    return notes


def _note_data(note: NoteCell) -> dict[str, str]:
    return {"text": note.text, "file": note.file, "cell": note.cell}


def _same_value(old: Any, new: Any) -> bool:
    return (type(old) is type(new) and old == new) or (
        isinstance(old, int | float)
        and not isinstance(old, bool)
        and not isinstance(new, bool)
        and old == new
    )


def _volume_differs(model: Journey, volume: VolumeCells) -> bool:
    old = model.volume(volume.period)
    return (
        old is None
        or (old.customers, old.contacts) != (volume.customers, volume.contacts)
        or estimated_after(old, volume) != old.estimated
    )


def estimated_after(old: Volume | None, volume: VolumeCells) -> list[str]:
    """The values the file marks estimated after the import: those the sheet marks, and
    those the file marked whose number the sheet leaves as it was (a sheet without an
    estimated column says nothing about them); a counted number replaces an estimate."""
    kept = (
        [] if old is None else [v for v in old.estimated if _figure(old, v) == _figure(volume, v)]
    )
    return [v for v in ESTIMABLE if v in volume.estimated or v in kept]


def _figure(volume: Volume | VolumeCells, value: str) -> int:
    return volume.customers if value == "customers" else volume.contacts


def _check_same(planner: _Planner, first: InventoryRow, other: InventoryRow) -> None:
    """Two rows of one journey: fine for different periods, refused where they disagree."""
    periods = {v.period for v in first.volumes}
    clash = [v.period for v in other.volumes if v.period in periods]
    differs = [
        name
        for name, a, b in (
            ("phase", first.phase, other.phase),
            ("cluster", first.cluster, other.cluster),
            ("owner", first.owner, other.owner),
            ("status", first.status, other.status),
            ("name", _renaming(first), _renaming(other)),
        )
        if a is not None and b is not None and fold(a.text) != fold(b.text)
    ]
    if clash or differs or not (first.volumes or other.volumes):
        what = (
            said("plan.duplicate.period", periods=tuple(clash))
            if clash
            else tuple(said(f"word.{name}") for name in differs) or said("plan.duplicate.same")
        )
        planner.problem(other.where, said("plan.duplicate", first=first.where, what=what))


def _renaming(row: InventoryRow) -> Written | None:
    """The row's name where it can rename the journey: a row that has an id."""
    return row.name if row.id is not None else None


def _volumes(planner: _Planner, journey: _Journey) -> list[VolumeCells]:
    return [volume for row in journey.rows for volume in row.volumes]


def _criteria(planner: _Planner, journey: _Journey) -> dict[str, Any]:
    kinds = {c.id: c.kind for c in planner.framework.criteria}
    values: dict[str, Any] = {}
    for row in journey.rows:
        for criterion, (raw, where) in row.criteria.items():
            try:
                values[criterion] = _criterion_value(kinds[criterion], raw, planner.numbers)
            except CellError as error:
                planner.problem(where, error.message)
    return values


def _criterion_value(kind: str, raw: Any, numbers: Lang | NumberFormat) -> Any:
    if kind == "yes-no":
        return yes_no(raw)
    if kind == "scale":
        value = count(raw, numbers)
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise CellError(said("cell.not_on_scale", value=repr(raw)))
        return value
    found = measure(raw, numbers)
    return int(found) if float(found).is_integer() else found


def _plan_new(
    planner: _Planner,
    journey: _Journey,
    first: InventoryRow,
    place: tuple[str, str, str | None],
    volumes: list[VolumeCells],
    criteria: dict[str, Any],
    status: str | None = None,
) -> None:
    phase, cluster, owner = place
    name = first.name.text if first.name is not None else journey.id
    if planner.near_duplicate(journey.id, name, first.where, first.id):
        return
    where = first.where if first.name is None else first.name.where
    taken = planner.given(journey.id, name, planner.renamed)
    if taken is not None:
        planner.problem(where, said("plan.name_taken", name=repr(name), id=journey.id, taken=taken))
        return
    planner.created.setdefault(fold(name), (journey.id, where))
    relative = journey_file(phase, cluster, journey.id)
    target = planner.checked.tree.root / relative
    if target.exists():
        planner.problem(first.where, said("plan.file_taken", file=relative, id=repr(journey.id)))
        return
    data: dict[str, Any] = {"id": journey.id, "name": name, "phase": phase, "cluster": cluster}
    if owner is not None:
        data["owner"] = owner
    data["status"] = status or "listed"
    if volumes:
        data["volumes"] = [_volume_data(v) for v in sorted(volumes, key=lambda v: v.period)]
    if criteria:
        data["criteria"] = criteria
    notes = _new_notes(None, journey)
    if notes:
        data["notes"] = [_note_data(note) for note in notes]
    unread = _marshalled(data)
    header = _schema_line(planner, relative)
    text = new_yaml(data, header_comment=header, read_back=unread is None)
    if unread is not None:  # read back as the tree after the plan is checked
        planner.unread[relative] = unread
    details = partial(_new_details, volumes, notes, data["status"], owner, criteria)
    planner.plan.changes.append(FileChange(relative, None, text, details, journey.id))


def _marshalled(data: dict[str, Any]) -> bytes | None:
    """`data` kept small until it is compared with what its file reads back as; None for
    data marshal cannot hold (a date, a one-line list), which `new_yaml` reads back itself."""
    try:
        return marshal.dumps(data)
    except ValueError:
        return None


def _new_details(
    volumes: list[VolumeCells],
    notes: list[NoteCell],
    status: str = "listed",
    owner: str | None = None,
    criteria: dict[str, Any] | None = None,
) -> list[Message]:
    """What a new journey holds, for the dry run: every field its file gets beyond those its
    path says (its status where the sheet gives another than a new journey's, `listed`)."""
    details: list[Message] = []
    if owner is not None:
        details.append(said("detail.new_owner", owner=owner))
    if status != "listed":
        details.append(said("detail.new_status", status=Said(f"journey_status.{status}")))
    for volume in sorted(volumes, key=lambda v: v.period):
        details.append(said("detail.volume", period=volume.period, figures=_figures(volume)))
        details += _new_source(volume)
    details += [
        said("detail.new_criterion", criterion=key, value=value)
        for key, value in (criteria or {}).items()
    ]
    return details + [said("detail.note", text=repr(n.text), cell=n.cell) for n in notes]


def _new_source(volume: VolumeCells) -> list[Message]:
    """The source a new volume is written with, for the dry run."""
    if not volume.source:
        return []
    return [said("detail.new_source", period=volume.period, source=volume.source)]


def _schema_line(planner: _Planner, relative: str) -> str:
    """The editor's schema line that `journeyctl new` writes, for the same place (the same
    for every file of a folder: found once a folder)."""
    folder = relative.rpartition("/")[0]
    if folder not in planner.schema_lines:
        root = planner.checked.tree.root
        planner.schema_lines[folder] = modeline(
            "journey", root / relative, root.parent / SCHEMAS_FOLDER
        )
    return planner.schema_lines[folder]


def _volume_data(volume: VolumeCells) -> dict[str, Any]:
    data: dict[str, Any] = {
        "period": volume.period,
        "customers": volume.customers,
        "contacts": volume.contacts,
    }
    if volume.source:
        data["source"] = volume.source
    if volume.estimated:
        data["estimated"] = one_line(list(volume.estimated))
    return data


def _figures(volume: VolumeCells) -> tuple[Said, ...]:
    return tuple(
        said(
            "detail.figure_estimated" if value in volume.estimated else "detail.figure",
            what=said(f"word.{value}"),
            count=_figure(volume, value),
        )
        for value in ESTIMABLE
    )


def _edit_volumes(model: Journey, items: CommentedSeq, volumes: list[VolumeCells]) -> None:
    for volume in volumes:
        item = next(
            (
                entry
                for entry in items
                if isinstance(entry, CommentedMap) and str(entry.get("period")) == volume.period
            ),
            None,
        )
        if item is None:
            upsert_item(items, {"period": volume.period}, _volume_data(volume), ordered_by="period")
            continue
        set_value(item, "customers", volume.customers)
        set_value(item, "contacts", volume.contacts)
        if volume.source:  # the figures come from the sheet now, and so does their source
            set_value(item, "source", volume.source, before="estimated")
        estimated = estimated_after(model.volume(volume.period), volume)
        if estimated:
            set_value(item, "estimated", one_line(estimated))
        elif "estimated" in item:
            del item["estimated"]  # counted numbers replace the estimates


def guessed_now(old: Volume | None, volume: VolumeCells) -> list[str]:
    """The values whose counted number the sheet replaces by an estimate."""
    if old is None:
        return []
    return [v for v in volume.estimated if v not in old.estimated]


def _describe(
    planner: _Planner,
    model: Journey,
    owner: str | None,
    volumes: list[VolumeCells],
    criteria: dict[str, Any],
) -> list[Message]:
    details: list[Message] = []
    if owner is not None and owner != model.owner:
        details.append(said("detail.owner", old=model.owner or "-", new=owner))
    for volume in volumes:
        old = model.volume(volume.period)
        if old is None:
            details.append(
                said("detail.new_volume", period=volume.period, figures=_figures(volume))
            )
            details += _new_source(volume)
            continue
        for what, before, after in (
            ("customers", old.customers, volume.customers),
            ("contacts", old.contacts, volume.contacts),
        ):
            if before != after:
                details.append(
                    said(
                        "detail.volume_changed",
                        period=volume.period,
                        what=said(f"word.{what}"),
                        old=before,
                        new=after,
                    )
                )
        # The sheet's source is written with its figures, over the file's or where the file
        # names none: said.
        replaced = volume.source and old.source != volume.source
        if replaced and _volume_differs(model, volume):
            details.append(
                said(
                    "detail.source",
                    period=volume.period,
                    old=old.source or "-",
                    new=volume.source,
                )
            )
        guessed = all_of(said(f"word.{value}") for value in guessed_now(old, volume))
        if guessed_now(old, volume):
            planner.plan.estimates_replacing.append(
                said("detail.replaced", id=model.id, period=volume.period, values=guessed)
            )
            details.append(said("detail.now_estimated", period=volume.period, values=guessed))
    for key, value in criteria.items():
        if model.criteria.get(key) != value:
            details.append(
                said("detail.criterion", criterion=key, old=model.criteria.get(key, "-"), new=value)
            )
    return details


def _plan_edit(
    planner: _Planner,
    journey_id: str,
    relative: str,
    path: Path,
    edit: Any,
    details: list[Message],
) -> None:
    old = path.read_text(encoding="utf-8-sig")
    new = edit_yaml(old, edit)
    if new == old:
        planner.plan.unchanged.append(journey_id)
        return
    planner.plan.changes.append(FileChange(relative, old, new, details, journey_id))


def _plan_framework(planner: _Planner) -> None:
    if not (planner.new_phases or planner.new_clusters or planner.new_owners):
        return
    document = planner.checked.tree.framework
    assert document is not None
    additions = [
        ("phases", "phase", planner.new_phases),
        ("clusters", "cluster", planner.new_clusters),
        ("owners", "owner", planner.new_owners),
    ]

    def edit(top: CommentedMap) -> None:
        for key, _, entries in additions:
            if entries:
                items = child_list(top, key)
                for entry in entries.values():
                    upsert_item(items, {"id": entry["id"]}, entry)

    old = document.path.read_text(encoding="utf-8-sig")
    details: list[Message] = [
        said(f"detail.add_{kind}", id=entry["id"], name=entry["name"])
        for _, kind, entries in additions
        for entry in entries.values()
    ]
    planner.plan.changes.insert(0, FileChange(FRAMEWORK_FILE, old, edit_yaml(old, edit), details))


def plan_measurements(
    checked: CheckedTree,
    rows: list[MeasurementRow],
    numbers: Lang | NumberFormat,
    problems: Sequence[Problem] = (),
    unread: Sequence[tuple[Written, Written]] = (),
    remembered: Remembered | None = None,
) -> Plan:
    """The changes that measurement rows make: each to `kpis.<kpi>.measurements` of its
    journey. `problems` are those reading found; `unread` the journey and KPI of the rows
    it refused a cell of, checked here too so that one refusal lists them all."""
    planner = _Planner(checked, numbers, add_missing=False, remembered=remembered)
    planner.plan.problems += problems
    for named_journey, named_kpi in unread:
        _existing_journey(planner, named_journey)
        _kpi(planner, named_kpi)
    kpis = {k.id: k for k in planner.framework.kpis}
    by_journey: dict[str, _Journey] = {}
    seen: dict[tuple[str, str, str], str] = {}
    for row in rows:
        journey_id = _existing_journey(planner, row.journey)
        kpi = _kpi(planner, row.kpi)
        if journey_id is None or kpi is None:
            continue
        low, high = kpis[kpi].min, kpis[kpi].max
        if (low is not None and row.value < low) or (high is not None and row.value > high):
            planner.problem(
                row.value_where,
                said(
                    "plan.kpi_range",
                    value=row.value,
                    kpi=kpis[kpi].name,
                    low="-" if low is None else low,
                    high="-" if high is None else high,
                ),
            )
            continue
        key = (journey_id, kpi, row.date.isoformat())
        if key in seen:
            planner.problem(row.where, said("plan.duplicate_measurement", first=seen[key]))
            continue
        seen[key] = row.where
        row.kpi = Written(kpi, row.kpi.where)
        by_journey.setdefault(journey_id, _Journey(journey_id)).measurements.append(row)
    for journey in by_journey.values():
        _plan_measurements(planner, journey)
    return _validated(planner)


def _kpi(planner: _Planner, written: Written) -> str | None:
    kpi = planner.names.find("kpi", written.text)
    if kpi is None:
        known = ", ".join(name for _, name in planner.names.known("kpi")) or said("word.none")
        planner.problem(
            written.where, said("plan.unknown_kpi", kpi=repr(written.text), known=known)
        )
    return kpi


def _existing_journey(planner: _Planner, written: Written) -> str | None:
    for candidate in (written.text, slugify(written.text)):
        if candidate in planner.documents:
            return candidate
    found = planner.by_name.get(fold(written.text)) or planner.aliased(written)
    if found is None:
        planner.problem(written.where, said("plan.unknown_journey", journey=repr(written.text)))
    return found


def _plan_measurements(planner: _Planner, journey: _Journey) -> None:
    document = planner.documents[journey.id]
    details: list[Message] = []
    for row in journey.measurements:
        record = document.model.kpis.get(row.kpi.text)
        old = next((m for m in record.measurements if m.date == row.date), None) if record else None
        on = {"kpi": row.kpi.text, "date": row.date.isoformat()}
        if old is None:
            details.append(said("detail.new_measurement", **on, value=row.value))
            if row.n is not None:
                details.append(said("detail.new_responses", **on, n=row.n))
            if row.source is not None:
                details.append(said("detail.new_measurement_source", **on, source=row.source))
            continue
        if old.value != row.value:
            details.append(said("detail.measurement", **on, old=old.value, new=row.value))
        if row.n is not None and old.n != row.n:
            details.append(said("detail.responses", **on, old=old.n or "-", new=row.n))
        if row.source is not None and old.source != row.source:
            details.append(
                said("detail.measurement_source", **on, old=old.source or "-", new=row.source)
            )

    if not details:  # every measurement is there as the sheet says it: nothing to edit
        planner.plan.unchanged.append(journey.id)
        return

    def edit(top: CommentedMap) -> None:
        for row in journey.measurements:
            record = child_map(child_map(top, "kpis"), row.kpi.text)
            values: dict[str, Any] = {"value": _same_number(record, row)}
            if row.n is not None:
                values["n"] = row.n
            if row.source is not None:
                values["source"] = row.source
            measurements = child_list(record, "measurements")
            upsert_item(measurements, {"date": row.date}, values, ordered_by="date")

    _plan_edit(planner, journey.id, document.file, document.path, edit, details)


def _same_number(record: CommentedMap, row: MeasurementRow) -> int | float:
    """The value as the file writes it where it is the same number (7 stays 7, not 7.0)."""
    for item in record.get("measurements") or []:
        if isinstance(item, CommentedMap) and str(item.get("date")) == row.date.isoformat():
            old = item.get("value")
            if isinstance(old, int | float) and not isinstance(old, bool) and old == row.value:
                return old
    return int(row.value) if float(row.value).is_integer() else row.value


def _validated(planner: _Planner) -> Plan:
    """The plan, with the errors the checks find in the tree it would leave as problems."""
    plan = planner.plan
    if plan.problems or not plan.changes:
        return plan
    from journeyctl.inventory.overlay import check_after

    root = planner.checked.tree.root
    texts = {c.relative: c.new for c in plan.changes}
    after = check_after(root, texts, planner.remembered, planner.unread).validation
    before = {(f.file, f.rule, f.message) for f in planner.checked.validation.findings}
    for finding in after.findings:
        if (
            finding.severity.value == "error"
            and (finding.file, finding.rule, finding.message) not in before
        ):
            plan.problems.append(
                Problem(
                    finding.file,
                    said("plan.would_leave_error", rule=finding.rule, message=finding.message),
                )
            )
    return plan
