"""The example's pages in a real browser (headless Chromium): what a reader sees, on screen
and printed on A4 and A3 landscape; no console error, and no request leaves the page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journeyctl.render import RenderOptions, environment, plan_site, render_page
from journeyctl.write import write_under
from tests.conftest import REPO_ROOT
from tests.render.conftest import TODAY, checked
from tests.render.tools import CHROMIUM, CHROMIUM_ARGS, require_chromium

# Slow (Chromium): left out of the quick suite.
pytestmark = pytest.mark.slow

EXAMPLE = REPO_ROOT / "journeys"
MAPPED = "journeys/ik-geef-mijn-meterstand-door.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    tree = checked(EXAMPLE)
    env = environment(None)
    options = RenderOptions(today=TODAY)
    for page in plan_site(tree.framework, tree.journeys, tree.improvements, options):
        write_under(out, page.path, render_page(env, page))
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Reader:
    """A browser tab that opens pages from file:// and notes what should never happen."""

    def __init__(self, browser: Any, width: int = 1600) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 1000})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route(re.compile(r"^(?!file:).*"), self._refuse)

    def _refuse(self, route: Any) -> None:
        self.requests.append(route.request.url)
        route.abort()

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        return self.page


@pytest.fixture
def reader(browser: Any) -> Iterator[Reader]:
    opened = Reader(browser)
    yield opened
    assert opened.errors == [], "console errors"
    assert opened.requests == [], "requests that left the page"
    opened.page.close()


def test_the_journey_map(site: Path, reader: Reader) -> None:
    page = reader.open(site / MAPPED)
    assert page.title() == "Ik geef mijn meterstand door · Wadden Energie"
    assert page.locator("h1").inner_text().startswith("Ik geef mijn meterstand door")
    assert page.locator("table.map tr.steps th.step").count() == 6
    stages = page.locator("table.map tr.stages th:not(.lane)").all_inner_texts()
    assert stages == ["Uitnodiging", "Aflezen", "Doorgeven", "Controle"]
    # The curve: one point per step for the actual and the desired emotion, gaps shaded.
    assert page.locator("svg.curve .point.actual").count() == 6
    assert page.locator("svg.curve .point.desired").count() == 6
    assert page.locator("svg.curve polygon.gap").count() == 5
    # The points sit over their step columns.
    columns = page.locator("table.map tr.steps th.step").evaluate_all(
        "cells => cells.map(c => { const r = c.getBoundingClientRect(); return r.left + r.width / 2; })"
    )
    points = page.locator("svg.curve .point.actual").evaluate_all(
        "dots => dots.map(d => { const r = d.getBoundingClientRect(); return r.left + r.width / 2; })"
    )
    assert [round(x) for x in points] == pytest.approx([round(x) for x in columns], abs=2)
    assert page.locator(".tile").count() == 2


def test_the_index(site: Path, reader: Reader) -> None:
    page = reader.open(site / "index.html")
    assert page.title() == "Raamwerk · Wadden Energie"
    phases = page.locator(".phase > h2").all_inner_texts()
    assert phases == ["Geen klant", "Klant worden", "Klant zijn", "Klant blijven"]
    assert page.locator(".card").count() == 40
    assert page.locator(".card.top").count() == 10
    assert page.locator(".sequences li").count() > 0
    # Phase columns side by side, left to right.
    lefts = page.locator(".phase").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().left)"
    )
    assert lefts == sorted(lefts) and len(set(lefts)) == 4


def test_the_ranking(site: Path, reader: Reader) -> None:
    page = reader.open(site / "ranking.html")
    assert page.title() == "Prioritering · Wadden Energie"
    rows = page.locator("table.ranking tbody tr")
    assert rows.count() == 37
    assert rows.nth(0).locator("td").nth(2).inner_text() == "Ik ontvang mijn jaarafrekening"
    assert "De top 10 klantreizen zijn goed voor" in page.locator(".headline").inner_text()


def test_the_alerts(site: Path, reader: Reader) -> None:
    """A row per journey, each alert on a line of its own beside what to do about it."""
    page = reader.open(site / "alerts.html")
    assert page.title() == "Signalen · Wadden Energie"
    first = page.locator(".alerts table.data tbody tr").nth(0)
    assert first.get_attribute("id") == "ik-ontvang-mijn-terugleververgoeding"
    cells = first.locator("td")
    assert cells.nth(3).inner_text().splitlines() == [
        "Contacten per klant gestegen met 30%, van 0,33 naar 0,44",
        "Contacten gestegen met 64%, van 19.400 naar 31.800",
        "Topklantreis zonder aanpak",
    ]
    assert cells.nth(4).inner_text().splitlines() == [
        "Zoek uit waarom klanten vaker contact opnemen",
        "Zoek uit waar de extra contacten vandaan komen",
        "Breng de klantreis in kaart en plan een verbetering",
    ]


def test_a_cards_alerts_lead_to_its_row_and_its_map_lists_them(site: Path, reader: Reader) -> None:
    index = reader.open(site / "index.html")
    badge = index.locator('.card a.alerts[href="alerts.html#ik-ontvang-mijn-terugleververgoeding"]')
    assert (badge.inner_text(), badge.get_attribute("title")) == ("3", "Signalen: 3")
    journey = reader.open(site / "journeys" / "ik-ontvang-mijn-terugleververgoeding.html")
    assert journey.locator(".journey-alerts li").count() == 3


