"""Text that a spreadsheet would run as a formula, made inert on export and restored on import.

OWASP's advice for CSV injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return gets a leading apostrophe, which spreadsheets show as text. A text that
already starts with an apostrophe before such a character gets one more, so `restore`
gives back exactly what `neutralise` was given, and a plain `'s-Hertogenbosch` is left alone.

A control character that an xlsx cell cannot hold is written as a visible escape (`\\x1b`);
`read_back` says what import reads from the cell export wrote a text in, so that a name
that export could not write as it is still counts as unchanged.
"""

from __future__ import annotations

import re

_RISKY = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def neutralise(text: str) -> str:
    """`text` that no spreadsheet runs: `=HYPERLINK("x")` -> `'=HYPERLINK("x")`."""
    if text.startswith(_RISKY) or _is_quoted(text):
        return _QUOTE + text
    return text


def restore(text: str) -> str:
    """The text `neutralise` was given: one apostrophe before a risky start is taken off."""
    return text[1:] if _is_quoted(text) else text


def _is_quoted(text: str) -> bool:
    return text.startswith(_QUOTE) and text[1:].startswith((*_RISKY, _QUOTE))


# Control characters that an xlsx cell (XML 1.0) cannot hold at all; a name that holds one
# (an escape sequence pasted from a terminal) shows it as a visible escape, `\x1b`, in both
# formats alike, instead of ending the export in an error.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def storable(text: str) -> str:
    """`text` as a cell can hold it: `\\x1b` for each control character a cell cannot hold."""
    return _UNSTORABLE.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def read_back(text: str) -> str:
    """What import reads (`values.text`) from the cell that export wrote `text` in: inert,
    storable, a carriage return read back as a line feed (as a workbook's XML reads it),
    spaces around it left off, the apostrophe of `neutralise` taken off."""
    return restore(line_feeds(storable(neutralise(text))).strip())


def line_feeds(text: str) -> str:
    """`text` with every line end (`\\r\\n`, `\\r`) a line feed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
