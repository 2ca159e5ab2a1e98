"""The KPIs page: one view for the terminal, its Markdown, the KPIs page and the map's tiles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from journeyctl.formats.reports import as_markdown
from journeyctl.reports import KpiRow, kpis_report
from journeyctl.reports.kpis import KpiPoint
from journeyctl.text import Lang
from journeyctl.views.cells import NONE, Cell, Figure
from journeyctl.views.kpis import ChartPoint, kpi_line, kpis_view
from tests.views.conftest import pages, prepared
from tests.views.tables import markdown_tables, view_rows


def test_the_view_whole() -> None:
    shown = kpis_view(kpis_report(prepared()), "en")
    assert shown.table.title == "KPIs against their target, measurements up to 31 Dec 2025"
    assert shown.table.headers == (
        "#", "Journey", "KPI", "Baseline", "Latest", "Since previous", "Target",
        "Progress to target", "Track",
    )  # fmt: skip
    assert shown.table.numeric == (True, False, False, True, True, True, True, True, False)
    assert shown.table.rows == (
        (
            Cell("1"),
            Cell("I pay my bill", link="journeys/i-pay-my-bill"),
            Cell("Net Promoter Score"),
            Cell("-10"),
            Cell("12", below="31 Dec 2025"),
            Cell("+7"),
            Cell("20"),
            Cell("73%"),  # (12 - -10) / (20 - -10) of the way
            Cell("on track", tone="good"),
        ),
        (
            # The journey once, above its KPIs; the values share their decimals. Lower is
            # better: 0.18 to 0.20 went the wrong way, a negative share of the way to 0.10.
            Cell(""),
            Cell(""),
            Cell("Contacts per customer"),
            Cell("0.18"),
            Cell("0.20", below="31 Dec 2025"),
            Cell("+0.02"),
            Cell("0.10"),
            Cell("-25%"),
            Cell("off track", tone="bad"),
        ),
    )
    assert shown.tables == (shown.table,)
    assert shown.notes == (
        "2 KPIs: 1 on track (of which 0 reached the target), 1 off track, 0 measured without a "
        "target, 0 not measured yet (a baseline at most); 0 stale (last measured before "
        "15 Jul 2025); 3 journeys without any KPI",
        "#: the rank in the ranking of 2025",
    )
    assert shown.figures == (
        Figure("2", "KPIs tracked"),
        Figure(
            "1",
            "on track (0 of them at the target, the others better than the baseline and not "
            "sliding back)",
            "good",
        ),
        Figure("1", "off track", "bad"),
        Figure("0", "measured without a target"),
        Figure("0", "not measured yet (a baseline at most)"),
        Figure("0", "stale: last measured before 15 Jul 2025"),
        Figure("3", "journeys without any KPI", "bad"),
    )
    [journey] = shown.journeys
    assert (journey.name, journey.link, journey.rank) == (
        "I pay my bill",
        "journeys/i-pay-my-bill",
        "1",
    )
    assert [line.name for line in journey.lines] == ["Net Promoter Score", "Contacts per customer"]


def test_a_stale_measurement_is_said_below_its_day_in_red() -> None:
    """Both KPIs marked stale (the report decides that: tests/reports/test_kpis.py)."""
    report = kpis_report(prepared())
    rows = tuple(replace(row, stale=True) for row in report.rows)
    shown = kpis_view(replace(report, rows=rows), "nl")
    assert shown.table.rows[0][4] == Cell("12", below="31 dec 2025 verouderd", tone="bad")
    assert shown.journeys[0].lines[0].stale == "verouderd"
    assert shown.figures[5].tone == "bad"


def test_without_a_last_day_or_a_period_the_title_and_notes_say_less() -> None:
    report = replace(kpis_report(prepared()), measured_until=None, period=None)
    shown = kpis_view(report, "en")
    assert shown.table.title == "KPIs against their target"
    assert shown.notes[1:] == ()
    with_as_of = kpis_view(replace(report, as_of=date(2025, 6, 30), period="2025"), "en")
    assert with_as_of.notes[1:] == (
        "#: the rank in the ranking of 2025",
        "Measurements after the end of 2025 are left out, a baseline too",
    )


def test_no_kpis_says_so() -> None:
    shown = kpis_view(replace(kpis_report(prepared()), rows=()), "nl")
    assert (shown.table.rows, shown.journeys) == ((), ())
    assert shown.table.empty == "Nog geen KPI's gemeten."


def row(values: list[float], **fields: object) -> KpiRow:
    first = kpis_report(prepared()).rows[0]
    points = tuple(KpiPoint(date(2025, 1, 1 + i), v) for i, v in enumerate(values))
    return replace(first, points=points, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("values", "arrow"),
    [([], ""), ([1.0], ""), ([1.0, 2.0], "▲"), ([2.0, 1.0], "▼"), ([3.0, 1.0, 1.0], "→")],
)
def test_the_arrow_of_the_last_move(values: list[float], arrow: str) -> None:
    assert kpi_line(row(values), "en").arrow == arrow


def test_the_decimals_are_those_of_every_value_and_point() -> None:
    line = kpi_line(row([1.0, 2.125], baseline=1.0, latest=2.0, target=3.5), "nl")
    assert (line.baseline, line.latest, line.target) == ("1,00", "2,00", "3,50")
    bare = kpi_line(row([], baseline=None, latest=None, target=None, change=None, trend=None), "en")
    assert (bare.baseline, bare.latest, bare.target) == (NONE, NONE, NONE)
    assert (bare.trend, bare.trend_key) == (NONE, "")


@pytest.mark.parametrize(
    ("trend", "said"),
    [("improving", "better"), ("worsening", "worse"), ("steady", "steady")],
)
def test_the_last_move_in_words(trend: str, said: str) -> None:
    line = kpi_line(row([1.0, 2.0], trend=trend), "en")
    assert (line.trend, line.trend_key) == (said, trend)


@pytest.mark.parametrize(
    ("fields", "track", "tone", "key"),
    [
        ({"on_track": True, "target_reached": True}, "doel gehaald", "good", "reached"),
        ({"on_track": True, "target_reached": False}, "op koers", "good", "on"),
        ({"on_track": False, "target_reached": False}, "uit koers", "bad", "off"),
        ({"on_track": None, "target_reached": None}, NONE, "", "none"),
    ],
)
def test_the_track_in_words(fields: dict[str, object], track: str, tone: str, key: str) -> None:
    line = kpi_line(row([1.0, 2.0], **fields), "nl")
    assert (line.track, line.track_tone, line.track_key) == (track, tone, key)


@pytest.mark.parametrize(
    ("since", "progress", "shown"),
    # One decimal, as the points (2.5) need.
    [(2.0, 0.5, ("+2.0", "50%")), (-0.5, -0.25, ("-0.5", "-25%")), (0.0, 0.0, ("+0.0", "0%"))],
)
def test_the_last_move_is_signed_and_the_way_a_share(
    since: float, progress: float, shown: tuple[str, str]
) -> None:
    line = kpi_line(row([1.0, 2.5], since_previous=since, progress=progress), "en")
    assert (line.since_previous, line.progress) == shown


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_report_and_the_markdown_page_show_the_same_cells(lang: Lang) -> None:
    shown = kpis_view(kpis_report(prepared()), lang)
    expected = [view_rows(shown.table)]
    assert markdown_tables(as_markdown(kpis_report(prepared()), lang)) == expected
    assert markdown_tables(pages(lang)["kpis.md"]) == expected


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_tiles_of_the_page_show_the_lines_numbers(lang: Lang) -> None:
    shown = kpis_view(kpis_report(prepared()), lang)
    page = pages(lang)["kpis.html"]
    for line in shown.journeys[0].lines:
        tile = page[page.index(f'<div class="name">{line.name}</div>') :]
        tile = tile[: tile.index("</dl>")]
        assert f'<div class="latest">{line.latest} <span' in tile
        assert f"<dd>{line.baseline} (" in tile
        assert f"<dt>{_target(lang)}</dt><dd>{line.target}</dd>" in tile


def _target(lang: Lang) -> str:
    return "Target" if lang == "en" else "Doel"


def test_the_points_of_a_chart_are_dated_in_the_language_and_unformatted() -> None:
    base = row([0.18, 0.2], target=0.1)
    line = kpi_line(replace(base, points=(KpiPoint(date(2025, 1, 1), 0.18, baseline=True),
                                          KpiPoint(date(2025, 12, 31), 0.2))), "nl")  # fmt: skip
    assert line.points == (
        ChartPoint("1 jan 2025", 0.18, baseline=True),
        ChartPoint("31 dec 2025", 0.2, baseline=False),
    )
    assert line.target_value == 0.1
    assert kpi_line(row([], target=None), "en").target_value is None


def test_the_kinds_of_kpi_add_up_to_the_kpis_tracked() -> None:
    """Each KPI is one kind: on track (a target reached among them), off track, measured
    without a target, or not measured; the summary and the page's figures add them up to
    the KPIs tracked, and say the targets reached as part of those on track, not beside."""
    first = kpis_report(prepared()).rows[0]
    kinds = [
        replace(first, on_track=True, target_reached=True),
        replace(first, on_track=True, target_reached=False),
        replace(first, on_track=False, target_reached=False),
        replace(first, on_track=None, target_reached=None, target=None),  # measured
        replace(first, on_track=None, target_reached=None, latest=None, latest_date=None),
    ]
    report = replace(kpis_report(prepared()), rows=tuple(kinds))
    shown = kpis_view(report, "nl")
    assert shown.notes[0] == (
        "5 KPI's: 2 op koers (waarvan 1 met het doel gehaald), 1 uit koers, 1 gemeten zonder "
        "doel, 1 nog niet gemeten (hooguit een nulmeting); 0 verouderd (laatst gemeten vóór "
        "15 jul 2025); 3 klantreizen zonder KPI"
    )
    tracked, *kinds_shown = shown.figures[:5]
    assert [f.value for f in (tracked, *kinds_shown)] == ["5", "2", "1", "1", "1"]
    assert [f.caption for f in kinds_shown] == [
        "op koers (waarvan 1 met het doel gehaald, de andere beter dan de nulmeting en niet "
        "terugzakkend)",
        "uit koers",
        "gemeten zonder doel",
        "nog niet gemeten (hooguit een nulmeting)",
    ]
    # No figure counts the targets reached on its own beside those on track.
    assert [f for f in shown.figures if f.caption == "doel gehaald"] == []


def test_the_share_of_the_way_is_headed_progress_to_target() -> None:
    """Not "Of the way" / "Van de weg" (which read as "off the road"): the column is how far
    the latest value has come from the baseline to the target."""
    report = kpis_report(prepared())
    assert kpis_view(report, "en").table.headers[7] == "Progress to target"
    assert kpis_view(report, "nl").table.headers[7] == "Voortgang naar doel"
