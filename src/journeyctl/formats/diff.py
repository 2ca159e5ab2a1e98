"""`journeyctl diff` as Markdown for a pull request (comment or job summary) and as JSON.

Markdown starts with one line that sums up the change, then what matters to the steering
meeting (places that moved in the top of the default ranking, improvements whose status
changed, journeys that became invalid), then a section per kind (journeys, improvements,
framework); a journey is named by its name, with its phase and cluster by
name too, in the framework's language (labels and number formats). A journey with many
details, and a section with many journeys, fold into `<details>` so that a data update of
forty journeys stays a short comment. Every piece of user text is escaped.

JSON keeps ids and plain numbers:

    {"base": REVISION, "head": REVISION, "changed": bool,
     "journeys": [{"id", "change": "added"|"removed"|"renamed"|"moved"|"changed"|"invalid",
                   "old_id", "name", "phase", "cluster", "details": [DETAIL, ...],
                   "similarity": int|null (a renamed journey's, 0..100)}],
     "improvements": [{"id", "title", "change": "added"|"removed"|"changed",
                       "old_status", "status", "fields": [str]}],
     "framework": [{"section", "id", "name", "change", "fields", "old_value", "value"}],
     "top_moves": [{"id", "name", "old_rank": int|null, "rank": int|null}]}

REVISION is `{"revision": str|null (null: the working tree), "loaded": bool, "valid": bool,
"errors": int, "warnings": int, "journeys": int, "merge_base": str|null (the REF of
`--merge-base REF`)}`; each DETAIL has a `kind` (`invalid`, `moved`, `field`,
`step_renamed`, `steps`, `emotion`, `volume`, `rank`, `kpi`, `other`) and the fields of its
record in `journeyctl.diff.changes`. A journey is `moved` when its phase or cluster changed (its
other changes are its details too), `changed` for any other change. Field names (`fields`,
an `other` detail's) are the files' keys in JSON and the framework language's words in
Markdown.
"""

from __future__ import annotations

from collections.abc import Callable

from journeyctl.diff import TOP_PLACES, changes
from journeyctl.formats._safe import markdown_code, markdown_text, to_json
from journeyctl.formats.base import Writer
from journeyctl.text import Lang, format_count, format_decimal, label

# A journey with more lines than this folds them into <details>; a section with more
# journeys than this shows the first ones and folds the rest.
FOLD_DETAILS = 6
FOLD_SECTION = 15
ARROW = "->"


def as_json(diff: changes.TreeDiff) -> str:
    return to_json(diff.to_dict())


def as_markdown(diff: changes.TreeDiff) -> str:
    words = _Words(diff)
    lines = [words.summary(), *words.validity(), *words.what_matters()]
    if diff.journeys:
        lines += ["", f"### {markdown_text(label('journeys', diff.language))}", ""]
        lines += _folded([words.journey(j) for j in diff.journeys], diff.language)
    if diff.improvements:
        lines += ["", f"### {markdown_text(label('improvements', diff.language))}", ""]
        lines += _folded([[words.improvement(i)] for i in diff.improvements], diff.language)
    if diff.framework:
        lines += ["", f"### {markdown_text(label('diff.framework', diff.language))}", ""]
        lines += _folded([[words.framework(c)] for c in diff.framework], diff.language)
    return "\n".join(lines) + "\n"


def _folded(blocks: list[list[str]], lang: Lang) -> list[str]:
    """The blocks one after the other; past FOLD_SECTION of them, the rest inside <details>."""
    shown = [line for block in blocks[:FOLD_SECTION] for line in block]
    rest = [line for block in blocks[FOLD_SECTION:] for line in block]
    if not rest:
        return shown
    more = label("diff.more", lang).format(count=len(blocks) - FOLD_SECTION)
    return [
        *shown,
        "",
        f"<details><summary>{markdown_text(more)}</summary>",
        "",
        *rest,
        "",
        "</details>",
    ]


