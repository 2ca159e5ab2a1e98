"""The coverage page: the Life Cycle Model's contact reasons by phase, covered or not, by
count and by contacts; then every contact reason with the journeys that cover it."""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.reports import Coverage, CoverageReport
from journeyctl.text import Lang, format_count, label
from journeyctl.views.cells import (
    NONE,
    Cell,
    Figure,
    Table,
    Tone,
    count,
    percent,
    period_title,
)


@dataclass(frozen=True)
class CoverageView:
    phases: Table  # per phase, then the total
    reasons: Table
    notes: tuple[str, ...]
    figures: tuple[Figure, ...]  # the headline numbers a page shows above the tables

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.phases, self.reasons)


def coverage_view(report: CoverageReport, lang: Lang) -> CoverageView:
    keys = (
        "phase",
        "report.reasons",
        "report.covered",
        "report.share",
        "contacts",
        "report.contact_share",
    )
    rows = [(Cell(p.phase_name), *_coverage_cells(p.coverage, lang)) for p in report.phases]
    rows.append(
        (Cell(label("report.total", lang), tone="strong"), *_coverage_cells(report.total, lang))
    )
    phases = Table(
        period_title("report.coverage.title", report.period, lang),
        tuple(label(key, lang) for key in keys),
        (False, True, True, True, True, True),
        tuple(rows),
        empty=label("report.none", lang),
    )
    not_covered = label("report.not_covered", lang)
    reasons = Table(
        label("report.coverage.reasons", lang),
        tuple(label(k, lang) for k in ("contact_reason", "phase", "journeys", "contacts")),
        (False, False, False, True),
        tuple(
            (
                Cell(row.name),
                Cell(row.phase_name),
                Cell(
                    "; ".join(row.journey_names) or not_covered, tone="" if row.covered else "bad"
                ),
                Cell(count(row.contacts, lang)),
            )
            for row in report.rows
        ),
        flexible=2,
        empty=label("report.none", lang),
    )
    return CoverageView(phases, reasons, tuple(_notes(report, lang)), _figures(report, lang))


def _coverage_cells(coverage: Coverage, lang: Lang) -> tuple[Cell, ...]:
    return (
        Cell(format_count(coverage.reasons, lang)),
        Cell(format_count(coverage.covered, lang)),
        Cell(percent(coverage.share, lang)),
        Cell(count(coverage.contacts, lang)),
        Cell(percent(coverage.contact_share, lang)),
    )


def _notes(report: CoverageReport, lang: Lang) -> list[str]:
    total = report.total
    notes = [
        label("report.coverage.summary", lang).format(
            covered=format_count(total.covered, lang),
            reasons=format_count(total.reasons, lang),
            share=percent(total.share, lang),
        )
    ]
    if total.contact_share is None:
        notes.append(
            label("report.coverage.no_contacts", lang).format(period=report.period or NONE)
        )
    return notes


def _figures(report: CoverageReport, lang: Lang) -> tuple[Figure, ...]:
    total = report.total
    uncovered = total.reasons - total.covered
    figures = [
        Figure(
            percent(total.share, lang), label("render.coverage.share", lang), _tone(total.share)
        ),
        Figure(
            f"{format_count(total.covered, lang)} / {format_count(total.reasons, lang)}",
            label("render.coverage.covered", lang),
        ),
        Figure(
            format_count(uncovered, lang),
            label("render.coverage.uncovered", lang),
            "bad" if uncovered else "good",
        ),
    ]
    if total.contact_share is not None:
        figures.insert(
            1,
            Figure(
                percent(total.contact_share, lang),
                label("render.coverage.contact_share", lang).format(period=report.period or NONE),
                _tone(total.contact_share),
            ),
        )
    return tuple(figures)


def _tone(share: float | None) -> Tone:
    if share is None:
        return ""
    return "good" if share >= 0.9 else "bad" if share < 0.7 else ""
