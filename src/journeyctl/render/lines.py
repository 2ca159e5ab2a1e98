"""The lines of a view made of spans (`journeyctl.views.diff`) in HTML and in Markdown.

A span is the tool's words, the user's text, or code (an id, a revision, a command); strong
or not; and it may name a page (a journey's map). HTML escapes everything (Markupsafe) and
writes `<strong>`, `<code>` and links; Markdown is `journeyctl.text.markdown.md_spans`, as
every Markdown output writes a line.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from journeyctl.text.markdown import md_spans
from journeyctl.views.diff import Line


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
    """`**[Ik verhuis](journeys/x.md)** (…): changed`: the line in Markdown, each page it
    names linked from `root` (the folder of the pages, seen from this one)."""
    return md_spans(line, root)
