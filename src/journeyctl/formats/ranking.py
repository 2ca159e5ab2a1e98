"""A ranking as a terminal table, JSON (the contract's shape), CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from journeyctl.formats._console import render
from journeyctl.rank import RankedJourney, Ranking

_BAR_WIDTH = 5


def table(ranking: Ranking, color: bool, explain: bool = False, width: int = 100) -> str:
    title = f"Journeys by {ranking.by}, {_period(ranking)}"
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
        name = journey.name + (" *" if journey.missing_criteria else "")
        grid.add_row(str(journey.rank), name, *_cells(journey), _score_cell(journey.score))
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
        grid.add_column(f"{term} ({ranking.weights[term]:g})", justify="right", max_width=11)
    grid.add_column("Score", justify="right", style="bold", no_wrap=True)
    for journey in ranking.journeys:
        cells = [f"{journey.terms[t]:.1f}" for t in terms]
        grid.add_row(str(journey.rank), journey.id, *cells, f"{journey.score:.1f}")
    return grid


def _notes(ranking: Ranking) -> Text:
    notes = Text()
    flagged = [j for j in ranking.journeys if j.missing_criteria]
    if flagged:
        notes.append("* missing criteria count 0: ", style="yellow")
        notes.append(", ".join(f"{j.id} ({', '.join(j.missing_criteria)})" for j in flagged))
        notes.append("\n")
    if ranking.unranked:
        notes.append(f"Not ranked ({len(ranking.unranked)}):\n", style="bold")
        for item in ranking.unranked:
            notes.append(f"  {item.id}: {item.reason}\n")
    return notes


def as_json(ranking: Ranking, color: bool = False, explain: bool = False) -> str:
    return json.dumps(ranking.to_dict(explain=explain), indent=2, ensure_ascii=False) + "\n"


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
        writer.writerow([*row, *(journey.terms[t] for t in terms), ranking.period or ""])
    return buffer.getvalue()


def _csv_cell(value: object) -> object:
    # A name starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


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
        f"### Journeys by {ranking.by}, {_period(ranking)}",
        "",
        "| " + " | ".join(header) + " |",
        # Numbers align right: the rank, and everything after the owner.
        "|" + "|".join(["---:", "---", "---", "---", "---"] + ["---:"] * (len(header) - 5)) + "|",
    ]
    lines.extend(_markdown_row(journey, terms) for journey in ranking.journeys)
    if ranking.unranked:
        lines += ["", f"**Not ranked ({len(ranking.unranked)})**", ""]
        lines += [f"- `{u.id}` {_md(u.name)}: {_md(u.reason)}" for u in ranking.unranked]
    return "\n".join(lines) + "\n"


def _markdown_row(journey: RankedJourney, terms: list[str]) -> str:
    cells = [
        str(journey.rank),
        _md(journey.name),
        *_cells(journey),
        f"{journey.score:.1f}",
        *(f"{journey.terms[t]:.1f}" for t in terms),
    ]
    return "| " + " | ".join(cells) + " |"


def _cells(journey: RankedJourney) -> list[str]:
    """Phase, cluster, owner and the volumes, as the table and Markdown show them."""
    rate = f"{journey.contact_rate:.2f}" if journey.contact_rate is not None else "-"
    return [
        journey.phase,
        journey.cluster,
        journey.owner or "-",
        f"{journey.customers:,}",
        f"{journey.contacts:,}",
        rate,
    ]


def _md(text: str) -> str:
    # Keep user text from breaking the table or being read as markup.
    escaped = "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)
    return " ".join(escaped.split())


RankFormatter = Callable[[Ranking, bool, bool], str]

RANK_FORMATS: dict[str, RankFormatter] = {
    "table": table,
    "json": as_json,
    "csv": as_csv,
    "markdown": as_markdown,
}
