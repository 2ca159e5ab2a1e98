"""The site's plan: every page by its path at once, each journey's map made only when its
page is asked for, and not kept."""

from __future__ import annotations

import pytest

from journeyctl.render import RenderOptions, plan_site, site
from tests.render.conftest import checked


@pytest.fixture
def made_maps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The journeys whose maps are made from here on."""
    made: list[str] = []
    real = site.journey_view

    def counting(context: object, journey: object, *rest: object) -> object:
        made.append(journey.id)  # type: ignore[attr-defined]
        return real(context, journey, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(site, "journey_view", counting)
    return made


def test_a_map_is_made_when_its_page_is_asked_for(made_maps: list[str]) -> None:
    tree = checked()
    pages = plan_site(tree.framework, tree.journeys, tree.improvements, RenderOptions())
    assert made_maps == []
    journeys = sorted(j.id for j in tree.journeys)
    assert pages.paths[-len(journeys) :] == [f"journeys/{id_}.html" for id_ in journeys]
    assert len(pages) == len(pages.paths)
    last = pages[-1]
    assert (last.path, made_maps) == (f"journeys/{journeys[-1]}.html", [journeys[-1]])
    assert [page.path for page in pages] == pages.paths
    assert made_maps == [journeys[-1], *journeys]  # once more each: maps are not kept
    assert [page.path for page in pages[:2]] == pages.paths[:2]


def test_both_formats_make_each_map_for_each(made_maps: list[str]) -> None:
    tree = checked()
    options = RenderOptions(formats=("html", "md"))
    pages = plan_site(tree.framework, tree.journeys, tree.improvements, options)
    assert [page.path for page in pages] == pages.paths
    assert sorted(made_maps) == sorted(2 * [j.id for j in tree.journeys])
