"""The JSON and CSV of every report against docs/reports.md, the documented and stable shape.

The JSON keys are read from each report's block under "## JSON" (every `"key":`), the CSV
columns from the table under "## CSV"; the example's reports must use exactly those.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from journeyctl.formats.reports import as_csv, as_json
from journeyctl.framework import check
from journeyctl.reports import REPORT_NAMES, Report, build, prepare
from tests.conftest import REPO_ROOT, TODAY
from tests.reports.tree import report_input

DOC = (REPO_ROOT / "docs" / "reports.md").read_text(encoding="utf-8")


def documented_json_keys(name: str) -> set[str]:
    section = DOC.split("## JSON", 1)[1].split("## CSV", 1)[0]
    block = re.search(rf"### {name}\n+```\n(.*?)```", section, re.DOTALL)
    assert block, f"docs/reports.md documents no JSON for {name}"
    return set(re.findall(r'"([\w-]+)":', block.group(1)))


def documented_csv_columns(name: str) -> list[str]:
    section = DOC.split("## CSV", 1)[1]
    row = re.search(rf"^\| `{name}` \| (.*) \|$", section, re.MULTILINE)
    assert row, f"docs/reports.md documents no CSV columns for {name}"
    return [column.strip() for column in row.group(1).split(",")]


def keys(value: object) -> set[str]:
    """Every key of every object in a JSON document, except the KPI ids of `expected`."""
    if isinstance(value, list):
        return set().union(*(keys(item) for item in value))
    if not isinstance(value, dict):
        return set()
    found = set()
    for key, item in value.items():
        found.add(key)
        if key != "expected":
            found |= keys(item)
    return found


def example_reports() -> list[Report]:
    tree = check(REPO_ROOT / "journeys", today=TODAY)
    given = prepare(tree.framework, tree.journeys, tree.improvements, today=TODAY)
    return [build(name, given) for name in REPORT_NAMES]


SMALL = [build(name, report_input()) for name in REPORT_NAMES]
REPORTS = [*example_reports(), *SMALL]


@pytest.mark.parametrize("report", SMALL, ids=lambda r: r.name)
def test_json_keys_are_the_documented_ones(report: Report) -> None:
    """The small tree has a row of every kind, so every documented key shows."""
    assert keys(json.loads(as_json(report))) == documented_json_keys(report.name)


@pytest.mark.parametrize("report", example_reports(), ids=lambda r: r.name)
def test_the_example_uses_no_undocumented_key(report: Report) -> None:
    assert keys(json.loads(as_json(report))) <= documented_json_keys(report.name)


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r.name)
def test_csv_columns_are_the_documented_ones(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(as_csv(report))))
    assert rows[0] == documented_csv_columns(report.name) == list(report.fields)
    assert len(rows) == 1 + len(report.rows)
    assert all(len(row) == len(rows[0]) for row in rows)


def test_csv_cells() -> None:
    """Lists joined by `;`, null empty, booleans as JSON writes them."""
    report = build("improvements", report_input())
    rows = list(csv.DictReader(io.StringIO(as_csv(report))))
    assert rows[0]["journeys"] == "c;b"
    assert (rows[0]["shared"], rows[1]["shared"]) == ("true", "false")
    assert rows[0]["done"] == ""
    alerts = list(csv.DictReader(io.StringIO(as_csv(build("alerts", report_input())))))
    assert [(row["journey"], row["kinds"]) for row in alerts] == [
        ("b", "kpi_away_from_target;review_overdue"),
        ("c", "contact_rate_up;review_overdue;kpi_without_baseline"),
        ("a", "contact_rate_up;contacts_up;top_unworked"),
        ("e", "top_unworked;no_owner"),
    ]
    assert (alerts[3]["owner"], alerts[3]["estimated"]) == ("", "false")
    assert alerts[0]["signals"] == (
        "kpi_away_from_target: nps 0 -> -5 (target 10); "
        "review_overdue: last reviewed 2025-01-01, quarterly, 59 days overdue"
    )
