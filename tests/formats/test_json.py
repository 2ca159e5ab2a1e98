"""The contract's JSON: user text kept exactly, nothing unsafe written raw."""

from __future__ import annotations

import json

from journeyctl.formats import json as json_format
from journeyctl.formats._safe import is_unsafe
from journeyctl.formats.base import Settings
from tests.formats.conftest import finding_quoting, validation_of


def test_diagnostics_keep_user_text_and_hold_no_raw_control(hostile: str) -> None:
    finding = finding_quoting(hostile, file=f"{hostile}.yaml")
    output = json_format.report(validation_of(finding), Settings())
    (diagnostic,) = json.loads(output)["diagnostics"]
    assert (diagnostic["message"], diagnostic["file"]) == (finding.message, finding.file)
    assert not any(is_unsafe(char) for char in output.replace("\n", ""))
