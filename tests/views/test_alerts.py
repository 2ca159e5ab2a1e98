"""The alerts page: one view for the terminal, its Markdown, the HTML and Markdown pages, and
the alerts on a journey's map and on its card of the index."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from journeyctl.formats.reports import as_markdown
from journeyctl.reports import ReportInput, Signal, alerts_report, prepare
from journeyctl.text import Lang
from journeyctl.views.alerts import JourneyAlerts, SignalLine, alerts_view, signal_line
from journeyctl.views.cells import Cell, Figure
from tests.reports.tree import report_input as small_tree
from tests.views.conftest import pages, prepared
from tests.views.tables import html_tables, markdown_tables, view_rows

PAY = SignalLine(
    "kpi_away_from_target",
    "Contacts per customer moving away from its target: from 0.18 to 0.20, target 0.10",
    "",
    "Discuss the last measurement of Contacts per customer with the journey team",
)
PAY_REVIEW = SignalLine(
    "review_overdue",
    "Review overdue: last one on 1 Jun 2025, cadence quarterly",
    "",
    "Plan a review with the journey team",
)
SIGN_UP = SignalLine(
    "contacts_up",
    "Contacts up by 33%, from 300 to 400",
    "",
    "Find out where the extra contacts come from",
)
SIGN_UP_REVIEW = SignalLine(
    "review_overdue", "Never reviewed, cadence quarterly", "", "Plan a review with the journey team"
)
REMINDER_RATE = SignalLine(
    "contact_rate_up",
    "Contacts per customer up by 243%, from 0.13 to 0.43",
    "",
    "Find out why customers get in touch more often",
)
REMINDER = SignalLine(
    "contacts_up",
    "Contacts up by 200%, from 100 to 300",
    "",
    "Find out where the extra contacts come from",
)


def listed(*texts: str, tone: str = "") -> Cell:
    parts = tuple(Cell(text) for text in texts)
    return Cell("; ".join(texts), tone=tone, parts=parts)  # type: ignore[arg-type]


def test_the_view_whole() -> None:
    """The reminder's contacts tripled (its rate too); paying moved away from its target and
    was last reviewed on 1 June, more than a quarter before 15 January; signing up was never
    reviewed, though it is mapped. Nobody works on no top journey: the reminder is listed,
    but one-tap payment touches it."""
    shown = alerts_view(alerts_report(prepared()), "en")
    table = shown.table
    assert table.title == "Alerts, period 2025 against 2024"
    assert table.headers == ("#", "Journey", "Owner", "Alerts", "What to do")
    assert table.numeric == (True, False, False, False, False)
    assert (table.flexible, table.stacked) == (1, frozenset({3, 4}))
    assert table.anchors == ("i-pay-my-bill", "i-sign-up", "i-get-a-reminder")
    assert table.empty == "Nothing here."
    assert table.rows == (
        (
            Cell("1"),
            Cell("I pay my bill", link="journeys/i-pay-my-bill"),
            Cell("Bob Jones"),
            listed(PAY.text, PAY_REVIEW.text, tone="bad"),
            listed(PAY.action, PAY_REVIEW.action),
        ),
        (
            Cell("2"),
            Cell("I sign up", link="journeys/i-sign-up"),
            Cell("Ann Smith"),
            listed(SIGN_UP.text, SIGN_UP_REVIEW.text, tone="bad"),
            listed(SIGN_UP.action, SIGN_UP_REVIEW.action),
        ),
        (
            Cell("3"),
            Cell("I get a reminder", link="journeys/i-get-a-reminder"),
            Cell("Bob Jones"),
            listed(REMINDER_RATE.text, REMINDER.text, tone="bad"),
            listed(REMINDER_RATE.action, REMINDER.action),
        ),
    )
    assert shown.tables == (table,)
    assert shown.notes == (
        "Contacts per customer or contacts up more than 20%; top 10 journeys that are only "
        "listed and have no improvement; KPIs moving away from their target; reviews overdue "
        "on 15 Jan 2026; journeys without an owner; KPIs without a baseline",
        "KPIs: measurements up to 31 Dec 2025",
    )
    assert shown.figures == (
        Figure("3", "journeys with an alert", "bad"),
        Figure("1", "Contacts per customer up", "bad"),
        Figure("2", "Contacts up", "bad"),
        Figure("0", "Top journey nobody works on", "good"),
        Figure("1", "KPI moving away from its target", "bad"),
        Figure("2", "Review overdue", "bad"),
        Figure("0", "Without an owner", "good"),
        Figure("0", "KPI without a baseline", "good"),
    )
    pay = JourneyAlerts(
        "i-pay-my-bill",
        "I pay my bill",
        "journeys/i-pay-my-bill",
        "1",
        "Bob Jones",
        (PAY, PAY_REVIEW),
        "2",
        "Alerts: 2",
    )
    assert shown.journeys[0] == pay
    assert [j.journey for j in shown.journeys] == list(table.anchors)
    assert shown.of("i-pay-my-bill") == pay
    assert shown.of("i-move-house") is None


def test_what_to_do_is_said_per_kind_and_names_the_kpi() -> None:
    """Two KPIs that moved away from their targets: the same suggestion, for each KPI."""
    lines = [
        signal_line(Signal("kpi_away_from_target", "nps", "NPS", 5, 1, None, 10), "nl"),
        signal_line(Signal("kpi_away_from_target", "ces", "CES", 2, 3, None, 1), "nl"),
        signal_line(Signal("kpi_without_baseline", "ces", "CES"), "nl"),
        signal_line(Signal("no_owner"), "nl"),
    ]
    assert [line.action for line in lines] == [
        "Bespreek de laatste meting van NPS met het klantreisteam",
        "Bespreek de laatste meting van CES met het klantreisteam",
        "Leg een nulmeting vast voor CES",
        "Wijs een eigenaar aan",
    ]


# (the signal, what it says in English and in Dutch)
SAID = {
    "a rise from nothing": (
        Signal("contacts_up", "contacts", None, 0, 1200, None),
        "Contacts up from 0 to 1,200",
        "Contacten gestegen van 0 naar 1.200",
    ),
    "a rise": (
        Signal("contact_rate_up", "contact_rate", None, 0.3345, 0.4356, 0.3024),
        "Contacts per customer up by 30%, from 0.33 to 0.44",
        "Contacten per klant gestegen met 30%, van 0,33 naar 0,44",
    ),
    "a KPI with the decimals of its values": (
        Signal("kpi_away_from_target", "nps", "NPS", 12.5, 10.0, None, 30.0),
        "NPS moving away from its target: from 12.5 to 10.0, target 30.0",
        "NPS beweegt van het doel af: van 12,5 naar 10,0, doel 30,0",
    ),
    "top unworked": (
        Signal("top_unworked"),
        "Top journey nobody works on",
        "Topklantreis zonder aanpak",
    ),
    "a review": (
        Signal("review_overdue", cadence="monthly", last_reviewed=date(2026, 4, 2)),
        "Review overdue: last one on 2 Apr 2026, cadence monthly",
        "Review te laat: laatste op 2 apr 2026, ritme maandelijks",
    ),
    "never reviewed": (
        Signal("review_overdue", cadence="yearly"),
        "Never reviewed, cadence yearly",
        "Nooit gereviewd, ritme jaarlijks",
    ),
    "no owner": (Signal("no_owner"), "Without an owner", "Zonder eigenaar"),
    "no baseline": (
        Signal("kpi_without_baseline", "ces", "Customer effort"),
        "Customer effort has no baseline",
        "Customer effort heeft geen nulmeting",
    ),
}


@pytest.mark.parametrize(("signal", "english", "dutch"), SAID.values(), ids=SAID.keys())
def test_what_a_signal_says(signal: Signal, english: str, dutch: str) -> None:
    assert (signal_line(signal, "en").text, signal_line(signal, "nl").text) == (english, dutch)
    assert signal_line(signal, "en").mark == ""


def test_a_signal_from_an_estimate_is_marked_after_its_figures() -> None:
    estimated = Signal("contacts_up", "contacts", None, 8300, 12800, 0.5422, estimated=True)
    line = signal_line(estimated, "nl")
    assert (line.text, line.mark, line.shown) == (
        "Contacten gestegen met 54%, van 8.300 naar 12.800",
        "~",
        "Contacten gestegen met 54%, van 8.300 naar 12.800~",
    )


def with_estimated_reminder() -> ReportInput:
    """The small tree with the reminder's 2025 volume estimated, ranked again."""
    given = prepared()
    journeys = tuple(
        j.model_copy(
            update={
                "volumes": [
                    v.model_copy(
                        update={
                            "estimated": ["customers", "contacts"] if v.period == "2025" else []
                        }
                    )
                    for v in j.volumes
                ]
            }
        )
        if j.id == "i-get-a-reminder"
        else j
        for j in given.journeys
    )
    return prepare(given.framework, journeys, given.improvements, today=given.today)


