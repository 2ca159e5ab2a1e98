"""A ranking's table, Markdown and CSV show user text literally, on its own row."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from journeyctl.formats import ranking as formats
from journeyctl.formats._safe import is_unsafe, one_line
from journeyctl.rank import RankedJourney, Ranking, Unranked


def ranking_named(name: str) -> Ranking:
    journey = RankedJourney(
        rank=1,
        id="ik-betaal",
        name=name,
        phase="klant-zijn",
        cluster="facturatie",
        owner=None,
        customers=1000,
        contacts=200,
        contact_rate=0.2,
        score=100.0,
        terms={"customers": 50.0, "contacts": 50.0},
    )
    return Ranking(
        period="2025",
        by="score",
        weights={"customers": 1.0, "contacts": 1.0},
        journeys=[journey],
        unranked=[Unranked("ik-verhuis", name, "no volumes for 2025")],
    )


@pytest.mark.parametrize("color", [False, True])
def test_table_prints_the_name_literally(hostile: str, color: bool) -> None:
    output = formats.table(ranking_named(hostile), color, explain=True, width=300)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert f"1  {one_line(hostile)} " in plain  # markup and all, in its cell
    assert f"  {one_line(hostile)}: no volumes for 2025" in plain
    assert not any(is_unsafe(char) for char in plain.replace("\n", ""))


def test_markdown_row_stays_one_row_and_shows_markup_as_text(hostile: str) -> None:
    output = formats.as_markdown(ranking_named(hostile))
    rows = [line for line in output.splitlines() if line.startswith("| 1 |")]
    assert len(rows) == 1
    # Every | inside a cell is escaped, so the row keeps its 10 cells.
    assert len(re.findall(r"(?<!\\)\|", rows[0])) == 11
    assert not any(is_unsafe(char) for char in output.replace("\n", ""))


@pytest.mark.parametrize(
    ("name", "cell"),
    [
        ("a | b", "a \\| b"),
        ("`code` <b>x</b>", "\\`code\\` \\<b\\>x\\</b\\>"),
        ("[x](javascript:y) &amp;", "\\[x\\](javascript:y) \\&amp;"),
        ("*em* _u_ ~s~ #h \\", "\\*em\\* \\_u\\_ \\~s\\~ \\#h \\\\"),
        ("a\nb\x1b", "a\\\\nb\\\\x1b"),
    ],
)
def test_markdown_escapes_what_it_would_read_as_markup(name: str, cell: str) -> None:
    output = formats.as_markdown(ranking_named(name))
    assert f"| 1 | {cell} | klant-zijn | facturatie | - |" in output
    assert f"- {cell} (`ik-verhuis`): no volumes for 2025" in output


def test_markdown_id_with_a_backtick_is_escaped_not_a_code_span() -> None:
    ranking = ranking_named("x")
    ranking.unranked[0] = Unranked("a`b", "x", "why")
    assert "- x (a\\`b): why" in formats.as_markdown(ranking)


@pytest.mark.parametrize(
    ("name", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "\\t=1"),
        ("a\nb", "a\\nb"),
        ("\x1b[31m", "\\x1b[31m"),
        ("Ik betaal", "Ik betaal"),
    ],
)
def test_csv_cells_are_one_line_and_never_a_formula(name: str, cell: str) -> None:
    output = formats.as_csv(ranking_named(name))
    assert output.count("\n") == 2
    rows = list(csv.reader(io.StringIO(output)))
    assert rows[1][2] == cell
    assert rows[1][5] == "" and rows[1][-1] == "2025"  # no owner; the period


def test_json_keeps_the_name_exactly(hostile: str) -> None:
    output = formats.as_json(ranking_named(hostile))
    assert json.loads(output)["journeys"][0]["name"] == hostile
    assert not any(is_unsafe(char) for char in output.replace("\n", ""))


def test_json_refuses_a_score_that_is_not_a_number() -> None:
    ranking = ranking_named("x")
    ranking.journeys[0].terms["customers"] = float("nan")
    with pytest.raises(ValueError, match="JSON compliant"):
        formats.as_json(ranking, explain=True)
