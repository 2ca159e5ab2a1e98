"""The reports for people: the words, numbers and layout of the table and Markdown, per
language, on the small tree of tests/reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from journeyctl.formats.reports import as_markdown, table
from journeyctl.reports import alerts_report, build, kpis_report
from tests.reports.tree import report_input


def test_kpis_markdown() -> None:
    assert as_markdown(kpis_report(report_input(), top=2), "en") == (
        "### KPIs since the baseline, measurements up to 30 Jun 2025\n"
        "\n"
        "| \\# | Journey | KPI | Baseline | Latest | Measured | Target | Since baseline | Trend |\n"
        "|---:|---|---|---:|---:|---|---:|---|---|\n"
        "| 1 | Journey B | NPS | -10 | -5 | 31 Dec 2024 | 10 | improved | worse |\n"
        "| 2 | Journey C | NPS | - | - | - | 20 | - | - |\n"
        "|  |  | Contacts per customer | 1 | 0.4 | 30 Jun 2025 | 0.5 reached | improved "
        "| better |\n"
        "\n"
        "3 KPIs: 2 improved since the baseline, 0 declined, 0 unchanged, 1 not measured yet; "
        "1 target reached  \n"
        "\\#: the rank in the ranking of 2025\n"
    )


def test_kpis_as_of_is_said() -> None:
    text = as_markdown(kpis_report(report_input(period="2024")), "nl")
    assert text.startswith("### KPI's sinds de nulmeting, metingen tot en met 31 dec 2024\n")
    assert text.endswith(
        "\\#: de positie in de prioritering van 2024  \n"
        "Metingen na het einde van 2024 tellen niet mee\n"
    )
    assert "| 1 | Journey B | NPS | -10 | -5 | 31 dec 2024 | 10 | verbeterd | slechter |" in text


def test_coverage_table_in_dutch() -> None:
    assert table(build("coverage", report_input()), "nl", color=False, width=100) == (
        "Life Cycle Model: contactredenen gedekt door klantreizen,\n"
        "periode 2025\n"
        "Fase     Redenen  Gedekt  Aandeel  Contacten  Van contacten\n"
        "───────────────────────────────────────────────────────────\n"
        "Phase A        2       2     100%        400           100%\n"
        "Phase B        1       0       0%          -              -\n"
        "Totaal         3       2      67%        400           100%\n"
        "\n"
        "Contactredenen\n"
        "Contactreden  Fase     Klantreizen           Contacten\n"
        "──────────────────────────────────────────────────────\n"
        "Reason A      Phase A  Journey C; Journey A        300\n"
        "Reason B      Phase A  Journey C                   100\n"
        "Reason C      Phase B  niet gedekt                   -\n"
        "2 van 3 contactredenen gedekt door een klantreis (67%)\n"
    )


def test_improvements_markdown() -> None:
    assert as_markdown(build("improvements", report_input()), "en") == (
        "### Improvements, period 2025\n"
        "\n"
        "| Improvement | Status | Journeys | Customers | Contacts | Effort (1-5) | Owner |\n"
        "|---|---|---|---:|---:|---:|---|\n"
        "| Shared improvement | experiment (open) | Journey C; Journey B | 240 | 104 | 3 | Bob |\n"
        "| Finished | implemented (done) | Journey B | 200 | 44 | 1 | Ann |\n"
        "| Turned down | rejected | Journey E | 10 | 1 | - | Ann |\n"
        "\n"
        "3 improvements: 1 open, 1 done, 1 rejected; 1 shared by several journeys  \n"
        "By status: experiment 1, implemented 1, rejected 1\n"
    )


def test_alerts_without_an_earlier_period_say_so() -> None:
    text = as_markdown(alerts_report(report_input(period="2024")), "en")
    assert text.startswith("### Alerts, period 2024\n")
    assert text.endswith(
        "No earlier period to compare with: rising contacts are not judged  \n"
        "KPIs: measurements up to 31 Dec 2024\n"
    )


def test_an_empty_sheet_says_none() -> None:
    """Without c (never reviewed), no review is overdue in June 2024."""
    given = report_input(today=date(2024, 6, 1))
    without_c = replace(given, journeys=tuple(j for j in given.journeys if j.id != "c"))
    text = table(build("owners", without_c), "en", color=False)
    assert text.endswith("Reviews overdue on 1 Jun 2024\nNone.\n")
