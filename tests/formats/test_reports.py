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


def test_owners_markdown() -> None:
    """Ann: b and a, b's review overdue since 3 April, shared on b; Bob: c and d, c never
    reviewed, shared his own; e has no owner, and only a rejected improvement."""
    assert as_markdown(build("owners", report_input()), "en") == (
        "### Journey owners\n"
        "\n"
        "| Owner | Journeys | Reviews overdue | Open improvements they own "
        "| Open improvements on their journeys |\n"
        "|---|---:|---:|---:|---:|\n"
        "| Ann | 2 | 1 | 0 | 1 |\n"
        "| Bob | 2 | 1 | 1 | 1 |\n"
        "| Without an owner | 1 | 0 | 0 | 0 |\n"
        "\n"
        "### Reviews overdue on 1 Jun 2025\n"
        "\n"
        "| Journey | Owner | Cadence | Last review | Days overdue |\n"
        "|---|---|---|---|---:|\n"
        "| Journey B | Ann | quarterly | 1 Jan 2025 | 59 |\n"
        "| Journey C | Bob | quarterly | never | - |\n"
    )


def test_alerts_markdown_in_dutch() -> None:
    assert as_markdown(build("alerts", report_input()), "nl") == (
        "### Signalen, periode 2025 ten opzichte van 2024\n"
        "\n"
        "| Signaal | Klantreis | \\# | Eerst | Nu | Stijging | Doel |\n"
        "|---|---|---:|---:|---:|---:|---:|\n"
        "| Contacten per klant gestegen | Journey A | 3 | 0,10 | 0,20 | +100% |  |\n"
        "| Contacten per klant gestegen | Journey C | 2 | 1,00 | 1,50 | +50% |  |\n"
        "| Contacten gestegen | Journey A | 3 | 10 | 20 | +100% |  |\n"
        "| Topklantreis zonder aanpak | Journey A | 3 |  |  |  |  |\n"
        "| Topklantreis zonder aanpak | Journey E | 4 |  |  |  |  |\n"
        "| KPI beweegt van het doel af (NPS) | Journey B | 1 | 0 | -5 |  | 10 |\n"
        "\n"
        "Contacten per klant of contacten meer dan 25% gestegen; top 10 klantreizen die alleen "
        "geïnventariseerd zijn en geen verbetering hebben; KPI's die van hun doel af bewegen  \n"
        "KPI's: metingen tot en met 30 jun 2025\n"
    )


def test_coverage_without_contacts_for_the_period_is_a_count_only() -> None:
    text = as_markdown(build("coverage", report_input(period="2024")), "en")
    assert text.startswith(
        "### Life Cycle Model: contact reasons covered by journeys, period 2024\n"
        "\n"
        "| Phase | Reasons | Covered | Share | Contacts | Of contacts |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        "| Phase A | 2 | 2 | 100% | - | - |\n"
        "| Phase B | 1 | 0 | 0% | - | - |\n"
        "| Total | 3 | 2 | 67% | - | - |\n"
    )
    assert text.endswith(
        "| Reason C | Phase B | not covered | - |\n"
        "\n"
        "2 of 3 contact reasons covered by a journey (67%)  \n"
        "No contact reason has volumes for 2024: coverage is a count only\n"
    )
