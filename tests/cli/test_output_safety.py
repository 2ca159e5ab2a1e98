"""Every line any command prints goes through the one safe-text path: a name in a file or an
argument on the command line can never drive the terminal, forge a line or reorder text,
even where a message was put together without escaping it first."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl import cli
from journeyctl.cli.app import app
from journeyctl.formats._safe import output_text
from tests.cli.test_common import HOSTILE_NAME, assert_safe, hostile_tree  # noqa: F401

# A title escape (OSC ... BEL), a right-to-left override and a line break.
TITLE = "Ik zeg op\x1b]0;pwned\x07\u202e\nforged"
TITLE_SHOWN = "Ik zeg op\\x1b]0;pwned\\x07\\u202e\\nforged"

# Commands run on the hostile tree (a journey named HOSTILE_NAME), with hostile arguments.
COMMANDS = [
    ["validate"],
    ["validate", "--format", "github"],
    ["rank"],
    ["rank", "--explain", "--by", "contacts"],
    ["rank", "--phase", TITLE],
    ["rank", "--period", TITLE],
    ["rank", "--weight", f"{TITLE}=2"],
    ["report", "owners"],
    ["report", "alerts", "--format", "markdown"],
    ["report", "kpis", "--period", TITLE],
    ["new", TITLE, "--phase", "klant-zijn", "--cluster", "facturatie"],
    ["new", "Ik betaal via de app", "--phase", "klant-zijn", "--cluster", TITLE],
    ["export", "--out", "inventory.xlsx"],
    ["export", "--out", f"{TITLE}.xlsx"],
    ["import", f"{TITLE}.csv"],
    ["diff", TITLE],
]


@pytest.mark.parametrize(
    "args", COMMANDS, ids=[f"{i}-{args[0]}" for i, args in enumerate(COMMANDS)]
)
@pytest.mark.slow
def test_no_command_prints_a_raw_control_character(
    args: list[str],
    hostile_tree: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*args, "--root", str(hostile_tree)])
    assert result.exit_code in (0, 1, 2), result.output
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    assert "Traceback" not in result.output


def test_new_quotes_its_own_argument_escaped_in_every_warning(
    hostile_tree: Path,  # noqa: F811
) -> None:
    name = "Ik betaal mijn factuur telefonisch" + TITLE[len("Ik zeg op") :]
    result = CliRunner().invoke(
        app,
        [
            "new",
            name,
            "--phase",
            "klant-zijn",
            "--cluster",
            "facturatie",
            "--root",
            str(hostile_tree),
        ],
    )
    shown = "Ik betaal mijn factuur telefonisch" + TITLE_SHOWN[len("Ik zeg op") :]
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning JC303: '{shown}' looks like a scenario or channel variant ('telefonisch'); "
        "a journey is the essence, variants belong in its steps and touchpoints",
    ]
    assert_safe(result.stdout)


def test_a_diagnostic_is_one_line_whatever_it_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    cli.error_line(f"warning: '{TITLE}' is much like 'x'")
    assert stderr.getvalue() == f"warning: '{TITLE_SHOWN}' is much like 'x'\n"


def test_several_lines_of_diagnostics_stay_lines_with_their_colour(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    cli.error_text(f"\x1b[31merror\x1b[0m {TITLE}\nsecond line\n")
    assert stderr.getvalue() == (
        f"\x1b[31merror\x1b[0m {TITLE_SHOWN.replace(chr(92) + 'n', chr(10))}\nsecond line\n"
    )


def test_results_keep_their_lines_and_colour_and_nothing_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    cli.write_output("\x1b[1m#\x1b[0m Ik zeg op\x1b]0;x\x07\u202e\r\n")
    assert stdout.getvalue() == "\x1b[1m#\x1b[0m Ik zeg op\\x1b]0;x\\x07\\u202e\\r\n"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text\nand accents: é ë ü █ ▲\n", "plain text\nand accents: é ë ü █ ▲\n"),
        ("\x1b[1;32mgreen\x1b[0m\n", "\x1b[1;32mgreen\x1b[0m\n"),
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),  # not a colour: the screen erased
        ("\x1b]8;;http://x\x1b\\link", "\\x1b]8;;http://x\\x1b\\link"),
        ("tab\there", "tab\\there"),
        ("\u2028 \u2029 \x85 \x7f \0", "\\u2028 \\u2029 \\x85 \\x7f \\x00"),
        ("\u200b\u202e\u2066", "\\u200b\\u202e\\u2066"),
        ("emoji \U0001f44d\u200d ok", "emoji \U0001f44d\u200d ok"),  # a joiner is kept
    ],
)
def test_output_text_escapes_what_is_not_a_line_break_or_a_colour(text: str, shown: str) -> None:
    assert output_text(text) == shown


def test_a_name_a_workbook_cannot_hold_is_exported_with_its_escapes(
    hostile_tree: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "inventaris.xlsx"
    result = CliRunner().invoke(app, ["export", "--out", str(out), "--root", str(hostile_tree)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).worksheets[0]
    names = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert (
        "Ik betaal via de app\n::error::forged \\x1b[31m [bold]x[/bold] \\x07 \\x00 \u2028 \u202e|"
        in names
    )
