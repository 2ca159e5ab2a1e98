"""A report by name, as the command line asks for one, and the cells of its CSV rows."""

from __future__ import annotations

import pytest

from journeyctl.errors import UsageError
from journeyctl.reports import build, report_name
from journeyctl.reports.rows import cell
from tests.conftest import as_shown
from tests.reports.tree import report_input


def test_an_unknown_report_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as raised:
        build("journeys", report_input())
    assert as_shown(raised.value) == (
        "'journeys' is not a report; choose one of kpis, improvements, coverage, owners, alerts"
    )


def test_a_report_is_named_in_any_case() -> None:
    assert report_name("KPIS") == "kpis" and report_name("Alerts") == "alerts"


@pytest.mark.parametrize("name", ["improvements", "coverage", "owners"])
def test_top_is_refused_by_a_report_that_shows_every_row(name: str) -> None:
    with pytest.raises(UsageError) as raised:
        build(name, report_input(), top=3)
    assert as_shown(raised.value) == (
        f"--top is for the kpis and alerts reports only; the {name} report shows every row, "
        "so leave it out"
    )


@pytest.mark.parametrize(("name", "rows"), [("kpis", 1), ("alerts", 4)])
def test_top_narrows_the_reports_that_take_it(name: str, rows: int) -> None:
    """kpis: b's one KPI; alerts: the top-1 window leaves out a and e as unworked."""
    assert len(build(name, report_input(), top=1).rows) == rows


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, None), ("x", "x"), (3, 3), (0.5, 0.5), (True, True), (["c", "b"], "c;b"), ((), "")],
)
def test_a_cell(value: object, shown: object) -> None:
    assert cell(value) == shown


def test_a_value_with_no_cell_is_a_type_error() -> None:
    with pytest.raises(TypeError) as raised:
        cell({"a": 1})
    assert str(raised.value) == "no CSV cell for dict"
