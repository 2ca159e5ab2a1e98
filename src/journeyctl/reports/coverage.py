"""The `coverage` report: the Life Cycle Model's contact reasons by phase, the journeys that
cover each, the ones no journey covers, as a count and as a share of contacts.

A reason is covered when a journey lists it in its `contact_reasons` or in a step's (as
check JC302 reads it; every journey counts, whatever its status). Contacts are the reason's
`volumes` for the report's period; the share of contacts is taken over the reasons that
have a volume for it, and is None when none has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from journeyctl.model import Journey
from journeyctl.reports.inputs import ReportInput
from journeyctl.reports.rows import Row, csv_row


@dataclass(frozen=True)
class ReasonRow:
    id: str
    name: str
    phase: str
    phase_name: str
    journeys: tuple[str, ...]  # the covering journeys' ids, in ranking order
    journey_names: tuple[str, ...]
    contacts: int | None  # in the report's period; None: no volume for it

    @property
    def covered(self) -> bool:
        return bool(self.journeys)


@dataclass(frozen=True)
class Coverage:
    """Covered reasons of some reasons, by count and by contacts."""

    reasons: int
    covered: int
    contacts: int | None  # of the reasons with a volume for the period; None: none has one
    covered_contacts: int | None

    @property
    def share(self) -> float | None:
        """Covered reasons of all reasons; None when there are none."""
        return self.covered / self.reasons if self.reasons else None

    @property
    def contact_share(self) -> float | None:
        """Contacts of covered reasons of all contacts; None without contacts."""
        if not self.contacts or self.covered_contacts is None:
            return None
        return self.covered_contacts / self.contacts

    def to_dict(self) -> dict[str, object]:
        return {
            "reasons": self.reasons,
            "covered": self.covered,
            "uncovered": self.reasons - self.covered,
            "share": _rounded(self.share),
            "contacts": self.contacts,
            "covered_contacts": self.covered_contacts,
            "contact_share": _rounded(self.contact_share),
        }


@dataclass(frozen=True)
class PhaseCoverage:
    phase: str
    phase_name: str
    coverage: Coverage


@dataclass(frozen=True)
class CoverageReport:
    name: ClassVar[str] = "coverage"
    # Written out, not `columns(ReasonRow)`: `covered` (a property of the row) stands before
    # the journeys, and the journeys' names are for the pages only.
    fields: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "phase",
        "phase_name",
        "covered",
        "journeys",
        "contacts",
    )

    period: str | None
    rows: tuple[ReasonRow, ...]  # in the framework's order (which follows the phases)
    phases: tuple[PhaseCoverage, ...]
    total: Coverage

    @property
    def uncovered(self) -> tuple[ReasonRow, ...]:
        return tuple(row for row in self.rows if not row.covered)

    def to_rows(self) -> list[Row]:
        return [csv_row(self.fields, _plain(row)) for row in self.rows]

    def to_dict(self) -> dict[str, object]:
        rows = []
        for row in self.rows:
            entry = _plain(row)
            entry["journeys"] = list(row.journeys)
            rows.append(entry)
        return {
            "report": self.name,
            "period": self.period,
            "summary": self.total.to_dict(),
            "phases": [
                {"phase": p.phase, "phase_name": p.phase_name, **p.coverage.to_dict()}
                for p in self.phases
            ],
            "rows": rows,
        }


def _plain(row: ReasonRow) -> dict[str, object]:
    return {name: getattr(row, name) for name in CoverageReport.fields}


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 4)


def coverage_report(report_input: ReportInput) -> CoverageReport:
    framework = report_input.framework
    period = report_input.period
    phases = {phase.id: phase.name for phase in framework.phases}
    covering = _covering(report_input)
    rows = tuple(
        ReasonRow(
            id=reason.id,
            name=reason.name,
            phase=reason.phase,
            phase_name=phases.get(reason.phase, reason.phase),
            journeys=tuple(j.id for j in covering.get(reason.id, [])),
            journey_names=tuple(j.name for j in covering.get(reason.id, [])),
            contacts=next((v.contacts for v in reason.volumes if v.period == period), None),
        )
        for reason in framework.contact_reasons
    )
    by_phase = tuple(
        PhaseCoverage(phase.id, phase.name, _coverage([r for r in rows if r.phase == phase.id]))
        for phase in framework.phases
    )
    return CoverageReport(period, rows, by_phase, _coverage(list(rows)))


def _covering(report_input: ReportInput) -> dict[str, list[Journey]]:
    """Contact reason id -> the journeys that list it, in ranking order."""
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    ordered = sorted(report_input.journeys, key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id))
    covering: dict[str, list[Journey]] = {}
    for journey in ordered:
        listed = set(journey.contact_reasons)
        for step in journey.steps:
            listed.update(step.contact_reasons)
        for reason in sorted(listed):
            covering.setdefault(reason, []).append(journey)
    return covering


def _coverage(rows: list[ReasonRow]) -> Coverage:
    counted = [row for row in rows if row.contacts is not None]
    return Coverage(
        reasons=len(rows),
        covered=sum(1 for row in rows if row.covered),
        contacts=sum(row.contacts or 0 for row in counted) if counted else None,
        covered_contacts=(
            sum(row.contacts or 0 for row in counted if row.covered) if counted else None
        ),
    )
