"""The one interface of every writer: `(data, settings) -> str`, chosen by name.

A writer lays out one kind of data (the findings, a ranking, a report, a diff) in one
format and returns the whole output as text. It never prints and never writes a file: the
command prints it (`output` in `cli/_common.py`) or writes it through `journeyctl.write`.
Every kind has one registry, a dict from the format's name to its writer:

    FINDINGS_FORMATS  formats/__init__.py   Validation
    RANK_FORMATS      formats/ranking.py    Ranking
    REPORT_FORMATS    formats/reports.py    Report
    DIFF_FORMATS      formats/diff.py       TreeDiff

What the command may tell a writer is one `Settings`, the same for every kind and format;
a writer reads what applies to it and leaves the rest (JSON and CSV read none of it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from journeyctl.formats._console import WIDTH
from journeyctl.text import Lang

__all__ = ["WIDTH", "Settings", "Writer"]


@dataclass(frozen=True)
class Settings:
    """How a writer lays its data out."""

    # Colour for a terminal: the command decides (a tty, NO_COLOR, FORCE_COLOR).
    color: bool = False
    # The terminal's width in columns, for the tables that wrap and fold to fit it.
    width: int = WIDTH
    # The language of a report's labels and numbers: `--lang`, else the framework's. A
    # ranking and a diff carry the language they were made in, and are written in it.
    language: Lang = "en"
    # A ranking with each term's points (`rank --explain`), a report with the terms of its
    # numbers (`report improvements --explain`: each value journey by journey).
    explain: bool = False


Data = TypeVar("Data")

# A writer of one kind of data: the whole output as text.
Writer = Callable[[Data, Settings], str]
