"""The report tables in a narrow terminal: the column of names wraps first (kpis: the journey;
improvements and coverage: the journeys; alerts: each alert beside what to do about it)."""

from __future__ import annotations

import pytest

from journeyctl.formats.reports import rich_table, table
from journeyctl.reports import build
from tests.reports.tree import report_input


def test_a_narrow_kpis_table_wraps_its_name_column_first() -> None:
    assert table(build("kpis", report_input()), "en", color=False, width=70).splitlines() == [
        "KPIs against their target, measurements up to 30 Jun 2025",
        "                                                     Progress",
        "                                        Since              to",
        "# Journey  KPI       Baseline Latest previous Target   target Track",
        "──────────────────────────────────────────────────────────────────────",
        "1 Journey  NPS            -10     -5       -5     10      25% off",
        "  B                           31 Dec                          track",
        "                              2024",
        "2 Journey  NPS              -      -        -     20        - -",
        "  C",
        "           Contacts       1.0    0.4     -0.4    0.5     120% target",
        "           per                30 Jun                          reached",
        "           customer           2025",
        "3 KPIs: 1 on track (of which 1 reached the target), 1 off track, 0",
        "measured without a target, 1 not measured yet (a baseline at most); 0",
        "stale (last measured before 1 Dec 2024); 2 journeys without any KPI",
        "#: the rank in the ranking of 2025",
    ]


def test_a_narrow_improvements_table_wraps_its_text_columns() -> None:
    lines = table(build("improvements", report_input()), "en", color=False, width=88).splitlines()
    start = lines.index("Improvements, period 2025")
    assert lines[start:] == [
        "Improvements, period 2025",
        "                                         Customers",
        "                                          (largest          Effort",
        "Improvement  Status      Owner Journeys   journey) Contacts  (1-5) Started    Done",
        "────────────────────────────────────────────────────────────────────────────────────────",
        "Shared       experiment  Bob   Journey   up to 200      104      3 1 Feb 2025 -",
        "improvement  open              C;",
        "shared                         Journey B",
        "Finished     implemented Ann   Journey B       200       44      1 -          1 Mar 2025",
        "             done",
        "Turned down  rejected    Ann   Journey E        10        1      - -          -",
        "",
        "What each improvement does",
        "                                                                         Tickets and",
        "Improvement         What               Expected       Result             links",
        "────────────────────────────────────────────────────────────────────────────────────────",
        "Shared improvement  One change for     contacts -10%  -                  TICKET-1",
        "                    two journeys.",
        "Finished            -                  -              Fewer questions    -",
        "                                                      about the bill",
        "                                                      since March.",
        "Turned down         -                  -              -                  -",
        "",
        "By journey",
        "Journey    Open  Done  Rejected",
        "───────────────────────────────",
        "Journey B     1     1         0",
        "Journey C     1     0         0",
        "Journey E     0     0         1",
        "3 improvements: 1 open, 1 done, 1 rejected; 1 shared by several journeys",
        "By status: experiment 1, implemented 1, rejected 1",
        "Value: the contacts a period would avoid, the contacts of each journey it touches in",
        "2025 times the expected change; ordered by value per effort point. Quick win: effort 2",
        "or less and a value of at least 10 (the median).",
    ]


def test_a_narrow_coverage_table_wraps_its_name_columns_first() -> None:
    assert table(build("coverage", report_input()), "en", color=False, width=60).splitlines() == [
        "Life Cycle Model: contact reasons covered by journeys,",
        "period 2025",
        "                                                          Of",
        "                          Listed   Share            contacts",
        "Phase    Reasons  Mapped    only  mapped  Contacts    mapped",
        "────────────────────────────────────────────────────────────",
        "Phase A        2       2       0    100%       400      100%",
        "Phase B        1       0       0      0%         -         -",
        "Total          3       2       0     67%       400      100%",
        "",
        "Contact reasons",
        "Contact",
        "reason        Phase    Coverage     Journeys        Contacts",
        "────────────────────────────────────────────────────────────",
        "Reason A      Phase A  mapped       Journey C;           300",
        "                                    Journey A",
        "Reason B      Phase A  mapped       Journey C            100",
        "Reason C      Phase B  not covered  -                      -",
        "2 of 3 contact reasons covered by a mapped journey (67%); 0",
        "more only by a listed one; 1 not covered",
        "Of the contacts in 2025: 100% under reasons a mapped journey",
        "covers, 0% under reasons only listed journeys cover",
    ]


def test_a_narrow_alerts_table_lines_up_each_alert_with_what_to_do() -> None:
    """Each alert on a line of its own, what to do about it beside it: where one of the two
    wraps further, the next pair starts below both."""
    assert table(build("alerts", report_input()), "en", color=False, width=66).splitlines() == [
        "Alerts, period 2025 against 2024",
        "#  Journey    Owner  Alerts                 What to do",
        "──────────────────────────────────────────────────────────────────",
        "1  Journey B  Ann    NPS moving away from   Discuss the last",
        "                     its target: from 0 to  measurement of NPS",
        "                     -5, target 10          with the journey team",
        "                     Review overdue: last   Plan a review with the",
        "                     one on 1 Jan 2025,     journey team",
        "                     cadence quarterly",
        "2  Journey C  Bob    Contacts per customer  Find out why customers",
        "                     up by 50%, from 1.00   get in touch more",
        "                     to 1.50                often",
        "                     Never reviewed,        Plan a review with the",
        "                     cadence quarterly      journey team",
        "                     NPS has no baseline    Record a baseline for",
        "                                            NPS",
        "3  Journey A  Ann    Contacts per customer  Find out why customers",
        "                     up by 100%, from 0.10  get in touch more",
        "                     to 0.20                often",
        "                     Contacts up by 100%,   Find out where the",
        "                     from 10 to 20          extra contacts come",
        "                                            from",
        "                     Top journey nobody     Map the journey and",
        "                     works on               plan an improvement",
        "4  Journey E  -      Top journey nobody     Map the journey and",
        "                     works on               plan an improvement",
        "                     Without an owner       Appoint an owner",
        "Contacts per customer or contacts up more than 25%; top 10",
        "journeys that are only listed and have no improvement; KPIs moving",
        "away from their target; reviews overdue on 1 Jun 2025; journeys",
        "without an owner; KPIs without a baseline",
        "KPIs: measurements up to 30 Jun 2025",
    ]


_REPORTS = ("kpis", "improvements", "coverage", "owners", "alerts")


@pytest.mark.slow
@pytest.mark.parametrize("name", _REPORTS)
@pytest.mark.parametrize("width", [40, 70, 100, 160])
@pytest.mark.parametrize("color", [False, True])
def test_the_light_writer_writes_what_rich_writes(name: str, width: int, color: bool) -> None:
    """Each report's tables have their rows written without Rich's layout: the same text
    and colours as the whole group laid out by Rich, at every width."""
    report = build(name, report_input())
    for lang in ("en", "nl"):
        assert table(report, lang, color, width) == rich_table(report, lang, color, width)
    if name == "improvements":
        explained = table(report, "en", color, width, explain=True)
        assert explained == rich_table(report, "en", color, width, explain=True)
