"""The small decisions of the views, each worked out by hand: signs, places, colours, arrows,
widths and the words chosen, at their edges (a change of 0, a share of exactly 90%)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from journeyctl.errors import UsageError
from journeyctl.render import curve, kpi_tiles
from journeyctl.render.context import Context
from journeyctl.render.index_view import PhaseColumn, _card, _ordered, _summary, index_view
from journeyctl.render.journey_view import (
    JourneyView,
    Links,
    PinnedImprovement,
    VolumeRow,
    _pinned,
    _rate,
    _stages,
    _volume_row,
    journey_view,
)
from journeyctl.render.site import _language
from journeyctl.reports import alerts_report, kpis_report
from journeyctl.reports.kpis import KpiPoint, KpiRow
from journeyctl.text import Names
from journeyctl.views.alerts import alerts_view
from journeyctl.views.cells import ESTIMATED, NONE
from tests.render.conftest import report_input, site

PREPARED = report_input()


def context_of(lang: str = "en") -> Context:
    return Context(PREPARED.framework, lang, Names(PREPARED.framework), ("index",))  # type: ignore[arg-type]


# (now, before, higher is better, places, the row's numbers, change and colour)
VOLUMES = [
    (110, 100, False, 0, ("110", "100", "+10%", "worse")),
    (90, 100, False, 0, ("90", "100", "-10%", "better")),
    (110, 100, True, 0, ("110", "100", "+10%", "better")),
    (90, 100, True, 0, ("90", "100", "-10%", "worse")),
    (110, 100, None, 0, ("110", "100", "+10%", "")),
    (100, 100, False, 0, ("100", "100", "0%", "")),
    (100.001, 100, False, 0, ("100", "100", "0%", "")),
    (100.4, 100, False, 0, ("100", "100", "0%", "")),
    (99.6, 100, True, 0, ("100", "100", "0%", "")),
    (100.6, 100, False, 0, ("101", "100", "+1%", "worse")),
    (99.4, 100, True, 0, ("99", "100", "-1%", "worse")),
    (0.25, 0.2, False, 2, ("0.25", "0.20", "+25%", "worse")),
    (110, 0, False, 0, ("110", "0", "", "")),
    (None, 100, False, 0, (NONE, "100", "", "")),
    (110, None, False, 0, ("110", NONE, "", "")),
]


@pytest.mark.parametrize(("now", "before", "higher", "places", "shown"), VOLUMES)
def test_a_volume_against_the_compared_period(
    now: float | None,
    before: float | None,
    higher: bool | None,
    places: int,
    shown: tuple[str, str, str, str],
) -> None:
    row = _volume_row(
        context_of(), "W", now, before, (False, False), higher_is_better=higher, places=places
    )
    assert row == VolumeRow("W", *shown)


@pytest.mark.parametrize(
    ("now", "guessed", "marks"),
    [
        (110, (True, False), (ESTIMATED, "", ESTIMATED)),
        (110, (False, True), ("", ESTIMATED, ESTIMATED)),
        (100, (True, True), (ESTIMATED, ESTIMATED, ESTIMATED)),  # 0% is a change shown
        (110, (False, False), ("", "", "")),
    ],
)
def test_an_estimated_figure_and_the_change_it_goes_into_are_marked(
    now: float, guessed: tuple[bool, bool], marks: tuple[str, str, str]
) -> None:
    row = _volume_row(context_of(), "W", now, 100, guessed, higher_is_better=False, places=0)
    assert (row.now_mark, row.before_mark, row.change_mark) == marks


def test_the_contact_rate() -> None:
    assert (_rate(4, 1), _rate(0, 5)) == (0.25, None)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.0, "3"),
        (2.5, "2.5"),
        (2.25, "2.25"),
        (10.0, "10"),
        (-0.001, "0"),
        (0.0, "0"),
        (-2.5, "-2.5"),
        (100.0, "100"),
    ],
)
def test_a_number_of_a_drawing(value: float, text: str) -> None:
    assert kpi_tiles._number(value) == text
    assert curve._number(value) == text


def kpi_row(values: list[float], target: float | None) -> KpiRow:
    row = kpis_report(PREPARED).rows[0]
    points = tuple(KpiPoint(date(2025, 1, 1 + i), v) for i, v in enumerate(values))
    return replace(row, points=points, target=target)


@pytest.mark.parametrize(
    ("values", "target", "spark"),
    [
        ([1.0], 5.0, ("", "")),
        ([0.0, 10.0], None, ("5,35 155,5", "")),
        ([0.0, 5.0, 10.0], None, ("5,35 80,20 155,5", "")),
        ([0.0, 10.0], 20.0, ("5,35 155,20", "5")),
        ([4.0, 4.0], None, ("5,35 155,35", "")),
        ([4.0, 4.0], 4.0, ("5,35 155,35", "35")),
    ],
)
def test_the_small_curve(values: list[float], target: float | None, spark: tuple[str, str]) -> None:
    assert kpi_tiles._spark(kpi_row(values, target)) == spark


@pytest.mark.parametrize(("journeys", "weight"), [(0, 1), (1, 1), (8, 1), (9, 2), (16, 2), (17, 3)])
def test_a_phase_column_is_one_part_wide_per_eight_journeys(journeys: int, weight: int) -> None:
    assert PhaseColumn("p", "P", "", [], journeys).weight == weight


def test_the_language_of_the_site() -> None:
    framework = PREPARED.framework
    assert _language(framework, None) == framework.language
    assert (_language(framework, "en"), _language(framework, "nl")) == ("en", "nl")
    with pytest.raises(UsageError) as refused:
        _language(framework, "de")
    assert str(refused.value) == "'de' is not a language of journeyctl; write nl or en"


@pytest.mark.parametrize(("rank", "top"), [(1, True), (10, True), (11, False)])
def test_a_card_is_of_the_top_journeys_down_to_rank_ten(rank: int, top: bool) -> None:
    ranking = PREPARED.ranking
    journey = next(j for j in PREPARED.journeys if j.id == ranking.journeys[0].id)
    card = _card(context_of(), journey, replace(ranking.journeys[0], rank=rank), ranking)
    assert (card.rank, card.top) == (str(rank), top)


def test_improvements_pinned_by_step_names_in_any_case_once_each() -> None:
    """An improvement names steps of several journeys, in another case, twice, or steps the
    journey does not have: it is pinned once to each step of this journey it names, in the
    order of the steps, and to the journey itself when it names none of them."""
    journey = next(j for j in PREPARED.journeys if j.id == "i-pay-my-bill")
    first, second = PREPARED.improvements
    target = first.journeys[0]
    first = first.model_copy(
        update={
            "journeys": [
                target.model_copy(update={"steps": ["I PAY", "i check the amount", "I pay"]}),
                target.model_copy(update={"journey": "i-sign-up", "steps": ["I get the bill"]}),
            ]
        }
    )
    second = second.model_copy(
        update={"journeys": [target.model_copy(update={"steps": ["No such step"]})]}
    )
    pinned, unpinned = _pinned(context_of(), journey, [first, second])
    shown = PinnedImprovement(first.id, first.title, "in progress", "in-progress")
    assert pinned == {1: [shown], 2: [shown]}
    assert unpinned == [PinnedImprovement(second.id, second.title, "implemented", "implemented")]


def test_links_index_the_first_ranking_entry_and_each_journey_an_improvement_touches_once() -> None:
    first = PREPARED.ranking.journeys[0]
    twice = replace(
        PREPARED.ranking, journeys=[first, replace(first, rank=9), *PREPARED.ranking.journeys[1:]]
    )
    improvement = PREPARED.improvements[1]
    doubled = improvement.model_copy(
        update={"journeys": [*improvement.journeys, improvement.journeys[0]]}
    )
    links = Links.of(replace(PREPARED, ranking=twice, improvements=(doubled,)))
    assert links.ranked[first.id].rank == 1
    assert {key: [i.id for i in value] for key, value in links.improvements.items()} == {
        "i-pay-my-bill": [doubled.id],
        "i-get-a-reminder": [doubled.id],
    }
    assert links.followed_by == {
        "i-pay-my-bill": [("I get a reminder", "i-get-a-reminder")],
        "i-sign-up": [("I pay my bill", "i-pay-my-bill")],
    }


@pytest.mark.parametrize(
    ("stages", "spans"),
    [
        ([], []),
        (["A", "A", "", "B", "A"], [("A", 2), ("", 1), ("B", 1), ("A", 1)]),
        (["", ""], [("", 2)]),
    ],
)
def test_neighbouring_steps_of_a_stage_share_its_cell(
    stages: list[str], spans: list[tuple[str, int]]
) -> None:
    step = view_of("i-pay-my-bill").steps[0]
    columns = [replace(step, stage=stage, number=i + 1) for i, stage in enumerate(stages)]
    shown = _stages(columns)
    assert [(stage.name, stage.span) for stage in shown] == spans
    assert [step for stage in shown for step in stage.steps] == columns


def view_of(journey_id: str) -> JourneyView:
    journey = next(j for j in PREPARED.journeys if j.id == journey_id)
    return journey_view(context_of(), journey, PREPARED)


def test_the_summary_of_the_index_with_and_without_a_compared_period() -> None:
    ranking = PREPARED.ranking
    assert _summary(context_of(), PREPARED.journeys, ranking) == (
        "4 journeys, 1 mapped; volumes and ranks of 2025, movement against 2024"
    )
    assert _summary(context_of(), PREPARED.journeys, replace(ranking, compare_period=None)) == (
        "4 journeys, 1 mapped; volumes and ranks of 2025"
    )


def test_a_card_counts_the_alerts_of_its_journey_from_the_alerts_view() -> None:
    """Paying has two alerts, moving house none; without the view, no card says any."""
    alerts = alerts_view(alerts_report(PREPARED), "nl")
    cards = {
        card.id: card
        for phase in index_view(
            context_of("nl"), PREPARED.journeys, PREPARED.ranking, alerts
        ).phases
        for cluster in phase.clusters
        for card in cluster.journeys
    }
    assert (cards["i-pay-my-bill"].alerts, cards["i-pay-my-bill"].alerts_said) == (
        "2",
        "Signalen: 2",
    )
    assert (cards["i-move-house"].alerts, cards["i-move-house"].alerts_said) == ("", "")
    bare = index_view(context_of(), PREPARED.journeys, PREPARED.ranking)
    assert {card.alerts for p in bare.phases for c in p.clusters for card in c.journeys} == {""}


def test_a_journey_map_holds_the_alerts_views_record_of_it() -> None:
    alerts = alerts_view(alerts_report(PREPARED), "en")
    paying = next(j for j in PREPARED.journeys if j.id == "i-pay-my-bill")
    moving = next(j for j in PREPARED.journeys if j.id == "i-move-house")
    assert journey_view(context_of(), paying, PREPARED).alerts == alerts.of("i-pay-my-bill")
    assert journey_view(context_of(), paying, PREPARED, alerts=alerts).alerts is not None
    assert journey_view(context_of(), moving, PREPARED, alerts=alerts).alerts is None


def test_cards_ranked_first_by_rank_then_by_name_retired_last() -> None:
    card = index_view(context_of(), PREPARED.journeys, PREPARED.ranking).phases[1].clusters[0]
    model = card.journeys[0]
    cards = [
        replace(model, id="r", name="Retired", rank="1", status_key="retired"),
        replace(model, id="b", name="b", rank=NONE),
        replace(model, id="a2", name="A", rank=NONE),
        replace(model, id="a1", name="A", rank=NONE),
        replace(model, id="ten", name="Ten", rank="10"),
        replace(model, id="nine", name="Nine", rank="9"),
        replace(model, id="old", name="a", rank=NONE, status_key="retired"),
    ]
    assert [c.id for c in _ordered(cards)] == ["nine", "ten", "a1", "a2", "b", "r", "old"]


@pytest.mark.parametrize(
    ("emotions", "gap"),
    [
        ((3, 3, 3, 3), ""),
        ((4, 2, 4, 2), ""),
        ((3, 3, 2, 4), "50,50 150,31 150,69 50,50"),
        ((2, 4, 3, 3), "50,31 150,50 150,50 50,69"),
        ((2, 4, 4, 2), "50,31 100,50 50,69"),
        ((4, 2, 2, 4), "100,50 150,31 150,69"),
    ],
)
def test_the_gap_of_one_segment(emotions: tuple[int, int, int, int], gap: str) -> None:
    """(actual, desired) at the step, then at the next: shaded where desired is above."""
    a0, d0, a1, d1 = emotions
    assert curve._gap(0, a0, a1, d0, d1) == gap


@pytest.mark.slow
def test_what_every_template_is_given_besides_its_page(tmp_path: Path) -> None:
    """`ext`, `lang`, `site`, `page_name`, `root` and `nav`, as docs/render.md lists them."""
    shown = (
        "{{ ext }}|{{ lang }}|{{ site }}|{{ page_name }}|{{ root }}|"
        "{% for link in nav %}{{ link.page }}{{ '*' if link.current }},{% endfor %}"
    )
    for name in ("index.html.j2", "journey.md.j2", "ranking.md.j2"):
        (tmp_path / name).write_text(shown, encoding="utf-8")
    pages = site(templates=tmp_path, formats=("html", "md"))
    nav = "index,ranking,kpis,improvements,coverage,owners,alerts,"
    assert pages["index.html"] == f"html|en|Example Power|index||{nav.replace('x,', 'x*,', 1)}"
    assert pages["journeys/i-pay-my-bill.md"] == f"md|en|Example Power|journey|../|{nav}"
    assert pages["ranking.md"] == (
        f"md|en|Example Power|ranking||{nav.replace('ranking,', 'ranking*,')}"
    )
