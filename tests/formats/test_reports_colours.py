"""The colours of the report tables, with the SGR codes worked out by hand.

bold 1, dim 2, red 31, green 32; `\x1b[0m` resets. Good news is green (improved, improving,
a target reached), bad news red (declined, worsening, an alert, a review overdue, a reason
nobody covers); a total is bold and what a cell says below its text is dim.
"""

from __future__ import annotations

from dataclasses import replace

from journeyctl.formats.reports import table
from journeyctl.model.journey import KpiRecord
from journeyctl.reports import build
from tests.reports.tree import report_input

ESC = "\x1b"


def coloured(name: str) -> list[str]:
    return table(build(name, report_input()), "en", color=True, width=120).splitlines()


def test_kpis_on_track_green_off_track_red_and_the_day_dim_below() -> None:
    lines = coloured("kpis")
    assert lines[3].endswith(f"10                 25%  {ESC}[31moff track     {ESC}[0m")
    assert lines[4] == f"{' ' * 47}{ESC}[2m31 Dec 2024{ESC}[0m"
    assert lines[5].endswith("20                   -  -")
    assert lines[6].endswith(f"0.5                120%  {ESC}[32mtarget reached{ESC}[0m")


def test_coverage_total_bold_and_uncovered_red() -> None:
    lines = coloured("coverage")
    assert lines[5] == (
        f"{ESC}[1mTotal  {ESC}[0m        3       2            0           67%       400                100%"
    )
    assert (
        lines[12]
        == f"Reason C        Phase B  {ESC}[31mnot covered{ESC}[0m  -                            -"
    )


def test_owners_with_reviews_overdue_are_red() -> None:
    lines = coloured("owners")
    assert lines[3].startswith(f"Ann                      2  {ESC}[31m              1{ESC}[0m ")
    assert lines[5].startswith("Without an owner         1                0 ")


def test_alerts_are_red_and_what_to_do_plain() -> None:
    lines = coloured("alerts")
    red = f"{ESC}[31m"
    assert lines[5] == (
        f"                     {red}Review overdue: last one on 1 Jan 2025, cadence   {ESC}[0m"
        "  Plan a review with the journey team"
    )
    # The rest of a wrapped alert is red too; what to do beside it is a blank line.
    assert lines[11] == f"{' ' * 21}{red}0.20{' ' * 46}{ESC}[0m"


def test_a_status_says_its_state_dim_below_where_it_adds_something() -> None:
    lines = coloured("improvements")
    # After the table of which improvement first (its value bold).
    assert lines[4].endswith(f"{ESC}[1m             10{ESC}[0m             3             3.3")
    assert lines[6].startswith(f"{ESC}[1mImprovements, period 2025")
    assert lines[11].startswith("Shared improvement  experiment   Bob    Journey C; Journey B ")
    assert lines[12] == f"{ESC}[2mshared{ESC}[0m              {ESC}[2mopen{ESC}[0m"
    assert lines[15].startswith("Turned down         rejected     Ann    Journey E ")


def test_titles_are_bold_and_a_mapped_reason_green() -> None:
    lines = coloured("coverage")
    assert lines[0].startswith(f"{ESC}[1mLife Cycle Model: contact reasons covered by journeys, ")
    assert lines[7].startswith(f"{ESC}[1mContact reasons ")
    assert (
        lines[10]
        == f"Reason A        Phase A  {ESC}[32mmapped     {ESC}[0m  Journey C; Journey A       300"
    )


def test_a_kpi_that_declined_is_off_track_in_red() -> None:
    """b's NPS at -20 by the end of 2024: below its baseline of -10, and falling."""
    given = report_input()
    journeys = tuple(
        j.model_copy(update={"kpis": {"nps": KpiRecord.model_validate(DECLINED)}})
        if j.id == "b"
        else j
        for j in given.journeys
    )
    lines = table(build("kpis", replace(given, journeys=journeys)), "en", True, 120).splitlines()
    assert lines[3].endswith(f"-10      10                -50%  {ESC}[31moff track     {ESC}[0m")


DECLINED = {
    "baseline": {"value": -10, "date": "2024-01-01"},
    "target": 10,
    "measurements": [{"date": "2024-12-31", "value": -20}],
}
