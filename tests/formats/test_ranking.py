"""A ranking's table, Markdown and CSV show user text literally, on its own row."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest

from journeyctl.formats import ranking as formats
from journeyctl.formats._safe import is_unsafe, one_line
from journeyctl.rank import RankedJourney, Ranking, Unranked
from tests.formats.ranking_sample import sample


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
        ("`code` <b>x</b>", "\\`code\\` &lt;b&gt;x&lt;/b&gt;"),
        ("[x](javascript:y) &amp;", "\\[x\\](javascript:y) &amp;amp;"),
        ("*em* _u_ ~s~ #h \\", "\\*em\\* \\_u\\_ \\~s\\~ #h \\\\"),
        ("a\nb\x1b", "a b\\\\x1b"),
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


def ten_journeys() -> Ranking:
    """Ten journeys: ranks of one and two digits, scores of five and three characters."""
    ranking = ranking_named("Ik betaal")
    first = ranking.journeys[0]
    journeys = [
        replace(first, rank=i, id=f"j{i}", name=f"J{i}", score=100.0 if i == 1 else 9.5)
        for i in range(1, 11)
    ]
    return replace(ranking, journeys=journeys, unranked=[])


def test_ranks_and_scores_are_aligned_right() -> None:
    wide = formats.table(ten_journeys(), False, width=160).splitlines()
    assert [line[:4] for line in (wide[1], wide[3], wide[11], wide[12])] == [
        " #  ",
        " 1  ",
        " 9  ",
        "10  ",
    ]
    # Without the bar (the narrowest layout) the score is a plain number, aligned right.
    narrow = formats.table(ten_journeys(), False, width=40).splitlines()
    assert narrow[21].endswith("Score") and narrow[23].endswith(" 0.20 100.0")
    assert narrow[44].endswith(" 0.20   9.5")


@pytest.mark.parametrize(
    ("width", "compared_rank"),
    [
        # Nothing fits comfortably; the compact layout's longest words do, with 2024's rank.
        (90, True),
        # Not even that: 2024's rank goes, the movement stays.
        (78, False),
        (70, False),
    ],
)
def test_a_narrow_terminal_keeps_the_movement_and_drops_the_bar_first(
    width: int, compared_rank: bool
) -> None:
    output = formats.table(sample("en", compare=True), False, width=width)
    assert "█" not in output
    assert ("Rank" in output) is compared_rank
    assert "▲1" in output and "▼2" in output
    # Compact: the owner under the phase and the cluster, not in a column of its own.
    assert "Owner" not in output and "Marieke" in output


def test_a_term_a_journey_lacks_counts_zero_points() -> None:
    # wet has a weight but no points in the journey's terms; 30.0 fills 1.5 -> 2 places.
    ranking = ranking_named("Ik betaal")
    ranking = replace(
        ranking,
        weights={"customers": 1.0, "contacts": 1.0, "wet": 1.0},
        journeys=[replace(ranking.journeys[0], score=30.0)],
    )
    table = formats.table(ranking, False, True, 100).splitlines()
    explained = table[table.index("#  Journey    Customers (1)  Contacts (1)  wet (1)  Score") + 2]
    assert explained.split() == ["1", "Ik", "betaal", "50.00", "50.00", "0.00", "30.0"]
    row = formats.as_markdown(ranking, explain=True).splitlines()[4]
    assert row.endswith("| 30.0 ██··· | 50.00 | 50.00 | 0.00 |")


def test_markdown_without_compare_aligns_only_the_rank_and_the_numbers_right() -> None:
    lines = formats.as_markdown(ranking_named("Ik betaal")).splitlines()
    assert lines[3] == "|---:|---|---|---|---|---|---:|---:|---:|---:|"


def test_csv_and_json_leave_the_points_out_unless_explained() -> None:
    ranking = ranking_named("Ik betaal")
    assert formats.as_csv(ranking).splitlines()[0] == (
        "rank,id,name,phase,cluster,owner,customers,contacts,contact_rate,score,status,"
        "customers_estimated,contacts_estimated,period"
    )
    assert "terms" not in json.loads(formats.as_json(ranking))["journeys"][0]
    explained = formats.as_csv(ranking, explain=True).splitlines()[0]
    assert explained.endswith(",contacts_estimated,points_customers,points_contacts,period")


@pytest.mark.parametrize("width", [72, 100, 160])
def test_a_column_with_an_estimate_keeps_its_digits_in_line(width: int) -> None:
    # ik-verhuis's customers are estimated (310,000~): the other rows leave a blank there.
    lines = formats.table(sample(), False, width=width).splitlines()
    rows = [line for line in lines if re.match(r" ?\d+  ", line)]  # a rank: a row's first line
    figures = [re.search(r"(\d{1,3}(?:,\d{3})+)(~?)", line) for line in rows]
    ends = {found.end(1) for found in figures if found is not None}
    marked = [found for found in figures if found is not None and found[2]]
    assert len(ends) == 1 and marked
