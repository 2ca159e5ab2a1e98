"""Data-driven cases: each file under cases/<kind>/ is dropped into a copy of the base
tree, validated, and its findings compared with the `# expect: RULE LINE:COL` lines it
carries. A case without expect lines must produce no findings. Adding a case is adding
a file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from journeyctl.checks import validate
from journeyctl.load import load_tree
from tests.conftest import BASE_TREE, CASES, TODAY

_EXPECT = re.compile(r"^# expect: (JC\d{3}) (\d+):(\d+)$", re.MULTILINE)
_PLACE = {
    "journey": Path("klant-zijn/facturatie"),
    "improvement": Path("improvements"),
    "framework": Path(),
}


def _cases() -> list[tuple[str, Path]]:
    return [(kind, path) for kind in _PLACE for path in sorted((CASES / kind).glob("*.yaml"))]


def _expected(text: str) -> set[tuple[str, int, int]]:
    return {(rule, int(line), int(column)) for rule, line, column in _EXPECT.findall(text)}


@pytest.mark.parametrize(("kind", "case"), _cases(), ids=lambda v: getattr(v, "stem", v))
def test_case(kind: str, case: Path, tmp_path: Path) -> None:
    root = tmp_path / "journeys"
    shutil.copytree(BASE_TREE, root)
    target = root / _PLACE[kind] / (case.name if kind != "framework" else "framework.yaml")
    text = case.read_text(encoding="utf-8")
    newline = "\r\n" if "crlf" in case.stem else "\n"
    target.write_bytes(text.replace("\n", newline).encode("utf-8"))

    findings = validate(load_tree(root), today=TODAY).findings

    in_case = {(f.rule, f.line, f.column) for f in findings if Path(f.file) == target}
    assert in_case == _expected(text), [f for f in findings if Path(f.file) == target]


def test_base_tree_is_clean() -> None:
    validation = validate(load_tree(BASE_TREE), today=TODAY)
    assert validation.findings == []
    assert validation.journeys == 2
