"""User text in GitHub-flavoured Markdown and in Mermaid diagrams, kept as text: the one
escaper of every Markdown output (`rank`, `report`, `diff`, `validate`'s job summary, the
pages `render` writes).

- `md_text`: text in a paragraph, list item or heading: Markdown's punctuation is escaped
  with a backslash and `<`, `>`, `&` become entities, so a name can neither format, link nor
  inject HTML; line breaks become spaces (one line, one item).
- `md_cell`: the same, for a table cell, where `|` would end the cell.
- `md_code`: an id, a revision or a command as a code span, shown literally.
- `md_spans`: a line of spans (the tool's words, the user's text, code; strong or not; a
  link to a page or not) as one line of Markdown.
- `mermaid_text`: a task, section, title or actor of a Mermaid `journey` diagram. Mermaid
  reads `:` as the separator of a task's score, `;` as the end of a statement, `#` as the
  start of an entity and `,` as the separator of actors, and `%%` as a comment: each is
  written as Mermaid's entity code (`#58;` for `:`), which the diagram shows as the character
  itself, not as a look-alike that a font may lack. So are `<` and `>`, which Mermaid would
  drop as a tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from journeyctl.text import safe

_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
# Punctuation that means something anywhere in a line of GitHub's Markdown...
_INLINE = re.compile(r"([\\`*_\[\]|~])")
# ...and what means something only at the start of one (a heading, a list, a rule).
_LINE_START = re.compile(r"^(?:#{1,6}|[+\-]|[0-9]{1,9}[.)])(?=\s|$)|^[=\-]+$")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

# Mermaid's syntax characters as its entity codes (`#58;`): Mermaid shows each as the
# character itself. `#` first of all, so that a name's own `#1;` stays text.
_MERMAID = {char: f"#{ord(char)};" for char in "#:;,%<>"}


def one_line(text: str) -> str:
    """Line breaks as one space, ends trimmed, every other unsafe character (a control, a
    bidi override) shown as its escape, as the terminal shows it."""
    return safe.one_line(_LINE_BREAKS.sub(" ", text).strip())


def md_text(text: object) -> str:
    """Text for a Markdown paragraph, list item or heading: shown as written, never as markup."""
    escaped = _INLINE.sub(r"\\\1", one_line(str(text)))
    escaped = _LINE_START.sub(lambda match: _escape_last(match.group(0)), escaped)
    return _entities(escaped)


def _escape_last(marker: str) -> str:
    """`1.` -> `1\\.`, `#` -> `\\#`: the marker's last character escaped."""
    return marker[:-1] + "\\" + marker[-1]


def md_cell(text: object) -> str:
    """Text for a Markdown table cell: `md_text`'s inline escapes, whose `\\|` keeps a `|`
    inside the cell; what would start a heading or a list at the start of a line is only
    text inside a cell, so a cell of `-` stays `-`."""
    return _entities(_INLINE.sub(r"\\\1", one_line(str(text))))


def _entities(text: str) -> str:
    return "".join(_ENTITIES.get(char, char) for char in text)


def md_code(text: str) -> str:
    """An id as a code span, whose content Markdown shows literally, unless it holds a
    backtick (then escaped text)."""
    flat = one_line(text)
    return md_text(flat) if "`" in flat else f"`{flat}`"


class Span(Protocol):
    """A piece of a line: `kind` is "code", "text" (the user's) or anything else (the tool's
    own words, written as they are); `link` names a page ("" for none)."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def strong(self) -> bool: ...
    @property
    def link(self) -> str: ...


def md_spans(line: Iterable[Span], root: str | None = None) -> str:
    """`**[Ik verhuis](journeys/x.md)** (…): changed`, the user's text escaped; a run of
    strong spans between one pair of `**`. A span's page is linked as `<root><link>.md`
    where the output has pages (`root` given), else its text stands alone."""
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


def _md_span(span: Span, root: str | None) -> str:
    if span.kind == "code":
        text = md_code(span.text)
    elif span.kind == "text":
        text = md_text(span.text)
    else:
        text = span.text
    return f"[{text}]({root}{span.link}.md)" if span.link and root is not None else text


def mermaid_text(text: object) -> str:
    """Text for a Mermaid journey diagram: one line, without Mermaid's separators."""
    flat = one_line(str(text))
    safe = "".join(_MERMAID.get(char, char) for char in flat)
    return safe or "\u2013"
