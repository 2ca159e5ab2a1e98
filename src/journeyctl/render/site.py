"""A site: every page `render` writes, as (path, template, view data), before any template runs.

`plan_site(framework, journeys, improvements, options)` plans every page from the framework,
the ranking and the reports (`journeyctl.reports.prepare`, so that the pages and `journeyctl
report` agree on every number): the index's and the reports' view data at once, each
journey map's when its page is asked for (`Site`); `render_page(env, page)` fills a page's
template. Paths are relative to the output folder; ids are slugs, and the writer
refuses any path that would leave the folder all the same.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Literal, overload

from journeyctl.errors import UsageError
from journeyctl.model import Framework, Improvement, Journey
from journeyctl.render.context import REPORT_PAGES, Context
from journeyctl.render.index_view import index_view
from journeyctl.render.journey_view import Links, journey_view
from journeyctl.render.made import Made
from journeyctl.render.report_views import REPORT_VIEWS, alerts_view, kpis_page_and_tiles
from journeyctl.render.templating import render
from journeyctl.reports import prepare
from journeyctl.text import Lang, Names
from journeyctl.views.diff import ChangesView, changes_view
from journeyctl.views.ranking import ranking_view

if TYPE_CHECKING:
    from jinja2 import Environment

    from journeyctl.diff import TreeDiff

Format = Literal["html", "md"]


@dataclass(frozen=True)
class RenderOptions:
    formats: tuple[Format, ...] = ("html",)
    period: str | None = None
    compare: str | None = None
    lang: str | None = None  # None: the framework's language
    today: date | None = None  # for overdue reviews; None: today
    made: Made | None = None  # the commit and date every page says it was made from
    since: TreeDiff | None = None  # `--since REF`: the changes from REF, on a page of their own
    # Each journey's file as its map's empty states name it (`journeys/<phase>/.../<id>.yaml`).
    files: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ChangesPage:
    """The page `--since REF` adds: what changed in the framework since REF."""

    title: str  # "Changes since v1"
    view: ChangesView


@dataclass(frozen=True)
class Page:
    path: str  # relative to the output folder: index.html, journeys/<id>.md, ...
    template: str  # index.html.j2, journey.md.j2, ...
    data: dict[str, object] = field(default_factory=dict)


def plan_site(
    framework: Framework,
    journeys: Sequence[Journey],
    improvements: Sequence[Improvement],
    options: RenderOptions,
) -> Site:
    """Every page of the site, in a fixed order: index, the reports, then the journey maps."""
    with _lasting():
        return _plan(framework, journeys, improvements, options)


@contextmanager
def _lasting() -> Iterator[None]:
    """The plan's views (the reports', the index's, every journey's links and tiles) live
    until the last page is written and hold no cycles: the cyclic collector pauses while they
    are made and leaves them out of its scans afterwards (gc.freeze), as the loader does with
    the tree. Its scans of them were a third of the plan's time at 20,000 journeys, and a
    quarter of the pages' after it."""
    collector_was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collector_was_on:
            gc.enable()


