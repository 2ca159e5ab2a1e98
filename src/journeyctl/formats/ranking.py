"""A ranking as a terminal table, JSON (the contract's shape), CSV or Markdown.

Every cell that holds text from the tree goes through `one_line`; the terminal table gets
`Text` cells, never strings, because Rich reads a string cell as markup (`[bold]`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from journeyctl.formats._console import render
from journeyctl.formats._safe import one_line, to_json
from journeyctl.rank import RankedJourney, Ranking

_BAR_WIDTH = 5


def table(ranking: Ranking, color: bool, explain: bool = False, width: int = 100) -> str:
    title = Text(f"Journeys by {ranking.by}, {one_line(_period(ranking))}")
    grid = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        padding=0,
        expand=True,
    )
    grid.add_column("#", justify="right", style="bold", no_wrap=True)
    grid.add_column("Journey", min_width=18, ratio=1, overflow="fold")
    for name in ("Phase", "Cluster", "Owner"):
        grid.add_column(name, max_width=11, overflow="ellipsis", no_wrap=True)
    for name in ("Customers", "Contacts", "C/cust"):
        grid.add_column(name, justify="right", no_wrap=True)
    grid.add_column("Score", no_wrap=True)
    for journey in ranking.journeys:
        name = one_line(journey.name) + (" *" if journey.missing_criteria else "")
        cells = [Text(cell) for cell in (str(journey.rank), name, *_cells(journey))]
        grid.add_row(*cells, _score_cell(journey.score))
    parts: list[Table | Text] = [grid]
    if explain:
        parts.append(_explanation(ranking))
    notes = _notes(ranking)
    if notes.plain:
        parts.append(notes)
    return render(Group(*parts), color, width, soft_wrap=False)


def _period(ranking: Ranking) -> str:
    return f"period {ranking.period}" if ranking.period else "no period: no journey has volumes yet"


def _score_cell(score: float) -> Text:
    filled = round(score / 100 * _BAR_WIDTH)
    cell = Text(f"{score:5.1f} ")
    cell.append("█" * filled, style="green")
    cell.append("·" * (_BAR_WIDTH - filled), style="dim")
    return cell


def _explanation(ranking: Ranking) -> Table:
    terms = list(ranking.weights)
    grid = Table(
        title="How each score is made up (points per term; weights in brackets)",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        pad_edge=False,
        expand=True,
    )
    grid.add_column("#", justify="right", no_wrap=True)
    grid.add_column("Journey id", min_width=30, ratio=1, overflow="fold")
    for term in terms:
        header = Text(f"{one_line(term)} ({ranking.weights[term]:g})")
        grid.add_column(header, justify="right", max_width=11)
    grid.add_column("Score", justify="right", style="bold", no_wrap=True)
    for journey in ranking.journeys:
        points = [f"{journey.terms[t]:.1f}" for t in terms]
        cells = [str(journey.rank), one_line(journey.id), *points, f"{journey.score:.1f}"]
        grid.add_row(*(Text(cell) for cell in cells))
    return grid


def _notes(ranking: Ranking) -> Text:
    notes = Text()
    flagged = [j for j in ranking.journeys if j.missing_criteria]
    if flagged:
        notes.append("* missing criteria count 0: ", style="yellow")
        missing = (f"{j.id} ({', '.join(j.missing_criteria)})" for j in flagged)
        notes.append(one_line(", ".join(missing)))
        notes.append("\n")
    if ranking.unranked:
        notes.append(f"Not ranked ({len(ranking.unranked)}):\n", style="bold")
        for item in ranking.unranked:
            notes.append(f"  {one_line(item.id)}: {one_line(item.reason)}\n")
    return notes


def as_json(ranking: Ranking, color: bool = False, explain: bool = False) -> str:
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
]


def as_csv(ranking: Ranking, color: bool = False, explain: bool = False) -> str:
    buffer = io.StringIO()
    terms = list(ranking.weights) if explain else []
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*_CSV_COLUMNS, *(f"points_{t}" for t in terms), "period"])
    for journey in ranking.journeys:
        row = [_csv_cell(getattr(journey, column)) for column in _CSV_COLUMNS]
        writer.writerow([*row, *(journey.terms[t] for t in terms), _csv_cell(ranking.period)])
    return buffer.getvalue()


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    # One line per row, whoever reads it; `one_line` also shows a leading tab or CR escaped.
    text = one_line(value)
    # A name starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def as_markdown(ranking: Ranking, color: bool = False, explain: bool = False) -> str:
    terms = list(ranking.weights) if explain else []
    header = [
        "#",
        "Journey",
        "Phase",
        "Cluster",
        "Owner",
        "Customers",
        "Contacts",
        "Contacts/customer",
        "Score",
    ]
    header += [f"{t} ({ranking.weights[t]:g})" for t in terms]
    lines = [
        f"### Journeys by {ranking.by}, {_md(_period(ranking))}",
        "",
        "| " + " | ".join(header) + " |",
        # Numbers align right: the rank, and everything after the owner.
        "|" + "|".join(["---:", "---", "---", "---", "---"] + ["---:"] * (len(header) - 5)) + "|",
    ]
    lines.extend(_markdown_row(journey, terms) for journey in ranking.journeys)
    if ranking.unranked:
        lines += ["", f"**Not ranked ({len(ranking.unranked)})**", ""]
        lines += [f"- {_code(u.id)} {_md(u.name)}: {_md(u.reason)}" for u in ranking.unranked]
    return "\n".join(lines) + "\n"


def _markdown_row(journey: RankedJourney, terms: list[str]) -> str:
    cells = [
        str(journey.rank),
        _md(journey.name),
        *(_md(cell) for cell in _cells(journey)),
        f"{journey.score:.1f}",
        *(f"{journey.terms[t]:.1f}" for t in terms),
    ]
    return "| " + " | ".join(cells) + " |"


def _cells(journey: RankedJourney) -> list[str]:
    """Phase, cluster, owner and the volumes, as the table and Markdown show them."""
    rate = f"{journey.contact_rate:.2f}" if journey.contact_rate is not None else "-"
    return [
        one_line(journey.phase),
        one_line(journey.cluster),
        one_line(journey.owner or "-"),
        f"{journey.customers:,}",
        f"{journey.contacts:,}",
        rate,
    ]


# Characters Markdown (CommonMark and GitHub's tables) may read as markup or HTML in a cell:
# code spans, emphasis, links, HTML tags and entities, strikethrough, cell borders.
_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|#~&")


def _md(text: str) -> str:
    """User text for a Markdown table cell or list item: one line, every markup character
    escaped with a backslash (CommonMark lets any ASCII punctuation be escaped)."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in one_line(text))


def _code(text: str) -> str:
    """An id as a code span, whose content Markdown shows literally, unless it holds a backtick."""
    return _md(text) if "`" in text else f"`{one_line(text)}`"


RankFormatter = Callable[[Ranking, bool, bool], str]

RANK_FORMATS: dict[str, RankFormatter] = {
    "table": table,
    "json": as_json,
    "csv": as_csv,
    "markdown": as_markdown,
}
