"""The report tables in a narrow terminal: the column of names wraps first, a date never
(kpis: the journey; improvements and coverage: the journeys; alerts: the alert's words)."""

from __future__ import annotations

from journeyctl.formats.reports import table
from journeyctl.reports import build
from tests.reports.tree import report_input


def test_a_narrow_kpis_table_wraps_its_name_column_first() -> None:
    assert table(build("kpis", report_input()), "en", color=False, width=70).splitlines() == [
        "KPIs since the baseline, measurements up to 30 Jun 2025",
        "                                                       Since",
        "# Journey KPI      Baseline Latest Measured     Target baseline Trend",
        "──────────────────────────────────────────────────────────────────────",
        "1 Journey NPS           -10     -5 31 Dec 2024      10 improved worse",
        "  B",
        "2 Journey NPS             -      - -                20 -        -",
        "  C",
        "          Contacts      1.0    0.4 30 Jun 2025 0.5     improved better",
        "          per                                  reached",
        "          customer",
        "3 KPIs: 2 improved since the baseline, 0 declined, 0 unchanged, 1 not",
        "measured yet; 1 target reached",
        "#: the rank in the ranking of 2025",
    ]


def test_a_narrow_improvements_table_wraps_its_text_columns() -> None:
    assert table(
        build("improvements", report_input()), "en", color=False, width=88
    ).splitlines() == [
        "Improvements, period 2025",
        "                                                            Effort",
        "Improvement  Status      Owner Journeys  Customers Contacts  (1-5) Started    Done",
        "────────────────────────────────────────────────────────────────────────────────────────",
        "Shared       experiment  Bob   Journey         240      104      3 1 Feb 2025 -",
        "improvement  open              C;",
        "shared                         Journey B",
        "Finished     implemented Ann   Journey B       200       44      1 -          1 Mar 2025",
        "             done",
        "Turned down  rejected    Ann   Journey E        10        1      - -          -",
        "",
        "By journey",
        "Journey    Open  Done  Rejected",
        "───────────────────────────────",
        "Journey B     1     1         0",
        "Journey C     1     0         0",
        "Journey E     0     0         1",
        "3 improvements: 1 open, 1 done, 1 rejected; 1 shared by several journeys",
        "By status: experiment 1, implemented 1, rejected 1",
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


def test_a_narrow_alerts_table_wraps_its_name_column_first() -> None:
    assert table(build("alerts", report_input()), "en", color=False, width=66).splitlines() == [
        "Alerts, period 2025 against 2024",
        "Alert                    Journey    #  Before   Now   Rise  Target",
        "──────────────────────────────────────────────────────────────────",
        "Contacts per customer    Journey A  3    0.10  0.20  +100%",
        "up",
        "Contacts per customer    Journey C  2    1.00  1.50   +50%",
        "up",
        "Contacts up              Journey A  3      10    20  +100%",
        "Top journey nobody       Journey A  3",
        "works on",
        "Top journey nobody       Journey E  4",
        "works on",
        "KPI moving away from     Journey B  1       0    -5             10",
        "its target",
        "NPS",
        "Contacts per customer or contacts up more than 25%; top 10",
        "journeys that are only listed and have no improvement; KPIs moving",
        "away from their target",
        "KPIs: measurements up to 30 Jun 2025",
    ]