def test_an_estimated_volume_marks_the_signals_it_gave_and_says_what_the_mark_means() -> None:
    shown = alerts_view(alerts_report(with_estimated_reminder()), "en")
    reminder = shown.of("i-get-a-reminder")
    assert reminder is not None
    assert [line.mark for line in reminder.signals] == ["~", "~"]
    assert shown.table.rows[2][3] == Cell(
        f"{REMINDER_RATE.text}~; {REMINDER.text}~",
        tone="bad",
        parts=(Cell(REMINDER_RATE.text, mark="~"), Cell(REMINDER.text, mark="~")),
    )
    assert shown.notes[-1] == "~ estimated, not counted"
    assert [line.mark for line in shown.journeys[0].signals] == ["", ""]


def without_measurements(given: ReportInput) -> ReportInput:
    journeys = tuple(
        j.model_copy(
            update={
                "kpis": {
                    kpi: record.model_copy(update={"measurements": []})
                    for kpi, record in j.kpis.items()
                }
            }
        )
        for j in given.journeys
    )
    return replace(given, journeys=journeys)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "No KPI has been measured yet, so none can move away from its target"),
        ("nl", "Nog geen KPI gemeten, dus geen KPI kan van zijn doel af bewegen"),
    ],
)
def test_with_no_measurement_it_says_so_plainly(lang: Lang, note: str) -> None:
    """Not "the last measurement up to - is further from the target"."""
    given = without_measurements(prepared())
    assert given.measured_until is None
    shown = alerts_view(alerts_report(given), lang)
    assert shown.notes[1:] == (note,)


