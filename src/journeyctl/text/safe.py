"""Which characters must never reach an output as they are, and how they are shown instead.

Printable text passes; control characters, line and paragraph separators, lone surrogates
and invisible format characters (bidi overrides, which reorder what a reader sees) are
shown as the escape Python writes (`\\x1b`, `\\u202e`). The terminal's formats
(`journeyctl.formats._safe`) and every Markdown output (`journeyctl.text.markdown`) decide
by this one list.
"""

from __future__ import annotations

import re
import unicodedata

# Only these characters can be unsafe: printable ASCII never is, so text without anything
# else (most names and messages) costs one regex scan.
_CANDIDATE = re.compile(r"[^\x20-\x7e]")
# Control characters (C0, DEL, C1 with NEL), line and paragraph separators, lone surrogates
# (which no encoder can write), and invisible format characters: bidi overrides and
# isolates, which reorder what a reader sees, zero-width spaces, tag characters.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp", "Cf"})
# Joiners are format characters that emoji sequences and Indic and Arabic words need.
_JOINERS = frozenset({"\u200c", "\u200d"})

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_unsafe(char: str) -> bool:
    """Whether one character must not reach the output as it is."""
    return unicodedata.category(char) in _UNSAFE_CATEGORIES and char not in _JOINERS


def escape(char: str) -> str:
    """A character as a visible escape, as Python writes it: `\\n`, `\\x1b`, `\\u2028`."""
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def one_line(text: str) -> str:
    """User text for one line of output: every unsafe character shown as an escape.

    A backslash is left as it is (a Windows path stays readable), so a name that holds the
    two characters `\\n` looks like one that holds a newline; what matters is that neither
    can start a new line.
    """
    return _CANDIDATE.sub(escape_if_unsafe, text)


def escape_if_unsafe(match: re.Match[str]) -> str:
    """A regex callback: the matched character escaped when it is unsafe, else itself."""
    char = match.group()
    return escape(char) if is_unsafe(char) else char
