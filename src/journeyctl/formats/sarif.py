"""SARIF 2.1.0, for code-scanning dashboards: every rule, and one result per finding.

A finding's file is a URI here: percent-encoded (a space, `#`, `%` or a non-ASCII letter
in a file name cannot change what it points at), relative to the source root
(`%SRCROOT%`: where journeyctl ran, the checkout in CI) or, for a file outside it, a
`file://` URI. Messages keep their text exactly; the JSON escapes every control
character, so no message can end its string and add a result. The driver carries no
`informationUri` (optional in SARIF): the project names no home page it could point at.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from urllib.parse import quote

from journeyctl import __version__
from journeyctl.checks import Validation, all_rules
from journeyctl.finding import Finding, Severity
from journeyctl.formats._safe import to_json
from journeyctl.formats.base import Settings

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}
SOURCE_ROOT = "%SRCROOT%"


def report(validation: Validation, settings: Settings) -> str:
    rules = all_rules()
    index = {rule.id: i for i, rule in enumerate(rules)}
    driver = {
        "name": "journeyctl",
        "version": __version__,
        "rules": [
            {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": " ".join(rule.doc.split())},
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            }
            for rule in rules
        ],
    }
    results = [_result(finding, index) for finding in validation.findings]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return to_json(document)


def _result(finding: Finding, index: dict[str, int]) -> dict[str, object]:
    location: dict[str, object] = {"artifactLocation": artifact_location(finding.file)}
    if finding.line is not None:
        region = {"startLine": finding.line}
        if finding.column is not None:
            region["startColumn"] = finding.column
        location["region"] = region
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def artifact_location(path: str) -> dict[str, str]:
    """Where a file is, as SARIF says it: a percent-encoded URI, relative with a base id."""
    pure = PurePath(path)
    if pure.is_absolute():
        # An absolute URI may not carry a base id: resolving it against one names another file.
        return {"uri": pure.as_uri()}
    # The file name's bytes, so that a name that is not UTF-8 is encoded too, not refused.
    return {"uri": quote(os.fsencode(pure.as_posix()), safe="/"), "uriBaseId": SOURCE_ROOT}
