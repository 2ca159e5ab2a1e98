"""Remake the screenshots in docs/ from the example (not a test; run it after a change to the
pages, then look at them):

    python -m tests.render.screenshots

Headless Chromium (Debian's package) draws the index, a journey map, the ranking and the
alerts page at 1600 pixels wide, and the journey map printed on A4 landscape as a PDF.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from journeyctl.framework import check
from journeyctl.render import RenderOptions, environment, plan_site, render_page
from journeyctl.write import write_under
from tests.conftest import REPO_ROOT
from tests.render.tools import CHROMIUM, CHROMIUM_ARGS

DOCS = REPO_ROOT / "docs"
TODAY = date(2026, 1, 15)
SHOTS = {
    "render-index.png": "index.html",
    "render-journey-map.png": "journeys/ik-geef-mijn-meterstand-door.html",
    "render-ranking.png": "ranking.html",
    "render-alerts.png": "alerts.html",
}


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        tree = check(REPO_ROOT / "journeys", today=TODAY)
        env = environment(None)
        for page in plan_site(
            tree.framework, tree.journeys, tree.improvements, RenderOptions(today=TODAY)
        ):
            write_under(site, page.path, render_page(env, page))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1600, "height": 1000})
            for name, path in SHOTS.items():
                tab.goto((site / path).as_uri())
                tab.screenshot(path=str(DOCS / name), full_page=True)
            tab.goto((site / SHOTS["render-journey-map.png"]).as_uri())
            pdf = tab.pdf(format="A4", landscape=True, print_background=True)
            (DOCS / "render-journey-map-a4.pdf").write_bytes(pdf)
            browser.close()


if __name__ == "__main__":
    main()
