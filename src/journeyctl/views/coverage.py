"""The coverage page: the Life Cycle Model's contact reasons by phase, covered by a mapped
journey, only by a listed one, or not at all, by count and by contacts; then every contact
reason (the most contacts first) with how far it is covered and the journeys that cover it.
The share of contacts under reasons only listed journeys cover is said in a note (and the
JSON), not in a column: the table stays readable in a terminal.
The headline share is of the reasons a mapped journey covers: a listed journey is a name,
not a map."""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.reports import Coverage, CoverageReport
from journeyctl.reports.coverage import Level
from journeyctl.text import Lang, format_count, label
from journeyctl.views import cells
from journeyctl.views.cells import NONE, Cell, Figure, Number, Table, Tone


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
    columns = (
        "phase",
        Number("report.reasons"),
        Number("report.coverage.mapped"),
        Number("report.coverage.listed"),
        Number("report.coverage.mapped_share"),
        Number("contacts"),
        Number("report.coverage.mapped_contacts"),
    )
    rows = [(Cell(p.phase_name), *_coverage_cells(p.coverage, lang)) for p in report.phases]
    rows.append(
        (Cell(label("report.total", lang), tone="strong"), *_coverage_cells(report.total, lang))
    )
    phases = Table(
        cells.period_title("report.coverage.title", report.period, lang),
        *cells.headed(columns, lang),
        tuple(rows),
        empty=label("report.none", lang),
    )
    reason_columns = (
        "contact_reason",
        "phase",
        "report.coverage.level",
        "journeys",
        Number("contacts"),
    )
    reasons = Table(
        label("report.coverage.reasons", lang),
        *cells.headed(reason_columns, lang),
        tuple(
            (
                Cell(row.name),
                Cell(row.phase_name),
                _level(row.level, lang),
                cells.journeys_cell(row.journeys, row.journey_names),
                Cell(cells.count(row.contacts, lang)),
            )
            for row in report.rows
        ),
        flexible=3,
        empty=label("report.none", lang),
    )
    return CoverageView(phases, reasons, tuple(_notes(report, lang)), _figures(report, lang))


def _level(level: Level | None, lang: Lang) -> Cell:
    if level is None:
        return Cell(label("report.not_covered", lang), tone="bad")
    return Cell(
        label(f"report.coverage.level.{level}", lang), tone="good" if level == "mapped" else ""
    )


def _coverage_cells(coverage: Coverage, lang: Lang) -> tuple[Cell, ...]:
    return (
        Cell(format_count(coverage.reasons, lang)),
        Cell(format_count(coverage.mapped.reasons, lang)),
        Cell(format_count(coverage.listed.reasons, lang)),
        Cell(cells.percent(coverage.share_of(coverage.mapped), lang)),
        Cell(cells.count(coverage.contacts, lang)),
        Cell(cells.percent(coverage.contact_share_of(coverage.mapped), lang)),
    )


def _notes(report: CoverageReport, lang: Lang) -> list[str]:
    total = report.total
    notes = [
        label("report.coverage.summary", lang).format(
            mapped=format_count(total.mapped.reasons, lang),
            reasons=format_count(total.reasons, lang),
            share=cells.percent(total.share_of(total.mapped), lang),
            listed=format_count(total.listed.reasons, lang),
            uncovered=format_count(total.reasons - total.covered, lang),
        )
    ]
    if total.contacts:
        notes.append(
            label("report.coverage.contacts_summary", lang).format(
                period=report.period or NONE,
                mapped=cells.percent(total.contact_share_of(total.mapped), lang),
                listed=cells.percent(total.contact_share_of(total.listed), lang),
            )
        )
    else:
        notes.append(
            label("report.coverage.no_contacts", lang).format(period=report.period or NONE)
        )
    return notes


def _figures(report: CoverageReport, lang: Lang) -> tuple[Figure, ...]:
    total = report.total
    uncovered = total.reasons - total.covered
    mapped_share = total.share_of(total.mapped)
    figures = [
        Figure(
            cells.percent(mapped_share, lang),
            label("render.coverage.share", lang),
            _tone(mapped_share),
        ),
        Figure(
            format_count(total.listed.reasons, lang),
            label("render.coverage.listed", lang),
            "bad" if total.listed.reasons else "",
        ),
        Figure(
            format_count(uncovered, lang),
            label("render.coverage.uncovered", lang),
            "bad" if uncovered else "good",
        ),
    ]
    contact_share = total.contact_share_of(total.mapped)
    if contact_share is not None:
        figures.insert(
            1,
            Figure(
                cells.percent(contact_share, lang),
                label("render.coverage.contact_share", lang).format(period=report.period or NONE),
                _tone(contact_share),
            ),
        )
    return tuple(figures)


def _tone(share: float | None) -> Tone:
    if share is None:
        return ""
    return "good" if share >= 0.9 else "bad" if share < 0.7 else ""
