"""SARIF: percent-encoded URIs relative to the source root; messages that add no result."""

from __future__ import annotations

import json

import pytest

from journeyctl.formats import sarif
from journeyctl.formats._safe import is_unsafe
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
    output = sarif.report(validation_of(*findings))
    results = json.loads(output)["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == [f.message for f in findings]
    assert not any(is_unsafe(char) for char in output.replace("\n", ""))
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["region"] == {"startLine": 2, "startColumn": 7}
