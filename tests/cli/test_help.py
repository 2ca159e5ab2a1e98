"""Every command's --help teaches it: what it does in the user's terms, placeholders instead
of types, the valid values of every choice, and examples that run on the example framework."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import COMMANDS, app
from tests.conftest import REPO_ROOT

NAMES = [command.__name__ for command in COMMANDS]
# What Typer writes where a person should read a placeholder: `<str>`, `<int range>`, `<path>`,
# `{file}`, `[x>=1]`.
JARGON = re.compile(r"<[a-z ]+>|\{\w+\}|\[x[<>=]")


def help_of(name: str) -> str:
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout


def examples_of(name: str) -> list[str]:
    text = help_of(name)
    assert "\n  Examples:\n\n" in text, text
    return [line.strip() for line in text.split("\n  Examples:\n\n")[1].splitlines() if line]


@pytest.mark.parametrize("name", NAMES)
def test_help_names_values_by_placeholders_not_types(name: str) -> None:
    text = help_of(name)
    assert JARGON.findall(text) == []


@pytest.mark.parametrize("name", NAMES)
def test_help_ends_with_two_or_three_examples_of_the_command(name: str) -> None:
    examples = examples_of(name)
    assert 2 <= len(examples) <= 3
    assert all(line.startswith(f"journeyctl {name}") for line in examples), examples


@pytest.mark.parametrize("name", ["init", "rules", "schema"])
def test_commands_that_read_no_framework_do_not_offer_a_root(name: str) -> None:
    assert "--root" not in help_of(name)
    accepted = CliRunner().invoke(app, [name, "--root", "journeys", "--help"])
    assert accepted.exit_code == 0  # taken, as every command takes it


def test_every_choice_lists_its_values() -> None:
    rank = " ".join(help_of("rank").split())
    for shown in (
        "[score|customers|contacts|contact-rate]",
        "[table|json|csv|markdown]",
        "listed, mapped, improving, monitoring or",
    ):
        assert shown in rank
    assert "--format [auto|text|json|github|gitlab|sarif]" in help_of("validate")
    assert "Usage: journeyctl diff [OPTIONS] BASE [HEAD]" in help_of("diff")


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example in a git repository on `main`, two commits deep."""
    folder = tmp_path_factory.mktemp("example")
    for name in ("journeys", "examples"):
        shutil.copytree(REPO_ROOT / name, folder / name)

    def git(*arguments: str) -> None:
        subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.org",
                *arguments,
            ],
            check=True,
            capture_output=True,
        )

    git("init", "-q", "--initial-branch=main")
    git("add", "-A")
    git("commit", "-q", "-m", "The example")
    (folder / "journeys" / "klant-zijn" / "wijzigen" / "ik-verhuis.yaml").write_text(
        (folder / "journeys/klant-zijn/wijzigen/ik-verhuis.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Ik verhuis", "name: Ik ga verhuizen"),
        encoding="utf-8",
    )
    git("commit", "-q", "-a", "-m", "A name")
    return folder


@pytest.mark.slow  # every example of every command, each a whole run on the example
@pytest.mark.parametrize(
    "line", [line for name in NAMES for line in examples_of(name)], ids=lambda line: line
)
def test_every_example_runs_on_the_example_framework(
    line: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(sandbox)
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent), prepend=":")
    arguments = shlex.split(line)[1:]
    result = CliRunner().invoke(app, arguments, env={"COLUMNS": "100", "NO_COLOR": "1"})
    # 0, or 1 where the example shows findings; never a usage error or an internal one.
    assert result.exit_code in (0, 1), result.output
    # An example shows the command at work: not refused, not warned against.
    for misfire in ("refused", "geweigerd", "much like", "lijkt sterk op"):
        assert misfire not in result.output, result.output
