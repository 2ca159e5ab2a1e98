"""The `coverage` report: the Life Cycle Model's contact reasons by phase, the journeys that
cover each, the ones no journey covers, as a count and as a share of contacts.

A reason is covered when a journey lists it in its `contact_reasons` or in a step's (as
check JC302 reads it), and the journey is not retired: a retired journey covers nothing.
Coverage says how far: a reason is **mapped** when a journey that is mapped (or further:
improving, monitoring) covers it, **listed** when only journeys that are merely listed do.
A listed journey is a name on the framework, not yet a map, so the headline share is of the
mapped reasons, with the listed ones told apart beside it.

Contacts are the reason's `volumes` for the report's period; shares of contacts are taken
over the reasons that have a volume for it, and are None when none has. The reasons are
sorted by their contacts, the most first (those without a volume last), then in the
framework's order: the largest gap stands on top.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from journeyctl.model import Journey
from journeyctl.model.journey import MAPPED_STATUSES
from journeyctl.reports.inputs import ReportInput
from journeyctl.reports.rows import Row, csv_row, json_rows

# How far a reason is covered: by a mapped journey, by listed ones only, or not at all.
Level = Literal["mapped", "listed"]


@dataclass(frozen=True)
class ReasonRow:
    id: str
    name: str
    phase: str
    phase_name: str
    journeys: tuple[str, ...]  # the covering journeys' ids (none retired), in ranking order
    journey_names: tuple[str, ...]
    contacts: int | None  # in the report's period; None: no volume for it
    level: Level | None = None  # None: no journey covers it

    @property
    def covered(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class Part:
    """The reasons covered at one level (or at any): how many, and their contacts."""

    reasons: int
    contacts: int | None  # None: no reason of the whole has a volume for the period


@dataclass(frozen=True)
class Coverage:
    """Covered reasons of some reasons, by count and by contacts: by a mapped journey, by
    listed journeys only, and both together."""

    reasons: int
    contacts: int | None  # of the reasons with a volume for the period; None: none has one
    mapped: Part
    listed: Part

    @property
    def covered(self) -> int:
        return self.mapped.reasons + self.listed.reasons

    @property
    def covered_contacts(self) -> int | None:
        if self.mapped.contacts is None or self.listed.contacts is None:
            return None
        return self.mapped.contacts + self.listed.contacts

    @property
    def share(self) -> float | None:
        """Covered reasons (at any level) of all reasons; None when there are none."""
        return self.covered / self.reasons if self.reasons else None

    @property
    def contact_share(self) -> float | None:
        """Contacts of covered reasons of all contacts; None without contacts."""
        return self._of_contacts(self.covered_contacts)

    def share_of(self, part: Part) -> float | None:
        return part.reasons / self.reasons if self.reasons else None

    def contact_share_of(self, part: Part) -> float | None:
        return self._of_contacts(part.contacts)

    def _of_contacts(self, contacts: int | None) -> float | None:
        if not self.contacts or contacts is None:
            return None
        return contacts / self.contacts

    def to_dict(self) -> dict[str, object]:
        return {
            "reasons": self.reasons,
            "covered": self.covered,
            "uncovered": self.reasons - self.covered,
            "share": _rounded(self.share),
            "contacts": self.contacts,
            "covered_contacts": self.covered_contacts,
            "contact_share": _rounded(self.contact_share),
            **{
                f"{name}{key}": value
                for name, part in (("mapped", self.mapped), ("listed", self.listed))
                for key, value in (
                    ("", part.reasons),
                    ("_share", _rounded(self.share_of(part))),
                    ("_contacts", part.contacts),
                    ("_contact_share", _rounded(self.contact_share_of(part))),
                )
            },
        }


@dataclass(frozen=True)
class PhaseCoverage:
    """How the contact reasons of one life-cycle phase are covered."""

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
        "level",
        "journeys",
        "contacts",
    )

    period: str | None
    rows: tuple[ReasonRow, ...]  # by contacts, the most first; then the framework's order
    phases: tuple[PhaseCoverage, ...]
    total: Coverage

    @property
    def uncovered(self) -> tuple[ReasonRow, ...]:
        return tuple(row for row in self.rows if not row.covered)

    def to_rows(self) -> list[Row]:
        return [csv_row(self.fields, _plain(row)) for row in self.rows]

    def to_dict(self) -> dict[str, object]:
        rows = json_rows(self.rows, _plain, lambda row: {"journeys": list(row.journeys)})
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
            level=_level(covering.get(reason.id, [])),
        )
        for reason in framework.contact_reasons
    )
    by_phase = tuple(
        PhaseCoverage(phase.id, phase.name, _coverage([r for r in rows if r.phase == phase.id]))
        for phase in framework.phases
    )
    by_contacts = sorted(rows, key=lambda row: -1 if row.contacts is None else -row.contacts)
    return CoverageReport(period, tuple(by_contacts), by_phase, _coverage(list(rows)))


def _level(journeys: list[Journey]) -> Level | None:
    if any(journey.status in MAPPED_STATUSES for journey in journeys):
        return "mapped"
    return "listed" if journeys else None


def _covering(report_input: ReportInput) -> dict[str, list[Journey]]:
    """Contact reason id -> the journeys that list it, in ranking order; a retired journey
    covers nothing."""
    ranks = {j.id: j.rank for j in report_input.ranking.journeys}
    active = [j for j in report_input.journeys if j.status != "retired"]
    ordered = sorted(active, key=lambda j: (ranks.get(j.id, len(ranks) + 1), j.id))
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
        contacts=sum(row.contacts or 0 for row in counted) if counted else None,
        mapped=_part(rows, counted, "mapped"),
        listed=_part(rows, counted, "listed"),
    )


def _part(rows: list[ReasonRow], counted: list[ReasonRow], level: Level) -> Part:
    at_level = [row for row in counted if row.level == level]
    return Part(
        reasons=sum(1 for row in rows if row.level == level),
        contacts=sum(row.contacts or 0 for row in at_level) if counted else None,
    )
