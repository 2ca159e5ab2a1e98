"""The ranking's table and Markdown, as a consultant sees them, compared with golden files.

The golden files under `golden/` are the sample ranking (`ranking_sample.py`) in English
and Dutch, at 100 and 160 columns, with and without a compared period. When the output
changes on purpose, regenerate them and read the diff before committing:

    JOURNEYCTL_UPDATE_GOLDEN=1 pytest tests/formats/test_ranking_golden.py

The output must not depend on the terminal the tests run in: each test sets NO_COLOR,
COLUMNS and friends to values that would change the output if they were read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journeyctl.formats import ranking as formats
from journeyctl.text import LANGUAGES, Lang
from tests.formats.ranking_sample import sample

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def misleading_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal that differs from the golden one in every way Rich could read."""
    for name, value in {
        "COLUMNS": "40",
        "LINES": "10",
        "NO_COLOR": "1",
        "FORCE_COLOR": "1",
        "TERM": "dumb",
        "TTY_COMPATIBLE": "0",
    }.items():
        monkeypatch.setenv(name, value)


def check_golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(output, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    assert output == expected, f"{name} changed; see this module's docstring to regenerate it"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [100, 160])
@pytest.mark.parametrize("compare", [False, True], ids=["alone", "compare"])
def test_table(lang: Lang, width: int, compare: bool) -> None:
    output = formats.table(sample(lang, compare=compare), color=False, width=width)
    suffix = "-compare" if compare else ""
    check_golden(f"ranking-{lang}-{width}{suffix}.txt", output)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_explained(lang: Lang) -> None:
    output = formats.table(sample(lang), color=False, explain=True, width=100)
    check_golden(f"ranking-{lang}-100-explain.txt", output)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markdown(lang: Lang) -> None:
    output = formats.as_markdown(sample(lang, compare=True), explain=True)
    check_golden(f"ranking-{lang}-compare.md", output)


def test_csv_with_compare() -> None:
    output = formats.as_csv(sample("nl", compare=True), explain=True)
    check_golden("ranking-compare.csv", output)
