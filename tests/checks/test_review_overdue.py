"""JC305: a review overdue by its cadence, or a journey in work that was never reviewed."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import review_overdue
from tests.checks.conftest import JOURNEY, found, write

RULE = review_overdue.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"
# The tests validate as on 2026-01-15; the framework's default cadence is quarterly (92 days).


def _journey(root: Path, extra: str) -> None:
    write(root, FILE, JOURNEY.format(id="vraag") + extra)


def test_a_review_past_the_default_cadence_is_overdue(tree_dir: Path) -> None:
    _journey(tree_dir, "review: {last_reviewed: 2025-10-14}\n")
    assert found(tree_dir, RULE) == [
        (
            FILE,
            6,
            25,
            "review overdue: last reviewed 2025-10-14 (93 days ago), cadence quarterly; "
            "review the journey and update last_reviewed",
        )
    ]


def test_a_review_on_the_last_day_of_its_cadence_is_not_overdue(tree_dir: Path) -> None:
    _journey(tree_dir, "review: {last_reviewed: 2025-10-15}\n")
    assert found(tree_dir, RULE) == []


def test_the_journeys_own_cadence_wins(tree_dir: Path) -> None:
    _journey(tree_dir, "review: {cadence: monthly, last_reviewed: 2025-12-14}\n")
    assert [message.split("; ")[0] for *_, message in found(tree_dir, RULE)] == [
        "review overdue: last reviewed 2025-12-14 (32 days ago), cadence monthly"
    ]


@pytest.mark.parametrize("status", ["mapped", "improving", "monitoring"])
def test_a_journey_in_work_that_was_never_reviewed_is_named_at_its_status(
    tree_dir: Path, status: str
) -> None:
    _journey(tree_dir, f"status: {status}\n")
    assert found(tree_dir, RULE) == [
        (
            FILE,
            6,
            9,
            f"journey 'vraag' is {status} but was never reviewed; "
            "add review: {last_reviewed: YYYY-MM-DD}",
        )
    ]


def test_a_review_without_a_date_is_named_at_the_review(tree_dir: Path) -> None:
    _journey(tree_dir, "status: mapped\nreview: {cadence: monthly}\n")
    assert [(line, column) for _, line, column, _ in found(tree_dir, RULE)] == [(7, 9)]


@pytest.mark.parametrize("status", ["listed", "retired"])
def test_a_journey_not_yet_in_work_needs_no_review(tree_dir: Path, status: str) -> None:
    _journey(tree_dir, f"status: {status}\n")
    assert found(tree_dir, RULE) == []
