"""Checks beyond the schema: one module per rule, registered here in the order they run.

A check module has a `RULE` (id, name, severity, and its docstring as documentation)
and a `check(context)` generator of findings. To add one, write the module and add it
to `CHECKS`; `journeyctl rules` and the rule table in docs/rules.md come from this list.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import groupby
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from journeyctl.checks import (
    cluster_phase,
    contacts_effect,
    criterion_value,
    date_in_the_future,
    duplicate_id,
    duplicate_period,
    empty_cluster,
    folder_mismatch,
    follows_self,
    id_matches_file,
    kpi_range,
    kpi_without_baseline,
    missing_owner,
    review_overdue,
    similar_improvements,
    similar_journeys,
    uncovered_contact_reason,
    unknown_reference,
    variant_name,
)
from journeyctl.checks._context import CheckContext
from journeyctl.finding import Finding, Rule, Severity, sorted_findings
from journeyctl.load.rules import LOAD_RULES

if TYPE_CHECKING:  # `journeyctl rules` lists the rules without importing the loader
    from journeyctl.load import Tree

CHECKS: tuple[ModuleType, ...] = (
    duplicate_id,
    id_matches_file,
    unknown_reference,
    cluster_phase,
    follows_self,
    kpi_range,
    criterion_value,
    duplicate_period,
    contacts_effect,
    empty_cluster,
    uncovered_contact_reason,
    variant_name,
    missing_owner,
    review_overdue,
    date_in_the_future,
    kpi_without_baseline,
    similar_improvements,
    folder_mismatch,
    similar_journeys,
)


def all_rules() -> list[Rule]:
    """Every rule journeyctl reports, loading's and the checks', by id."""
    rules = [*LOAD_RULES, *(module.RULE for module in CHECKS)]
    ids = [rule.id for rule in rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RuntimeError(f"rule ids registered twice: {sorted(duplicates)}")
    return sorted(rules, key=lambda rule: rule.id)


@dataclass(frozen=True)
class Validation:
    """The outcome of validating a tree: what was found, and whether it passes.

    Findings name files relative to the tree's root; `for_display` turns them into
    paths for people. Past FINDINGS_PER_FILE findings in one file, the rest are counted
    in one note for that file (in `notes`); `errors` and `warnings` count them all.
    """

    findings: list[Finding]
    journeys: int
    strict: bool = False
    not_shown: Counter[Severity] = field(default_factory=Counter)
    notes: frozenset[Finding] = frozenset()

    @property
    def errors(self) -> int:
        return self._shown(Severity.ERROR) + self.not_shown[Severity.ERROR]

    @property
    def warnings(self) -> int:
        return self._shown(Severity.WARNING) + self.not_shown[Severity.WARNING]

    def _shown(self, severity: Severity) -> int:
        return sum(f.severity is severity and f not in self.notes for f in self.findings)

    @property
    def ok(self) -> bool:
        return self.errors == 0 and not (self.strict and self.warnings)

    def errors_only(self) -> Validation:
        """The errors to show; the warnings counted, not shown (the summary says how many)."""
        errors = [f for f in self.findings if f.severity is Severity.ERROR]
        not_shown = Counter({Severity.ERROR: self.not_shown[Severity.ERROR]})
        not_shown[Severity.WARNING] = self.warnings
        return replace(self, findings=errors, not_shown=not_shown)

    def for_display(self, root: Path, cwd: Path | None = None) -> Validation:
        """The same validation with files named relative to `cwd` (the working directory)."""
        shown = {f.file: display_path(root, f.file, cwd) for f in self.findings}
        findings = [replace(f, file=shown[f.file]) for f in self.findings]
        notes = frozenset(replace(f, file=shown[f.file]) for f in self.notes)
        return replace(self, findings=findings, notes=notes)


def display_path(root: Path, file: str, cwd: Path | None = None) -> str:
    """A root-relative `file` as people see it: relative to `cwd` where that helps.

    Below the working directory, or beside it (`../x.yaml`), the relative path; where the
    two have no folder in common but the file system's root (or sit on different drives
    on Windows), the absolute path, which is shorter than a climb to the top.
    """
    absolute = Path(os.path.normpath(root / file))
    here = Path(os.path.normpath(cwd or Path.cwd()))
    try:
        common = Path(os.path.commonpath([absolute, here]))
    except ValueError:  # different drives
        return absolute.as_posix()
    if common == here or common != Path(common.anchor):
        return Path(os.path.relpath(absolute, here)).as_posix()
    return absolute.as_posix()


def validate(tree: Tree, *, strict: bool = False, today: date | None = None) -> Validation:
    """The tree's loading findings and every check's, sorted by file and position, capped per file."""
    context = CheckContext(tree, today or date.today())
    findings = list(tree.findings)
    for module in CHECKS:
        check: Callable[[CheckContext], Iterator[Finding]] = module.check
        findings.extend(check(context))
    return _capped(sorted_findings(findings), tree, strict)


def _capped(findings: list[Finding], tree: Tree, strict: bool) -> Validation:
    """At most FINDINGS_PER_FILE findings a file, and a note that counts the rest."""
    from journeyctl.load import FINDINGS_PER_FILE

    shown: list[Finding] = []
    notes: set[Finding] = set()
    not_shown: Counter[Severity] = Counter()
    for file, group in groupby(findings, key=lambda f: f.file):
        in_file = list(group)
        rest = Counter(f.severity for f in in_file[FINDINGS_PER_FILE:])
        rest.update(tree.not_shown.get(file, Counter()))
        shown.extend(in_file[:FINDINGS_PER_FILE])
        if rest:
            note = _note(file, rest, in_file[FINDINGS_PER_FILE:] or in_file)
            shown.append(note)
            notes.add(note)
            not_shown.update(rest)
    return Validation(shown, tree.journey_files, strict, not_shown, frozenset(notes))


def _note(file: str, rest: Counter[Severity], hidden: list[Finding]) -> Finding:
    count = sum(rest.values())
    severity = Severity.ERROR if rest[Severity.ERROR] else Severity.WARNING
    rule = next((f.rule for f in hidden if f.severity is severity), hidden[0].rule)
    message = (
        f"{count:,} more finding{'s' if count != 1 else ''} in this file "
        f"{'are' if count != 1 else 'is'} not shown; fix the ones above and run again"
    )
    return Finding(file, None, None, rule, severity, message)
