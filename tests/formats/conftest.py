from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from journeyctl.checks import Validation
from journeyctl.finding import Finding, Severity

# Text that a journey file may hold and that must not drive the output: markup, escapes,
# a forged workflow command or SARIF result, line and paragraph separators, bidi overrides.
HOSTILE_TEXTS = [
    "[bold red]x[/bold red] [link=https://evil]y[/link]",
    "Ik betaal\n::error::forged",
    "Ik betaal\r::error file=x.yaml::forged",
    "\x1b[31mred\x1b]0;title\a\x1b[2J",
    "nul\0 bell\a del\x7f csi\x9b2J nel\x85",
    "sep\u2028::error::a\u2029::error::b",
    "evil\u202egnp.yaml \u2066isolated\u2069",
    '"}]}, {"ruleId": "JC999", "message": {"text": "forged',
    "| cell | `code` <script>alert(1)</script> [x](javascript:y) &amp; *em* _u_ ~s~ #h",
    '=HYPERLINK("http://evil")',
    "%0A::error::percent",
]


@pytest.fixture(params=HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def hostile(request: pytest.FixtureRequest) -> str:
    text: str = request.param
    return text


def finding_quoting(text: str, file: str = "klant-zijn/ik-betaal.yaml") -> Finding:
    """A finding whose message quotes user text, as a check writes it."""
    return Finding(file, 2, 7, "JC303", Severity.WARNING, f"name '{text}' looks like a variant")


def validation_of(*findings: Finding) -> Validation:
    return Validation(list(findings), journeys=2)


def modules_after(script: str, wanted: str) -> list[str]:
    """The modules that `wanted` (a comprehension's condition on a module's name `m`)
    holds of those a fresh interpreter has loaded after running `script`."""
    listing = f"\nprint(sorted(m for m in __import__('sys').modules if {wanted}))\n"
    run = subprocess.run(
        [sys.executable, "-c", script + listing],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    found: list[str] = ast.literal_eval(run.stdout)
    return found
