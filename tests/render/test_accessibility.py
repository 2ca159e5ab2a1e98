"""Every page of the example, with the page `--since` adds, in headless Chromium: on a phone
(390 pixels) no page is wider than the screen, and axe-core finds no serious or critical
accessibility violation at 1280 and at 390 pixels; the layout holds at 390, 1280 and 1440.

Run with `-s` to see the figures: each page's width at 390 pixels and axe-core's summary.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journeyctl.diff import compare
from journeyctl.framework import check
from journeyctl.load import FileSystemSource
from journeyctl.render import RenderOptions, environment, plan_site, render_page
from journeyctl.write import write_under
from tests.render.conftest import MADE, TODAY, checked
from tests.render.test_browser import EXAMPLE, NINE_STEPS, Reader, browser
from tests.render.tools import AXE, require_axe

__all__ = ["browser"]  # the fixture: one Chromium for the module

# Slow (Chromium): left out of the quick suite.
pytestmark = pytest.mark.slow

PHONE, SCREEN, WIDE = 390, 1280, 1440
MOVED = "klant-zijn/wijzigen/ik-verhuis.yaml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's pages, with the changes since an older copy of it (a journey it did not
    have yet, other volumes of one it had)."""
    folder = tmp_path_factory.mktemp("accessibility")
    before = folder / "before"
    shutil.copytree(EXAMPLE, before)
    (before / "klant-zijn/verbruik/ik-geef-mijn-meterstand-door.yaml").unlink()
    journey = before / MOVED
    journey.write_text(
        journey.read_text(encoding="utf-8").replace("customers: 49800", "customers: 45000"),
        encoding="utf-8",
    )
    since = compare(check(FileSystemSource(before)), check(FileSystemSource(EXAMPLE)), "v1", None)
    tree = checked(EXAMPLE)
    files = {d.model.id: f"journeys/{d.file}" for d in tree.tree.journeys}
    options = RenderOptions(today=TODAY, made=MADE, since=since, files=files)
    out = folder / "site"
    env = environment(None)
    for page in plan_site(tree.framework, tree.journeys, tree.improvements, options):
        write_under(out, page.path, render_page(env, page))
    return out


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) == 8 + 40  # the index, six reports, the changes, the maps
    return found


@pytest.fixture
def tab(browser: Any) -> Iterator[Reader]:
    opened = Reader(browser)
    yield opened
    assert opened.errors == [], "console errors"
    assert opened.requests == [], "requests that left the page"
    opened.page.close()


WIDTH = """() => {
  const root = document.documentElement;
  const hidden = [root, document.body].map((e) => getComputedStyle(e).overflowX);
  return [root.scrollWidth, innerWidth, hidden];
}"""


def test_no_page_is_wider_than_a_phone(site: Path, tab: Reader) -> None:
    tab.page.set_viewport_size({"width": PHONE, "height": 800})
    widths = {}
    for path in pages(site):
        page = tab.open(path)
        width, screen, overflow = page.evaluate(WIDTH)
        widths[path.relative_to(site).as_posix()] = width
        # Not by hiding what sticks out: the page's own overflow stays visible.
        assert overflow == ["visible", "visible"], path
        assert width <= screen, f"{path.name} is {width}px wide on a {screen}px screen"
    print(f"\nwidth at {PHONE}px:", ", ".join(f"{p} {w}" for p, w in widths.items()))


@pytest.mark.parametrize("width", [SCREEN, PHONE])
def test_axe_finds_nothing_serious(site: Path, tab: Reader, width: int) -> None:
    require_axe()
    axe = AXE.read_text(encoding="utf-8")
    tab.page.set_viewport_size({"width": width, "height": 900})
    serious: dict[str, list[str]] = {}
    summary = []
    for path in pages(site):
        page = tab.open(path)
        page.add_script_tag(content=axe)
        found = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']}))"
            ".violations.map((v) => [v.id, v.impact, v.nodes.length])"
        )
        name = path.relative_to(site).as_posix()
        summary.append(f"{name}: {len(found)} violation(s) {found}" if found else f"{name}: 0")
        if bad := [
            f"{id_} ({nodes})" for id_, impact, nodes in found if impact in ("serious", "critical")
        ]:
            serious[name] = bad
    print(f"\naxe-core at {width}px:\n" + "\n".join(summary))
    assert serious == {}


