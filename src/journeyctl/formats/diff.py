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
     "framework_compared": bool (false: framework.yaml did not load in a revision),
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

from journeyctl.diff import changes
from journeyctl.formats._safe import to_json
from journeyctl.formats.base import Writer
from journeyctl.text.markdown import md_spans, md_text
from journeyctl.views.diff import FOLD_DETAILS, FOLD_SECTION, ChangesView, Entry, changes_view

__all__ = ["DIFF_FORMATS", "FOLD_DETAILS", "FOLD_SECTION", "as_json", "as_markdown"]


def as_json(diff: changes.TreeDiff) -> str:
    return to_json(diff.to_dict())


def as_markdown(diff: changes.TreeDiff) -> str:
    """The diff's view (`journeyctl.views.diff`) laid out in Markdown."""
    return "\n".join(markdown_lines(changes_view(diff))) + "\n"


def markdown_lines(view: ChangesView) -> list[str]:
    lines = [md_spans(view.summary)]
    if view.warnings:
        lines += ["", *(f"> {md_spans(warning)}" for warning in view.warnings)]
    for section in view.sections:
        lines += ["", f"### {md_text(section.title)}", ""]
        blocks = [_entry(entry) for entry in section.entries]
        lines += [line for block in blocks[: section.shown] for line in block]
        if section.more:
            rest = [line for block in blocks[section.shown :] for line in block]
            lines += [
                "",
                f"<details><summary>{md_text(section.more)}</summary>",
                "",
                *rest,
                "",
                "</details>",
            ]
    return lines


def _entry(entry: Entry) -> list[str]:
    head = f"- {md_spans(entry.line)}"
    items = [f"  - {md_spans(detail)}" for detail in entry.details]
    if not entry.folded:
        return [head, *items]
    return [
        head,
        f"  <details><summary>{md_text(entry.folded)}</summary>",
        "",
        *items,
        "",
        "  </details>",
    ]


# The writers of a diff: Markdown is read in the pull request, in the diff's own language,
# and JSON by programs, so neither reads a setting.
DIFF_FORMATS: dict[str, Writer[changes.TreeDiff]] = {
    "markdown": lambda diff, settings: as_markdown(diff),
    "json": lambda diff, settings: as_json(diff),
}
