"""The reports for people: the words, numbers and layout of the table and Markdown, per
language, on the small tree of tests/reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from journeyctl.formats.reports import as_csv, as_markdown, table
from journeyctl.model import Journey
from journeyctl.model.framework import Kpi
from journeyctl.model.journey import KpiRecord
from journeyctl.reports import (
    REPORT_NAMES,
    AlertsReport,
    KpiReport,
    ReportInput,
    alerts_report,
    build,
    kpi_row,
    kpis_report,
    prepare,
)
from tests.formats.conftest import modules_after
from tests.reports.tree import TODAY, checked, report_input


def test_kpis_markdown() -> None:
    assert as_markdown(kpis_report(report_input(), top=2), "en") == (
        "### KPIs against their target, measurements up to 30 Jun 2025\n"
        "\n"
        "| # | Journey | KPI | Baseline | Latest | Since previous | Target | Progress to target "
        "| Track |\n"
        "|---:|---|---|---:|---:|---:|---:|---:|---|\n"
        "| 1 | Journey B | NPS | -10 | -5 (31 Dec 2024) | -5 | 10 | 25% | off track |\n"
        "| 2 | Journey C | NPS | - | - | - | 20 | - | - |\n"
        "|  |  | Contacts per customer | 1.0 | 0.4 (30 Jun 2025) | -0.4 | 0.5 | 120% "
        "| target reached |\n"
        "\n"
        "3 KPIs: 1 on track (of which 1 reached the target), 1 off track, 0 measured without a "
        "target, 1 not measured yet (a baseline at most); 0 stale (last measured before "
        "1 Dec 2024); 2 journeys without any KPI  \n"
        "#: the rank in the ranking of 2025\n"
    )


def test_kpis_as_of_is_said() -> None:
    text = as_markdown(kpis_report(report_input(period="2024")), "nl")
    assert text.startswith("### KPI's tegen hun doel, metingen tot en met 31 dec 2024\n")
    assert text.endswith(
        "#: de positie in de prioritering van 2024  \n"
        "Metingen na het einde van 2024 tellen niet mee, ook een nulmeting niet\n"
    )
    assert "| 1 | Journey B | NPS | -10 | -5 (31 dec 2024) | -5 | 10 | 25% | uit koers |" in text
    # Six months before the end of 2024: c's measurement of 30 June 2024 is not stale yet.
    assert "0 verouderd (laatst gemeten vóór 30 jun 2024)" in text


def test_coverage_table_in_dutch() -> None:
    assert table(build("coverage", report_input()), "nl", color=False, width=100) == (
        "Life Cycle Model: contactredenen gedekt door klantreizen, periode 2025\n"
        "                                                                                       Van contacten\n"
        "                        In kaart                  Alleen      Aandeel in                    in kaart\n"
        "Fase     Redenen        gebracht        geïnventariseerd  kaart gebracht  Contacten         gebracht\n"
        "────────────────────────────────────────────────────────────────────────────────────────────────────\n"
        "Phase A        2               2                       0            100%        400             100%\n"
        "Phase B        1               0                       0              0%          -                -\n"
        "Totaal         3               2                       0             67%        400             100%\n"
        "\n"
        "Contactredenen\n"
        "Contactreden  Fase     Dekking            Klantreizen           Contacten\n"
        "─────────────────────────────────────────────────────────────────────────\n"
        "Reason A      Phase A  in kaart gebracht  Journey C; Journey A        300\n"
        "Reason B      Phase A  in kaart gebracht  Journey C                   100\n"
        "Reason C      Phase B  niet gedekt        -                             -\n"
        "2 van 3 contactredenen gedekt door een klantreis die in kaart is gebracht (67%); 0 andere alleen\n"
        "door een geïnventariseerde; 1 niet gedekt\n"
        "Van de contacten in 2025: 100% bij redenen die een in kaart gebrachte klantreis dekt, 0% bij redenen\n"
        "die alleen geïnventariseerde klantreizen dekken\n"
    )


def test_improvements_markdown() -> None:
    assert as_markdown(build("improvements", report_input()), "en") == (
        "### Which improvement first: value against effort, period 2025\n"
        "\n"
        "| Rank | Improvement | Journeys | Contacts | Effect on contacts | Contacts avoided | Effort (1-5) | Per effort point |\n"
        "|---:|---|---|---:|---:|---:|---:|---:|\n"
        "| 1 | Shared improvement | Journey C; Journey B | 104 | -10% | 10 | 3 | 3.3 |\n"
        "\n"
        "### Improvements, period 2025\n"
        "\n"
        "| Improvement | Status | Owner | Journeys | Customers (largest journey) | Contacts | Effort (1-5) | Started | Done |\n"
        "|---|---|---|---|---:|---:|---:|---|---|\n"
        "| Shared improvement (shared) | experiment (open) | Bob | Journey C; Journey B | up to 200 | 104 | 3 | 1 Feb 2025 | - |\n"
        "| Finished | implemented (done) | Ann | Journey B | 200 | 44 | 1 | - | 1 Mar 2025 |\n"
        "| Turned down | rejected | Ann | Journey E | 10 | 1 | - | - | - |\n"
        "\n"
        "### What each improvement does\n"
        "\n"
        "| Improvement | What | Expected | Result | Tickets and links |\n"
        "|---|---|---|---|---|\n"
        "| Shared improvement | One change for two journeys. | contacts -10% | - | TICKET-1 |\n"
        "| Finished | - | - | Fewer questions about the bill since March. | - |\n"
        "| Turned down | - | - | - | - |\n"
        "\n"
        "### By journey\n"
        "\n"
        "| Journey | Open | Done | Rejected |\n"
        "|---|---:|---:|---:|\n"
        "| Journey B | 1 | 1 | 0 |\n"
        "| Journey C | 1 | 0 | 0 |\n"
        "| Journey E | 0 | 0 | 1 |\n"
        "\n"
        "3 improvements: 1 open, 1 done, 1 rejected; 1 shared by several journeys  \n"
        "By status: experiment 1, implemented 1, rejected 1  \n"
        "Value: the contacts a period would avoid, the contacts of each journey it touches in 2025 times the expected change; ordered by value per effort point. Quick win: effort 2 or less and a value of at least 10 (the median).\n"
    )


def test_alerts_without_an_earlier_period_say_so() -> None:
    """2024 is the first year: no rise is judged, the other alerts are (a's rank makes it a
    top journey nobody works on; e has no volumes for 2024, and no rank)."""
    text = as_markdown(alerts_report(report_input(period="2024")), "en")
    assert text.startswith("### Alerts, period 2024\n")
    assert "| 3 | Journey A | Ann | Top journey nobody works on |" in text
    assert "up by" not in text
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
    """One row per journey in ranking order; each alert with what to do, in Dutch."""
    assert as_markdown(build("alerts", report_input()), "nl") == (
        "### Signalen, periode 2025 ten opzichte van 2024\n"
        "\n"
        "| # | Klantreis | Eigenaar | Signalen | Wat te doen |\n"
        "|---:|---|---|---|---|\n"
        "| 1 | Journey B | Ann | NPS beweegt van het doel af: van 0 naar -5, doel 10; Review te "
        "laat: laatste op 1 jan 2025, ritme per kwartaal | Bespreek de laatste meting van NPS met "
        "het klantreisteam; Plan een review met het klantreisteam |\n"
        "| 2 | Journey C | Bob | Contacten per klant gestegen met 50%, van 1,00 naar 1,50; Nooit "
        "gereviewd, ritme per kwartaal; NPS heeft geen nulmeting | Zoek uit waarom klanten vaker "
        "contact opnemen; Plan een review met het klantreisteam; Leg een nulmeting vast voor NPS "
        "|\n"
        "| 3 | Journey A | Ann | Contacten per klant gestegen met 100%, van 0,10 naar 0,20; "
        "Contacten gestegen met 100%, van 10 naar 20; Topklantreis zonder aanpak | Zoek uit "
        "waarom klanten vaker contact opnemen; Zoek uit waar de extra contacten vandaan komen; "
        "Breng de klantreis in kaart en plan een verbetering |\n"
        "| 4 | Journey E | - | Topklantreis zonder aanpak; Zonder eigenaar | Breng de klantreis "
        "in kaart en plan een verbetering; Wijs een eigenaar aan |\n"
        "\n"
        "Contacten per klant of contacten meer dan 25% gestegen; top 10 klantreizen die alleen "
        "geïnventariseerd zijn en geen verbetering hebben; KPI's die van hun doel af bewegen; "
        "reviews te laat op 1 jun 2025; klantreizen zonder eigenaar; KPI's zonder nulmeting  \n"
        "KPI's: metingen tot en met 30 jun 2025\n"
    )


def test_coverage_without_contacts_for_the_period_is_a_count_only() -> None:
    text = as_markdown(build("coverage", report_input(period="2024")), "en")
    assert text.startswith(
        "### Life Cycle Model: contact reasons covered by journeys, period 2024\n"
        "\n"
        "| Phase | Reasons | Mapped | Listed only | Share mapped | Contacts | Of contacts mapped |\n"
        "|---|---:|---:|---:|---:|---:|---:|\n"
        "| Phase A | 2 | 2 | 0 | 100% | - | - |\n"
        "| Phase B | 1 | 0 | 0 | 0% | - | - |\n"
        "| Total | 3 | 2 | 0 | 67% | - | - |\n"
    )
    assert text.endswith(
        "| Reason C | Phase B | not covered | - | - |\n"
        "\n"
        "2 of 3 contact reasons covered by a mapped journey (67%); 0 more only by a listed one; "
        "1 not covered  \n"
        "No contact reason has volumes for 2024: coverage is a count only\n"
    )


def without_volumes() -> ReportInput:
    """The small tree with no volumes at all: no period, no ranks, nothing to compare."""
    tree = checked()
    journeys = [j.model_copy(update={"volumes": []}) for j in tree.journeys]
    return prepare(tree.framework, journeys, tree.improvements, today=TODAY)


def test_without_a_period_the_titles_name_none_and_ranks_are_dashes() -> None:
    given = without_volumes()
    kpis = as_markdown(build("kpis", given), "en").splitlines()
    assert kpis[0] == "### KPIs against their target, measurements up to 30 Jun 2025"
    assert kpis[4:6] == [
        "| - | Journey B | NPS | -10 | -5 (31 Dec 2024) | -5 | 10 | 25% | off track |",
        "| - | Journey C | NPS | - | - | - | 20 | - | - |",
    ]
    # No note on the rank's period nor on measurements left out.
    assert kpis[-1] == (
        "3 KPIs: 1 on track (of which 1 reached the target), 1 off track, 0 measured without a "
        "target, 1 not measured yet (a baseline at most); 0 stale (last measured before "
        "1 Dec 2024); 2 journeys without any KPI"
    )
    improvements = as_markdown(build("improvements", given), "en").splitlines()
    assert improvements[0] == "### Which improvement first: value against effort"
    # Without a period no contacts, so no value: the hint what to do stands in the table's place.
    assert improvements[2].startswith("No open improvement expects an effect on contacts yet")
    assert improvements[4] == "### Improvements"
    assert improvements[8] == (
        "| Shared improvement (shared) | experiment (open) | Bob | Journey C; Journey B | - | - | 3 "
        "| 1 Feb 2025 | - |"
    )
    coverage = as_markdown(build("coverage", given), "en").splitlines()
    assert coverage[0] == "### Life Cycle Model: contact reasons covered by journeys"
    assert coverage[-1] == "No contact reason has volumes for -: coverage is a count only"
    assert as_markdown(build("alerts", given), "en") == (
        "### Alerts\n"
        "\n"
        "| # | Journey | Owner | Alerts | What to do |\n"
        "|---:|---|---|---|---|\n"
        "| - | Journey B | Ann | NPS moving away from its target: from 0 to -5, target 10; Review "
        "overdue: last one on 1 Jan 2025, cadence quarterly | Discuss the last measurement of NPS "
        "with the journey team; Plan a review with the journey team |\n"
        "| - | Journey C | Bob | Never reviewed, cadence quarterly; NPS has no baseline | Plan a "
        "review with the journey team; Record a baseline for NPS |\n"
        "| - | Journey E | - | Without an owner | Appoint an owner |\n"
        "\n"
        "Contacts per customer or contacts up more than 25%; top 10 journeys that are only "
        "listed and have no improvement; KPIs moving away from their target; reviews overdue "
        "on 1 Jun 2025; journeys without an owner; KPIs without a baseline  \n"
        "No earlier period to compare with: rising contacts are not judged  \n"
        "KPIs: measurements up to 30 Jun 2025\n"
    )


def test_alerts_without_any_kpi_say_that_none_was_measured() -> None:
    """Without KPIs nothing moved away from a target, and nothing was measured: said plainly,
    never "measurements up to -"."""
    given = report_input()
    journeys = tuple(j.model_copy(update={"kpis": {}}) for j in given.journeys)
    text = as_markdown(alerts_report(replace(given, journeys=journeys), top=3), "en")
    assert text == (
        "### Alerts, period 2025 against 2024\n"
        "\n"
        "| # | Journey | Owner | Alerts | What to do |\n"
        "|---:|---|---|---|---|\n"
        "| 1 | Journey B | Ann | Review overdue: last one on 1 Jan 2025, cadence quarterly | Plan "
        "a review with the journey team |\n"
        "| 2 | Journey C | Bob | Contacts per customer up by 50%, from 1.00 to 1.50; Never "
        "reviewed, cadence quarterly | Find out why customers get in touch more often; Plan a "
        "review with the journey team |\n"
        "| 3 | Journey A | Ann | Contacts per customer up by 100%, from 0.10 to 0.20; Contacts up "
        "by 100%, from 10 to 20; Top journey nobody works on | Find out why customers get in "
        "touch more often; Find out where the extra contacts come from; Map the journey and plan "
        "an improvement |\n"
        "| 4 | Journey E | - | Without an owner | Appoint an owner |\n"
        "\n"
        "Contacts per customer or contacts up more than 25%; top 3 journeys that are only "
        "listed and have no improvement; KPIs moving away from their target; reviews overdue "
        "on 1 Jun 2025; journeys without an owner; KPIs without a baseline  \n"
        "No KPI has been measured yet, so none can move away from its target\n"
    )


def test_no_improvements_say_none_and_count_no_status() -> None:
    given = replace(report_input(), improvements=())
    assert as_markdown(build("improvements", given), "en") == (
        "### Which improvement first: value against effort, period 2025\n"
        "\n"
        "No open improvement expects an effect on contacts yet; add one to an improvement's "
        "expected, such as contacts: -15%, to rank it by value.\n"
        "\n"
        "### Improvements, period 2025\n"
        "\n"
        "No improvements yet.\n"
        "\n"
        "### What each improvement does\n"
        "\n"
        "No improvements yet.\n"
        "\n"
        "### By journey\n"
        "\n"
        "None.\n"
        "\n"
        "0 improvements: 0 open, 0 done, 0 rejected; 0 shared by several journeys\n"
    )


def test_an_improvement_without_owner_shows_a_dash_and_no_effort_no_column() -> None:
    given = report_input()
    improvements = tuple(
        i.model_copy(update={"owner": None, "effort": None}) for i in given.improvements
    )
    text = as_markdown(build("improvements", replace(given, improvements=improvements)), "en")
    lines = text.splitlines()
    # Without efforts no value per effort: the value alone orders it, and no quick win.
    assert lines[4] == "| 1 | Shared improvement | Journey C; Journey B | 104 | -10% | 10 | - | - |"
    assert lines[10:13] == [
        "| Shared improvement (shared) | experiment (open) | - | Journey C; Journey B | up to 200 "
        "| 104 | 1 Feb 2025 | - |",
        "| Finished | implemented (done) | - | Journey B | 200 | 44 | - | 1 Mar 2025 |",
        "| Turned down | rejected | - | Journey E | 10 | 1 | - | - |",
    ]


def test_an_overdue_review_of_a_journey_without_owner() -> None:
    """e (no owner) mapped and never reviewed: overdue, in the row of journeys without one."""
    given = report_input()
    journeys = tuple(
        j.model_copy(update={"status": "mapped"}) if j.id == "e" else j for j in given.journeys
    )
    lines = as_markdown(build("owners", replace(given, journeys=journeys)), "en").splitlines()
    assert lines[6] == "| Without an owner | 1 | 1 | 0 | 0 |"
    assert lines[-1] == "| Journey E | Without an owner | quarterly | never | - |"


@pytest.mark.parametrize(
    ("value", "en", "nl"),
    [
        (5.0, "5", "5"),
        (4.4, "4.4", "4,4"),
        (0.08, "0.08", "0,08"),
        (1234.567, "1,234.57", "1.234,57"),
    ],
)
def test_a_kpi_value_has_the_decimals_it_needs_at_most_two(value: float, en: str, nl: str) -> None:
    kpi = Kpi(id="k", name="K")
    record = KpiRecord.model_validate(
        {"baseline": {"date": "2025-01-01", "value": value}, "target": value}
    )
    row = kpi_row(Journey(id="j", name="J", phase="p", cluster="c"), kpi, record, rank=None)
    report = KpiReport(None, None, (row,))
    for lang, shown in (("en", en), ("nl", nl)):
        line = as_markdown(report, lang).splitlines()[4]  # type: ignore[arg-type]
        assert line == f"| - | J | K | {shown} | - | - | {shown} | - | - |"


def test_csv_neutralises_formulas_and_shows_control_characters() -> None:
    """Text starting with = + - @ gets a quote in front; a line break shows as `\\n`."""
    given = report_input()
    titles = {"finished": "=1+1", "shared": "-x\nforged", "turned-down": "@x"}
    improvements = tuple(i.model_copy(update={"title": titles[i.id]}) for i in given.improvements)
    assert as_csv(build("improvements", replace(given, improvements=improvements))) == (
        "id,title,status,state,owner,owner_name,effort,started,done,journeys,shared,"
        "customers,contacts,contacts_change,value,value_per_effort,quick_win,estimated,"
        "description,result\n"
        "shared,'-x\\nforged,experiment,open,bob,Bob,3,2025-02-01,,c;b,true,200,104,-0.1,10,3.3,"
        "false,false,One change for two journeys.,\n"
        "finished,'=1+1,implemented,done,ann,Ann,1,,2025-03-01,b,false,200,44,,,,false,false,,"
        "Fewer questions about the bill since March.\n"
        "turned-down,'@x,rejected,rejected,ann,Ann,,,,e,false,10,1,,,,false,false,,\n"
    )
    plus = replace(given, improvements=(given.improvements[0].model_copy(update={"title": "+x"}),))
    assert as_csv(build("improvements", plus)).splitlines()[1].split(",")[1] == "'+x"


def test_an_empty_first_sheet_does_not_hide_the_second() -> None:
    given = report_input()
    nobody = replace(
        given, journeys=(), framework=given.framework.model_copy(update={"owners": []})
    )
    assert as_markdown(build("owners", nobody), "en") == (
        "### Journey owners\n\nNone.\n\n### Reviews overdue on 1 Jun 2025\n\nNone.\n"
    )


def test_the_day_of_the_measurements_is_said_only_beside_a_kpi_alert() -> None:
    report = AlertsReport(
        "2025", "2024", 0.2, 10, date(2025, 6, 1), (), measured_until=date(2025, 6, 30)
    )
    assert as_markdown(report, "en") == (
        "### Alerts, period 2025 against 2024\n"
        "\n"
        "Nothing here.\n"
        "\n"
        "Contacts per customer or contacts up more than 20%; top 10 journeys that are only "
        "listed and have no improvement; KPIs moving away from their target; reviews overdue "
        "on 1 Jun 2025; journeys without an owner; KPIs without a baseline\n"
    )


@pytest.mark.slow
def test_a_report_loads_its_own_modules_only() -> None:
    # `report alerts` on 2,000 journeys spent a tenth of a second importing the other
    # reports and their pages.
    script = (
        "from journeyctl.formats.reports import REPORT_FORMATS\n"
        "from journeyctl.reports import alerts_report, build, report_name\n"
    )
    others = "m.split('.')[-1] in {'improvements', 'coverage'}"
    assert modules_after(script, others) == []


def test_every_report_is_built_by_its_name() -> None:
    given = report_input()
    for name in REPORT_NAMES:
        assert build(name, given).name == name