HEADINGS = """() => {
  const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => +h.tagName[1]);
  return levels.filter((level, i) => level > (i ? levels[i - 1] : 0) + 1).length;
}"""


def test_no_heading_level_is_skipped(site: Path, tab: Reader) -> None:
    skipped = {p.name: n for p in pages(site) if (n := tab.open(p).evaluate(HEADINGS))}
    assert skipped == {}


SCROLLERS = """() => [...document.querySelectorAll("*")]
  .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "auto")
  .map((e) => [e.className, e.tabIndex, e.getAttribute("role"), e.getAttribute("aria-label")])"""


def test_what_scrolls_on_a_phone_is_reached_by_keyboard(site: Path, tab: Reader) -> None:
    tab.page.set_viewport_size({"width": PHONE, "height": 800})
    for name in ("ranking.html", "owners.html", "coverage.html", NINE_STEPS):
        scrollers = tab.open(site / name).evaluate(SCROLLERS)
        assert scrollers, name
        for css, tabindex, role, label in scrollers:
            assert (tabindex, role) == (0, "region") and label, (name, css)


def test_on_a_phone_phases_cards_and_summary_stack_in_one_column(site: Path, tab: Reader) -> None:
    tab.page.set_viewport_size({"width": PHONE, "height": 800})
    index = tab.open(site / "index.html")
    for selector in (".phase", ".card"):
        lefts = index.locator(selector).evaluate_all(
            "els => els.map(e => Math.round(e.getBoundingClientRect().left))"
        )
        assert len(set(lefts)) <= 2, selector  # a card inside a top card's border
    journey = tab.open(site / NINE_STEPS)
    panels = journey.locator(".summary > .panel").evaluate_all(
        "els => els.map(e => Math.round(e.getBoundingClientRect().left))"
    )
    assert len(panels) == 2 and panels[0] == panels[1]
    # The map scrolls in its own box, and says so.
    assert journey.locator(".scroll-hint").is_visible()


def test_on_a_wide_screen_cards_stay_in_their_phase(site: Path, tab: Reader) -> None:
    tab.page.set_viewport_size({"width": WIDE, "height": 900})
    outside = tab.open(site / "index.html").evaluate(
        """() => [...document.querySelectorAll(".card")].filter((card) => {
          const c = card.getBoundingClientRect();
          const p = card.closest(".phase").getBoundingClientRect();
          return c.left < p.left || c.right > p.right;
        }).length"""
    )
    assert outside == 0


def test_nine_steps_fit_a_wide_screen_and_a_narrower_one_scrolls_with_a_cue(
    site: Path, tab: Reader
) -> None:
    tab.page.set_viewport_size({"width": WIDE, "height": 900})
    page = tab.open(site / NINE_STEPS)
    scroller = page.locator(".map-scroll")
    assert scroller.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert not page.locator(".scroll-hint").is_visible()
    steps = page.locator("table.map tr.steps th.step").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width / 15)"
    )
    assert len(steps) == 9 and all(8 <= rem <= 10 for rem in steps)
    page.set_viewport_size({"width": SCREEN, "height": 900})
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.locator(".scroll-hint").is_visible()


def test_printed_on_a4_landscape_with_the_line_under_the_title(site: Path, tab: Reader) -> None:
    page = tab.open(site / NINE_STEPS)
    page.emulate_media(media="print")
    byline = page.locator(".byline").inner_text()
    assert byline == (
        "Eigenaar Eva de Boer · wordt verbeterd · positie 3 van 37 in 2025 · "
        "gemaakt 10 jan 2026, commit abc1234"
    )
    assert page.locator("footer").is_visible()  # the commit it was made from, printed too
    pdf = page.pdf(print_background=True, prefer_css_page_size=True)
    width, height = (float(x) for x in pdf_size(pdf))
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, as @page asks


def pdf_size(pdf: bytes) -> tuple[bytes, bytes]:
    import re

    found = re.search(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    assert found is not None
    return found.group(1), found.group(2)