def test_the_day_of_the_measurements_is_named_beside_a_kpi_alert_only() -> None:
    """Paying's KPI moved away from its target: the day is said, also the end of an asked
    period; without KPI alerts, nothing is said of measurements that were made."""
    dated = replace(prepared(), as_of=date(2025, 12, 31))
    assert alerts_view(alerts_report(dated), "en").notes[1:] == (
        "KPIs: measurements up to 31 Dec 2025",
    )
    given = prepared()
    steady = tuple(
        j.model_copy(update={"kpis": {k: r for k, r in j.kpis.items() if k == "nps"}})
        for j in given.journeys
    )
    quiet = replace(given, journeys=steady)
    assert quiet.measured_until is not None
    assert alerts_view(alerts_report(quiet), "en").notes[1:] == ()


def test_every_kind_in_dutch_on_the_reports_tree() -> None:
    """The small tree of the reports has a signal of every kind but an estimate."""
    shown = alerts_view(alerts_report(small_tree()), "nl")
    assert shown.table.title == "Signalen, periode 2025 ten opzichte van 2024"
    assert shown.table.headers == ("#", "Klantreis", "Eigenaar", "Signalen", "Wat te doen")
    assert [(j.name, j.owner, [s.shown for s in j.signals]) for j in shown.journeys] == [
        (
            "Journey B",
            "Ann",
            [
                "NPS beweegt van het doel af: van 0 naar -5, doel 10",
                "Review te laat: laatste op 1 jan 2025, ritme per kwartaal",
            ],
        ),
        (
            "Journey C",
            "Bob",
            [
                "Contacten per klant gestegen met 50%, van 1,00 naar 1,50",
                "Nooit gereviewd, ritme per kwartaal",
                "NPS heeft geen nulmeting",
            ],
        ),
        (
            "Journey A",
            "Ann",
            [
                "Contacten per klant gestegen met 100%, van 0,10 naar 0,20",
                "Contacten gestegen met 100%, van 10 naar 20",
                "Topklantreis zonder aanpak",
            ],
        ),
        ("Journey E", "-", ["Topklantreis zonder aanpak", "Zonder eigenaar"]),
    ]
    assert [line.action for line in shown.journeys[3].signals] == [
        "Breng de klantreis in kaart en plan een verbetering",
        "Wijs een eigenaar aan",
    ]
    assert shown.notes == (
        "Contacten per klant of contacten meer dan 25% gestegen; top 10 klantreizen die alleen "
        "geïnventariseerd zijn en geen verbetering hebben; KPI's die van hun doel af bewegen; "
        "reviews te laat op 1 jun 2025; klantreizen zonder eigenaar; KPI's zonder nulmeting",
        "KPI's: metingen tot en met 30 jun 2025",
    )


