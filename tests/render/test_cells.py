"""A view's cell written as HTML and as Markdown: each piece once, escaped once."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.render.cells import html_of, mark, md_of, td
from journeyctl.views.cells import MISSING, Cell
from tests.render.conftest import render_tree, site

__all__ = ["render_tree"]

CASES = [
    (Cell("A & B"), "A &amp; B", "A &amp; B"),
    (
        Cell("A & B", link="journeys/a-b", mark="~", below="<2 days"),
        '<a href="journeys/a-b.html">A &amp; B</a> <span class="est">~</span>'
        '<div class="meta">&lt;2 days</div>',
        r"[A &amp; B](journeys/a-b.md) \~ (&lt;2 days)",
    ),
    (Cell("16,900", mark="~"), '16,900<span class="est">~</span>', r"16,900\~"),
    (Cell("12", mark=MISSING), f'12 <span class="est">{MISSING}</span>', rf"12 \{MISSING}"),
    (
        Cell("x|y", link="improvements#i-1"),
        '<a href="improvements.html#i-1">x|y</a>',
        r"[x\|y](improvements.md#i-1)",
    ),
    (
        Cell("", parts=(Cell("a", link="journeys/a"), Cell("b <c>"))),
        '<a href="journeys/a.html">a</a><br>b &lt;c&gt;',
        "[a](journeys/a.md); b &lt;c&gt;",
    ),
]


@pytest.mark.parametrize(("cell", "html", "markdown"), CASES)
def test_a_cell_is_written_once_in_each_syntax(cell: Cell, html: str, markdown: str) -> None:
    assert str(html_of(cell)) == html
    assert md_of(cell) == markdown


def test_links_start_from_the_root_of_the_page() -> None:
    cell = Cell("a", link="journeys/a")
    assert str(html_of(cell, root="../")) == '<a href="../journeys/a.html">a</a>'
    assert md_of(cell, root="../") == "[a](../journeys/a.md)"


def test_a_stacked_cell_writes_each_part_as_a_block() -> None:
    cell = Cell("", parts=(Cell("one & two"), Cell("three", link="journeys/c")))
    assert str(td(cell, root="../", stacked=True)) == (
        '<td><div class="part">one &amp; two</div>'
        '<div class="part"><a href="../journeys/c.html">three</a></div></td>'
    )


def test_a_figure_without_a_mark_has_nothing_after_it() -> None:
    assert (str(mark("~")), str(mark(""))) == ('<span class="est">~</span>', "")


def test_the_table_cell_carries_its_alignment_and_tone() -> None:
    assert str(td(Cell("3", tone="bad"), numeric=True)) == '<td class="num bad">3</td>'
    assert str(td(Cell("a"))) == "<td>a</td>"
    assert str(td(Cell("", parts=(Cell("a"), Cell("b"))))) == "<td>a<br>b</td>"


@pytest.mark.slow
def test_a_journey_missing_a_criterion_is_linked_and_marked_on_the_ranking(
    render_tree: Path,
) -> None:
    journey = render_tree / "being/billing/i-pay-my-bill.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(text.replace("criteria: {strategic: 3}\n", ""), encoding="utf-8")
    pages = site(render_tree, formats=("html", "md"))
    assert (
        '<td><a href="journeys/i-pay-my-bill.html">I pay my bill</a> <span class="est">*</span></td>'
        in pages["ranking.html"]
    )
    assert r"| [I pay my bill](journeys/i-pay-my-bill.md) \* |" in pages["ranking.md"]
