"""A journey on one page of the deck: its emotion over its steps, its pain points, its open
improvements; the deck's view that gathers the pages."""

from __future__ import annotations

from datetime import date

from journeyctl.diff import Commit
from journeyctl.views.deck import deck_view
from journeyctl.views.journey import OpenImprovement, PainPoint, StepPoint, journey_page_view
from tests.views.conftest import prepared


def test_the_steps_emotions_pain_points_and_only_open_improvements() -> None:
    report_input = prepared()
    journey = report_input.journey("i-pay-my-bill")
    assert journey is not None
    page = journey_page_view(journey, report_input.improvements, "en")
    assert page.steps == (
        StepPoint(1, "I get the bill", 4, 4, False),
        StepPoint(2, "I check the amount", 2, 4, True),
        StepPoint(3, "I pay", 5, 4, False),
        StepPoint(4, "I get a receipt", None, None, False),
    )
    assert page.has_emotions and page.not_mapped == ""
    assert (page.actual, page.desired) == ("Actual", "Desired")
    assert page.pain_points == (
        PainPoint("I check the amount", "The amount differs from last month without a reason"),
    )
    # one-tap-payment is implemented: done, not open.
    assert page.improvements == (
        OpenImprovement("explain-the-amount", "Explain why the amount changed", "in progress", "in-progress"),
    )  # fmt: skip
    assert page.link == "journeys/i-pay-my-bill"


def test_a_journey_without_steps_is_not_mapped_yet() -> None:
    report_input = prepared()
    journey = report_input.journey("i-move-house")
    assert journey is not None
    page = journey_page_view(journey, report_input.improvements, "nl")
    assert (page.steps, page.has_emotions, page.pain_points, page.improvements) == (
        (),
        False,
        (),
        (),
    )
    assert page.not_mapped == "Deze klantreis is nog niet in kaart gebracht: ze heeft geen stappen."
    assert (page.no_pain_points, page.no_improvements) == (
        "Geen pijnpunten vastgelegd.",
        "Geen open verbetering.",
    )


def test_the_deck_gathers_the_top_journeys_and_says_the_commit() -> None:
    report_input = prepared()
    commit = Commit("abc1234", date(2026, 1, 2), changed=True)
    view = deck_view(report_input, top=2, commit=commit, lang="en")
    assert view.title == report_input.framework.name
    assert view.subtitle == (
        "Period 2025 against 2024",
        "Commit abc1234 of 2 Jan 2026, with changes not committed yet",
    )
    assert view.top == 2 and len(view.ranking_rows) == 2
    assert [j.title for j in view.journeys] == [
        f"#{row.rank.text} {row.name.text}" for row in view.ranking_rows
    ]
    first = view.journeys[0]
    assert first.facts.startswith(f"{first.row.phase.text} > {first.row.cluster.text} · Owner ")
    assert view.since is None
    assert deck_view(report_input, lang="en").subtitle[1] == "Not made from a git commit"
    assert deck_view(report_input, top=99).top == len(view.ranking.rows)
    # The KPI charts are those of the top journeys, with their track.
    assert all(chart.journey in {r.name.text for r in view.ranking_rows} for chart in view.kpis)
    assert view.kpis[0].title == "I pay my bill: Net Promoter Score (on track)"
