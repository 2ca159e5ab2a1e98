"""A ranking as a terminal table, JSON (the contract's shape), CSV or Markdown.

The terminal table and Markdown are for people: names, the ranking's language for labels
and numbers, the movement against a compared period, and notes on what-if weights,
estimates and the share of contacts. JSON and CSV are for machines: ids and plain numbers.

Every cell that holds text from the tree goes through `one_line` (or Markdown escaping);
the terminal table gets `Text` cells, never strings, because Rich reads a string cell as
markup (`[bold]`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, Protocol

from rich.console import Group
from rich.text import Span, Text

from journeyctl.formats import _ranking_text as words
from journeyctl.formats._console import WIDTH, render
from journeyctl.formats._safe import markdown_code, markdown_text, one_line, to_json
from journeyctl.formats._table import GAP, Column, fits, height, render_table
from journeyctl.rank import Comparison, RankedJourney, Ranking
from journeyctl.text import Lang, label

_BAR_WIDTH = 5
# Up green, down red, the same place plain, new (not ranked in the compared period) cyan.
_MOVEMENT_STYLES = {"▲": "green", "▼": "red", "=": ""}


def table(ranking: Ranking, color: bool, explain: bool = False, width: int = WIDTH) -> str:
    """The ranking for a terminal `width` columns wide, in the first layout that fits it
    comfortably (see `_LAYOUTS`), else the first whose longest words fit, else the most
    compact one."""
    if ranking.journeys:
        columns = _layout(ranking, width)
        parts = [render_table(Text(one_line(words.title(ranking))), columns, width, color)]
    else:  # no header without rows: a line that says so
        parts = [f"{one_line(words.title(ranking))}\n{one_line(words.nothing_ranked(ranking))}\n"]
    if explain:
        parts.append(_explanation(ranking, width, color))
    notes = _notes(ranking)
    if notes.plain:
        # In a group, as the notes have always been written: a blank line ends them.
        parts.append(render(Group(notes), color, width, soft_wrap=False))
    return "".join(parts)


@dataclass(frozen=True)
class _Layout:
    # wide: the journey's name, phase, cluster, owner and status side by side; stacked:
    # the status under the name and the cluster under the phase; compact: the owner under
    # those too.
    text: Literal["wide", "stacked", "compact"]
    # With --compare, what is shown of the compared period beside the movement: its rank,
    # contacts and contact rate (full), the figure the ranking is ordered by (figure), or
    # nothing more (movement).
    compare: Literal["full", "figure", "movement"] = "full"
    bar: bool = True  # the score's bar beside the score


# From the most to the least that is shown side by side, the first that fits comfortably
# wins. The bar is a picture of the score beside it: it goes first. The compared period's
# figures go before the owner's column, and the movement stays whatever the width, because
# "what moved since last year" is what a steering meeting asks.
_LAYOUTS = (
    _Layout("wide"),
    _Layout("stacked"),
    _Layout("wide", bar=False),
    _Layout("stacked", bar=False),
    _Layout("wide", "figure", bar=False),
    _Layout("stacked", "figure", bar=False),
    _Layout("compact", "figure", bar=False),
    _Layout("compact", "movement", bar=False),
)


def _layout(ranking: Ranking, width: int) -> list[Column]:
    cells = _Cells(ranking)
    candidates = [_columns(cells, layout) for layout in _LAYOUTS]
    # Of the layouts that show as much as the first comfortable one, the shortest: names
    # side by side when stacking would not save a line.
    comfortable = [
        (layout, columns)
        for layout, columns in zip(_LAYOUTS, candidates, strict=True)
        if fits(columns, width)
    ]
    if comfortable:
        shown = _shown(comfortable[0][0])
        alike = [columns for layout, columns in comfortable if _shown(layout) == shown]
        return min(alike, key=lambda columns: height(columns, width))
    # Then the first whose longest words fit two spaces apart, then one space apart.
    for gap in (GAP, 1):
        for columns in candidates:
            if fits(columns, width, comfortably=False, gap=gap):
                return columns
    return candidates[-1]


def _shown(layout: _Layout) -> tuple[str, bool]:
    return layout.compare, layout.bar


def _columns(cells: _Cells, layout: _Layout) -> list[Column]:
    columns = [cells.ranks]
    comparing = cells.ranking.compare_period is not None
    if comparing:
        columns.append(cells.movement)
    columns += _text_columns(cells, layout.text)
    columns += [
        cells.customers,
        cells.contacts,
        cells.contact_rate,
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
    """The compared period's figures: all of them, or the one the ranking is ordered by
    (its rank when ordered by score: scores of two periods are scaled to different maxima)."""
    by_figure = {
        "customers": cells.compared_customers,
        "contacts": cells.compared_contacts,
        "contact-rate": cells.compared_contact_rate,
    }
    if shown == "movement":
        return []
    if shown == "figure":
        return [by_figure.get(cells.ranking.by, cells.compared_rank)]
    full = [cells.compared_rank, cells.compared_contacts, cells.compared_contact_rate]
    if cells.ranking.by == "customers":
        full.insert(1, cells.compared_customers)
    return full


# How many lines one fact (a name, a cluster's name) may take for a layout to be
# comfortable: the journey's and the cluster's names are sentences and may take three.
_SENTENCE_LINES = 3
_NAME_LINES = 2


class _Cells:
    """Every column any layout may show, each made once: a layout is chosen among several,
    and a ranking of thousands of journeys should not be formatted once for each."""

    def __init__(self, ranking: Ranking) -> None:
        self.ranking = ranking
        self.lang = lang = ranking.language
        self.journeys = journeys = ranking.journeys
        # Every layout shows these, one way or another.
        self.names = [words.name(j) for j in journeys]
        self.phases = [words.phase(j) for j in journeys]
        self.clusters = [words.cluster(j) for j in journeys]
        self.owners = [words.owner(j) for j in journeys]
        self.statuses = [words.status(j, lang) for j in journeys]
        # With and without its bar: formatted once (Babel's formatting is what costs).
        self.scores = [words.score(j.score, lang) for j in journeys]

    @cached_property
    def ranks(self) -> Column:
        ranks = [Text(str(j.rank), style="bold") for j in self.journeys]
        return Column("#", numeric=True, cells=ranks)

    @cached_property
    def movement(self) -> Column:
        return _movement_column(self.ranking)

    @cached_property
    def side_by_side(self) -> list[Column]:
        """The journey's name, phase, cluster, owner and status, each in its column."""
        facts = {
            "journey": (self.names, _SENTENCE_LINES),
            "phase": (self.phases, 1),
            "cluster": (self.clusters, _SENTENCE_LINES),
            "owner": (self.owners, _NAME_LINES),
            "status": (self.statuses, 1),
        }
        return [
            Column(label(key, self.lang), lines=lines, cells=_texts(texts))
            for key, (texts, lines) in facts.items()
        ]

    @cached_property
    def owner(self) -> Column:
        return self.side_by_side[3]

    @cached_property
    def name_and_status(self) -> Column:
        return Column(
            f"{label('journey', self.lang)} / {label('status', self.lang).lower()}",
            lines=(_SENTENCE_LINES, 1),
            cells=[_stacked(*facts) for facts in zip(self.names, self.statuses, strict=True)],
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
    def customers(self) -> Column:
        figures = (words.volume(j.customers, j, self.lang) for j in self.journeys)
        return _numbers(label("customers", self.lang), figures)

    @cached_property
    def contacts(self) -> Column:
        figures = (words.volume(j.contacts, j, self.lang) for j in self.journeys)
        return _numbers(label("contacts", self.lang), figures)

    @cached_property
    def contact_rate(self) -> Column:
        figures = (words.rate(j.contact_rate, self.lang) for j in self.journeys)
        return _numbers(label("ranking.per_customer", self.lang), figures)

    @cached_property
    def score_with_bar(self) -> Column:
        scores = zip(self.scores, self.journeys, strict=True)
        bars = [_score_with_bar(text, j.score) for text, j in scores]
        return Column(label("score", self.lang), wrap=False, cells=bars)

    @cached_property
    def score(self) -> Column:
        return Column(
            label("score", self.lang), numeric=True, wrap=False, cells=_texts(self.scores)
        )

    @cached_property
    def compared_rank(self) -> Column:
        return self._compared("rank", lambda c: words.count(c.rank, self.lang))

    @cached_property
    def compared_customers(self) -> Column:
        return self._compared("customers", lambda c: words.count(c.customers, self.lang))

    @cached_property
    def compared_contacts(self) -> Column:
        return self._compared("contacts", lambda c: words.count(c.contacts, self.lang))

    @cached_property
    def compared_contact_rate(self) -> Column:
        rate = lambda c: words.rate(c.contact_rate, self.lang)  # noqa: E731
        return self._compared("ranking.per_customer", rate)

    def _stacked_column(
        self, keys: tuple[str, ...], facts: Iterable[tuple[str, ...]], lines: tuple[int, ...]
    ) -> Column:
        headers = [label(keys[0], self.lang), *(label(k, self.lang).lower() for k in keys[1:])]
        cells = [_stacked(*one) for one in facts]
        return Column(" / ".join(headers), lines=lines, cells=cells)

    def _compared(self, key: str, figure: Callable[[Comparison], str]) -> Column:
        period = self.ranking.compare_period or ""
        figures = (figure(j.compare) if j.compare else words.NONE for j in self.journeys)
        return _numbers(words.in_period(key, period, self.lang), figures)


def _stacked(first: str, *others: str) -> Text:
    """Facts in one cell, each on its own line, the others dimmed."""
    text = one_line(first)
    spans = []
    for other in others:
        start = len(text)
        text += "\n" + one_line(other)
        spans.append(Span(start, len(text), "dim"))
    # Built whole, not appended fact by fact: a long ranking makes thousands of these.
    return Text(text, spans=spans)


def _movement_column(ranking: Ranking) -> Column:
    lang = ranking.language
    header = label("ranking.movement_since", lang).format(period=ranking.compare_period)
    cells = []
    for journey in ranking.journeys:
        moved = words.movement(journey, lang)
        cells.append(Text(moved, style=_MOVEMENT_STYLES.get(moved[:1], "cyan")))
    return Column(one_line(header), numeric=True, cells=cells)


def _numbers(header: str, cells: Iterable[str]) -> Column:
    return Column(one_line(header), numeric=True, cells=_texts(cells))


def _texts(cells: Iterable[str]) -> list[Text]:
    return [Text(one_line(cell)) for cell in cells]


def _score_with_bar(text: str, score: float) -> Text:
    """The score (`text`) and its bar: `93,3 █████`, the bar green, its rest dim."""
    filled = _filled(score)
    cell = Text(f"{text:>5} ")
    cell.append("█" * filled, style="green")
    cell.append("·" * (_BAR_WIDTH - filled), style="dim")
    return cell


def _score(journey: RankedJourney, lang: Lang) -> str:
    """The score and its bar as plain text (Markdown): `93,3 █████`."""
    filled = _filled(journey.score)
    return f"{words.score(journey.score, lang)} {'█' * filled}{'·' * (_BAR_WIDTH - filled)}"


def _filled(score: float) -> int:
    return round(score / 100 * _BAR_WIDTH)


def _explanation(ranking: Ranking, width: int, color: bool) -> str:
    """Each journey's points per term, the terms named as the framework names them."""
    lang = ranking.language
    journeys = ranking.journeys
    columns = [
        _numbers("#", (str(j.rank) for j in journeys)),
        Column(label("journey", lang), flexible=True, cells=_texts(j.name for j in journeys)),
    ]
    for key, weight in ranking.weights.items():
        header = f"{words.term(key, ranking)} ({words.weight(weight, lang)})"
        points = (words.points(j.terms.get(key, 0.0), lang) for j in journeys)
        columns.append(_numbers(header, points))
    columns.append(_numbers(label("score", lang), (words.score(j.score, lang) for j in journeys)))
    return render_table(Text(label("ranking.explain", lang)), columns, width, color)


def _notes(ranking: Ranking) -> Text:
    notes = Text()
    for line in words.notes(ranking):
        notes.append(one_line(line) + "\n", style="yellow" if line[:1] in "*~" else "")
    if ranking.unranked:
        heading = f"{label('unranked', ranking.language)} ({len(ranking.unranked)}):"
        notes.append(heading + "\n", style="bold")
        for item in ranking.unranked:
            reason = item.reason_in(ranking.language)
            notes.append(f"  {one_line(item.name)}: {one_line(reason)}\n")
    return notes


def as_json(
    ranking: Ranking, color: bool = False, explain: bool = False, width: int = WIDTH
) -> str:
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
    "estimated",
]
# With --compare: the journey's figures in the compared period, empty where it had none.
_CSV_COMPARE_COLUMNS = ["rank", "customers", "contacts", "contact_rate"]


