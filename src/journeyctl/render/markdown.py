"""User text in GitHub-flavoured Markdown and in Mermaid diagrams, kept as text.

- `md_text`: text in a paragraph, list item or heading: Markdown's punctuation is escaped
  with a backslash and `<`, `>`, `&` become entities, so a name can neither format, link nor
  inject HTML; line breaks become spaces (one line, one item).
- `md_cell`: the same, for a table cell, where `|` would end the cell.
- `mermaid_text`: a task, section, title or actor of a Mermaid `journey` diagram. Mermaid
  reads `:` as the separator of a task's score, `;` as the end of a statement, `#` as the
  start of an entity and `,` as the separator of actors, and `%%` as a comment: each is
  written as Mermaid's entity code (`#58;` for `:`), which the diagram shows as the character
  itself, not as a look-alike that a font may lack. So are `<` and `>`, which Mermaid would
  drop as a tag.
"""

from __future__ import annotations

import re

_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Punctuation that means something anywhere in a line of GitHub's Markdown...
_INLINE = re.compile(r"([\\`*_\[\]|~])")
# ...and what means something only at the start of one (a heading, a list, a rule).
_LINE_START = re.compile(r"^(?:#{1,6}|[+\-]|[0-9]{1,9}[.)])(?=\s|$)|^[=\-]+$")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

# Mermaid's syntax characters as its entity codes (`#58;`): Mermaid shows each as the
# character itself. `#` first of all, so that a name's own `#1;` stays text.
_MERMAID = {char: f"#{ord(char)};" for char in "#:;,%<>"}


def one_line(text: str) -> str:
    """Line breaks as one space, other control characters dropped, ends trimmed."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text)).strip()


def md_text(text: object) -> str:
    """Text for a Markdown paragraph, list item or heading: shown as written, never as markup."""
    flat = one_line(str(text))
    escaped = _INLINE.sub(r"\\\1", flat)
    escaped = _LINE_START.sub(lambda match: _escape_last(match.group(0)), escaped)
    return "".join(_ENTITIES.get(char, char) for char in escaped)


def _escape_last(marker: str) -> str:
    """`1.` -> `1\\.`, `#` -> `\\#`: the marker's last character escaped."""
    return marker[:-1] + "\\" + marker[-1]


def md_cell(text: object) -> str:
    """Text for a Markdown table cell: `md_text`, whose `\\|` keeps a `|` inside the cell."""
    return md_text(text)


def mermaid_text(text: object) -> str:
    """Text for a Mermaid journey diagram: one line, without Mermaid's separators."""
    flat = one_line(str(text))
    safe = "".join(_MERMAID.get(char, char) for char in flat)
    return safe or "\u2013"
