"""A ranking as a terminal table, JSON (the contract's shape), CSV or Markdown.

The terminal table and Markdown are for people: they lay out the ranking's view
(`journeyctl.views.ranking`: names, labels and numbers in the ranking's language, the
movement, the marks, the notes), which the ranking page of `render` lays out too. JSON and
CSV are for machines: ids and plain numbers. `RANK_FORMATS` holds each as a writer of the
one interface (`formats/base.py`).

Every cell that holds text from the tree goes through `one_line` (or Markdown escaping);
the terminal table's cells are `Styled` (text and styles), which Rich, where it writes
them, gets as `Text`, never as a string, because Rich reads a string as markup (`[bold]`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from journeyctl.formats._console import WIDTH
from journeyctl.formats._safe import csv_cell, one_line, to_json
from journeyctl.formats._table import (
    GAP,
    Column,
    Styled,
    fits,
    height,
    render_table,
    styled,
    write_text,
)
from journeyctl.formats.base import Writer
from journeyctl.rank import RankedJourney, Ranking
from journeyctl.text.markdown import md_cell, md_code, md_text
from journeyctl.views.cells import Cell, Table
from journeyctl.views.ranking import BAR, RankingRow, RankingView, ranking_view

# Up green, down red, the same place plain, new (not ranked in the compared period) cyan.
_MOVEMENT_STYLES = {"up": "green", "down": "red", "new": "cyan"}


def table(ranking: Ranking, color: bool = False, explain: bool = False, width: int = WIDTH) -> str:
    """The ranking for a terminal `width` columns wide, in the first layout that fits it
    comfortably (see `_LAYOUTS`), else the first whose longest words fit, else the most
    compact one."""
    view = ranking_view(ranking, explain)
    if view.no_match:  # the filters match no journey: that one line, in the table's place
        parts = [f"{one_line(view.no_match)}\n"]
    elif view.rows:
        columns = _layout(view, width)
        parts = [render_table(Styled(one_line(view.title)), columns, width, color)]
    else:  # no header without rows: a line that says so
        parts = [f"{one_line(view.title)}\n{one_line(view.empty)}\n"]
    if view.explanation is not None:
        parts.append(_explanation(view.explanation, width, color))
    notes = _notes(view)
    if notes.plain:
        # In a group, as the notes have always been written: a blank line ends them.
        parts.append(write_text(notes, color, width, group=True))
    return "".join(parts)


@dataclass(frozen=True)
class _Layout:
    # wide: the journey's name, phase, cluster, owner and status side by side; stacked:
    # the status under the name and the cluster under the phase; compact: the owner under
    # those too.
    text: Literal["wide", "stacked", "compact"]
    # With --compare, how the compared period is shown beside the movement: its rank,
    # customers, contacts and contact rate each in a column of its own (full); its
    # customers, contacts and contact rate beneath this period's, and its rank in a column
    # (beneath); or beneath, without its rank (least: the movement says how the rank moved).
    compare: Literal["full", "beneath", "least"] = "full"
    bar: bool = True  # the score's bar beside the score


# From the most to the least that is shown side by side, the first that fits comfortably
# wins. The bar is a picture of the score beside it: it goes first. The compared period's
# figures stay whatever the width, beneath this period's where their columns do not fit,
# and so does the movement, because "what moved since last year" is what a steering
# meeting asks.
_LAYOUTS = (
    _Layout("wide"),
    _Layout("stacked"),
    _Layout("wide", bar=False),
    _Layout("stacked", bar=False),
    _Layout("wide", "beneath", bar=False),
    _Layout("stacked", "beneath", bar=False),
    _Layout("compact", "beneath", bar=False),
    _Layout("compact", "least", bar=False),
)


def _layout(view: RankingView, width: int) -> list[Column]:
    cells = _Cells(view)
    # Each layout's columns are made when it is tried, each column once for all layouts
    # (`_Cells`), and measured once: the first comfortable layout usually ends the search.
    first = next((layout for layout in _LAYOUTS if fits(_columns(cells, layout), width)), None)
    if first is not None:
        # Of the layouts that show as much as the first comfortable one, the shortest: names
        # side by side when stacking would not save a line.
        alike = [
            columns
            for layout in _LAYOUTS
            if _shown(layout) == _shown(first) and fits(columns := _columns(cells, layout), width)
        ]
        if len(alike) == 1:
            return alike[0]
        return min(alike, key=lambda columns: height(columns, width))
    # Then the first whose longest words fit two spaces apart, then one space apart.
    for gap in (GAP, 1):
        for layout in _LAYOUTS:
            columns = _columns(cells, layout)
            if fits(columns, width, comfortably=False, gap=gap):
                return columns
    return _columns(cells, _LAYOUTS[-1])


def _shown(layout: _Layout) -> tuple[str, bool]:
    return layout.compare, layout.bar


def _columns(cells: _Cells, layout: _Layout) -> list[Column]:
    columns = [cells.ranks]
    comparing = cells.view.compare_period is not None
    if comparing:
        columns.append(cells.movement)
    columns += _text_columns(cells, layout.text)
    beneath = comparing and layout.compare != "full"
    columns += [
        *(cells.beneath(f) if beneath else cells.numbers(f) for f in _COMPARED),
        cells.score_with_bar if layout.bar else cells.score,
    ]
    if comparing:
        columns += _compare_columns(cells, layout.compare)
    return columns


def _text_columns(cells: _Cells, text: str) -> list[Column]:
    if text == "wide":
        return cells.side_by_side
    if text == "compact":
        return [cells.name_and_status, cells.phase_cluster_and_owner]
    return [cells.name_and_status, cells.phase_and_cluster, cells.owner]


def _compare_columns(cells: _Cells, shown: str) -> list[Column]:
    """The compared period's columns after the score: its rank, then (where they are not
    beneath this period's) its customers, contacts and contact rate."""
    if shown == "least":
        return []
    if shown == "beneath":
        return [cells.numbers("compared_rank")]
    return [cells.numbers(field) for field in ("compared_rank", *_COMPARED.values())]