class _Words:
    """The diff's lines in the framework's language."""

    def __init__(self, diff: changes.TreeDiff) -> None:
        self.diff = diff
        self.lang: Lang = diff.language

    def _label(self, key: str, **fields: str) -> str:
        return label(key, self.lang).format(**fields)

    def _name(self, section: str, id_: str) -> str:
        return markdown_text(self.diff.names.get(section, {}).get(id_, id_))

    def _revision(self, revision: changes.Revision) -> str:
        if revision.revision is None:
            return self._label("diff.working_tree")
        if revision.merge_base is not None:
            return self._label(
                "diff.merge_base",
                commit=markdown_code(revision.revision),
                ref=markdown_code(revision.merge_base),
            )
        return markdown_code(revision.revision)

    # --- the first lines ---------------------------------------------------------------

    def summary(self) -> str:
        diff = self.diff
        between = f"({self._revision(diff.base)} {ARROW} {self._revision(diff.head)})"
        if not diff.changed:
            return f"**{self._label('diff.no_changes')}** {between}"
        parts = []
        journeys = [
            f"{diff.count(kind)} {self._label('diff.' + kind)}"
            for kind in ("invalid", "added", "removed", "renamed", "moved", "changed")
            if diff.count(kind)
        ]
        if journeys:
            parts.append(f"**{self._label('journeys')}**: {', '.join(journeys)}")
        if diff.improvements:
            counts = {
                kind: sum(i.change == kind for i in diff.improvements)
                for kind in ("added", "removed", "changed")
            }
            listed = [f"{n} {self._label('diff.' + kind)}" for kind, n in counts.items() if n]
            parts.append(f"**{self._label('improvements')}**: {', '.join(listed)}")
        if diff.framework:
            entries = self._label("diff.changes", count=str(len(diff.framework)))
            parts.append(f"**{self._label('diff.framework')}**: {entries}")
        return f"{' · '.join(parts)} {between}"

    def validity(self) -> list[str]:
        lines = []
        for revision in (self.diff.base, self.diff.head):
            name = self._revision(revision)
            if not revision.loaded:
                lines.append(f"> **{self._label('diff.not_loaded', revision=name)}**")
            if not revision.valid:
                counts = {"errors": str(revision.errors), "warnings": str(revision.warnings)}
                lines.append(f"> **{self._label('diff.not_valid', revision=name, **counts)}**")
        return ["", *lines] if lines else []

    # --- what matters to the steering meeting -------------------------------------------

    def what_matters(self) -> list[str]:
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
            lines.append(f"- {markdown_text(self._label(key, count=str(others)))}")
        lines += [self._status_changed(i) for i in diff.improvements if _status_changed(i)]
        lines += [self._became_invalid(j) for j in diff.journeys if j.invalid_in_head]
        if not lines:
            return []
        return ["", f"### {markdown_text(self._label('diff.what_matters'))}", "", *lines]

    def _top_moved(self, moved: changes.TopMoved) -> str:
        where = self._label(
            "diff.top_moved",
            old=self._place(moved.old_rank),
            new=self._place(moved.rank),
            top=str(TOP_PLACES),
        )
        return f"- **{markdown_text(moved.name)}**: {where}"

    def _status_changed(self, improvement: changes.ImprovementDiff) -> str:
        assert improvement.old_status is not None and improvement.status is not None
        old = label(f"improvement_status.{improvement.old_status}", self.lang)
        new = label(f"improvement_status.{improvement.status}", self.lang)
        status = markdown_text(label("status", self.lang).lower())
        return (
            f"- **{markdown_text(improvement.title)}**: "
            f"{status} {markdown_text(old)} {ARROW} {markdown_text(new)}"
        )

    def _became_invalid(self, journey: changes.JourneyDiff) -> str:
        invalid = next(
            d for d in journey.details if isinstance(d, changes.Invalid) and d.revision == "head"
        )
        where = self._label("diff.became_invalid", revision=self._revision(self.diff.head))
        return f"- **{markdown_text(journey.name)}**: {where} ({self._where(invalid)})"

    def _where(self, invalid: changes.Invalid) -> str:
        return markdown_code(f"{invalid.file}:{invalid.line}" if invalid.line else invalid.file)

    # --- journeys ----------------------------------------------------------------------

    def journey(self, journey: changes.JourneyDiff) -> list[str]:
        place = f"{self._name('phases', journey.phase)} > {self._name('clusters', journey.cluster)}"
        heading = f"- **{markdown_text(journey.name)}** ({place}): {self._label('diff.' + journey.change)}"
        if journey.similarity is not None and journey.similarity < 100:
            heading += f" ({self._label('diff.alike', percent=str(journey.similarity))})"
        lines = []
        if journey.old_id is not None:
            lines.append(
                f"{markdown_text(label('id', self.lang))}: {markdown_code(journey.old_id)} {ARROW} {markdown_code(journey.id)}"
            )
        for detail in journey.details:
            lines.extend(self._detail(detail))
        items = [f"  - {line}" for line in lines]
        if len(items) > FOLD_DETAILS:
            summary = self._label("diff.changes", count=str(len(items)))
            return [
                heading,
                f"  <details><summary>{markdown_text(summary)}</summary>",
                "",
                *items,
                "",
                "  </details>",
            ]
        return [heading, *items]

    def _detail(self, detail: changes.Detail) -> list[str]:
        formatter: Callable[[changes.Detail], list[str]] = getattr(self, f"_{detail.kind}")
        return formatter(detail)

    def _invalid(self, detail: changes.Invalid) -> list[str]:
        revision = self.diff.head if detail.revision == "head" else self.diff.base
        line = self._label(
            "diff.invalid_in",
            revision=self._revision(revision),
            where=self._where(detail),
            message=markdown_text(detail.message),
        )
        return [line]

    def _step_renamed(self, detail: changes.StepRenamed) -> list[str]:
        what = self._label("diff.step_renamed", position=str(detail.position))
        return [f"{what}: {markdown_text(detail.old)} {ARROW} {markdown_text(detail.new)}"]

    def _moved(self, detail: changes.Moved) -> list[str]:
        old = f"{self._name('phases', detail.old_phase)} > {self._name('clusters', detail.old_cluster)}"
        new = f"{self._name('phases', detail.phase)} > {self._name('clusters', detail.cluster)}"
        return [self._label("diff.moved_from", old=old, new=new)]

    def _field(self, detail: changes.Changed) -> list[str]:
        old, new = self._value(detail.field, detail.old), self._value(detail.field, detail.new)
        return [f"{markdown_text(label(detail.field, self.lang))}: {old} {ARROW} {new}"]

    def _value(self, field: str, value: str | None) -> str:
        if value is None:
            return markdown_text(self._label("diff.none"))
        if field == "status":
            return markdown_text(label(f"journey_status.{value}", self.lang))
        if field == "owner":
            return self._name("owners", value)
        return markdown_text(value)

    def _steps(self, detail: changes.StepsChanged) -> list[str]:
        lines = []
        for key, names in (
            ("diff.steps_added", detail.added),
            ("diff.steps_removed", detail.removed),
            ("diff.steps_changed", detail.changed),
        ):
            if names:
                lines.append(f"{self._label(key)}: {', '.join(markdown_text(n) for n in names)}")
        if detail.reordered:
            lines.append(self._label("diff.steps_reordered"))
        return lines

    def _emotion(self, detail: changes.EmotionChanged) -> list[str]:
        what = self._label(f"diff.{detail.field}", step=markdown_text(detail.step))
        return [f"{what}: {self._count(detail.old)} {ARROW} {self._count(detail.new)}"]

    def _volume(self, detail: changes.VolumeChanged) -> list[str]:
        what = self._label("diff.volumes", period=markdown_text(detail.period))
        if detail.customers is None or detail.contacts is None:
            return [f"{what}: {self._label('diff.removed')}"]
        counts = (
            ("customers", detail.old_customers, detail.customers),
            ("contacts", detail.old_contacts, detail.contacts),
        )
        if detail.old_customers is None:  # a period added: its figures
            what += f" ({self._label('diff.added')})"
            shown = [f"{label(k, self.lang).lower()} {self._count(new)}" for k, _, new in counts]
        else:  # only the figures that changed
            shown = [
                f"{label(k, self.lang).lower()} {self._count(old)} {ARROW} {self._count(new)}"
                for k, old, new in counts
                if old != new
            ]
        return [f"{what}: {', '.join(shown)}"]

    def _rank(self, detail: changes.RankMoved) -> list[str]:
        periods = [p for p in dict.fromkeys((detail.old_period, detail.period)) if p]
        what = self._label(
            "diff.ranking", period=f" {ARROW} ".join(markdown_text(p) for p in periods)
        )
        return [f"{what}: {self._place(detail.old_rank)} {ARROW} {self._place(detail.rank)}"]

    def _place(self, rank: int | None) -> str:
        return f"#{rank}" if rank is not None else markdown_text(self._label("diff.not_ranked"))

    def _kpi(self, detail: changes.KpiMeasured) -> list[str]:
        measured = self._label("diff.measured", dates=", ".join(detail.dates))
        old = self._measure(detail.old_value) if detail.old_value is not None else None
        values = (
            f"{old} {ARROW} {self._measure(detail.value)}" if old else self._measure(detail.value)
        )
        line = f"{self._name('kpis', detail.kpi)} {measured}: {values}"
        if detail.towards_target is not None and detail.target is not None:
            key = "diff.towards_target" if detail.towards_target else "diff.away_from_target"
            line += f", {self._label(key, target=self._measure(detail.target))}"
        return [line]

    def _other(self, detail: changes.OtherFields) -> list[str]:
        return [self._label("diff.also_changed", fields=self._fields(detail.fields))]

    def _fields(self, fields: list[str]) -> str:
        """Field names in the framework's language: `goal, team` or `doel, team`."""
        return ", ".join(markdown_text(field_name(f, self.lang)) for f in fields)

    def _count(self, value: int | None) -> str:
        return format_count(value, self.lang) if value is not None else "-"

    def _measure(self, value: float) -> str:
        places = 0 if float(value).is_integer() else 2
        return format_decimal(value, self.lang, places)

    # --- improvements and the framework ------------------------------------------------

    def improvement(self, improvement: changes.ImprovementDiff) -> str:
        line = (
            f"- **{markdown_text(improvement.title)}**: {self._label('diff.' + improvement.change)}"
        )
        if improvement.old_status is not None and improvement.status is not None:
            old = label(f"improvement_status.{improvement.old_status}", self.lang)
            new = label(f"improvement_status.{improvement.status}", self.lang)
            line += f", {markdown_text(label('status', self.lang).lower())} {markdown_text(old)} {ARROW} {markdown_text(new)}"
        elif improvement.change == "added" and improvement.status is not None:
            line += (
                f" ({markdown_text(label(f'improvement_status.{improvement.status}', self.lang))})"
            )
        if improvement.fields:
            line += "; " + self._label("diff.and_changed", fields=self._fields(improvement.fields))
        return line

    def framework(self, change: changes.FrameworkChange) -> str:
        if change.section in ("ranking", "review", "framework") or (
            change.section == "criteria" and change.fields == ["weight"]
        ):
            what = self._setting(change)
            old, new = (self._setting_value(change, v) for v in (change.old_value, change.value))
            return f"- {what}: {old} {ARROW} {new}"
        kind = markdown_text(label(_SECTION_LABELS[change.section], self.lang))
        line = f"- {kind} **{markdown_text(change.name)}**: {self._label('diff.' + change.change)}"
        if change.change == "changed":
            line += f" ({self._fields(change.fields)})"
        return line

    def _setting(self, change: changes.FrameworkChange) -> str:
        if change.section == "ranking":
            return self._label(
                "diff.weight_of", what=markdown_text(label(change.id, self.lang).lower())
            )
        if change.section == "criteria":
            return self._label("diff.weight_of", what=markdown_text(change.name))
        name = field_name(change.id, self.lang)  # a top-level field, or the review cadence
        return markdown_text(name[:1].upper() + name[1:])

    def _setting_value(self, change: changes.FrameworkChange, value: float | str | None) -> str:
        if change.section == "review" and isinstance(value, str):  # weekly, quarterly, ...
            return markdown_text(label(f"report.cadence.{value}", self.lang))
        return self._plain(value)

    def _plain(self, value: float | str | None) -> str:
        if isinstance(value, float):
            return self._measure(value)
        return (
            markdown_text(value) if value is not None else markdown_text(self._label("diff.none"))
        )


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

# The writers of a diff: Markdown is read in the pull request, in the diff's own language,
# and JSON by programs, so neither reads a setting.
DIFF_FORMATS: dict[str, Writer[changes.TreeDiff]] = {
    "markdown": lambda diff, settings: as_markdown(diff),
    "json": lambda diff, settings: as_json(diff),
}
