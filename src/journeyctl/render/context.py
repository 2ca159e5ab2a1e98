"""What every page shares: the language, the words, names for ids, numbers, and the links.

The view data of a page is plain data with its text already formatted (numbers in the
language's format, names instead of ids), so that a template only lays it out and a test of
a page's content needs no template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeyctl.text import LABELS, Lang, Names, format_count, format_decimal, format_percent

if TYPE_CHECKING:
    from journeyctl.model import Framework

# What a page shows for a value that is not there: an en dash.
DASH = "\u2013"

# The report pages, in the order the navigation shows them; each is `<name>.html`/`.md`.
REPORT_PAGES: tuple[str, ...] = ("ranking", "kpis", "improvements", "coverage", "owners", "alerts")
NAV_LABELS: dict[str, str] = {
    "index": "render.nav.index",
    "ranking": "render.nav.ranking",
    "kpis": "render.nav.kpis",
    "improvements": "improvements",
    "coverage": "render.nav.coverage",
    "owners": "render.nav.owners",
    "alerts": "render.nav.alerts",
}


@dataclass(frozen=True)
class Link:
    """A link of the navigation: the page's name, its words, and whether it is this page."""

    page: str
    text: str
    current: bool


@dataclass(frozen=True)
class Context:
    """The framework's vocabulary and the language that one site is written in."""

    framework: Framework
    lang: Lang
    names: Names
    pages: tuple[str, ...]  # the pages of the site besides the journey maps: index, ranking, ...

    @property
    def words(self) -> dict[str, str]:
        return LABELS[self.lang]

    def word(self, key: str, **fields: object) -> str:
        text = LABELS[self.lang][key]
        return text.format(**fields) if fields else text

    def count(self, value: int | None) -> str:
        return DASH if value is None else format_count(value, self.lang)

    def decimal(self, value: float | None, places: int) -> str:
        return DASH if value is None else format_decimal(value, self.lang, places)

    def percent(self, fraction: float | None, places: int = 0) -> str:
        return DASH if fraction is None else format_percent(fraction, self.lang, places)

    def nav(self, current: str) -> list[Link]:
        return [Link(page, self.word(NAV_LABELS[page]), page == current) for page in self.pages]


def movement_text(movement: int | None, ranked_before: bool, lang: Lang) -> str:
    """▲3 (up three places), ▼1, = (same place), or "new" (not ranked in the compared period)."""
    if not ranked_before:
        return LABELS[lang]["new"]
    if movement is None or movement == 0:
        return "="
    return f"▲{movement}" if movement > 0 else f"▼{-movement}"


def movement_class(movement: int | None, ranked_before: bool) -> str:
    """A CSS class name for the movement: up, down, same or new."""
    if not ranked_before:
        return "new"
    if not movement:
        return "same"
    return "up" if movement > 0 else "down"
