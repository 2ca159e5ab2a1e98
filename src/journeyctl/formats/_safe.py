"""User text made safe for output: nothing a file holds can end a line, drive a terminal
or reorder what is shown.

Checks quote values from the tree in their messages as they are; the formats pass every
piece of user text (names, messages, file paths) through `one_line` where it is written,
or write JSON through `to_json`; which characters are unsafe is decided once, in
`journeyctl.text.safe`, for these and for every Markdown output.
"""

from __future__ import annotations

import json
import re

from journeyctl.text.safe import escape, escape_if_unsafe, is_unsafe, one_line

# The safe-text path of the formats; the characters' list is `journeyctl.text.safe`'s.
__all__ = ["csv_cell", "escape", "is_unsafe", "one_line", "output_text", "to_json"]

# In JSON, a raw newline is layout: `json.dumps` escapes every newline inside a string.
_JSON_CANDIDATE = re.compile(r"[^\x20-\x7e\n]")


# The colour codes (SGR: `ESC [ ... m`) that the terminal formats write themselves.
_COLOUR_OR_CANDIDATE = re.compile(r"(\x1b\[[0-9;]*m)|[^\x20-\x7e\n]")


def output_text(text: str) -> str:
    """Whole output as it is written, the last guard on every line any command prints.

    The formats have made each piece of user text safe where they wrote it; whatever a
    command writes also passes here, so that nothing a file or an argument holds can reach
    the terminal raw, even where a message was put together without `one_line`. Line breaks
    and the colour codes the formats write stay; every other unsafe character is escaped.
    Text that is printable line by line (almost all output) is checked at C speed and kept.
    """
    if all(line.isprintable() for line in text.split("\n")):
        return text
    return _COLOUR_OR_CANDIDATE.sub(_keep_colour_or_escape, text)


def _keep_colour_or_escape(match: re.Match[str]) -> str:
    return match.group() if match.group(1) else escape_if_unsafe(match)


def to_json(document: object) -> str:
    """A document as JSON that keeps every string exactly, with no unsafe character raw.

    `json.dumps` already escapes C0 controls; the rest (DEL, C1, U+2028, bidi overrides,
    lone surrogates) are written as `\\uXXXX` escapes too, which JSON allows inside any
    string and which is the only place such a character can be. A NaN or infinity is
    refused rather than written as something that is not JSON.
    """
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    return _JSON_CANDIDATE.sub(_json_escape_if_unsafe, text) + "\n"


def _json_escape_if_unsafe(match: re.Match[str]) -> str:
    char = match.group()
    if not is_unsafe(char):
        return char
    # Outside the Basic Multilingual Plane, JSON escapes a character as a surrogate pair.
    units = char.encode("utf-16-be", "surrogatepass")
    return "".join(
        f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in range(0, len(units), 2)
    )


def csv_cell(value: object) -> object:
    """One value as a CSV cell of the machine formats: None empty, a bool as JSON writes it,
    text on one line and never read as a formula; numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as JSON writes it, not Python's True
    if not isinstance(value, str):
        return value
    # One line per row, whoever reads it; `one_line` also shows a leading tab or CR escaped.
    text = one_line(value)
    # A name starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
