"""`export`: the inventory with its ranking, as a workbook for people or as CSV.

One row per journey: the ranked ones in rank order, then the others. The columns are ones
that `import` reads back (journey, id, phase, cluster, owner, status, period, customers,
contacts, estimated and the criteria, and the ids of the phase, cluster and owner), so that
exporting and importing the file changes nothing, a name or a status changed in the workbook
is written to its journey (the row found by its id), and importing it into another framework keeps every id (`--add-missing` adds
the phases, clusters and owners with the ids and names they had); rank, contacts per customer
and score are worked out from the rest, there for people, and not read. With a
period to compare with, its customers, contacts and estimates stand beside the period's
(`Klanten 2024`, which import reads as that period's), and its rank.

The workbook shows names and the language's labels, numbers as numbers (a spreadsheet shows
them with the reader's separators) in formats that suit them, a frozen and filtered header,
column widths that fit, and a second sheet that explains the weights and the formula. CSV
keeps ids and plain numbers. Every cell written, of either sheet, headers and titles too,
goes through `_cell`, so text that a spreadsheet would run as a formula is neutralised
wherever it comes from (`journeyctl.inventory.formula`): a criterion named
`=HYPERLINK("http://x.example","s")` is a header, and a header is a cell.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from journeyctl.framework import CheckedTree
from journeyctl.inventory.formula import neutralise, storable
from journeyctl.model.journey import ESTIMABLE, Volume
from journeyctl.rank import RankOptions, rank
from journeyctl.text import Lang, Names, label
from journeyctl.write import WriteError

ExportFormat = Literal["xlsx", "csv"]
_MAX_WIDTH = 60


@dataclass(frozen=True)
class ExportColumn:
    key: str  # the CSV header, and the label key of the workbook's header
    header: str  # the workbook's header
    number_format: str | None = None


@dataclass
class ExportTable:
    lang: Lang
    period: str | None
    columns: list[ExportColumn]
    rows: list[list[Any]] = field(default_factory=list)  # xlsx values (names)
    csv_rows: list[list[Any]] = field(default_factory=list)  # csv values (ids)
    weights: list[tuple[str, float]] = field(default_factory=list)
    compare: str | None = None  # the period whose figures stand beside the period's


def export_table(
    checked: CheckedTree, period: str | None, lang: Lang | None, compare: str | None = None
) -> ExportTable:
    """The table of every journey, ranked in `period` (default: rank's default period), with
    the figures of `compare` beside them."""
    framework = checked.framework
    options = RankOptions(period=period, lang=lang, compare=compare)
    ranking = rank(framework, checked.journeys, options)
    language: Lang = lang or framework.language
    names = Names(framework)
    criteria = framework.criteria
    columns = [
        ExportColumn("rank", label("rank", language)),
        ExportColumn("journey", label("journey", language)),
        ExportColumn("id", label("id", language)),
        ExportColumn("phase", label("phase", language)),
        ExportColumn("cluster", label("cluster", language)),
        ExportColumn("owner", label("owner", language)),
        ExportColumn("status", label("status", language)),
        ExportColumn("period", label("period", language)),
        ExportColumn("customers", label("customers", language), "#,##0"),
        ExportColumn("contacts", label("contacts", language), "#,##0"),
        ExportColumn("estimated", label("estimated", language).capitalize()),
        *_compared_columns(compare, language),
        ExportColumn("contact_rate", label("contact_rate", language), "0.00"),
        ExportColumn("score", label("score", language), "0.0"),
        *(ExportColumn(c.id, c.name) for c in criteria),
        *(ExportColumn(f"{kind}_id", label(f"export.{kind}_id", language)) for kind in _IDS),
    ]
    table = ExportTable(language, ranking.period, columns, compare=compare)
    table.weights = [(label(k, language), ranking.weights[k]) for k in ("customers", "contacts")]
    table.weights += [(c.name, ranking.weights.get(c.id, c.weight)) for c in criteria]
    ranked = {r.id: r for r in ranking.journeys}
    order = [r.id for r in ranking.journeys] + [u.id for u in ranking.unranked]
    by_id = {j.id: j for j in checked.journeys}
    order += [j.id for j in checked.journeys if j.id not in set(order)]
    yes, no = label("export.yes", language), label("export.no", language)
    for journey_id in order:
        journey = by_id[journey_id]
        place = ranked.get(journey_id)
        volume = journey.volume(ranking.period) if ranking.period else None
        common = [
            journey.name,
            journey.id,
        ]
        figures = [
            ranking.period if volume else None,
            volume.customers if volume else None,
            volume.contacts if volume else None,
        ]
        tail = [
            place.contact_rate if place else None,
            place.score if place else None,
        ]
        criteria_values = [journey.criteria.get(c.id) for c in criteria]
        then = journey.volume(compare) if compare else None
        compared = [
            then.customers if then else None,
            then.contacts if then else None,
        ]
        then_rank = place.compare.rank if place and place.compare else None
        ids = [journey.phase, journey.cluster, journey.owner]
        table.rows.append(
            [
                place.rank if place else None,
                *common,
                names.name("phase", journey.phase),
                names.name("cluster", journey.cluster),
                names.name("owner", journey.owner) if journey.owner else None,
                label(f"journey_status.{journey.status}", language),
                *figures,
                _estimated(volume, yes, no, language) if volume else None,
                *(
                    [*compared, _estimated(then, yes, no, language) if then else None, then_rank]
                    if compare
                    else []
                ),
                *tail,
                *(_yes_no(v, yes, no) for v in criteria_values),
                *ids,
            ]
        )
        table.csv_rows.append(
            [
                place.rank if place else None,
                *common,
                journey.phase,
                journey.cluster,
                journey.owner,
                journey.status,
                *figures,
                _estimated(volume, "true", "false", "en") if volume else None,
                *(
                    [
                        *compared,
                        _estimated(then, "true", "false", "en") if then else None,
                        then_rank,
                    ]
                    if compare
                    else []
                ),
                *tail,
                *(_yes_no(v, "true", "false") for v in criteria_values),
                *ids,
            ]
        )
    return table


# The framework's ids that stand beside the names, last: for an import into another framework.
_IDS = ("phase", "cluster", "owner")


def _compared_columns(compare: str | None, lang: Lang) -> list[ExportColumn]:
    """The compared period's columns, its period in each header as import reads it back
    (`Klanten 2024`; `customers_2024` in CSV)."""
    if compare is None:
        return []
    return [
        ExportColumn(f"customers_{compare}", f"{label('customers', lang)} {compare}", "#,##0"),
        ExportColumn(f"contacts_{compare}", f"{label('contacts', lang)} {compare}", "#,##0"),
        ExportColumn(f"estimated_{compare}", f"{label('estimated', lang).capitalize()} {compare}"),
        ExportColumn(f"rank_{compare}", f"{label('rank', lang)} {compare}"),
    ]


def _estimated(volume: Volume, yes: str, no: str, language: Lang) -> str:
    """Yes for both values, no for none, else the one value's name ("klanten"), as import
    reads it back."""
    if len(volume.estimated) == len(ESTIMABLE):
        return yes
    return label(volume.estimated[0], language).lower() if volume.estimated else no


def _yes_no(value: Any, yes: str, no: str) -> Any:
    if isinstance(value, bool):
        return yes if value else no
    return value


def _cell(value: Any) -> Any:
    """What a cell of the export holds: text neutralised, anything else as it is. The one
    way a value reaches a cell of either format."""
    return storable(neutralise(value)) if isinstance(value, str) else value


def _cells(values: list[Any]) -> list[Any]:
    return [_cell(value) for value in values]


def to_csv(table: ExportTable) -> str:
    """Comma-separated, a header of ids, plain numbers; text neutralised."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    # The csv module quotes a field that holds a line feed (its line end) but not one that
    # holds a carriage return alone, which a reader takes for a line end: a row with such a
    # field is quoted whole (import reads every field of a CSV file as text alike).
    quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in [[column.key for column in table.columns], *table.csv_rows]:
        cells = _cells(row)
        bare_return = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoted if bare_return else writer).writerow(cells)  # None: an empty field
    return stream.getvalue()


