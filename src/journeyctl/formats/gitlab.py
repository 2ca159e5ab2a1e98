"""GitLab's Code Quality report, so that findings show in the merge request.

A JSON array with one issue per finding, in the subset of the Code Climate format that
GitLab reads: `description`, `check_name` (the rule id), `fingerprint`, `severity` and
`location` (`path` and `lines.begin`). GitLab compares the report of the merge request with
the target branch's by fingerprint, so a fingerprint names what the finding is, not where:
the rule, the file and the message with its numbers left out (and which of several such
ones), never the line, which moves whenever a line is added above, nor a number such as
"248 days ago", which changes every day. Errors are `major`, warnings `minor`.

In `.gitlab-ci.yml`:

    validate:
      script: journeyctl validate --format gitlab > gl-code-quality-report.json
      artifacts:
        reports:
          codequality: gl-code-quality-report.json
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from journeyctl.checks import Validation
from journeyctl.finding import Finding, Severity
from journeyctl.formats._safe import to_json
from journeyctl.formats.base import Settings

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}
_NUMBER = re.compile(r"\d+")


def report(validation: Validation, settings: Settings) -> str:
    """The findings as a Code Quality report."""
    seen: Counter[tuple[str, ...]] = Counter()
    issues = []
    for finding in validation.findings:
        identity = (finding.rule, finding.file, _NUMBER.sub("#", finding.message))
        issues.append(_issue(finding, fingerprint(*identity, str(seen[identity]))))
        seen[identity] += 1
    return to_json(issues)


def fingerprint(*parts: str) -> str:
    """A stable name of what a finding is: the same parts give the same one in every run."""
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _issue(finding: Finding, print_: str) -> dict[str, object]:
    return {
        "description": f"{finding.rule} {finding.message}",
        "check_name": finding.rule,
        "fingerprint": print_,
        "severity": _SEVERITY[finding.severity],
        "location": {"path": finding.file, "lines": {"begin": finding.line or 1}},
    }
