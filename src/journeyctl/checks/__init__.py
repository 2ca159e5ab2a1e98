"""Checks beyond the schema: one module per rule, registered here in the order they run.

A check module has a `RULE` (id, name, severity, and its docstring as documentation)
and a `check(context)` generator of findings. To add one, write the module and add it
to `CHECKS`; `journeyctl rules` and the README's rule table come from this list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from journeyctl.checks import (
    cluster_phase,
    criterion_value,
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
    uncovered_contact_reason,
    unknown_reference,
    variant_name,
)
from journeyctl.checks._context import Context
from journeyctl.finding import Finding, Rule, Severity, sorted_findings
from journeyctl.load import Tree
from journeyctl.load.rules import LOAD_RULES

CHECKS: tuple[ModuleType, ...] = (
    duplicate_id,
    id_matches_file,
    unknown_reference,
    cluster_phase,
    follows_self,
    kpi_range,
    criterion_value,
    duplicate_period,
    empty_cluster,
    uncovered_contact_reason,
    variant_name,
    missing_owner,
    review_overdue,
    kpi_without_baseline,
    similar_improvements,
    folder_mismatch,
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
    """The outcome of validating a tree: what was found, and whether it passes."""

    findings: list[Finding]
    journeys: int
    strict: bool = False

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)

    @property
    def ok(self) -> bool:
        return self.errors == 0 and not (self.strict and self.warnings)

    def errors_only(self) -> Validation:
        errors = [f for f in self.findings if f.severity is Severity.ERROR]
        return Validation(errors, self.journeys, self.strict)


def validate(tree: Tree, *, strict: bool = False, today: date | None = None) -> Validation:
    """The tree's loading findings and every check's, sorted by file and position."""
    context = Context(tree, today or date.today())
    findings = list(tree.findings)
    for module in CHECKS:
        check: Callable[[Context], Iterator[Finding]] = module.check
        findings.extend(check(context))
    return Validation(sorted_findings(findings), tree.journey_files, strict)