def to_xlsx(table: ExportTable) -> bytes:
    """The workbook: the journeys, then the sheet that explains the score; openpyxl's
    warnings dropped, as when a workbook is read (`openpyxl_private.quiet`)."""
    from journeyctl.inventory.openpyxl_private import quiet

    with quiet():
        return _workbook_bytes(table)


def _workbook_bytes(table: ExportTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.properties import PageSetupProperties

    workbook = Workbook()
    sheet = workbook.worksheets[0]  # a new workbook has one sheet, the active one
    sheet.title = label("export.sheet", table.lang)
    sheet.append(_cells([column.header for column in table.columns]))
    for row in table.rows:
        sheet.append(_cells(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        if column.number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = column.number_format
    _fit_widths(sheet, table)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # Printed (or saved as PDF) for a meeting: landscape, every column on one page's width.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    _explanation(workbook.create_sheet(label("export.explanation", table.lang)), table, Font)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _fit_widths(sheet: Any, table: ExportTable) -> None:
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(table.columns):
        values = [row[index] for row in table.rows]
        texts = [column.header] + [_shown(value) for value in values if value is not None]
        width = min(max(len(text) for text in texts) + 2, _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width


def _shown(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _explanation(sheet: Any, table: ExportTable, font: Any) -> None:
    lang = table.lang
    rows: list[list[Any]] = [
        [label("export.title", lang).format(period=table.period or "-")],
        [],
        [label("export.formula", lang)],
        [label("export.terms", lang)],
        [],
        [label("criterion", lang), label("weight", lang)],
        *([name, weight] for name, weight in table.weights),
        [],
        [label("export.reimport_names", lang).format(sheet=label("export.sheet", lang))],
    ]
    for row in rows:
        sheet.append(_cells(row))
    sheet["A1"].font = font(bold=True)
    for cell in sheet[6]:
        cell.font = font(bold=True)
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 12


def export_bytes(table: ExportTable, output_format: ExportFormat) -> bytes:
    if output_format == "csv":
        return to_csv(table).encode("utf-8")
    return to_xlsx(table)


def write_export(target: Path, data: bytes) -> None:
    """Write the file atomically through the writer."""
    from journeyctl.write import write_bytes

    if not target.parent.is_dir():
        raise WriteError(
            f"cannot write '{target}': the folder '{target.parent}' does not exist; create it "
            "or write elsewhere",
            parameter="out",
        )
    if target.is_dir():
        raise WriteError(f"cannot write '{target}': it is a folder; write a file", parameter="out")
    write_bytes(target, data)
