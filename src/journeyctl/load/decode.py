"""A file's bytes as text: UTF-8, a byte order mark allowed.

A binary file and a file in another encoding are refused, at the line and column of the
first byte that is wrong, with what to do.
"""

from __future__ import annotations

from journeyctl.load import rules
from journeyctl.load.problems import FileProblem


def decode(raw: bytes) -> str | FileProblem:
    """The text of a file's bytes: UTF-8, a BOM allowed; binary or other encodings refused."""
    if b"\0" in raw:
        line, column = _position_of_byte(raw, raw.index(b"\0"))
        return FileProblem(
            rules.UNREADABLE_FILE,
            "binary file (it contains NUL bytes); only YAML text belongs under the root",
            line,
            column,
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position_of_byte(raw, error.start)
        return FileProblem(
            rules.UNREADABLE_FILE,
            f"not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
            line,
            column,
        )


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1
