"""Text that a spreadsheet would run as a formula, made inert on export and restored on import.

OWASP's advice for CSV injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return gets a leading apostrophe, which spreadsheets show as text. A text that
already starts with an apostrophe before such a character gets one more, so `restore`
gives back exactly what `neutralise` was given, and a plain `'s-Hertogenbosch` is left alone.
"""

from __future__ import annotations

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
