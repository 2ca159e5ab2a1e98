"""GitLab's Code Quality report: the fields GitLab reads, fingerprints that name what a finding
is (stable across runs, lines and changing numbers), and messages kept exactly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.finding import Finding, Severity
from journeyctl.formats import gitlab
from journeyctl.formats._safe import is_unsafe
from journeyctl.formats.base import Settings
from tests.formats.conftest import finding_quoting, validation_of

OVERDUE = "review overdue: last reviewed 2026-04-02 ({days} days ago), cadence quarterly"


def _report(*findings: Finding) -> list[dict[str, object]]:
    issues: list[dict[str, object]] = json.loads(
        gitlab.report(validation_of(*findings), Settings())
    )
    return issues


def test_each_finding_is_an_issue_with_the_fields_gitlab_reads() -> None:
    error = Finding("journeys/x.yaml", 3, 5, "JC101", Severity.ERROR, "unknown key 'nam'")
    warning = Finding("journeys/framework.yaml", None, None, "JC302", Severity.WARNING, "w")
    assert _report(error, warning) == [
        {
            "description": "JC101 unknown key 'nam'",
            "check_name": "JC101",
            "fingerprint": hashlib.sha256(
                b"JC101\0journeys/x.yaml\0unknown key 'nam'\x000"
            ).hexdigest(),
            "severity": "major",
            "location": {"path": "journeys/x.yaml", "lines": {"begin": 3}},
        },
        {
            "description": "JC302 w",
            "check_name": "JC302",
            "fingerprint": hashlib.sha256(b"JC302\0journeys/framework.yaml\0w\x000").hexdigest(),
            "severity": "minor",
            "location": {"path": "journeys/framework.yaml", "lines": {"begin": 1}},
        },
    ]


def _fingerprints(*findings: Finding) -> list[object]:
    return [issue["fingerprint"] for issue in _report(*findings)]


def test_a_fingerprint_stays_when_the_line_or_a_number_in_the_message_changes() -> None:
    today = Finding("x.yaml", 10, 3, "JC305", Severity.WARNING, OVERDUE.format(days=248))
    tomorrow = Finding("x.yaml", 12, 3, "JC305", Severity.WARNING, OVERDUE.format(days=249))
    assert _fingerprints(today) == _fingerprints(tomorrow)


def test_findings_that_differ_in_rule_file_or_words_have_other_fingerprints() -> None:
    base = Finding("x.yaml", 1, 1, "JC101", Severity.ERROR, "unknown key 'a'")
    others = [
        Finding("x.yaml", 1, 1, "JC103", Severity.ERROR, "unknown key 'a'"),
        Finding("y.yaml", 1, 1, "JC101", Severity.ERROR, "unknown key 'a'"),
        Finding("x.yaml", 1, 1, "JC101", Severity.ERROR, "unknown key 'b'"),
    ]
    prints = _fingerprints(base, *others)
    assert len(set(prints)) == 4


def test_identical_findings_are_told_apart_by_their_order() -> None:
    first = Finding("x.yaml", 1, 1, "JC206", Severity.ERROR, "value 120 above max 100")
    second = Finding("x.yaml", 9, 1, "JC206", Severity.ERROR, "value 130 above max 100")
    prints = _fingerprints(first, second)
    assert prints[0] != prints[1]
    assert prints[1] == hashlib.sha256(b"JC206\0x.yaml\0value # above max #\x001").hexdigest()


def test_a_message_keeps_its_text_and_no_unsafe_character_is_raw(hostile: str) -> None:
    text = gitlab.report(validation_of(finding_quoting(hostile)), Settings())
    assert not any(is_unsafe(char) for char in text.replace("\n", ""))
    (issue,) = json.loads(text)
    assert issue["description"] == f"JC303 name '{hostile}' looks like a variant"


def test_validate_writes_the_report_and_exits_on_errors(tree_dir: Path) -> None:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    journey.write_text(journey.read_text(encoding="utf-8") + "nam: x\n", encoding="utf-8")
    first = CliRunner().invoke(app, ["validate", "--format", "gitlab", "--root", str(tree_dir)])
    again = CliRunner().invoke(app, ["validate", "--format", "gitlab", "--root", str(tree_dir)])
    assert (first.exit_code, first.stderr, first.stdout) == (1, "", again.stdout)
    issues = json.loads(first.stdout)
    assert [(i["check_name"], i["severity"]) for i in issues] == [("JC101", "major")]
    location = issues[0]["location"]
    assert location["path"].endswith("klant-zijn/facturatie/ik-betaal.yaml")
    assert location["lines"]["begin"] == len(journey.read_text(encoding="utf-8").splitlines())
