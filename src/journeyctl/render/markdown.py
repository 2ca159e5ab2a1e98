"""User text in GitHub-flavoured Markdown and in Mermaid diagrams, kept as text.

- `md_text`: text in a paragraph, list item or heading: Markdown's punctuation is escaped
  with a backslash and `<`, `>`, `&` become entities, so a name can neither format, link nor
  inject HTML; line breaks become spaces (one line, one item).
- `md_cell`: the same, for a table cell, where `|` would end the cell.
- `mermaid_text`: a task, section, title or actor of a Mermaid `journey` diagram. Mermaid
  reads `:` as the separator of a task's score, `;` as the end of a statement, `#` as the
  start of an entity and `,` as the separator of actors, and `%%` as a comment: each is
  replaced by a look-alike character that Mermaid reads as text.
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

# Look-alikes that Mermaid reads as plain text.
_MERMAID = {
    ":": "\u02d0",  # modifier letter triangular colon
    ";": "\u037e",  # Greek question mark, which looks like a semicolon
    "#": "\uff03",  # fullwidth number sign
    ",": "\u201a",  # single low-9 quotation mark, which looks like a comma
    "%": "\uff05",  # fullwidth percent sign: `%%` starts a comment
    "<": "\u2039",  # single angle quotation marks: Mermaid would drop what looks like a tag
    ">": "\u203a",
}


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
