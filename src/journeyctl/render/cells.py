"""A view's cell as a page writes it: an HTML table cell (`td`) or a Markdown one (`md_of`).

Filters of the templates, in Python: a page of thousands of rows writes a cell many times,
and a filter is one step of the sandbox's budget where a macro is several. Both write what
the cell says and nothing else (`journeyctl.views.cells`): the text, escaped; a link to the
journey page it names; its mark; the line below it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from journeyctl.text.markdown import md_cell
from journeyctl.views.cells import MISSING, PARTS, Cell


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
    if cell.parts:
        return Markup("<br>".join(html_of(part, root) for part in cell.parts))
    text = _escaped(cell.text)
    if cell.link:
        text = f'<a href="{_escaped(_href(cell.link, root, ".html"))}">{text}</a>'
    if cell.mark:
        text += (" " if cell.mark == MISSING else "") + mark(cell.mark)
    if cell.below:
        text += f'<div class="meta">{_escaped(cell.below)}</div>'
    return Markup(text)


def _escaped(value: object) -> str:
    """`value` escaped, as plain text to join with the cell's markup: a page of thousands of
    cells writes them with f-strings, not with Markup's formatter (ten times the time)."""
    return str(escape(value))


def _href(link: str, root: str, suffix: str) -> str:
    """`journeys/x` -> `journeys/x.html`; `improvements#x` -> `improvements.html#x`."""
    page, hash_, anchor = link.partition("#")
    return f"{root}{page}{suffix}{hash_}{anchor}"


def mark(text: str) -> Markup:
    """A figure's mark (`~` estimated): `<span class="est">~</span>`, nothing without one."""
    return Markup(f'<span class="est">{_escaped(text)}</span>') if text else Markup("")


def md_of(cell: Cell, root: str = "") -> str:
    """The cell in a Markdown table: `[X](journeys/x.md) *`, the line below in brackets."""
    if cell.parts:
        return PARTS.join(md_of(part, root) for part in cell.parts)
    text = md_cell(cell.text)
    if cell.link:
        text = f"[{text}]({_href(cell.link, root, '.md')})"
    if cell.mark:
        text += (" " if cell.mark == MISSING else "") + md_cell(cell.mark)
    if cell.below:
        text += f" ({md_cell(cell.below)})"
    return text