def test_every_link_leads_to_a_page_of_the_site(site: Path) -> None:
    """Every link leads to a page of the site, but the web addresses a journey lists (its
    links and tickets), which are the file's own and load nothing by themselves."""
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'src="http' not in html and "<script" not in html, path
        for target in re.findall(r'href="([^"#]+)', html):
            if target.startswith("https://") and target in listed_links(site, path):
                continue
            assert (path.parent / target).resolve().is_file(), (path, target)
    nav = re.findall(
        r'<nav class="pages".*?</nav>', (site / MAPPED).read_text(encoding="utf-8"), re.S
    )
    assert nav and nav[0].count("<a ") == 7


@pytest.mark.parametrize(("paper", "width_mm"), [("A4", 297), ("A3", 420)])
@pytest.mark.parametrize("path", ["index.html", MAPPED, "ranking.html", "alerts.html"])
def test_printed_on_landscape_paper_nothing_is_cut_off(
    site: Path, reader: Reader, paper: str, width_mm: int, path: str
) -> None:
    page = reader.open(site / path)
    page.emulate_media(media="print")
    # The printable width: the paper less the print stylesheet's margins (10 mm each side).
    printable = round((width_mm - 20) / 25.4 * 96)
    page.set_viewport_size({"width": printable, "height": 700})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} is {overflow}px too wide for {paper} landscape"
    if path == MAPPED:
        # The map prints first and whole on its page (the paper's height less the margins).
        printable_height = round(((210 if paper == "A4" else 297) - 20) / 25.4 * 96)
        box = page.locator(".map-block").bounding_box()
        assert box is not None and box["height"] <= printable_height
        assert page.locator(".map-block").evaluate(
            "e => e.previousElementSibling === null || getComputedStyle(e).order === '1'"
        )
    pdf = page.pdf(format=paper, landscape=True, print_background=True)
    assert pdf.startswith(b"%PDF")
    size = re.search(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    assert size is not None
    width, height = float(size.group(1)), float(size.group(2))
    assert width > height  # landscape
    assert width == pytest.approx(width_mm / 25.4 * 72, abs=2)


def listed_links(site: Path, page: Path) -> set[str]:
    """The web addresses of a journey map's links and tickets (the facts' last line)."""
    facts = re.findall(r'<dl class="facts">.*?</dl>', page.read_text(encoding="utf-8"), re.S)
    return set(re.findall(r'href="(https://[^"]+)"', facts[0])) if facts else set()


# The example's widest map: nine steps, with long Dutch words ("aansluitingenregister").
NINE_STEPS = "journeys/ik-verhuis.html"

# Every word of the map's cells whose letters land on more than one line: a word broken
# inside (the browser here has no hyphenation patterns, so any such break is mid-word).
# Words are split at spaces, hyphens and slashes, where a line may break.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("table.map th, table.map td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/[^\\s\\-\\u2010/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


def printable_px(mm: float) -> int:
    """Millimetres of paper less the print stylesheet's margins (10 mm each side), in CSS px."""
    return round((mm - 20) / 25.4 * 96)


@pytest.mark.parametrize(
    ("media", "width"),
    [
        ("screen", 1280),
        ("screen", 1600),
        ("print", printable_px(297)),
        ("print", printable_px(420)),
    ],
    ids=["screen-1280", "screen-1600", "print-A4", "print-A3"],
)
def test_no_map_breaks_a_word(site: Path, reader: Reader, media: str, width: int) -> None:
    maps = sorted((site / "journeys").glob("*.html"))
    assert len(maps) == 40
    broken = {}
    for path in maps:
        page = reader.open(path)
        page.emulate_media(media=media)
        page.set_viewport_size({"width": width, "height": 800})
        if words := page.evaluate(BROKEN_WORDS):
            broken[path.stem] = words
    assert broken == {}


def test_nine_steps_print_on_the_first_a4_page_with_the_title(site: Path, reader: Reader) -> None:
    page = reader.open(site / NINE_STEPS)
    assert page.locator("table.map tr.steps th.step").count() == 9
    page.emulate_media(media="print")
    page.set_viewport_size({"width": printable_px(297), "height": 700})
    bottom = page.locator(".map-block").evaluate("e => e.getBoundingClientRect().bottom")
    assert bottom <= printable_px(210)  # the title, the description and the map
    # Every lane and every step column is there, none cut off at the right.
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    # Page 1: the title and the map; page 2: the facts, the volumes and the KPIs.
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2


def test_a_long_map_scrolls_sideways_on_screen_with_its_lanes_in_view(
    site: Path, reader: Reader
) -> None:
    page = reader.open(site / NINE_STEPS)
    page.set_viewport_size({"width": 1280, "height": 900})
    scroller = page.locator(".map-scroll")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
    lane = page.locator("table.map th.lane").nth(2)
    before = lane.bounding_box()
    scroller.evaluate("e => { e.scrollLeft = 400; }")
    after = lane.bounding_box()
    assert before is not None and after is not None
    assert after["x"] == pytest.approx(before["x"], abs=1)  # the lane names stay in view
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
