"""The changes between two revisions (`journeyctl diff`, and the page `render --since REF`
adds): what a reviewer or a steering meeting reads, in the framework's language.

First one line that sums up the change, then a warning for a revision that does not load or
validate, then what matters to the steering meeting (places that moved in the top of the
default ranking, improvements whose status changed, journeys that became invalid), then a
section per kind (journeys, improvements, framework). A journey is named by its name, with
its phase and cluster by name too. A journey with many details, and a section with many
journeys, fold (`Entry.folded`, `Section.shown`), so that a data update of forty journeys
stays short.

Every line is a tuple of `Span`s, so that each writer sets the words, the user's text, the
ids and commands (`code`) and what stands out (`strong`) in its own markup: Markdown escapes
the user's text and writes `**` and backticks; a page writes `<strong>` and `<code>`.

    changes_view(tree_diff) -> ChangesView
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from journeyctl.diff import TOP_PLACES, changes
from journeyctl.text import Lang, format_count, label
from journeyctl.views import cells
from journeyctl.views.cells import ESTIMATED

# A journey with more lines than this folds them; a section with more entries than this
# shows the first ones and folds the rest.
FOLD_DETAILS = 6
FOLD_SECTION = 15
ARROW = "->"

# words: the tool's own (trusted markup, such as `->`); text: a file's or the user's, which
# a writer escapes; code: an id, a revision or a command, shown literally.
SpanKind = Literal["words", "text", "code"]


@dataclass(frozen=True)
class Span:
    text: str
    kind: SpanKind = "words"
    strong: bool = False
    link: str = ""  # the page it names ("journeys/<id>"), where the output has pages


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Entry:
    """One item of a section: its line, and the lines under it (a journey's details)."""

    line: Line
    details: tuple[Line, ...] = ()
    folded: str = ""  # the summary the details fold under ("9 change(s)"); "": not folded


@dataclass(frozen=True)
class Section:
    title: str
    entries: tuple[Entry, ...]
    shown: int  # how many entries show before the fold; the rest fold under `more`
    more: str  # "and 3 more"; "" when nothing folds


@dataclass(frozen=True)
class ChangesView:
    summary: Line
    warnings: tuple[Line, ...]  # a revision that does not load or validate
    sections: tuple[Section, ...]  # what matters, journeys, improvements, framework
    changed: bool


def changes_view(diff: changes.TreeDiff) -> ChangesView:
    words = _Words(diff)
    sections = [words.what_matters()] if words.what_matters().entries else []
    if diff.journeys:
        sections.append(
            _section(
                words.label("journeys"), [words.journey(j) for j in diff.journeys], diff.language
            )
        )
    if diff.improvements:
        entries = [Entry(words.improvement(i)) for i in diff.improvements]
        sections.append(_section(words.label("improvements"), entries, diff.language))
    if diff.framework:
        entries = [Entry(words.framework(c)) for c in diff.framework]
        sections.append(_section(words.label("diff.framework"), entries, diff.language))
    return ChangesView(words.summary(), words.validity(), tuple(sections), diff.changed)


def _section(title: str, entries: list[Entry], lang: Lang) -> Section:
    rest = len(entries) - FOLD_SECTION
    more = label("diff.more", lang).format(count=rest) if rest > 0 else ""
    return Section(title, tuple(entries), min(len(entries), FOLD_SECTION), more)


def plain(line: Line) -> str:
    """The line as plain text, without markup."""
    return "".join(span.text for span in line)


# --- making lines ----------------------------------------------------------------------------

_PIECES = re.compile(r"\{(\w+)\}|`([^`]*)`")


def _said(template: str, fields: dict[str, Line | str]) -> Line:
    """A label's text as spans: its `{fields}` filled in (a field is a line of its own, or
    words), a `command` in backticks as code."""
    spans: list[Span] = []
    at = 0
    for found in _PIECES.finditer(template):
        if found.start() > at:
            spans.append(Span(template[at : found.start()]))
        if found.group(1) is not None:
            value = fields[found.group(1)]
            spans.extend((Span(value),) if isinstance(value, str) else value)
        else:
            spans.append(Span(found.group(2), "code"))
        at = found.end()
    if at < len(template):
        spans.append(Span(template[at:]))
    return tuple(spans)


def _strong(line: Line) -> Line:
    return tuple(Span(s.text, s.kind, True, s.link) for s in line)


def _text(text: str, *, strong: bool = False, link: str = "") -> Line:
    return (Span(text, "text", strong, link),)


def _join(lines: list[Line], between: str = ", ") -> Line:
    joined: list[Span] = []
    for index, line in enumerate(lines):
        if index:
            joined.append(Span(between))
        joined.extend(line)
    return tuple(joined)


class _Words:
    """The diff's lines in the framework's language."""

    def __init__(self, diff: changes.TreeDiff) -> None:
        self.diff = diff
        self.lang: Lang = diff.language

    def label(self, key: str) -> str:
        return label(key, self.lang)

    def _say(self, key: str, **fields: Line | str) -> Line:
        return _said(label(key, self.lang), fields)

    def _name(self, section: str, id_: str) -> Line:
        return _text(self.diff.names.get(section, {}).get(id_, id_))

    def _place(self, phase: str, cluster: str) -> Line:
        return (*self._name("phases", phase), Span(" > "), *self._name("clusters", cluster))

    def _revision(self, revision: changes.Revision) -> Line:
        if revision.revision is None:
            return self._say("diff.working_tree")
        code = (Span(revision.revision, "code"),)
        if revision.merge_base is not None:
            return self._say(
                "diff.merge_base", commit=code, ref=(Span(revision.merge_base, "code"),)
            )
        return code

    # --- the first lines ---------------------------------------------------------------

    def summary(self) -> Line:
        diff = self.diff
        between = (
            Span("("),
            *self._revision(diff.base),
            Span(f" {ARROW} "),
            *self._revision(diff.head),
            Span(")"),
        )
        if not diff.changed:
            return (*_strong(self._say("diff.no_changes")), Span(" "), *between)
        parts: list[Line] = []
        journeys = [
            f"{diff.count(kind)} {self.label('diff.' + kind)}"
            for kind in ("invalid", "added", "removed", "renamed", "moved", "changed")
            if diff.count(kind)
        ]
        if journeys:
            parts.append(self._part("journeys", ", ".join(journeys)))
        if diff.improvements:
            counts = {
                kind: sum(i.change == kind for i in diff.improvements)
                for kind in ("added", "removed", "changed")
            }
            listed = [f"{n} {self.label('diff.' + kind)}" for kind, n in counts.items() if n]
            parts.append(self._part("improvements", ", ".join(listed)))
        if diff.framework:
            entries = self.label("diff.changes").format(count=str(len(diff.framework)))
            parts.append(self._part("diff.framework", entries))
        elif not diff.framework_compared:  # framework.yaml did not load: never "no changes"
            parts.append(self._part("diff.framework", self.label("diff.not_compared")))
        return (*_join(parts, " · "), Span(" "), *between)

    def _part(self, key: str, said: str) -> Line:
        return (Span(self.label(key), strong=True), Span(f": {said}"))

    def validity(self) -> tuple[Line, ...]:
        lines: list[Line] = []
        for revision in (self.diff.base, self.diff.head):
            name = self._revision(revision)
            if not revision.loaded:
                lines.append(_strong(self._say("diff.not_loaded", revision=name)))
            if not revision.valid:
                counts = {"errors": str(revision.errors), "warnings": str(revision.warnings)}
                lines.append(_strong(self._say("diff.not_valid", revision=name, **counts)))
        return tuple(lines)

    # --- what matters to the steering meeting -------------------------------------------

    def what_matters(self) -> Section:
        """Places moved in the top, improvements whose status changed, journeys now invalid.

        A move is shown for a journey that changed itself, or that enters or leaves the top;
        the journeys that only moved up or down because another one passed them are counted
        in one line, so that one journey jumping eight places gives one line, not nine.
        """
        diff = self.diff
        invalid = {j.id for j in diff.journeys if j.invalid_in_head}
        changed = {j.id for j in diff.journeys if j.change in ("added", "changed", "renamed")}
        moves = [m for m in diff.top_moves if m.id not in invalid]
        shown = [m for m in moves if m.id in changed or _crosses_the_top(m)]
        lines = [self._top_moved(moved) for moved in shown]
        others = len(moves) - len(shown)
        if others:
            key = "diff.others_moved.one" if others == 1 else "diff.others_moved.other"
            lines.append(self._say(key, count=str(others)))
        lines += [self._status_changed(i) for i in diff.improvements if _status_changed(i)]
        lines += [self._became_invalid(j) for j in diff.journeys if j.invalid_in_head]
        entries = tuple(Entry(line) for line in lines)
        return Section(self.label("diff.what_matters"), entries, len(entries), "")

    def _journey_name(self, name: str, id_: str) -> Line:
        return _text(name, strong=True, link=f"journeys/{id_}")

    def _top_moved(self, moved: changes.TopMoved) -> Line:
        where = self._say(
            "diff.top_moved",
            old=self._rank_place(moved.old_rank),
            new=self._rank_place(moved.rank),
            top=str(TOP_PLACES),
        )
        return (*self._journey_name(moved.name, moved.id), Span(": "), *where)

    def _status_changed(self, improvement: changes.ImprovementDiff) -> Line:
        assert improvement.old_status is not None and improvement.status is not None
        return (
            *_text(improvement.title, strong=True),
            Span(": "),
            *self._status_move(improvement.old_status, improvement.status),
        )

    def _status_move(self, old: str, new: str) -> Line:
        return (
            Span(self.label("status").lower()),
            Span(" "),
            Span(self.label(f"improvement_status.{old}")),
            Span(f" {ARROW} "),
            Span(self.label(f"improvement_status.{new}")),
        )

    def _became_invalid(self, journey: changes.JourneyDiff) -> Line:
        invalid = next(
            d for d in journey.details if isinstance(d, changes.Invalid) and d.revision == "head"
        )
        where = self._say("diff.became_invalid", revision=self._revision(self.diff.head))
        return (
            *_text(journey.name, strong=True),
            Span(": "),
            *where,
            Span(" ("),
            *self._where(invalid),
            Span(")"),
        )

    def _where(self, invalid: changes.Invalid) -> Line:
        where = f"{invalid.file}:{invalid.line}" if invalid.line else invalid.file
        return (Span(where, "code"),)

    # --- journeys ----------------------------------------------------------------------

    def journey(self, journey: changes.JourneyDiff) -> Entry:
        # A removed journey has no page; every other one has, in the head's site.
        link = "" if journey.change == "removed" else f"journeys/{journey.id}"
        line: Line = (
            *_text(journey.name, strong=True, link=link),
            Span(" ("),
            *self._place(journey.phase, journey.cluster),
            Span(f"): {self.label('diff.' + journey.change)}"),
        )
        if journey.similarity is not None and journey.similarity < 100:
            alike = self._say("diff.alike", percent=str(journey.similarity))
            line = (*line, Span(" ("), *alike, Span(")"))
        details: list[Line] = []
        if journey.old_id is not None:
            details.append(
                (
                    Span(self.label("id")),
                    Span(": "),
                    Span(journey.old_id, "code"),
                    Span(f" {ARROW} "),
                    Span(journey.id, "code"),
                )
            )
        for detail in journey.details:
            details.extend(self._detail(detail))
        folded = (
            self.label("diff.changes").format(count=str(len(details)))
            if len(details) > FOLD_DETAILS
            else ""
        )
        return Entry(line, tuple(details), folded)

    @functools.singledispatchmethod
    def _detail(self, detail: changes.Detail) -> list[Line]:
        """A detail's lines, by its type: each kind's method below registers for it."""
        raise TypeError(f"no lines for {type(detail).__name__}")

    @_detail.register
    def _invalid(self, detail: changes.Invalid) -> list[Line]:
        revision = self.diff.head if detail.revision == "head" else self.diff.base
        return [
            self._say(
                "diff.invalid_in",
                revision=self._revision(revision),
                where=self._where(detail),
                message=_text(detail.message),
            )
        ]

    @_detail.register
    def _step_renamed(self, detail: changes.StepRenamed) -> list[Line]:
        what = self._say("diff.step_renamed", position=str(detail.position))
        return [(*what, Span(": "), *_text(detail.old), Span(f" {ARROW} "), *_text(detail.new))]

    @_detail.register
    def _moved(self, detail: changes.Moved) -> list[Line]:
        old = self._place(detail.old_phase, detail.old_cluster)
        new = self._place(detail.phase, detail.cluster)
        return [self._say("diff.moved_from", old=old, new=new)]

    @_detail.register
    def _field(self, detail: changes.Changed) -> list[Line]:
        old, new = self._value(detail.field, detail.old), self._value(detail.field, detail.new)
        return [(*_text(self.label(detail.field)), Span(": "), *old, Span(f" {ARROW} "), *new)]

    def _value(self, field: str, value: str | None) -> Line:
        if value is None:
            return _text(self.label("diff.none"))
        if field == "status":
            return _text(self.label(f"journey_status.{value}"))
        if field == "owner":
            return self._name("owners", value)
        return _text(value)

    @_detail.register
    def _steps(self, detail: changes.StepsChanged) -> list[Line]:
        lines: list[Line] = []
        for key, names in (
            ("diff.steps_added", detail.added),
            ("diff.steps_removed", detail.removed),
            ("diff.steps_changed", detail.changed),
        ):
            if names:
                lines.append((Span(self.label(key)), Span(": "), *_join([_text(n) for n in names])))
        if detail.reordered:
            lines.append((Span(self.label("diff.steps_reordered")),))
        return lines

    @_detail.register
    def _emotion(self, detail: changes.EmotionChanged) -> list[Line]:
        what = self._say(f"diff.{detail.field}", step=_text(detail.step))
        return [(*what, Span(f": {self._count(detail.old)} {ARROW} {self._count(detail.new)}"))]

    @_detail.register
    def _volume(self, detail: changes.VolumeChanged) -> list[Line]:
        what = self._say("diff.volumes", period=_text(detail.period))
        if detail.customers is None or detail.contacts is None:
            return [(*what, Span(f": {self.label('diff.removed')}"))]
        counts = (
            ("customers", detail.old_customers, detail.customers),
            ("contacts", detail.old_contacts, detail.contacts),
        )
        figures: list[Line] = []
        if detail.old_customers is None:  # a period added: its figures
            what = (*what, Span(f" ({self.label('diff.added')})"))
            for key, _, new in counts:
                figures.append(
                    (Span(f"{self.label(key).lower()} {self._count(new)}"),
                     *_mark(key, detail.estimated))
                )  # fmt: skip
        else:  # only the figures that changed, also where only their estimate mark did
            for key, old, new in counts:
                was, now = _mark(key, detail.old_estimated), _mark(key, detail.estimated)
                if old != new or was != now:
                    figures.append(
                        (Span(f"{self.label(key).lower()} {self._count(old)}"), *was,
                         Span(f" {ARROW} {self._count(new)}"), *now)
                    )  # fmt: skip
        return [(*what, Span(": "), *_join(figures, ", "))]

    @_detail.register
    def _rank(self, detail: changes.RankMoved) -> list[Line]:
        periods = [p for p in dict.fromkeys((detail.old_period, detail.period)) if p]
        what = self._say("diff.ranking", period=_join([_text(p) for p in periods], f" {ARROW} "))
        old, new = self._rank_place(detail.old_rank), self._rank_place(detail.rank)
        return [(*what, Span(": "), *old, Span(f" {ARROW} "), *new)]

    def _rank_place(self, rank: int | None) -> Line:
        return (Span(f"#{rank}"),) if rank is not None else _text(self.label("diff.not_ranked"))

    @_detail.register
    def _kpi(self, detail: changes.KpiMeasured) -> list[Line]:
        """A line per kind of change to the KPI's figures, each value as the reports write
        it (its decimals shared by the values of the KPI said here): the measurements added
        with their values, those changed or removed, its baseline and its target. The first
        line about measurements says where the latest value went, if it moved."""
        places = cells.places(_kpi_values(detail))

        def value(number: float | None) -> str:
            return self.label("diff.none") if number is None else self._decimal(number, places)

        def dated(day: str, number: float | None) -> str:
            return f"{day}: {value(number)}"

        said = [
            (
                "diff.measured",
                [dated(d, v) for d, v in zip(detail.dates, detail.values, strict=True)],
            ),
            (
                "diff.measurement_changed",
                [f"{dated(c.date, c.old)} {ARROW} {value(c.new)}" for c in detail.changed],
            ),
            ("diff.measurement_removed", [dated(r.date, r.value) for r in detail.removed]),
        ]
        lines: list[Line] = []
        for key, parts in said:
            if parts:
                what = self.label(key).format(dates=", ".join(parts))
                lines.append((*self._name("kpis", detail.kpi), Span(f" {what}")))
        if lines and detail.latest_moved:
            latest = self.label("latest").lower()
            moved = f"; {latest} {value(detail.old_value)} {ARROW} {value(detail.value)}"
            lines[0] = (*lines[0], Span(moved), *self._towards(detail, value))
        if detail.old_baseline != detail.baseline:
            old, new = detail.old_baseline, detail.baseline
            show_dates = (old and old.date) != (new and new.date)

            def baseline(point: changes.Dated | None) -> str:
                if point is None:
                    return value(None)
                return f"{value(point.value)} ({point.date})" if show_dates else value(point.value)

            lines.append(self._kpi_field(detail, "baseline", baseline(old), baseline(new)))
        if detail.old_target != detail.target:
            lines.append(
                self._kpi_field(detail, "target", value(detail.old_target), value(detail.target))
            )
        return lines

    def _kpi_field(self, detail: changes.KpiMeasured, key: str, old: str, new: str) -> Line:
        said = f" {self.label(key).lower()}: {old} {ARROW} {new}"
        return (*self._name("kpis", detail.kpi), Span(said))

    def _towards(self, detail: changes.KpiMeasured, value: Callable[[float], str]) -> Line:
        if detail.towards_target is None or detail.target is None:
            return ()
        key = "diff.towards_target" if detail.towards_target else "diff.away_from_target"
        return (Span(", " + self.label(key).format(target=value(detail.target))),)

    @_detail.register
    def _other(self, detail: changes.OtherFields) -> list[Line]:
        return [self._say("diff.also_changed", fields=self._fields(detail.fields))]

    def _fields(self, fields: list[str]) -> Line:
        """Field names in the framework's language: `goal, team` or `doel, team`."""
        return _join([_text(field_name(f, self.lang)) for f in fields])

    def _count(self, value: int | None) -> str:
        return format_count(value, self.lang) if value is not None else "-"

    def _decimal(self, value: float, places: int) -> str:
        return cells.decimal(value, self.lang, places)

    # --- improvements and the framework ------------------------------------------------

    def improvement(self, improvement: changes.ImprovementDiff) -> Line:
        line: Line = (
            *_text(improvement.title, strong=True),
            Span(f": {self.label('diff.' + improvement.change)}"),
        )
        if improvement.old_status is not None and improvement.status is not None:
            line = (
                *line,
                Span(", "),
                *self._status_move(improvement.old_status, improvement.status),
            )
        elif improvement.change == "added" and improvement.status is not None:
            status = self.label(f"improvement_status.{improvement.status}")
            line = (*line, Span(f" ({status})"))
        if improvement.fields:
            changed = self._say("diff.and_changed", fields=self._fields(improvement.fields))
            line = (*line, Span("; "), *changed)
        return line

    def framework(self, change: changes.FrameworkChange) -> Line:
        # A setting (a top-level value, a weight, a key of a block such as review or alerts),
        # or an entry of one of the framework's lists.
        if change.section not in _SECTION_LABELS or (
            change.section == "criteria" and change.fields == ["weight"]
        ):
            what = self._setting(change)
            values = (change.old_value, change.value)
            # The two figures share their decimals, as a KPI's do: 1.0 -> 1.5, 0.2 -> 0.35.
            places = cells.places([v for v in values if isinstance(v, float | int)])
            old, new = (self._setting_value(change, v, places) for v in values)
            return (*what, Span(": "), *old, Span(f" {ARROW} "), *new)
        kind = self.label(_SECTION_LABELS[change.section])
        line: Line = (
            Span(f"{kind} "),
            *_text(change.name, strong=True),
            Span(f": {self.label('diff.' + change.change)}"),
        )
        if change.change == "changed":
            line = (*line, Span(" ("), *self._fields(change.fields), Span(")"))
        return line

    def _setting(self, change: changes.FrameworkChange) -> Line:
        if change.section == "ranking":
            return self._say("diff.weight_of", what=_text(self.label(change.id).lower()))
        if change.section == "criteria":
            return self._say("diff.weight_of", what=_text(change.name))
        name = field_name(change.id, self.lang)  # a top-level field, or a key of a block
        return _text(name[:1].upper() + name[1:])

    def _setting_value(
        self, change: changes.FrameworkChange, value: float | str | None, places: int
    ) -> Line:
        if change.section == "review" and isinstance(value, str):  # weekly, quarterly, ...
            return _text(self.label(f"report.cadence.{value}"))
        if value is None:
            return _text(self.label("diff.none"))
        if isinstance(value, str):
            return _text(value)
        return (Span(self._decimal(value, places)),)  # a weight, a threshold, months


def _kpi_values(detail: changes.KpiMeasured) -> list[float]:
    """The KPI's values the diff says, which share their decimals as a KPI's do in the
    reports (`views.kpis`): 4.6 and 4.9 as 4,6 and 4,9, 1.33 and 1 as 1,33 and 1,00."""
    points = [p for p in (detail.old_baseline, detail.baseline) if p is not None]
    values = [
        detail.old_value,
        detail.value,
        detail.old_target,
        detail.target,
        *detail.values,
        *(v for c in detail.changed for v in (c.old, c.new)),
        *(r.value for r in detail.removed),
        *(p.value for p in points),
    ]
    return [v for v in values if v is not None]


def _crosses_the_top(moved: changes.TopMoved) -> bool:
    """Whether the journey enters or leaves the top places (or its ranking)."""
    places = (moved.old_rank, moved.rank)
    return any(place is None or place > TOP_PLACES for place in places)


def _status_changed(improvement: changes.ImprovementDiff) -> bool:
    return improvement.change == "changed" and improvement.old_status is not None


def field_name(field: str, lang: Lang) -> str:
    """A field of a journey, improvement or framework file in words of `lang`."""
    return label(f"diff.field.{field}", lang)


_SECTION_LABELS = {
    "phases": "phase",
    "clusters": "cluster",
    "contact_reasons": "contact_reason",
    "owners": "owner",
    "teams": "team",
    "channels": "channel",
    "personas": "persona",
    "kpis": "kpi",
    "criteria": "criterion",
}


def _mark(value: str, estimated: tuple[str, ...]) -> Line:
    """ESTIMATED after a figure someone estimated: a mark, which Markdown escapes (a `~`
    alone would start a struck-through run there)."""
    return (Span(ESTIMATED, kind="text"),) if value in estimated else ()
