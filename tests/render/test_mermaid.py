"""The Mermaid `journey` diagram of every journey map parses with Mermaid's own parser
(the npm package, run in headless Chromium): the example's, the small tree's, and one with
every character Mermaid reads as syntax in its names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT
from tests.render.conftest import render_tree, site
from tests.render.tools import CHROMIUM, CHROMIUM_ARGS, MERMAID, require_mermaid

__all__ = ["render_tree"]

# Slow (Chromium): left out of the quick suite.
pytestmark = pytest.mark.slow

DIAGRAM = re.compile(r"```mermaid\n(.*?)```", re.S)


@pytest.fixture(scope="module")
def mermaid() -> Iterator[Any]:
    """A blank page with Mermaid loaded; `parse(text)` is Mermaid's own check of a diagram."""
    require_mermaid()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route(re.compile(r"^(?!file:|about:).*"), lambda route: route.abort())
        page.add_script_tag(path=str(MERMAID))
        yield page
        browser.close()


def parse(page: Any, diagram: str) -> str:
    """ "ok", or Mermaid's error message."""
    return str(
        page.evaluate(
            "async text => { try { await mermaid.parse(text); return 'ok'; }"
            " catch (e) { return String(e.message || e); } }",
            diagram,
        )
    )


def drawn(page: Any, diagram: str) -> list[str]:
    """The texts of the diagram as Mermaid draws it (its SVG's text, entities decoded)."""
    return list(
        page.evaluate(
            "async text => { const {svg} = await mermaid.render('drawn', text);"
            " const box = document.createElement('div'); box.innerHTML = svg;"
            " return [...box.querySelectorAll('text, tspan')].map(e => e.textContent); }",
            diagram,
        )
    )


def diagrams(pages: dict[str, str]) -> dict[str, str]:
    found = {}
    for path, text in pages.items():
        for block in DIAGRAM.findall(text):
            found[path] = block
    return found


def test_the_parser_refuses_what_mermaid_forbids(mermaid: Any) -> None:
    # Without the escaping a task name with `;` or `#` breaks the diagram: the test can fail.
    assert parse(mermaid, "journey\n  title t\n  section s\n    a; b: 3: Me\n") != "ok"
    assert parse(mermaid, "journey\n  title t\n  section s\n    a #b: 3: Me\n") != "ok"
    assert parse(mermaid, "journey\n  title t\n  section s\n    task: 3: Me\n") == "ok"


def test_every_journey_map_of_the_example_parses(mermaid: Any) -> None:
    found = diagrams(site(REPO_ROOT / "journeys", formats=("md",)))
    assert len(found) == 7  # the mapped journeys of the example
    for path, diagram in found.items():
        assert parse(mermaid, diagram) == "ok", path


def test_names_full_of_mermaid_syntax_still_parse(mermaid: Any, render_tree: Path) -> None:
    journey = render_tree / "being/billing/i-pay-my-bill.yaml"
    text = journey.read_text(encoding="utf-8")
    text = text.replace("name: I pay my bill", "name: 'Pay: now; #1, 100%% <b>'")
    text = text.replace("name: I pay\n", "name: 'Pay: the amount; #2, 50% off'\n")
    text = text.replace("stage: Paying", "stage: 'Pay: #3; done'")
    journey.write_text(text, encoding="utf-8")
    (diagram,) = diagrams(site(render_tree, formats=("md",))).values()
    assert parse(mermaid, diagram) == "ok", diagram
    assert "Pay#58; the amount#59; #35;2#44; 50#37; off: 5: Website, Phone" in diagram
    # Drawn, each name shows its own characters, not look-alikes that a font may lack.
    texts = drawn(mermaid, diagram)
    assert "Pay: the amount; #2, 50% off" in texts
    assert "Pay: #3; done" in texts
    assert "Pay: now; #1, 100%% <b>" in texts
