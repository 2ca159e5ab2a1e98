"""A view's cell as a page writes it: an HTML table cell (`td`) or a Markdown one (`md_of`).

Filters of the templates, in Python: a page of thousands of rows writes a cell many times,
and a filter is one step of the sandbox's budget where a macro is several. Both write what
the cell says and nothing else (`journeyctl.views.cells`): the text, escaped; a link to the
journey page it names; its mark; the line below it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from journeyctl.render.escaping import escaped
from journeyctl.text.markdown import md_cell
from journeyctl.views.cells import PARTS, Cell


def td(cell: Cell, numeric: bool = False, root: str = "", stacked: bool = False) -> Markup:
    """`<td class="num bad"><a href="journeys/x.html">X</a> <span class="est">*</span></td>`"""
    classes = " ".join(c for c in ("num" if numeric else "", cell.tone) if c)
    opening = f'<td class="{_escaped(classes)}">' if classes else "<td>"
    return Markup(f"{opening}{html_of(cell, root, stacked)}</td>")


def html_of(cell: Cell, root: str = "", stacked: bool = False) -> Markup:
    """The cell's content as HTML, without the `td` around it; the parts of a cell that names
    several journeys one per line, those of a `stacked` column (sentences) one block each."""
    if cell.parts and stacked:
        return Markup(
            "".join(f'<div class="part">{html_of(part, root)}</div>' for part in cell.parts)
        )
    return Markup(_written(cell, root, _HTML))


def md_of(cell: Cell, root: str = "") -> str:
    """The cell in a Markdown table: `[X](journeys/x.md) *`, the line below in brackets."""
    return _written(cell, root, _MARKDOWN)


@dataclass(frozen=True)
class _Syntax:
    """How a page's language writes each piece of a cell."""

    text: Callable[[str], str]  # the text, escaped
    link: Callable[[str, str], str]  # the (escaped) text, the address -> a link
    suffix: str  # of a page's file: `journeys/x` -> `journeys/x.html`
    mark: Callable[[str], str]
    below: Callable[[str], str]  # the line below the text
    parts: str  # between the parts of a cell that names several journeys


def _written(cell: Cell, root: str, syntax: _Syntax) -> str:
    if cell.parts:
        return syntax.parts.join(_written(part, root, syntax) for part in cell.parts)
    text = syntax.text(cell.text)
    if cell.link:
        text = syntax.link(text, _href(cell.link, root, syntax.suffix))
    if cell.mark:
        text += cell.gap + syntax.mark(cell.mark)
    if cell.below:
        text += syntax.below(cell.below)
    return text


def _escaped(value: object) -> str:
    """`value` escaped, as plain text to join with the cell's markup: a page of thousands of
    cells writes them with f-strings, not with Markup's formatter (ten times the time)."""
    return escaped(value)


def _href(link: str, root: str, suffix: str) -> str:
    """`journeys/x` -> `journeys/x.html`; `improvements#x` -> `improvements.html#x`."""
    page, hash_, anchor = link.partition("#")
    return f"{root}{page}{suffix}{hash_}{anchor}"


def mark(text: str) -> Markup:
    """A figure's mark (`~` estimated): `<span class="est">~</span>`, nothing without one."""
    return Markup(f'<span class="est">{_escaped(text)}</span>') if text else Markup("")


_HTML = _Syntax(
    text=_escaped,
    link=lambda text, href: f'<a href="{_escaped(href)}">{text}</a>',
    suffix=".html",
    mark=lambda text: str(mark(text)),  # str: Markup's + would escape the text before it
    below=lambda text: f'<div class="meta">{_escaped(text)}</div>',
    parts="<br>",
)
_MARKDOWN = _Syntax(
    text=md_cell,
    link=lambda text, href: f"[{text}]({href})",
    suffix=".md",
    mark=md_cell,
    below=lambda text: f" ({md_cell(text)})",
    parts=PARTS,
)