def as_csv(ranking: Ranking, color: bool = False, explain: bool = False, width: int = WIDTH) -> str:
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
        row = [_csv_cell(getattr(journey, column)) for column in _CSV_COLUMNS]
        if comparing:
            row += _csv_compare(journey)
        row += [*(journey.terms[t] for t in terms), _csv_cell(ranking.period)]
        writer.writerow([*row, *([_csv_cell(ranking.compare_period)] if comparing else [])])
    return buffer.getvalue()


def _csv_compare(journey: RankedJourney) -> list[object]:
    compared = journey.compare
    values = [getattr(compared, c) if compared else None for c in _CSV_COMPARE_COLUMNS]
    return [_csv_cell(v) for v in [*values, journey.movement]]


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as JSON writes it, not Python's True
    if not isinstance(value, str):
        return value
    # One line per row, whoever reads it; `one_line` also shows a leading tab or CR escaped.
    text = one_line(value)
    # A name starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def as_markdown(
    ranking: Ranking, color: bool = False, explain: bool = False, width: int = WIDTH
) -> str:
    """A GitHub-flavoured table with the same words as the terminal table, then the notes."""
    lang = ranking.language
    header, right = _markdown_header(ranking, explain)
    lines = [f"### {markdown_text(words.title(ranking))}", ""]
    if ranking.journeys:
        # The first header is `#`, which only starts a heading at the start of a line.
        lines += [
            "| " + " | ".join(["#", *(markdown_text(h) for h in header[1:])]) + " |",
            "|" + "|".join("---:" if r else "---" for r in right) + "|",
        ]
        lines += [_markdown_row(ranking, journey, explain) for journey in ranking.journeys]
    else:
        lines.append(markdown_text(words.nothing_ranked(ranking)))
    notes = words.notes(ranking)
    if notes:
        lines += ["", *(f"{markdown_text(note)}  " for note in notes)]
        lines[-1] = lines[-1].rstrip()
    if ranking.unranked:
        lines += ["", f"**{markdown_text(label('unranked', lang))} ({len(ranking.unranked)})**", ""]
        lines += [
            f"- {markdown_text(u.name)} ({markdown_code(u.id)}): {markdown_text(u.reason_in(lang))}"
            for u in ranking.unranked
        ]
    return "\n".join(lines) + "\n"


