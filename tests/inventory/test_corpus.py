"""Spreadsheets from the wild: every file of the shared corpus of other projects' test files
(saved by Excel, LibreOffice, Google Sheets, WPS, Gnumeric and libraries; damaged, encrypted,
Strict, with pictures, pivots and charts) is imported or refused plainly.

For each: the contract's exit code, each refusal one line that says what and what to do
(no Python type, no traceback), no warning on the terminal, and nothing written into the
tree. The corpus is not part of this repository: it is read where it is kept, beside it
(`../shared/corpus/excel-wild/`), and the test is skipped, saying so, where it is not.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT
from tests.inventory.conftest import snapshot

# Seventy-odd real workbooks, each read whole: the quick suite leaves them to CI.
pytestmark = pytest.mark.slow

CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "excel-wild"
FILES = (
    sorted(p for p in CORPUS.glob("*") if p.suffix.lower() in (".xlsx", ".csv"))
    if CORPUS.is_dir()
    else []
)
# What a refusal never says: Python's words for what went wrong inside.
INTERNALS = ("Traceback", "Error:", "<class", "Warning", "openpyxl", "internal error")


@pytest.mark.skipif(
    not FILES, reason=f"the corpus of spreadsheets from the wild is not at {CORPUS}"
)
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_file_from_the_wild_is_imported_or_refused_plainly(tree_dir: Path, path: Path) -> None:
    before = snapshot(tree_dir)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = CliRunner().invoke(
            app, ["import", str(path), "--root", str(tree_dir), "--dry-run", "--lang", "en"]
        )
    assert [str(warning.message) for warning in caught] == []
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    lines = result.stderr.splitlines()
    if result.exit_code == 1:
        *refusals, last = lines
        assert refusals and all(line.startswith(f"refused: {path.name}") for line in refusals)
        assert last == f"error: {path.name} was not imported; nothing was written"
        assert result.stdout == ""
    else:
        assert lines == []
    assert not [word for word in INTERNALS if word in result.output], result.output
    assert snapshot(tree_dir) == before