def _plan(
    framework: Framework,
    journeys: Sequence[Journey],
    improvements: Sequence[Improvement],
    options: RenderOptions,
) -> Site:
    report_input = prepare(
        framework,
        journeys,
        improvements,
        period=options.period,
        compare=options.compare,
        today=options.today,
    )
    pages = ("index", *REPORT_PAGES, *(("changes",) if options.since is not None else ()))
    context = Context(framework, _language(framework, options.lang), Names(framework), pages)
    changes = _changes(context, options.since) if options.since is not None else None
    # The alerts page's records also give each journey's card its badge and its map its list.
    alerts_page = alerts_view(context, report_input)
    alerts = alerts_page.view
    index = index_view(context, journeys, report_input.ranking, alerts)
    views: list[tuple[str, str, object]] = [("index", "index", index)]
    ranking = replace(report_input.ranking, language=context.lang)
    # The page shows how each score is made: the weights and every journey's points per term.
    views.append(("ranking", "ranking", ranking_view(ranking, explain=True)))
    # The KPIs page's tiles are also those of each journey's map.
    kpis_page, tiles = kpis_page_and_tiles(context, report_input)
    ready: dict[str, object] = {"alerts": alerts_page, "kpis": kpis_page}
    views += [
        (name, name, ready[name] if name in ready else REPORT_VIEWS[name](context, report_input))
        for name in REPORT_PAGES[1:]
    ]
    if changes is not None:
        views.append(("changes", "changes", changes))
    ordered = sorted(journeys, key=lambda j: j.id)
    links = Links.of(report_input, tiles)
    maps: list[tuple[str, str, Callable[[], object]]] = [
        (
            f"journeys/{j.id}",
            "journey",
            partial(
                journey_view, context, j, report_input, links, alerts, options.files.get(j.id, "")
            ),
        )
        for j in ordered
    ]
    made = options.made.said(context.lang) if options.made is not None else ""
    made_on = options.made.on(context.lang) if options.made is not None else ""
    eager: list[tuple[str, str, Callable[[], object]]] = [
        (path, template, partial(_given, view)) for path, template, view in views
    ]
    planned = [
        (fmt, path, template, view)
        for fmt in options.formats
        for path, template, view in [*eager, *maps]
    ]
    return Site(context, planned, (made, made_on), changes)


def _given(view: object) -> object:
    return view


# A page as planned: its format, its path without the extension, its template's name, and
# what makes its view.
Planned = tuple[Format, str, str, Callable[[], object]]


@dataclass(frozen=True, eq=False)
class Site(Sequence[Page]):
    """Every page of the site, in a fixed order: index, the reports, then the journey maps.

    A journey's map is made when its page is asked for, and not kept: a site of thousands of
    maps is held a page at a time (`journeyctl render` writes each as it is made). `paths`
    names every page without making one.
    """

    context: Context
    planned: list[Planned]
    made: tuple[str, str]  # what every page says it was made from, and the line under a title
    changes: ChangesPage | None

    @property
    def paths(self) -> list[str]:
        return [f"{path}.{fmt}" for fmt, path, _, _ in self.planned]

    def __len__(self) -> int:
        return len(self.planned)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> list[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | list[Page]:
        if isinstance(index, slice):
            return [self._page(planned) for planned in self.planned[index]]
        return self._page(self.planned[index])

    def __iter__(self) -> Iterator[Page]:
        return map(self._page, self.planned)

    def _page(self, planned: Planned) -> Page:
        fmt, path, template, view = planned
        return _page(self.context, path, template, view(), fmt, self.made, self.changes)


def render_page(env: Environment, page: Page) -> str:
    return render(env, page.template, page.data)


def _changes(context: Context, diff: TreeDiff) -> ChangesPage:
    view = changes_view(replace(diff, language=context.lang))
    since = diff.base.merge_base or diff.base.revision or ""
    return ChangesPage(context.word("render.changes.title", ref=since), view)


def _page(
    context: Context,
    path: str,
    template: str,
    view: object,
    fmt: Format,
    made: tuple[str, str],
    changes: ChangesPage | None,
) -> Page:
    current = template if template != "journey" else ""
    depth = path.count("/")
    return Page(
        f"{path}.{fmt}",
        f"{template}.{fmt}.j2",
        {
            "page": view,
            "t": context.words,
            "nav": context.nav(current),
            "root": "../" * depth,
            "ext": fmt,
            "lang": context.lang,
            "site": context.framework.name,
            "page_name": template,
            "made": made[0],  # "Made with journeyctl from commit ... of ..."; "" when not known
            "made_on": made[1],  # "made 6 Dec 2026, commit 9954edc", for a line under a title
            "changes": changes,  # the page of `--since REF` (the index links to it), or None
        },
    )


def _language(framework: Framework, lang: str | None) -> Lang:
    if lang is None:
        return framework.language
    if lang in ("en", "nl"):
        return "en" if lang == "en" else "nl"
    raise UsageError(f"'{lang}' is not a language of journeyctl; write nl or en", parameter="lang")
