"""Shell completion: ids from the framework of the `--root` on the line, with their names
beside them; nothing (never an error) where there is no framework."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.completion import completion_init
from typer.testing import CliRunner

from journeyctl.cli import COMPLETE_VARIABLE
from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "journeys"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example framework in a project folder."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "project" / "journeys"))


@pytest.fixture(autouse=True)
def shells() -> None:
    # What `journeyctl` does when a shell asks (the command line's `_app`); the runner calls
    # the application directly.
    completion_init()


def complete(line: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What zsh is offered for `line` (completed after its last word, or after a space)."""
    monkeypatch.setenv(COMPLETE_VARIABLE, "complete_zsh")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
    result = CliRunner().invoke(app, [], prog_name="journeyctl")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_owners_complete_by_id_with_the_name_beside(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered = complete(f"journeyctl rank --root {example} --owner e", monkeypatch)
    assert offered == ['_arguments \'*: :(("eva-de-boer":"Eva de Boer"))\'']


def test_a_project_folder_on_the_line_completes_from_its_journeys(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered = complete(f"journeyctl rank --root {example.parent} --cluster opz", monkeypatch)
    assert offered == ['_arguments \'*: :(("opzeggen":"Ik zeg mijn contract op"))\'']


def test_periods_complete_the_latest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    offered = complete(f"journeyctl rank --root {EXAMPLE} --compare 202", monkeypatch)
    assert offered == ['_arguments \'*: :(("2026-Q1"', '"2025"', '"2024"))\'']


def test_weights_complete_as_id_equals_with_their_names(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    volumes = complete(f"journeyctl rank --root {tree_dir} --weight c", monkeypatch)
    criteria = complete(f"journeyctl rank --root {EXAMPLE} --weight strat", monkeypatch)
    assert volumes == ['_arguments \'*: :(("customers=":"Klanten"', '"contacts=":"Contacten"))\'']
    assert criteria == ['_arguments \'*: :(("strategisch-belang=":"Strategisch belang"))\'']


def test_statuses_complete_with_their_dutch_label(monkeypatch: pytest.MonkeyPatch) -> None:
    offered = complete("journeyctl rank --status im", monkeypatch)
    assert offered == ['_arguments \'*: :(("improving":"wordt verbeterd"))\'']


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("journeyctl report kpis --format ma", ["_arguments '*: :((\"markdown\"))'"]),
        ("journeyctl rank --format j", ["_arguments '*: :((\"json\"))'"]),
        ("journeyctl rank --lang ", ['_arguments \'*: :(("nl"', '"en"))\'']),
        ("journeyctl import x.csv --kind m", ["_arguments '*: :((\"measurements\"))'"]),
        # A value refused earlier on the line does not stop the completion.
        ("journeyctl rank --by xyz --normalise f", ["_arguments '*: :((\"framework\"))'"]),
    ],
)
def test_choices_complete_their_names(
    line: str, offered: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(line, monkeypatch) == offered


def test_a_root_without_a_framework_completes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered = complete(f"journeyctl rank --root {tmp_path} --phase ", monkeypatch)
    assert offered == ["_files"]


def installed_script() -> str:
    """The `journeyctl` script installed beside the interpreter running the tests: found
    there, not on PATH, which a shell without the virtual environment activated lacks."""
    script = shutil.which("journeyctl", path=str(Path(sys.executable).parent))
    assert script is not None, f"no journeyctl script beside {sys.executable}; pip install -e ."
    return script


@pytest.mark.slow  # a second or more; the quick suite stays under a minute
def test_bash_is_offered_what_the_framework_names_through_the_installed_script(
    example: Path,
) -> None:
    script = subprocess.run(
        [installed_script()],
        env={**os.environ, COMPLETE_VARIABLE: "source_bash"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert "complete -o default -F _journeyctl_completion journeyctl" in script
    line = f"journeyctl rank --root {example} --owner e"
    offered = subprocess.run(
        [installed_script()],
        env={
            **os.environ,
            COMPLETE_VARIABLE: "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": "5",
        },
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert (offered.stdout, offered.stderr) == ("eva-de-boer\n", "")