# This period's figures, each with the field of the compared period's.
_COMPARED = {
    "customers": "compared_customers",
    "contacts": "compared_contacts",
    "contact_rate": "compared_contact_rate",
}


# How many lines one fact (a name, a cluster's name) may take for a layout to be
# comfortable: the journey's and the cluster's names are sentences and may take three.
_SENTENCE_LINES = 3
_NAME_LINES = 2


class _Cells:
    """Every column any layout may show, each made once from the view's cells: a layout is
    chosen among several, and a ranking of thousands of journeys should not be laid out
    once for each."""

    def __init__(self, view: RankingView) -> None:
        self.view = view
        self.rows = view.rows
        self.headers = view.headers
        # Every layout shows these, one way or another.
        self.names = [r.name.shown for r in self.rows]
        self.phases = [r.phase.text for r in self.rows]
        self.clusters = [r.cluster.text for r in self.rows]
        self.owners = [r.owner.text for r in self.rows]
        self.statuses = [r.status.text for r in self.rows]
        self._number_columns: dict[str, Column] = {}

    @cached_property
    def ranks(self) -> Column:
        ranks = [Styled(r.rank.text, style="bold") for r in self.rows]
        return Column("#", numeric=True, cells=ranks)

    @cached_property
    def movement(self) -> Column:
        cells = [
            Styled(r.movement.text, style=_MOVEMENT_STYLES.get(r.movement.tone, ""))
            for r in self.rows
        ]
        return Column(one_line(self.headers["movement"]), numeric=True, cells=cells)

    @cached_property
    def side_by_side(self) -> list[Column]:
        """The journey's name, phase, cluster, owner and status, each in its column."""
        facts = {
            "name": (self.names, _SENTENCE_LINES),
            "phase": (self.phases, 1),
            "cluster": (self.clusters, _SENTENCE_LINES),
            "owner": (self.owners, _NAME_LINES),
            "status": (self.statuses, 1),
        }
        return [
            Column(one_line(self.headers[key]), lines=lines, cells=_texts(texts))
            for key, (texts, lines) in facts.items()
        ]

    @cached_property
    def owner(self) -> Column:
        return self.side_by_side[3]

    @cached_property
    def name_and_status(self) -> Column:
        return self._stacked_column(
            ("name", "status"), zip(self.names, self.statuses, strict=True), (_SENTENCE_LINES, 1)
        )

    @cached_property
    def phase_and_cluster(self) -> Column:
        facts = zip(self.phases, self.clusters, strict=True)
        return self._stacked_column(("phase", "cluster"), facts, (1, _SENTENCE_LINES))

    @cached_property
    def phase_cluster_and_owner(self) -> Column:
        facts = zip(self.phases, self.clusters, self.owners, strict=True)
        lines = (1, _SENTENCE_LINES, _NAME_LINES)
        return self._stacked_column(("phase", "cluster", "owner"), facts, lines)

    @cached_property
    def score_with_bar(self) -> Column:
        bars = [_score_with_bar(r.score.text, r.bar) for r in self.rows]
        return Column(one_line(self.headers["score"]), wrap=False, cells=bars)

    @cached_property
    def score(self) -> Column:
        scores = _texts(r.score.text for r in self.rows)
        return Column(one_line(self.headers["score"]), numeric=True, wrap=False, cells=scores)

    def numbers(self, field: str) -> Column:
        """The column of one of the rows' numbers (`customers`, `compared_rank`, ...), whose
        header the view names by the same field."""
        column = self._number_columns.get(field)
        if column is None:
            figures = [getattr(r, field) for r in self.rows]
            marked = any(figure.mark for figure in figures)
            # A blank where another row has a mark, so that the digits line up.
            cells = (f.shown if f.mark or not marked else f"{f.shown} " for f in figures)
            column = self._number_columns[field] = _numbers(self.headers[field], cells)
        return column

    def beneath(self, field: str) -> Column:
        """This period's figure (`customers`, ...) with the compared period's beneath it,
        dimmed. The header says so as a stacked column's does, `Customers /2024`, the
        period joined to its slash so that a narrow column never leaves the slash alone
        on a line."""
        column = self._number_columns.get(f"beneath {field}")
        if column is None:
            header = f"{self.headers[field]} /{self.view.compare_period}"
            cells = [_beneath(getattr(r, field), getattr(r, _COMPARED[field])) for r in self.rows]
            column = Column(one_line(header), numeric=True, cells=cells)
            self._number_columns[f"beneath {field}"] = column
        return column

    def _stacked_column(
        self, keys: tuple[str, ...], facts: Iterable[tuple[str, ...]], lines: tuple[int, ...]
    ) -> Column:
        headers = [self.headers[keys[0]], *(self.headers[k].lower() for k in keys[1:])]
        made: dict[tuple[str, ...], Styled] = {}
        cells = [made.get(one) or made.setdefault(one, _stacked(*one)) for one in facts]
        return Column(one_line(" / ".join(headers)), lines=lines, cells=cells)


