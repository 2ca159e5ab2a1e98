"""The deck's own view: the pages' views gathered once, in the deck's language, and its own
few words; what a slide lays out, field by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from journeyctl.diff.changes import Changed, JourneyDiff, Revision, TreeDiff
from journeyctl.diff.revisions import Commit
from journeyctl.views.deck import deck_view
from journeyctl.views.since import since_view
from tests.views.conftest import prepared

COMMIT = Commit("abc1234", date(2026, 1, 10), changed=False)


def a_diff() -> TreeDiff:
    journey = JourneyDiff(
        "i-pay-my-bill", "changed", None, "I pay my bill", "being", "billing",
        [Changed("status", "listed", "improving")],
    )  # fmt: skip
    return TreeDiff(
        Revision("v1", True, 0, 0, 4), Revision(None, True, 0, 0, 4), "en", [journey], [], []
    )


def test_every_field_of_the_deck_in_english() -> None:
    given = prepared()
    diff = a_diff()
    shown = deck_view(given, top=2, commit=COMMIT, diff=diff, lang="en")
    assert (shown.lang, shown.title, shown.top, shown.made) == (
        "en", given.framework.name, 2, date(2026, 1, 10),
    )  # fmt: skip
    assert shown.subtitle == ("Period 2025 against 2024", "Commit abc1234 of 10 Jan 2026")
    assert shown.ranking_rows == shown.ranking.rows[:2]
    assert shown.ranking_columns == (
        "rank", "movement", "name", "owner", "customers", "contacts", "contact_rate", "score",
        "cumulative_share",
    )  # fmt: skip
    assert (
        shown.top_share
        == "These 2 journeys hold 82% of the contacts of all ranked journeys in 2025 (1,400 of "
        "1,700)."
    )
    assert shown.since == since_view(diff, given.journeys, "en")
    assert shown.alerts.table.title.startswith("Alerts, period 2025")
    assert shown.kpis_title.startswith("KPIs against their target")
    assert shown.kpis and all(chart.target == "Target" for chart in shown.kpis)
    assert shown.kpis[0].title.startswith(f"{shown.kpis[0].journey}: ")
    assert shown.improvements.first.rows  # explain-the-amount has a value
    assert (shown.quick_wins, shown.other_improvements) == ("Quick wins", "Other open improvements")
    assert shown.median_value and shown.quick_effort and shown.continued
    assert [slide.row for slide in shown.journeys] == list(shown.ranking_rows)
    assert shown.journeys[0].title == f"#1 {shown.ranking_rows[0].name.text}"


def test_without_a_revision_or_a_commit_the_deck_says_so() -> None:
    shown = deck_view(prepared(), lang="nl")
    assert shown.since is None and shown.made is None
    assert shown.subtitle[1] == "Niet gemaakt uit een git-commit"
    assert shown.lang == "nl"
    assert deck_view(prepared()).lang == prepared().framework.language


def test_the_ranking_slide_says_the_share_of_the_journeys_it_shows() -> None:
    given = prepared()
    # The ranking page's note is of every ranked journey; the slide's of its top only.
    assert given.ranking.contact_share is not None
    assert deck_view(given, top=1, lang="en").ranking_notes == (
        "The contact reasons of these journeys hold 50% of all contacts in 2025 (1,000 of 2,000)",
    )
    assert deck_view(given, top=2, lang="en").ranking_notes == (
        "The contact reasons of these journeys hold 70% of all contacts in 2025 (1,400 of 2,000)",
    )


def test_the_ranking_slide_notes_only_the_journeys_it_shows_in_the_decks_language() -> None:
    given = prepared()
    first, second, *rest = given.ranking.journeys
    flagged = replace(second, missing_criteria=["strategic"])
    given = replace(given, ranking=replace(given.ranking, journeys=[first, flagged, *rest]))
    top_one = deck_view(given, top=1, lang="nl").ranking_notes
    assert not any("I sign up" in note for note in top_one)
    assert top_one[-1].startswith("De contactredenen van deze klantreizen")
    assert any("I sign up" in note for note in deck_view(given, top=2, lang="nl").ranking_notes)
