"""The owners page: per owner the journeys, the reviews overdue and the open improvements;
then every overdue review, with its cadence and the last review."""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.reports import OwnersReport
from journeyctl.text import Lang, format_date, label
from journeyctl.views import cells
from journeyctl.views.cells import NONE, Cell, Number, Table, count, day, journey_page


@dataclass(frozen=True)
class OwnersView:
    owners: Table
    overdue: Table

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.owners, self.overdue)

    @property
    def notes(self) -> tuple[str, ...]:
        return ()


def owners_view(report: OwnersReport, lang: Lang) -> OwnersView:
    no_owner = label("report.no_owner", lang)
    counted = (
        "journeys",
        "report.overdue_reviews",
        "report.open_improvements",
        "report.open_on_journeys",
    )
    owners = Table(
        label("report.owners.title", lang),
        *cells.headed(("owner", *(Number(key) for key in counted)), lang),
        tuple(
            (
                Cell(row.owner_name or no_owner),
                Cell(count(len(row.journeys), lang)),
                Cell(count(len(row.overdue), lang), tone="bad" if row.overdue else ""),
                Cell(count(len(row.open_improvements), lang)),
                Cell(count(len(row.open_on_journeys), lang)),
            )
            for row in report.rows
        ),
        empty=label("report.none", lang),
    )
    columns = (
        "journey",
        "owner",
        "report.cadence",
        "report.last_reviewed",
        Number("report.days_overdue"),
    )
    overdue = Table(
        label("report.owners.overdue", lang).format(day=format_date(report.today, lang)),
        *cells.headed(columns, lang),
        tuple(
            (
                Cell(review.journey_name, link=journey_page(review.journey)),
                Cell(row.owner_name or no_owner),
                Cell(label(f"report.cadence.{review.cadence}", lang)),
                Cell(day(review.last_reviewed, lang) or label("report.never", lang)),
                Cell(NONE if review.days_overdue is None else count(review.days_overdue, lang)),
            )
            for row in report.rows
            for review in row.overdue
        ),
        empty=label("report.none", lang),
    )
    return OwnersView(owners, overdue)
