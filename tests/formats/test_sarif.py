"""SARIF: percent-encoded URIs relative to the source root; messages that add no result."""

from __future__ import annotations

import json

import pytest

from journeyctl import __version__
from journeyctl.checks import all_rules
from journeyctl.finding import Finding, Severity
from journeyctl.formats import sarif
from journeyctl.formats._safe import is_unsafe
from journeyctl.formats.base import Settings
from tests.formats.conftest import finding_quoting, validation_of


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("klant-zijn/ik-betaal.yaml", {"uri": "klant-zijn/ik-betaal.yaml"}),
        ("../journeys/x.yaml", {"uri": "../journeys/x.yaml"}),
        ("a b/#1 100%.yaml", {"uri": "a%20b/%231%20100%25.yaml"}),
        ("klant-zijn/één?.yaml", {"uri": "klant-zijn/%C3%A9%C3%A9n%3F.yaml"}),
        ("x\n::error::y.yaml", {"uri": "x%0A%3A%3Aerror%3A%3Ay.yaml"}),
        ("bytes-\udcff.yaml", {"uri": "bytes-%FF.yaml"}),
    ],
)
def test_a_relative_path_is_an_encoded_uri_on_the_source_root(
    path: str, location: dict[str, str]
) -> None:
    assert sarif.artifact_location(path) == {**location, "uriBaseId": "%SRCROOT%"}


def test_an_absolute_path_is_a_file_uri_without_a_base() -> None:
    assert sarif.artifact_location("/srv/my journeys/x#1.yaml") == {
        "uri": "file:///srv/my%20journeys/x%231.yaml"
    }


def test_a_message_adds_no_result_and_keeps_its_text(hostile: str) -> None:
    findings = [finding_quoting(hostile), finding_quoting("second")]
    output = sarif.report(validation_of(*findings), Settings())
    results = json.loads(output)["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == [f.message for f in findings]
    assert not any(is_unsafe(char) for char in output.replace("\n", ""))
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["region"] == {"startLine": 2, "startColumn": 7}


def test_the_tool_lists_every_rule_and_a_result_points_at_its_rule() -> None:
    known = Finding("a.yaml", 4, None, "JC303", Severity.WARNING, "w")
    unknown = Finding("b.yaml", None, None, "JC999", Severity.ERROR, "e")
    document = json.loads(sarif.report(validation_of(known, unknown), Settings()))
    assert (document["$schema"], document["version"]) == (
        "https://json.schemastore.org/sarif-2.1.0.json",
        "2.1.0",
    )
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("journeyctl", __version__)
    assert "informationUri" not in driver
    rules = {rule.id: rule for rule in all_rules()}
    assert [entry["id"] for entry in driver["rules"]] == list(rules)
    for entry in driver["rules"]:
        rule = rules[entry["id"]]
        assert entry["name"] == rule.name
        assert entry["shortDescription"] == {"text": rule.summary}
        # The docstring on one line: the same words, single spaces.
        described = entry["fullDescription"]["text"]
        assert described.split(" ") == rule.doc.split()
    levels = {entry["id"]: entry["defaultConfiguration"] for entry in driver["rules"]}
    assert (levels["JC001"], levels["JC303"]) == ({"level": "error"}, {"level": "warning"})
    first, second = run["results"]
    assert first == {
        "ruleId": "JC303",
        "level": "warning",
        "message": {"text": "w"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "a.yaml", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 4},
                }
            }
        ],
        "ruleIndex": list(rules).index("JC303"),
    }
    # A rule journeyctl does not list (none today) has no index to point at.
    assert "ruleIndex" not in second and second["level"] == "error"
    assert "region" not in second["locations"][0]["physicalLocation"]