def _stacked(first: str, *others: str) -> Styled:
    """Facts in one cell, each on its own line, the others dimmed."""
    return styled((one_line(first), ""), *(("\n" + one_line(other), "dim") for other in others))


def _beneath(now: Cell, then: Cell) -> Styled:
    """Two figures, one above the other, the lower one dimmed: `310,000~` over `290,000 `
    (a blank where the upper one has a mark, so that the digits line up)."""
    upper = one_line(now.shown)
    lower = one_line(then.shown) + (" " if now.mark and not then.mark else "")
    return Styled(
        f"{upper}\n{lower}", spans=((len(upper) + 1, len(upper) + 1 + len(lower), "dim"),)
    )


def _numbers(header: str, cells: Iterable[str]) -> Column:
    return Column(one_line(header), numeric=True, cells=_texts(cells))


def _texts(cells: Iterable[str]) -> list[Styled]:
    # One cell for each distinct text (a phase, a status): made, measured and written once.
    made: dict[str, Styled] = {}
    texts = []
    for cell in cells:
        text = made.get(cell)
        if text is None:
            text = made[cell] = Styled(one_line(cell))
        texts.append(text)
    return texts


def _score_with_bar(text: str, filled: int) -> Styled:
    """The score (`text`) and its bar: `93,3 █████`, the bar green, its rest dim."""
    return styled((f"{text:>5} ", ""), ("█" * filled, "green"), ("·" * (BAR - filled), "dim"))


def _score(row: RankingRow) -> str:
    """The score and its bar as plain text (Markdown): `93,3 █████`."""
    return f"{row.score.text} {'█' * row.bar}{'·' * (BAR - row.bar)}"


def _explanation(explanation: Table, width: int, color: bool) -> str:
    """Each journey's points per term, the terms named as the framework names them."""
    columns = [
        Column(
            one_line(header),
            numeric=numeric,
            flexible=index == explanation.flexible,
            cells=_texts(row[index].shown for row in explanation.rows),
        )
        for index, (header, numeric) in enumerate(
            zip(explanation.headers, explanation.numeric, strict=True)
        )
    ]
    return render_table(Styled(one_line(explanation.title)), columns, width, color)


def _notes(view: RankingView) -> Styled:
    pieces = [(one_line(line) + "\n", "yellow" if line[:1] in "*~" else "") for line in view.notes]
    if view.unranked:
        pieces.append((one_line(view.unranked_title) + ":\n", "bold"))
        pieces += [
            (f"  {one_line(item.name.text)}: {one_line(item.reason)}\n", "")
            for item in view.unranked
        ]
    return styled(*pieces)


def as_json(ranking: Ranking, explain: bool = False) -> str:
    return to_json(ranking.to_dict(explain=explain))


