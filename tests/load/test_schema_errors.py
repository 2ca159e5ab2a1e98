"""Schema errors in the file's own terms: each case under `schema_messages/` is a journey
(under `schema_messages/improvements/`, an improvement) dropped into a copy of the base tree,
and its findings (rule, line, column and the whole message) must be the
`# expect: RULE LINE:COL MESSAGE` lines it carries, worked out by hand.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from journeyctl.load import load_tree
from tests.conftest import BASE_TREE

_MESSAGES = Path(__file__).parent / "schema_messages"
CASES = sorted(_MESSAGES.glob("*.yaml")) + sorted((_MESSAGES / "improvements").glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: (JC\d{3}) (\d+):(\d+) (.*)$", re.MULTILINE)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.stem)
def test_the_message_says_what_where_and_what_to_write(case: Path, tmp_path: Path) -> None:
    root = tmp_path / "journeys"
    shutil.copytree(BASE_TREE, root)
    folder = "improvements" if case.parent.name == "improvements" else "klant-zijn/facturatie"
    target = root / folder / case.name
    text = case.read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    findings = [f for f in load_tree(root).findings if Path(root, f.file) == target]
    found = sorted((f.rule, f.line, f.column, f.message) for f in findings)
    expected = sorted(
        (rule, int(line), int(column), message)
        for rule, line, column, message in _EXPECT.findall(text)
    )
    assert found == expected
