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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from rich.console import Group
from rich.text import Text

from journeyctl.formats import _ranking_text as words
from journeyctl.formats._console import WIDTH, render
from journeyctl.formats._safe import markdown_code, markdown_text, one_line, to_json
from journeyctl.formats._table import GAP, Column, fits, render_table
from journeyctl.rank import RankedJourney, Ranking
from journeyctl.text import Lang, label

_BAR_WIDTH = 5
# Up green, down red, the same place plain, new (not ranked in the compared period) cyan.
_MOVEMENT_STYLES = {"▲": "green", "▼": "red", "=": ""}


def table(ranking: Ranking, color: bool, explain: bool = False, width: int = WIDTH) -> str:
    """The ranking for a terminal `width` columns wide, in the first layout that fits it
    comfortably (see `_LAYOUTS`), else the first whose longest words fit, else the most
    compact one."""
    columns = _layout(ranking, width)
    parts = [render_table(Text(one_line(words.title(ranking))), columns, width, color)]
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
    full: bool = True  # the compared period's contacts and contact rate beside its rank
    bar: bool = True  # the score's bar beside the score
    # Only where no other layout gets its longest words in: it stacks three facts or
    # drops the bar, which a roomier layout need not.
    cramped: bool = False


_LAYOUTS = (
    _Layout("wide"),
    _Layout("stacked"),
    _Layout("wide", full=False),
    _Layout("stacked", full=False),
    _Layout("compact", full=False, cramped=True),
    _Layout("compact", full=False, bar=False, cramped=True),
)


def _layout(ranking: Ranking, width: int) -> list[Column]:
    candidates = [(layout, _columns(ranking, layout)) for layout in _LAYOUTS]
    for layout, columns in candidates:
        if not layout.cramped and fits(columns, width):
            return columns
    # Then the first whose longest words fit two spaces apart, then one space apart.
    for gap in (GAP, 1):
        for _, columns in candidates:
            if fits(columns, width, comfortably=False, gap=gap):
                return columns
    return candidates[-1][1]


def _columns(ranking: Ranking, layout: _Layout) -> list[Column]:
    lang = ranking.language
    journeys = ranking.journeys
    ranks = [Text(str(j.rank), style="bold") for j in journeys]
    columns = [Column("#", numeric=True, cells=ranks)]
    if ranking.compare_period is not None:
        columns.append(_movement_column(ranking))
    columns += _text_columns(ranking, layout.text)
    columns += [
        _numbers(label("customers", lang), (words.volume(j.customers, j, lang) for j in journeys)),
        _numbers(label("contacts", lang), (words.volume(j.contacts, j, lang) for j in journeys)),
        _numbers(
            label("ranking.per_customer", lang),
            (words.rate(j.contact_rate, lang) for j in journeys),
        ),
        Column(
            label("score", lang),
            numeric=not layout.bar,
            wrap=False,
            cells=[_score_cell(j, lang, layout.bar) for j in journeys],
        ),
    ]
    if ranking.compare_period is not None:
        columns += _compare_columns(ranking, ranking.compare_period, layout.full)
    return columns


def _text_columns(ranking: Ranking, text: str) -> list[Column]:
    lang = ranking.language
    journeys = ranking.journeys
    if text == "wide":
        return [
            Column(
                label("journey", lang),
                flexible=True,
                cells=_texts(words.name(j) for j in journeys),
            ),
            Column(label("phase", lang), cells=_texts(words.phase(j) for j in journeys)),
            Column(label("cluster", lang), cells=_texts(words.cluster(j) for j in journeys)),
            Column(label("owner", lang), cells=_texts(words.owner(j) for j in journeys)),
            Column(label("status", lang), cells=_texts(words.status(j, lang) for j in journeys)),
        ]
    names = Column(
        f"{label('journey', lang)} / {label('status', lang).lower()}",
        flexible=True,
        cells=[_stacked(words.name(j), words.status(j, lang)) for j in journeys],
    )
    where = [label("phase", lang), label("cluster", lang).lower()]
    if text == "compact":
        where.append(label("owner", lang).lower())
        cells = [_stacked(words.phase(j), words.cluster(j), words.owner(j)) for j in journeys]
        return [names, Column(" / ".join(where), cells=cells)]
    return [
        names,
        Column(
            " / ".join(where), cells=[_stacked(words.phase(j), words.cluster(j)) for j in journeys]
        ),
        Column(label("owner", lang), cells=_texts(words.owner(j) for j in journeys)),
    ]


def _stacked(first: str, *others: str) -> Text:
    """Facts in one cell, each on its own line, the others dimmed."""
    cell = Text(one_line(first))
    for other in others:
        cell.append("\n" + one_line(other), style="dim")
    return cell


def _movement_column(ranking: Ranking) -> Column:
    lang = ranking.language
    header = label("ranking.movement_since", lang).format(period=ranking.compare_period)
    cells = []
    for journey in ranking.journeys:
        moved = words.movement(journey, lang)
        cells.append(Text(moved, style=_MOVEMENT_STYLES.get(moved[:1], "cyan")))
    return Column(one_line(header), numeric=True, cells=cells)


def _compare_columns(ranking: Ranking, period: str, full: bool) -> list[Column]:
    lang = ranking.language
    compared = [j.compare for j in ranking.journeys]
    columns = [
        _numbers(
            words.in_period("rank", period, lang),
            (words.count(c.rank if c else None, lang) for c in compared),
        )
    ]
    if full:
        columns += [
            _numbers(
                words.in_period("contacts", period, lang),
                (words.count(c.contacts if c else None, lang) for c in compared),
            ),
            _numbers(
                words.in_period("ranking.per_customer", period, lang),
                (words.rate(c.contact_rate if c else None, lang) for c in compared),
            ),
        ]
    return columns


def _numbers(header: str, cells: Iterable[str]) -> Column:
    return Column(one_line(header), numeric=True, cells=_texts(cells))


def _texts(cells: Iterable[str]) -> list[Text]:
    return [Text(one_line(cell)) for cell in cells]


def _score_cell(journey: RankedJourney, lang: Lang, bar: bool = True) -> Text:
    if not bar:
        return Text(words.score(journey.score, lang))
    filled = _filled(journey.score)
    cell = Text(f"{words.score(journey.score, lang):>5} ")
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
    lines = [
        f"### {markdown_text(words.title(ranking))}",
        "",
        # The first header is `#`, which only starts a heading at the start of a line.
        "| " + " | ".join(["#", *(markdown_text(h) for h in header[1:])]) + " |",
        "|" + "|".join("---:" if r else "---" for r in right) + "|",
    ]
    lines += [_markdown_row(ranking, journey, explain) for journey in ranking.journeys]
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