_CSV_COLUMNS = [
    "rank",
    "id",
    "name",
    "phase",
    "cluster",
    "owner",
    "customers",
    "contacts",
    "contact_rate",
    "score",
    "status",
    "customers_estimated",
    "contacts_estimated",
]
# With --compare: the journey's figures in the compared period, empty where it had none.
_CSV_COMPARE_COLUMNS = ["rank", "customers", "contacts", "contact_rate"]


def as_csv(ranking: Ranking, explain: bool = False) -> str:
    """One row per ranked journey, ids and plain numbers; the period on every row."""
    buffer = io.StringIO()
    terms = list(ranking.weights) if explain else []
    comparing = ranking.compare_period is not None
    compare_header = [f"compare_{c}" for c in _CSV_COMPARE_COLUMNS] + ["movement"]
    header = [*_CSV_COLUMNS, *(compare_header if comparing else [])]
    header += [*(f"points_{t}" for t in terms), "period"]
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*header, *(["compare_period"] if comparing else [])])
    for journey in ranking.journeys:
        row = [csv_cell(getattr(journey, column)) for column in _CSV_COLUMNS]
        if comparing:
            row += _csv_compare(journey)
        row += [*(journey.terms[t] for t in terms), csv_cell(ranking.period)]
        writer.writerow([*row, *([csv_cell(ranking.compare_period)] if comparing else [])])
    return buffer.getvalue()


def _csv_compare(journey: RankedJourney) -> list[object]:
    compared = journey.compare
    values = [getattr(compared, c) if compared else None for c in _CSV_COMPARE_COLUMNS]
    return [csv_cell(v) for v in [*values, journey.movement]]


def as_markdown(ranking: Ranking, explain: bool = False) -> str:
    """A GitHub-flavoured table of the same cells as the terminal table, then the notes."""
    view = ranking_view(ranking, explain)
    keys = _markdown_columns(view)
    lines = [f"### {md_text(view.title)}", ""]
    if view.no_match:  # as the terminal says it: that one line, without a title
        lines = [md_text(view.no_match)]
    elif view.rows:
        terms = view.explanation.headers[2:-1] if view.explanation else ()
        numeric = [key not in _TEXT_COLUMNS for key in keys] + [True] * len(terms)
        # The first header is `#`, which only starts a heading at the start of a line.
        headers = ["#", *(md_cell(view.headers[k]) for k in keys[1:])]
        lines += [
            "| " + " | ".join([*headers, *(md_cell(t) for t in terms)]) + " |",
            "|" + "|".join("---:" if n else "---" for n in numeric) + "|",
        ]
        explained = view.explanation.rows if view.explanation else [()] * len(view.rows)
        for row, points in zip(view.rows, explained, strict=True):
            cells = [_score(row) if k == "score" else getattr(row, k).shown for k in keys]
            cells += [cell.shown for cell in points[2:-1]]
            lines.append("| " + " | ".join(md_cell(cell) for cell in cells) + " |")
    else:
        lines.append(md_text(view.empty))
    if view.notes:
        lines += ["", *(f"{md_text(note)}  " for note in view.notes)]
        lines[-1] = lines[-1].rstrip()
    if view.unranked:
        lines += ["", f"**{md_text(view.unranked_title)}**", ""]
        lines += [
            f"- {md_text(u.name.text)} ({md_code(u.id)}): {md_text(u.reason)}"
            for u in view.unranked
        ]
    return "\n".join(lines) + "\n"


# The columns that hold text (aligned left); the others hold numbers.
_TEXT_COLUMNS = frozenset({"name", "phase", "cluster", "owner", "status"})


def _markdown_columns(view: RankingView) -> list[str]:
    """The view's columns that Markdown shows, in order: every one, with the compared
    period's when there is one (its rank, customers, contacts and contact rate)."""
    keys = ["rank"]
    if view.compare_period is not None:
        keys.append("movement")
    keys += ["name", "phase", "cluster", "owner", "status"]
    keys += ["customers", "contacts", "contact_rate", "score"]
    if view.compare_period is not None:
        keys += ["compared_rank", *_COMPARED.values()]
    return keys


# The writers of a ranking, each given what it lays out by: the table is the only one
# that fits a terminal's width and colours; JSON, CSV and Markdown are read by programs or
# laid out by their reader.
RANK_FORMATS: dict[str, Writer[Ranking]] = {
    "table": lambda ranking, settings: table(
        ranking, settings.color, settings.explain, settings.width
    ),
    "json": lambda ranking, settings: as_json(ranking, settings.explain),
    "csv": lambda ranking, settings: as_csv(ranking, settings.explain),
    "markdown": lambda ranking, settings: as_markdown(ranking, settings.explain),
}
