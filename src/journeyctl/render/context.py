"""What every page shares: the language, the words, names for ids, numbers, and the links.

The view data of a page is plain data with its text already formatted (numbers in the
language's format, names instead of ids), so that a template only lays it out and a test of
a page's content needs no template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeyctl.text import LABELS, Lang, Names
from journeyctl.views import cells

if TYPE_CHECKING:
    from journeyctl.model import Framework

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
    "changes": "render.nav.changes",  # with `--since REF` only
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
        return cells.count(value, self.lang)

    def decimal(self, value: float | None, places: int) -> str:
        return cells.decimal(value, self.lang, places)

    def percent(self, fraction: float | None, places: int = 0) -> str:
        return cells.percent(fraction, self.lang, places)

    def nav(self, current: str) -> list[Link]:
        return [Link(page, self.word(NAV_LABELS[page]), page == current) for page in self.pages]
