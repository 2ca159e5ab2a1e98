"""The contract's JSON shape: ok, counts, and every diagnostic."""

from __future__ import annotations

import json

from journeyctl.checks import Validation


def report(validation: Validation, color: bool = False) -> str:
    document = {
        "ok": validation.ok,
        "errors": validation.errors,
        "warnings": validation.warnings,
        "journeys": validation.journeys,
        "diagnostics": [finding.to_dict() for finding in validation.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