def test_no_alerts_say_nothing_here() -> None:
    given = prepared()
    quiet = replace(given, journeys=(), ranking=replace(given.ranking, journeys=[]))
    shown = alerts_view(alerts_report(quiet), "nl")
    assert (shown.table.rows, shown.table.empty) == ((), "Niets te melden.")
    assert shown.journeys == ()
    assert [f.value for f in shown.figures] == ["0"] * 8
    assert {f.tone for f in shown.figures} == {"good"}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_report_and_the_pages_show_the_same_cells(lang: Lang) -> None:
    report = alerts_report(prepared())
    expected = [view_rows(table) for table in alerts_view(report, lang).tables]
    assert markdown_tables(as_markdown(report, lang)) == expected
    assert markdown_tables(pages(lang)["alerts.md"]) == expected
    html = pages(lang)["alerts.html"]
    assert html_tables(html) == expected
    assert '<tr id="i-pay-my-bill">' in html


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_journey_map_and_its_card_show_its_alerts_from_the_same_records(lang: Lang) -> None:
    shown = alerts_view(alerts_report(prepared()), lang)
    site = pages(lang)
    for journey in shown.journeys:
        page = site[f"{journey.link}.html"]
        markdown = site[f"{journey.link}.md"]
        for line in journey.signals:
            assert (
                f'<li><span class="signal">{line.text}</span> '
                f'<span class="action">{line.action}</span></li>'
            ) in page.replace("&#39;", "'")
            assert f"- **{line.text}**: {line.action}" in markdown
        assert f'href="../alerts.html#{journey.journey}" title="{journey.badge}">' in page
        assert (
            f'<a class="alerts" href="alerts.html#{journey.journey}" title="{journey.badge}" '
            f'aria-label="{journey.badge}">{journey.count}</a>'
        ) in site["index.html"]
    quiet = site["journeys/i-move-house.html"]
    assert 'class="journey-alerts"' not in quiet
    assert (
        "## " + ("Alerts" if lang == "en" else "Signalen") not in (site["journeys/i-move-house.md"])
    )


def test_a_journey_without_an_owner_shows_a_dash_for_it() -> None:
    given = prepared()
    journeys = tuple(
        j.model_copy(update={"owner": None}) if j.id == "i-move-house" else j
        for j in given.journeys
    )
    shown = alerts_view(alerts_report(replace(given, journeys=journeys)), "en")
    moving = shown.of("i-move-house")
    assert moving is not None
    assert (moving.owner, [s.text for s in moving.signals]) == ("-", ["Without an owner"])
    assert shown.journeys[-1] == moving  # not ranked: last