def _markdown_header(ranking: Ranking, explain: bool) -> tuple[list[str], list[bool]]:
    """The column headers, and for each whether it is a number (aligned right)."""
    lang = ranking.language
    period = ranking.compare_period
    header = ["#"]
    if period is not None:
        header.append(label("ranking.movement_since", lang).format(period=period))
    text_keys = ("journey", "phase", "cluster", "owner", "status")
    header += [label(key, lang) for key in text_keys]
    header += [label(key, lang) for key in ("customers", "contacts", "contact_rate", "score")]
    if period is not None:
        header += [words.in_period(k, period, lang) for k in ("rank", "contacts", "contact_rate")]
    if explain:
        header += [
            f"{words.term(k, ranking)} ({words.weight(w, lang)})"
            for k, w in ranking.weights.items()
        ]
    first_number = 2 if period is not None else 1
    right = [True] * first_number + [False] * len(text_keys)
    return header, right + [True] * (len(header) - len(right))


def _markdown_row(ranking: Ranking, journey: RankedJourney, explain: bool) -> str:
    lang = ranking.language
    cells = [str(journey.rank)]
    if ranking.compare_period is not None:
        cells.append(words.movement(journey, lang))
    cells += [
        words.name(journey),
        words.phase(journey),
        words.cluster(journey),
        words.owner(journey),
        words.status(journey, lang),
        words.volume(journey.customers, journey, lang),
        words.volume(journey.contacts, journey, lang),
        words.rate(journey.contact_rate, lang),
        _score(journey, lang),
    ]
    if ranking.compare_period is not None:
        compared = journey.compare
        cells += [
            words.count(compared.rank if compared else None, lang),
            words.count(compared.contacts if compared else None, lang),
            words.rate(compared.contact_rate if compared else None, lang),
        ]
    if explain:
        cells += [words.points(journey.terms.get(k, 0.0), lang) for k in ranking.weights]
    return "| " + " | ".join(markdown_text(cell) for cell in cells) + " |"


class RankFormatter(Protocol):
    """A ranking as text: `width` is the terminal's, used by the table and ignored by the
    others (which are read by programs or laid out by their reader)."""

    def __call__(
        self, ranking: Ranking, color: bool, explain: bool = False, width: int = WIDTH
    ) -> str: ...


RANK_FORMATS: dict[str, RankFormatter] = {
    "table": table,
    "json": as_json,
    "csv": as_csv,
    "markdown": as_markdown,
}
