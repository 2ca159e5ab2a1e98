"""The contract's JSON shape: ok, counts, and every diagnostic (strings kept exactly)."""

from __future__ import annotations

from journeyctl.checks import Validation
from journeyctl.formats._safe import to_json
from journeyctl.formats.base import Settings


def report(validation: Validation, settings: Settings) -> str:
    document = {
        "ok": validation.ok,
        "errors": validation.errors,
        "warnings": validation.warnings,
        "journeys": validation.journeys,
        "diagnostics": [finding.to_dict() for finding in validation.findings],
    }
    return to_json(document)
