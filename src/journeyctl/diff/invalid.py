"""Journey files that did not load in a revision: "invalid" there, never added or removed.

A YAML syntax error makes a journey's file load as nothing; compared by id alone, the
journey would look removed (or, once fixed, added), and a reviewer would approve the
removal of a journey nobody meant to remove. So each journey file that did not load is
matched with the same journey in the other revision (by file, else by id = file name), and
both leave the matching by id: the journey is reported as invalid in the revision where it
did not load, with the first error the loader gave for the file (file:line and message).
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.diff.changes import Invalid, JourneyDiff, Side
from journeyctl.finding import Severity
from journeyctl.framework import CheckedTree
from journeyctl.load.kinds import Kind, kind_of, stem
from journeyctl.model import Journey


@dataclass(frozen=True)
class InvalidJourneys:
    """The journeys reported as invalid, and the ids each revision leaves out of matching."""

    diffs: list[JourneyDiff]
    base_ids: set[str]
    head_ids: set[str]


def invalid_journeys(base: CheckedTree, head: CheckedTree, folder: str) -> InvalidJourneys:
    """Journeys whose file did not load in the base, the head, or both (then only if the
    error changed: a file that was broken before and still is, alike, is no change)."""
    broken_base = _broken_files(base, "base", folder)
    broken_head = _broken_files(head, "head", folder)
    found = InvalidJourneys([], set(), set())
    for file in sorted(broken_base.keys() | broken_head.keys()):
        was, now = broken_base.get(file), broken_head.get(file)
        if was is not None and now is not None:
            if _same_error(was, now):
                continue
            found.diffs.append(_unnamed(file, [was, now]))
            continue
        if now is not None:
            other, ids = _counterpart(base, file), found.base_ids
        else:
            other, ids = _counterpart(head, file), found.head_ids
        detail = was if was is not None else now
        assert detail is not None
        if other is None:
            found.diffs.append(_unnamed(file, [detail]))
        else:
            ids.add(other.id)
            found.diffs.append(
                JourneyDiff(
                    other.id, other.name, "invalid", other.phase, other.cluster, None, [detail]
                )
            )
    return found


def _broken_files(checked: CheckedTree, side: Side, folder: str) -> dict[str, Invalid]:
    """Root-relative journey files that did not load, each with the first loading error."""
    unloaded = checked.tree.unloaded_journeys
    loaded = {document.file for document in checked.tree.journeys}
    broken: dict[str, Invalid] = {}
    for finding in sorted(checked.tree.findings, key=lambda f: f.sort_key()):
        file = finding.file
        if (
            finding.severity is Severity.ERROR
            and file not in loaded
            and kind_of(file) is Kind.JOURNEY
            and stem(file) in unloaded
            and file not in broken
        ):
            where = f"{folder}/{file}" if folder else file
            broken[file] = Invalid(side, where, finding.line, finding.column, finding.message)
    return broken


def _same_error(was: Invalid, now: Invalid) -> bool:
    return (was.line, was.column, was.message) == (now.line, now.column, now.message)


def _counterpart(checked: CheckedTree, file: str) -> Journey | None:
    """The journey the other revision holds in `file`, else the one whose id is its name."""
    by_file = next((d.model for d in checked.tree.journeys if d.file == file), None)
    if by_file is not None:
        return by_file
    return next((d.model for d in checked.tree.journeys if d.model.id == stem(file)), None)


def _unnamed(file: str, details: list[Invalid]) -> JourneyDiff:
    """A journey known only by its file: its name is the file name, its place the folders."""
    *folders, _ = file.split("/")
    phase, cluster = ([""] * 2 + folders)[-2:]  # the convention: phase/cluster/id.yaml
    return JourneyDiff(stem(file), stem(file), "invalid", phase, cluster, None, list(details))
