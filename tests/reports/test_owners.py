"""The owners report beyond the hand-computed file: emails, the row of unowned journeys,
a journey's own review cadence and the day a review falls due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from journeyctl.model import Journey
from journeyctl.model.journey import Review
from journeyctl.reports import OverdueReview, ReportInput, owners_report
from journeyctl.reports.owners import overdue_review
from tests.reports.tree import report_input

# b was last reviewed on 1 January 2025; quarterly is 92 days: due on 3 April 2025.
B_DUE = date(2025, 4, 3)


def with_journeys(given: ReportInput, **changes: dict[str, object]) -> ReportInput:
    journeys = tuple(
        j.model_copy(update=changes[j.id]) if j.id in changes else j for j in given.journeys
    )
    return replace(given, journeys=journeys)


def test_an_owners_email_is_in_the_row_and_the_json() -> None:
    given = report_input()
    owners = [
        owner.model_copy(update={"email": f"{owner.id}@example.org"})
        for owner in given.framework.owners
    ]
    framework = given.framework.model_copy(update={"owners": owners})
    report = owners_report(replace(given, framework=framework))
    assert [(row.owner, row.email) for row in report.rows] == [
        ("ann", "ann@example.org"),
        ("bob", "bob@example.org"),
        (None, None),
    ]
    assert [row["email"] for row in report.to_dict()["rows"]] == [  # type: ignore[attr-defined]
        "ann@example.org",
        "bob@example.org",
        None,
    ]


def test_no_row_for_unowned_journeys_when_every_journey_has_an_owner() -> None:
    report = owners_report(with_journeys(report_input(), e={"owner": "bob"}))
    assert [row.owner for row in report.rows] == ["ann", "bob"]


def test_an_unranked_journey_comes_after_the_last_ranked_one() -> None:
    """e is 4th of 4 ranked journeys, d (retired) is not ranked: bob's are c, e, d."""
    report = owners_report(with_journeys(report_input(), e={"owner": "bob"}))
    assert report.rows[1].journeys == ("c", "e", "d")
    assert report.rows[1].journey_names == ("Journey C", "Journey E", "Journey D")


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (date(2025, 4, 2), None),
        (B_DUE, None),  # due that day: not overdue yet
        (
            date(2025, 4, 4),
            OverdueReview("b", "Journey B", "quarterly", date(2025, 1, 1), B_DUE, 1),
        ),
    ],
)
def test_a_review_is_overdue_the_day_after_it_falls_due(
    today: date, overdue: OverdueReview | None
) -> None:
    b = next(j for j in report_input().journeys if j.id == "b")
    assert overdue_review(b, "quarterly", today) == overdue


def test_a_journeys_own_cadence_wins_over_the_frameworks() -> None:
    """b reviewed monthly (31 days) is due on 1 February; the framework says quarterly."""
    given = with_journeys(
        report_input(today=date(2025, 2, 10)),
        b={"review": Review(cadence="monthly", last_reviewed=date(2025, 1, 1))},
    )
    [b] = owners_report(given).rows[0].overdue
    assert b == OverdueReview("b", "Journey B", "monthly", date(2025, 1, 1), date(2025, 2, 1), 9)
    assert owners_report(given).to_dict()["rows"][0]["overdue"] == [  # type: ignore[index]
        {
            "journey": "b",
            "cadence": "monthly",
            "last_reviewed": "2025-01-01",
            "due": "2025-02-01",
            "days_overdue": 9,
        }
    ]


def test_a_journey_never_reviewed_takes_its_own_cadence_too() -> None:
    journey = Journey.model_validate(
        {
            "id": "x",
            "name": "X",
            "phase": "p",
            "cluster": "c",
            "status": "mapped",
            "review": {"cadence": "weekly"},
        }
    )
    assert overdue_review(journey, "yearly", date(2025, 1, 1)) == OverdueReview(
        "x", "X", "weekly", None, None, None
    )
