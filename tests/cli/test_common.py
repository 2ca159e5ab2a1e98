"""Every command's output, whatever a file holds; the one handler around every command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.formats._safe import is_unsafe

# A journey name (JSON is a YAML double-quoted string) that tries every way out of its line;
# `via de app` makes the variant-name warning quote it in validate's output.
HOSTILE_NAME = "Ik betaal via de app\n::error::forged \x1b[31m [bold]x[/bold] \a \0 \u2028 \u202e|"
SHOWN = (
    "Ik betaal via de app\\n::error::forged \\x1b[31m [bold]x[/bold] \\x07 \\x00 \\u2028 \\u202e|"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def hostile_tree(tree_dir: Path) -> Path:
    journey = tree_dir / "klant-zijn/facturatie/ik-betaal.yaml"
    text = journey.read_text(encoding="utf-8")
    name = f"name: {json.dumps(HOSTILE_NAME)}"
    journey.write_text(text.replace("name: Ik betaal mijn factuur", name), encoding="utf-8")
    return tree_dir


def assert_safe(output: str) -> None:
    """No character that could end a line or drive a terminal, but the lines' own ends."""
    assert not any(is_unsafe(char) for char in output.replace("\n", ""))


@pytest.mark.parametrize(
    ("output_format", "shown"),
    [
        ("text", f"JC303 name '{SHOWN}' looks like"),
        ("github", f"title=JC303::name '{SHOWN.replace('%', '%25')}' looks like"),
    ],
)
def test_validate_shows_the_name_escaped_on_its_line(
    runner: CliRunner, hostile_tree: Path, output_format: str, shown: str
) -> None:
    result = runner.invoke(
        app, ["validate", "--root", str(hostile_tree), "--format", output_format]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert_safe(result.stdout)
    (line,) = [line for line in result.stdout.splitlines() if "JC303" in line]
    assert shown in line


def test_validate_github_has_no_line_from_file_content(
    runner: CliRunner, hostile_tree: Path
) -> None:
    result = runner.invoke(app, ["validate", "--root", str(hostile_tree), "--format", "github"])
    lines = result.stdout.splitlines()
    assert [line[:10] for line in lines[:-1]] == ["::warning "]
    assert lines[-1] == "journeyctl: 0 error(s), 1 warning(s) in 2 journey file(s)"


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_validate_machine_formats_keep_the_name_exactly(
    runner: CliRunner, hostile_tree: Path, output_format: str
) -> None:
    result = runner.invoke(
        app, ["validate", "--root", str(hostile_tree), "--format", output_format]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert_safe(result.stdout)
    document = json.loads(result.stdout)
    if output_format == "sarif":
        (result_,) = document["runs"][0]["results"]
        message = result_["message"]["text"]
    else:
        (diagnostic,) = document["diagnostics"]
        message = diagnostic["message"]
    assert f"name '{HOSTILE_NAME}' looks like" in message


@pytest.mark.parametrize(
    ("output_format", "shown"),
    [
        ("table", "[bold]x[/bold]"),  # Rich would have eaten it as markup
        ("markdown", "Ik betaal via de app ::error::forged \\\\x1b\\[31m \\[bold\\]x"),
        ("csv", f",{SHOWN},"),
        ("json", json.dumps(HOSTILE_NAME)[:20]),
    ],
)
def test_rank_shows_the_name_literally_in_every_format(
    runner: CliRunner, hostile_tree: Path, output_format: str, shown: str
) -> None:
    arguments = ["rank", "--root", str(hostile_tree), "--format", output_format]
    result = runner.invoke(app, [*arguments, "--explain"])
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout)
    assert shown in result.stdout
    assert "::error::forged" not in "".join(line[:20] for line in result.stdout.splitlines())


def test_rank_table_in_colour_keeps_markup_literal(
    runner: CliRunner, hostile_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    result = runner.invoke(app, ["rank", "--root", str(hostile_tree)])
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert result.exit_code == 0 and "\x1b[" in result.stdout
    assert "[bold]x[/bold]" in plain and "\\x1b[31m" in plain


def test_a_usage_error_quoting_user_text_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "no\n::error::forged\x1b[31m"
    result = runner.invoke(app, ["validate", "--root", str(root)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "\\n::error::forged\\x1b[31m" in result.stderr


@pytest.mark.parametrize(
    ("error", "code", "stderr"),
    [
        (BrokenPipeError(32, "Broken pipe"), 141, ""),
        (KeyboardInterrupt(), 130, "interrupted\n"),
    ],
)
def test_the_handler_ends_a_command_as_the_contract_says(
    runner: CliRunner,
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    code: int,
    stderr: str,
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("journeyctl.framework.check", fail)
    result = runner.invoke(app, ["validate", "--root", str(tree_dir)])
    assert (result.exit_code, result.stderr) == (code, stderr)
