"""Each report of the small tree against its JSON computed by hand (expected/<report>.json;
a new case is a new file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeyctl.formats._safe import to_json
from journeyctl.reports import REPORT_NAMES, build
from tests.reports.tree import EXPECTED, report_input


def test_every_report_has_an_expected_file() -> None:
    assert sorted(p.stem for p in EXPECTED.glob("*.json")) == sorted(REPORT_NAMES)


@pytest.mark.parametrize("expected", sorted(EXPECTED.glob("*.json")), ids=lambda p: p.stem)
def test_report_as_computed_by_hand(expected: Path) -> None:
    report = build(expected.stem, report_input())
    assert json.loads(to_json(report.to_dict())) == json.loads(expected.read_text(encoding="utf-8"))
