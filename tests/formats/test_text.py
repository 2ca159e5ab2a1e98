"""The text format: user text printed literally, escaped, on the finding's own line."""

from __future__ import annotations

import pytest

from journeyctl.formats import text
from journeyctl.formats._safe import is_unsafe, one_line
from tests.formats.conftest import finding_quoting, validation_of


@pytest.mark.parametrize("color", [False, True])
def test_user_text_is_literal_and_on_one_line(hostile: str, color: bool) -> None:
    output = text.report(validation_of(finding_quoting(hostile)), color)
    plain = output if not color else _without_our_styles(output)
    lines = plain.splitlines()
    assert lines[1] == (
        f"  klant-zijn/ik-betaal.yaml:2:7 warning JC303 name '{one_line(hostile)}' "
        "looks like a variant"
    )
    assert len(lines) == 4 and lines[3].startswith("valid: 0 errors, 1 warning")


def test_markup_prints_as_written() -> None:
    output = text.report(validation_of(finding_quoting("[bold red]x[/bold red]")), True)
    assert "[bold red]x[/bold red]" in output
    assert not any(is_unsafe(char) for char in output.replace("\n", "").replace("\x1b", ""))


def _without_our_styles(output: str) -> str:
    import re

    # Our own colours are SGR sequences; user text can hold no ESC of its own (escaped).
    return re.sub(r"\x1b\[[0-9;]*m", "", output)
