"""JC310: a date that records something done, after the day validate runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeyctl.checks import date_in_the_future, validate
from journeyctl.load import load_tree
from tests.checks.conftest import JOURNEY, found, write

RULE = date_in_the_future.RULE.id
FILE = "klant-zijn/facturatie/vraag.yaml"
IMPROVEMENT = "improvements/sms.yaml"
# The tests validate as on 2026-01-15.
SMS = "id: sms\ntitle: Herinnering per sms\njourneys: [ik-betaal]\nowner: jan\n"


def _journey(root: Path, extra: str) -> None:
    write(root, FILE, JOURNEY.format(id="vraag") + extra)


def _messages(root: Path) -> list[str]:
    return [message for *_, message in found(root, RULE)]


def test_a_review_after_today_is_named_with_both_dates_and_what_to_do(tree_dir: Path) -> None:
    _journey(tree_dir, "review: {cadence: monthly, last_reviewed: 2027-11-12}\n")
    assert found(tree_dir, RULE) == [
        (
            FILE,
            6,
            43,
            "last_reviewed 2027-11-12 is after today (2026-01-15); write the day of the last "
            "review that took place (while it is ahead, the review cannot fall overdue)",
        )
    ]


def test_a_review_today_is_fine(tree_dir: Path) -> None:
    _journey(tree_dir, "review: {last_reviewed: 2026-01-15}\n")
    assert found(tree_dir, RULE) == []


def test_the_day_validate_is_told_is_today(tree_dir: Path) -> None:
    _journey(tree_dir, "review: {last_reviewed: 2026-01-16}\n")
    assert len(found(tree_dir, RULE)) == 1
    later = validate(load_tree(tree_dir), today=date(2026, 1, 16)).findings
    assert [f for f in later if f.rule == RULE] == []


def test_a_kpi_baseline_and_measurement_after_today_are_named_with_their_kpi(
    tree_dir: Path,
) -> None:
    kpis = (
        "kpis:\n  nps:\n    baseline: {value: 3, date: 2026-01-16}\n"
        "    measurements:\n      - {date: 2025-12-31, value: 4}\n"
        "      - {date: 2062-06-30, value: 5}\n"
    )
    _journey(tree_dir, kpis)
    assert found(tree_dir, RULE) == [
        (
            FILE,
            8,
            32,
            "KPI 'nps' baseline date 2026-01-16 is after today (2026-01-15); write the day the "
            "baseline was measured",
        ),
        (
            FILE,
            11,
            16,
            "KPI 'nps' measurement date 2062-06-30 is after today (2026-01-15); write the day it "
            "was measured (reports take the latest measurement as the KPI's current value)",
        ),
    ]


def test_an_insight_after_today_is_named(tree_dir: Path) -> None:
    _journey(tree_dir, "insights:\n  - {text: Klanten bellen, date: 2026-02-01}\n  - {text: Ook}\n")
    assert _messages(tree_dir) == [
        "insight date 2026-02-01 is after today (2026-01-15); write the day the insight was found"
    ]


@pytest.mark.parametrize(
    ("period", "start"),
    [("2027", "2027-01-01"), ("2026-Q2", "2026-04-01"), ("2026-02", "2026-02-01")],
)
def test_a_volume_of_a_period_not_yet_begun_is_named_with_its_start(
    tree_dir: Path, period: str, start: str
) -> None:
    _journey(tree_dir, f'volumes:\n  - {{period: "{period}", customers: 10, contacts: 2}}\n')
    assert _messages(tree_dir) == [
        f"volume period {period} starts {start}, after today (2026-01-15); customers and "
        "contacts cannot be counted in a period not yet begun: correct the period"
    ]


@pytest.mark.parametrize("period", ["2026", "2026-Q1", "2026-01", "2025"])
def test_a_volume_of_a_period_under_way_or_past_is_fine(tree_dir: Path, period: str) -> None:
    _journey(tree_dir, f'volumes:\n  - {{period: "{period}", customers: 10, contacts: 2}}\n')
    assert found(tree_dir, RULE) == []


@pytest.mark.parametrize("status", ["experiment", "in-progress", "implemented"])
def test_a_start_after_today_contradicts_a_status_that_says_the_work_has_begun(
    tree_dir: Path, status: str
) -> None:
    write(tree_dir, IMPROVEMENT, SMS + f"status: {status}\nstarted: 2026-03-01\n")
    assert found(tree_dir, RULE) == [
        (
            IMPROVEMENT,
            6,
            10,
            f"started 2026-03-01 is after today (2026-01-15); status {status} says the work has "
            "begun: write the day it started, or set status: planned for a start still to come",
        )
    ]


@pytest.mark.parametrize("status", ["idea", "planned", "rejected"])
def test_a_start_after_today_is_a_planned_start_for_work_not_begun(
    tree_dir: Path, status: str
) -> None:
    write(tree_dir, IMPROVEMENT, SMS + f"status: {status}\nstarted: 2026-03-01\n")
    assert found(tree_dir, RULE) == []


@pytest.mark.parametrize("status", ["idea", "planned", "in-progress", "implemented", "rejected"])
def test_done_after_today_is_named_whatever_the_status(tree_dir: Path, status: str) -> None:
    write(tree_dir, IMPROVEMENT, SMS + f"status: {status}\ndone: 2026-01-16\n")
    assert found(tree_dir, RULE) == [
        (
            IMPROVEMENT,
            6,
            7,
            "done 2026-01-16 is after today (2026-01-15); done is the day the improvement was "
            "finished: write that day, or leave done out until it is finished",
        )
    ]


def test_dates_up_to_today_are_fine(tree_dir: Path) -> None:
    write(
        tree_dir,
        IMPROVEMENT,
        SMS + "status: implemented\nstarted: 2025-11-01\ndone: 2026-01-15\n",
    )
    _journey(
        tree_dir,
        "kpis:\n  nps:\n    baseline: {value: 3, date: 2026-01-15}\n"
        "    measurements: [{date: 2026-01-15, value: 4}]\n"
        "insights: [{text: Klanten bellen, date: 2026-01-15}]\n"
        "review: {last_reviewed: 2026-01-15}\n",
    )
    assert found(tree_dir, RULE) == []


def test_a_contact_reasons_volume_of_a_period_not_yet_begun_is_named(tree_dir: Path) -> None:
    framework = tree_dir / "framework.yaml"
    reason = (
        "contact_reasons:\n  - id: verhuizing\n    name: Verhuizing doorgeven\n"
        "    phase: klant-zijn\n    volumes: [{period: '2029', contacts: 40}]\n"
    )
    text = framework.read_text(encoding="utf-8").replace("owners:", reason + "owners:")
    framework.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    volumes: [{period: '2029', contacts: 40}]") + 1
    assert [(file, at) for file, at, *_ in found(tree_dir, RULE)] == [("framework.yaml", line)]
    assert _messages(tree_dir) == [
        "volume period 2029 starts 2029-01-01, after today (2026-01-15); customers and "
        "contacts cannot be counted in a period not yet begun: correct the period"
    ]
