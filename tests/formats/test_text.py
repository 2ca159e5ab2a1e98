"""The text format: user text printed literally, escaped, on the finding's own line."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from journeyctl.checks import Validation
from journeyctl.finding import Finding, Severity
from journeyctl.formats import text
from journeyctl.formats._safe import is_unsafe, one_line
from journeyctl.formats.base import Settings
from journeyctl.framework import check
from tests.conftest import BASE_TREE, CASES, TODAY
from tests.formats.conftest import finding_quoting, validation_of


@pytest.mark.parametrize("color", [False, True])
def test_user_text_is_literal_and_on_one_line(hostile: str, color: bool) -> None:
    output = text.report(validation_of(finding_quoting(hostile)), Settings(color=color))
    plain = output if not color else _without_our_styles(output)
    lines = plain.splitlines()
    assert lines[1] == (
        f"  klant-zijn/ik-betaal.yaml:2:7 warning JC303 name '{one_line(hostile)}' "
        "looks like a variant"
    )
    assert len(lines) == 4 and lines[3].startswith("valid: 0 errors, 1 warning")


def test_markup_prints_as_written() -> None:
    output = text.report(
        validation_of(finding_quoting("[bold red]x[/bold red]")), Settings(color=True)
    )
    assert "[bold red]x[/bold red]" in output
    assert not any(is_unsafe(char) for char in output.replace("\n", "").replace("\x1b", ""))


def _without_our_styles(output: str) -> str:
    import re

    # Our own colours are SGR sequences; user text can hold no ESC of its own (escaped).
    return re.sub(r"\x1b\[[0-9;]*m", "", output)


def _finding(file: str, line: int | None, column: int | None, severity: Severity) -> Finding:
    rule = "JC101" if severity is Severity.ERROR else "JC303"
    return Finding(file, line, column, rule, severity, "msg")


# Our SGR codes: bold underline 1;4, dim 2, bold red 1;31, yellow 33, cyan 36, reset 0.
def test_colours_mark_the_file_the_place_the_severity_the_rule_and_the_verdict() -> None:
    validation = Validation(
        [
            _finding("a.yaml", 3, None, Severity.ERROR),
            _finding("b.yaml", None, None, Severity.WARNING),
        ],
        journeys=1,
    )
    assert text.report(validation, Settings(color=True)) == (
        "\x1b[1;4ma.yaml\x1b[0m\n"
        "  \x1b[2ma.yaml:3:1\x1b[0m \x1b[1;31merror  \x1b[0m\x1b[36m JC101 \x1b[0mmsg\n"
        "\n"
        "\x1b[1;4mb.yaml\x1b[0m\n"
        "  \x1b[2mb.yaml\x1b[0m \x1b[33mwarning\x1b[0m\x1b[36m JC303 \x1b[0mmsg\n"
        "\n"
        "\x1b[1;31minvalid: 1 error, 1 warning in 1 journey file\x1b[0m\n"
    )


def test_a_valid_tree_is_green_and_plain_text_has_no_colour() -> None:
    validation = Validation([], journeys=0)
    assert text.report(validation, Settings(color=True)) == (
        "\x1b[1;32mvalid: 0 errors, 0 warnings in 0 journey files\x1b[0m\n"
    )
    assert text.report(validation, Settings()) == "valid: 0 errors, 0 warnings in 0 journey files\n"


@pytest.mark.parametrize(
    ("severities", "strict", "journeys", "summary"),
    [
        (
            [Severity.WARNING],
            True,
            2,
            "invalid (--strict: warnings fail): 0 errors, 1 warning in 2 journey files",
        ),
        ([Severity.WARNING] * 2, False, 1, "valid: 0 errors, 2 warnings in 1 journey file"),
        ([Severity.ERROR] * 2, False, 1234, "invalid: 2 errors, 0 warnings in 1,234 journey files"),
    ],
)
def test_the_summary_counts_in_words(
    severities: list[Severity], strict: bool, journeys: int, summary: str
) -> None:
    findings = [_finding("a.yaml", 1, 1, severity) for severity in severities]
    output = text.report(Validation(findings, journeys=journeys, strict=strict), Settings())
    assert output.splitlines()[-1] == summary


_NAMES = [
    "Ik betaal",
    "Ik betaal  ",
    "名前の変更",
    "e\u0301 combining",
    "\u05e9\u05dc\u05d5\u05dd",
    "tab\there",
    "🙂 emoji",
    "x" * 300,
]


@pytest.mark.parametrize("name", _NAMES)
def test_without_colour_the_text_is_what_rich_writes(name: str) -> None:
    """Written without Rich where there is no colour: the same text, byte for byte."""
    validation = validation_of(finding_quoting(name))
    assert text.plain_report(validation) == text.rich_report(validation, False)
    assert text.report(validation, Settings()) == text.rich_report(validation, False)


def test_without_colour_the_hostile_text_is_what_rich_writes(hostile: str) -> None:
    validation = validation_of(finding_quoting(hostile))
    assert text.plain_report(validation) == text.rich_report(validation, False)


def test_a_tree_with_every_case_without_colour_is_what_rich_writes(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(BASE_TREE, root)
    for kind, folder in (("journey", "klant-zijn/facturatie"), ("improvement", "improvements")):
        for case in sorted((CASES / kind).glob("*.yaml")):
            shutil.copy(case, root / folder / case.name)
    validation = check(root, today=TODAY, cache=False).for_display(tmp_path)
    assert len(validation.findings) > 100
    for strict in (False, True):
        shown = replace(validation, strict=strict)
        assert text.plain_report(shown) == text.rich_report(shown, False)
