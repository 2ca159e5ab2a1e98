"""The ranking table's colours, with the SGR codes worked out by hand.

bold 1, dim 2, red 31, green 32, yellow 33, cyan 36; `\x1b[0m` resets. The sample is
compared with 2024 (see `ranking_sample`): up one (green), new (cyan), down two (red),
the same place (plain).
"""

from __future__ import annotations

from journeyctl.formats import ranking as formats
from tests.formats.ranking_sample import sample

ESC = "\x1b"


def coloured_lines() -> list[str]:
    return formats.table(sample("en", compare=True), True, width=160).splitlines()


def test_ranks_are_bold_and_movements_coloured_by_direction() -> None:
    rows = [line for line in coloured_lines() if "█" in line]
    assert [row[: row.index(" Ik ")] for row in rows] == [
        f"{ESC}[1m1{ESC}[0m  {ESC}[32m  ▲1{ESC}[0m ",
        f"{ESC}[1m2{ESC}[0m  {ESC}[36m new{ESC}[0m ",
        f"{ESC}[1m3{ESC}[0m  {ESC}[31m  ▼2{ESC}[0m ",
        f"{ESC}[1m4{ESC}[0m     = ",
    ]


def test_the_score_bar_is_green_then_dim() -> None:
    rows = [line for line in coloured_lines() if "█" in line]
    # 95.0 fills all five places; 31.7 two (1.585 rounds to 2); 28.2 one (1.41).
    assert f"95.0 {ESC}[32m█████{ESC}[0m " in rows[0]
    assert f"31.7 {ESC}[32m██{ESC}[0m{ESC}[2m···{ESC}[0m " in rows[1]
    assert f"28.2 {ESC}[32m█{ESC}[0m{ESC}[2m····{ESC}[0m " in rows[2]


def test_stacked_facts_are_dim_and_headers_bold() -> None:
    lines = coloured_lines()
    assert f"{ESC}[2mimproving{ESC}[0m" in lines[6]
    assert f"{ESC}[2mFacturatie en betalen{ESC}[0m" in lines[6]
    assert f"{ESC}[1mJourney / status" in lines[3]


def test_notes_are_yellow_where_they_mark_cells_and_the_unranked_heading_bold() -> None:
    lines = coloured_lines()
    first = next(i for i, line in enumerate(lines) if "missing criteria" in line)
    assert lines[first : first + 5] == [
        f"{ESC}[33m* missing criteria count 0: Ik verhuis (Strategisch belang){ESC}[0m",
        f"{ESC}[33m~ estimated, not counted{ESC}[0m",
        "What-if weights: Contacts 2 (framework 1)",
        "The contact reasons of these journeys hold 62% of all contacts in 2025"
        " (649,750 of 1,048,000)",
        f"{ESC}[1mNot ranked (2):{ESC}[0m",
    ]
