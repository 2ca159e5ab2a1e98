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
from journeyctl.views.kpis import kpi_line, kpis_view
from tests.views.conftest import pages, prepared
from tests.views.tables import markdown_tables, view_rows


def test_the_view_whole() -> None:
    shown = kpis_view(kpis_report(prepared()), "en")
    assert shown.table.title == "KPIs since the baseline, measurements up to 31 Dec 2025"
    assert shown.table.headers == (
        "#", "Journey", "KPI", "Baseline", "Latest", "Measured", "Target", "Since baseline",
        "Trend",
    )  # fmt: skip
    assert shown.table.numeric == (True, False, False, True, True, False, True, False, False)
    assert shown.table.rows == (
        (
            Cell("1"),
            Cell("I pay my bill", link="journeys/i-pay-my-bill"),
            Cell("Net Promoter Score"),
            Cell("-10"),
            Cell("12"),
            Cell("31 Dec 2025"),
            Cell("20"),
            Cell("improved", tone="good"),
            Cell("better", tone="good"),
        ),
        (
            # The journey once, above its KPIs; the three values share their decimals.
            Cell(""),
            Cell(""),
            Cell("Contacts per customer"),
            Cell("0.18"),
            Cell("0.20"),
            Cell("31 Dec 2025"),
            Cell("0.10"),
            Cell("declined", tone="bad"),
            Cell("worse", tone="bad"),
        ),
    )
    assert shown.tables == (shown.table,)
    assert shown.notes == (
        "2 KPIs: 1 improved since the baseline, 1 declined, 0 unchanged, 0 not measured yet; "
        "0 target reached",
        "#: the rank in the ranking of 2025",
    )
    assert shown.figures == (
        Figure("2", "KPIs tracked"),
        Figure("1", "improved since the baseline", "good"),
        Figure("1", "declined since the baseline", "bad"),
        Figure("0", "target reached", "good"),
        Figure("0", "not measured yet"),
    )
    [journey] = shown.journeys
    assert (journey.name, journey.link, journey.rank) == (
        "I pay my bill",
        "journeys/i-pay-my-bill",
        "1",
    )
    assert [line.name for line in journey.lines] == ["Net Promoter Score", "Contacts per customer"]


def test_without_a_last_day_or_a_period_the_title_and_notes_say_less() -> None:
    report = replace(kpis_report(prepared()), measured_until=None, period=None)
    shown = kpis_view(report, "en")
    assert shown.table.title == "KPIs since the baseline"
    assert shown.notes[1:] == ()
    with_as_of = kpis_view(replace(report, as_of=date(2025, 6, 30), period="2025"), "en")
    assert with_as_of.notes[1:] == (
        "#: the rank in the ranking of 2025",
        "Measurements after the end of 2025 are left out",
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
    assert (bare.change, bare.change_key, bare.trend, bare.trend_key) == (NONE, "none", NONE, "")


@pytest.mark.parametrize(
    ("change", "trend", "tones"),
    [
        ("improved", "improving", ("good", "good")),
        ("declined", "worsening", ("bad", "bad")),
        ("unchanged", "steady", ("", "")),
    ],
)
def test_the_tones_follow_the_words(change: str, trend: str, tones: tuple[str, str]) -> None:
    line = kpi_line(row([1.0, 2.0], change=change, trend=trend), "en")
    assert (line.change_tone, line.trend_tone) == tones
    assert (line.change_key, line.trend_key) == (change, trend)


def test_a_reached_target_is_said_beside_it() -> None:
    report = kpis_report(prepared())
    reached = replace(report, rows=(replace(report.rows[0], target_reached=True),))
    [cells] = kpis_view(reached, "nl").table.rows
    assert cells[6] == Cell("20 gehaald", tone="good")


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
