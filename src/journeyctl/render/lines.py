"""The lines of a view made of spans (`journeyctl.views.diff`) in HTML and in Markdown.

A span is the tool's words, the user's text, or code (an id, a revision, a command); strong
or not; and it may name a page (a journey's map). HTML escapes everything (Markupsafe) and
writes `<strong>`, `<code>` and links; Markdown escapes the user's text (`md_text`) and
writes `**`, backticks and links.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from journeyctl.render.markdown import md_text, one_line
from journeyctl.views.diff import Line, Span


def html_line(line: Line, root: str = "", ext: str = "html") -> Markup:
    """`<strong><a href="journeys/x.html">Ik verhuis</a></strong> (…): changed`."""
    out = Markup("")
    for span in line:
        text: Markup = escape(span.text)
        if span.kind == "code":
            text = Markup("<code>{}</code>").format(text)
        if span.link:
            text = Markup('<a href="{}{}.{}">{}</a>').format(root, span.link, ext, text)
        if span.strong:
            text = Markup("<strong>{}</strong>").format(text)
        out += text
    return out


def md_line(line: Line, root: str = "") -> str:
    """`**[Ik verhuis](journeys/x.md)** (…): changed`, the user's text escaped; a run of
    strong spans between one pair of `**`."""
    out: list[str] = []
    strong = False
    for span in line:
        if span.strong != strong:
            out.append("**")
            strong = span.strong
        out.append(_md_span(span, root))
    if strong:
        out.append("**")
    return "".join(out)


def _md_span(span: Span, root: str) -> str:
    if span.kind == "code":
        flat = one_line(span.text)
        text = md_text(flat) if "`" in flat else f"`{flat}`"
    elif span.kind == "text":
        text = md_text(span.text)
    else:
        text = span.text
    return f"[{text}]({root}{span.link}.md)" if span.link else text
