"""`validate` answered from the stored result of its last run, by the console script: the
same output and exit code as the full command, never for a tree, day or option that
changed, and without importing Typer, Pydantic or PyYAML."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import get_args

import pytest

from journeyctl.cli import _stored, main
from journeyctl.cli.validate import ValidateFormat
from journeyctl.formats import resolve_format

JOURNEYCTL = [sys.executable, "-m", "journeyctl"]


def _main(
    arguments: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["journeyctl", *arguments])
    code = 0
    try:
        main()
    except SystemExit as ended:
        code = ended.code if isinstance(ended.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The command lines answered from a stored result from here on."""
    seen: list[list[str]] = []
    real = _stored.stored_validate

    def recording(arguments: list[str]) -> tuple[int, str] | None:
        stored = real(arguments)
        if stored is not None:
            seen.append(arguments)
        return stored

    monkeypatch.setattr(_stored, "stored_validate", recording)
    return seen


def test_the_second_run_is_answered_alike(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    arguments = ["validate", "--root", str(tree_dir)]
    first = _main(arguments, monkeypatch, capsys)
    assert answered == []
    assert _main(arguments, monkeypatch, capsys) == first
    assert answered == [arguments[1:]]


def test_findings_and_their_exit_code_are_answered_alike(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    journey = next(tree_dir.glob("*/*/*.yaml"))
    journey.write_text(journey.read_text(encoding="utf-8") + "unknown: 1\n", encoding="utf-8")
    arguments = ["validate", f"--root={tree_dir}", "--format", "json", "--strict"]
    first = _main(arguments, monkeypatch, capsys)
    assert first[0] == 1 and json.loads(first[1])["diagnostics"]
    assert _main(arguments, monkeypatch, capsys) == first
    assert len(answered) == 1


def test_a_changed_file_is_read_again(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    arguments = ["validate", "--root", str(tree_dir)]
    assert _main(arguments, monkeypatch, capsys)[0] == 0
    journey = next(tree_dir.glob("*/*/*.yaml"))
    journey.write_text(journey.read_text(encoding="utf-8") + "oops: [\n", encoding="utf-8")
    code, out, _ = _main(arguments, monkeypatch, capsys)
    assert (code, answered) == (1, [])
    assert "JC001" in out
    assert _main(arguments, monkeypatch, capsys) == (code, out, "")
    assert len(answered) == 1


def test_a_new_yml_file_is_read_again(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    arguments = ["validate", "--root", str(tree_dir)]
    _main(arguments, monkeypatch, capsys)
    (tree_dir / "x.yml").write_text("id: x\n", encoding="utf-8")
    assert "JC008" in _main(arguments, monkeypatch, capsys)[1]
    assert "JC008" in _main(arguments, monkeypatch, capsys)[1]
    assert answered == []


class _Tomorrow(date):
    @classmethod
    def today(cls) -> _Tomorrow:
        real = date.today()
        return cls.fromordinal(real.toordinal() + 1)


def test_another_day_is_judged_again(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    arguments = ["validate", "--root", str(tree_dir)]
    _main(arguments, monkeypatch, capsys)
    monkeypatch.setattr("journeyctl.load.runs.date", _Tomorrow)
    _main(arguments, monkeypatch, capsys)
    assert answered == []
    _main(arguments, monkeypatch, capsys)
    assert len(answered) == 1


def test_a_review_falls_overdue_by_the_calendar(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The day is the one the checks judged by: what the stored result was made on."""

    class _Later(date):
        @classmethod
        def today(cls) -> _Later:
            return cls(2099, 1, 1)

    journey = tree_dir / "klant-zijn" / "facturatie" / "ik-betaal.yaml"
    text = journey.read_text(encoding="utf-8")
    reviewed = date.today().isoformat()
    journey.write_text(f"{text}review:\n  last_reviewed: {reviewed}\n", encoding="utf-8")
    arguments = ["validate", "--root", str(tree_dir)]
    before = _main(arguments, monkeypatch, capsys)
    monkeypatch.setattr("journeyctl.load.runs.date", _Later)
    later = _main(arguments, monkeypatch, capsys)
    assert "JC305" not in before[1] and "JC305" in later[1]
    assert _main(arguments, monkeypatch, capsys) == later


def test_each_set_of_options_has_its_result(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    variants = [
        ["--root", str(tree_dir)],
        ["--root", str(tree_dir), "--format", "json"],
        ["--root", str(tree_dir), "--strict"],
    ]
    first = [_main(["validate", *v], monkeypatch, capsys) for v in variants]
    assert answered == []
    assert [_main(["validate", *v], monkeypatch, capsys) for v in variants] == first
    assert answered == variants
    monkeypatch.chdir(tree_dir)  # findings name files from the working folder
    _main(["validate", *variants[0]], monkeypatch, capsys)
    monkeypatch.setenv("FORCE_COLOR", "1")
    _main(["validate", *variants[0]], monkeypatch, capsys)
    assert len(answered) == 3


def test_colour_comes_back_through_the_safe_text_path(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    arguments = ["validate", "--root", str(tree_dir)]
    first = _main(arguments, monkeypatch, capsys)
    assert "\x1b[" in first[1]
    assert _main(arguments, monkeypatch, capsys) == first
    assert len(answered) == 1


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["--no-cache"],
        ["--format", "jsn"],
        ["--format"],
        ["--strict", "--strict"],
        ["--format", "json", "--format", "text"],
        ["--strict=1"],
        ["extra"],
        ["--root", ""],
        ["--", "--strict"],
    ],
)
def test_any_other_command_line_runs_in_full(
    arguments: list[str], tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYCTL_ROOT", str(tree_dir))
    assert _stored._parse(arguments) is None or _stored.stored_validate(arguments) is None


def test_the_plain_forms_are_read_as_typer_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOURNEYCTL_ROOT", raising=False)
    assert _stored._parse([]) == ("journeys", "auto", False)
    assert _stored._parse(["--root=a=b", "--format=sarif", "--strict"]) == ("a=b", "sarif", True)
    assert _stored._parse(["--strict", "--root", "--x"]) == ("--x", "auto", True)
    monkeypatch.setenv("JOURNEYCTL_ROOT", "elsewhere")
    assert _stored._parse([]) == ("elsewhere", "auto", False)


def test_no_cache_in_the_environment_runs_in_full(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    monkeypatch.setenv("JOURNEYCTL_NO_CACHE", "1")
    arguments = ["validate", "--root", str(tree_dir)]
    _main(arguments, monkeypatch, capsys)
    _main(arguments, monkeypatch, capsys)
    assert answered == []


def test_a_root_that_takes_the_journeys_folder_below_runs_in_full(
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    arguments = ["validate", "--root", str(tree_dir.parent)]
    first = _main(arguments, monkeypatch, capsys)
    assert first[2].startswith("note:")
    assert _main(arguments, monkeypatch, capsys) == first
    assert answered == []


def test_the_github_job_summary_is_always_written(
    tree_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answered: list[list[str]],
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    arguments = ["validate", "--root", str(tree_dir)]
    _main(arguments, monkeypatch, capsys)
    once = summary.read_text(encoding="utf-8")
    _main(arguments, monkeypatch, capsys)
    assert summary.read_text(encoding="utf-8") == once * 2 or len(
        summary.read_text(encoding="utf-8")
    ) > len(once)
    assert answered == []


def test_the_choices_and_auto_are_the_commands() -> None:
    assert get_args(ValidateFormat) == _stored.FORMATS
    for name in _stored.FORMATS:
        assert _stored.resolved_format(name) == resolve_format(name)


def test_github_actions_make_auto_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _stored.resolved_format("auto") == resolve_format("auto") == "github"


@pytest.mark.slow
def test_an_answer_imports_nothing_heavy(tree_dir: Path) -> None:
    """What the process imports when it answers: none of Typer, Click, Pydantic, PyYAML,
    Rich, Babel; and it prints what the full run printed."""
    probe = (
        "import sys\n"
        "from journeyctl.cli import main\n"
        f"sys.argv = ['journeyctl', 'validate', '--root', {str(tree_dir)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('typer', 'click', 'pydantic', 'yaml', 'rich', 'babel', 'journeyctl.model')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, encoding="utf-8", check=True
    )
    second = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, encoding="utf-8", check=True
    )
    assert "pydantic" in first.stdout.splitlines()[-1]
    *output, imported = second.stdout.splitlines()
    assert imported == "[]"
    assert output == first.stdout.splitlines()[:-1]


@pytest.mark.slow
def test_a_closed_pipe_on_an_answer_ends_quietly_with_141(tree_dir: Path) -> None:
    command = [*JOURNEYCTL, "validate", "--root", str(tree_dir)]
    subprocess.run(command, capture_output=True, check=False)  # stores the result
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert (process.wait(), stderr) == (141, b"")


@pytest.mark.slow
def test_a_run_without_typer_imports_it_not(tree_dir: Path) -> None:
    """A changed tree is run in full, still without Typer and Click."""
    probe = (
        "import sys\n"
        "from journeyctl.cli import main\n"
        f"sys.argv = ['journeyctl', 'validate', '--root', {str(tree_dir)!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, encoding="utf-8", check=True
    )
    *output, imported = done.stdout.splitlines()
    assert imported == "[]"
    assert json.loads("\n".join(output))["ok"] is True


def test_a_usage_error_of_a_plain_run_is_said_by_the_command(
    tree_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from journeyctl.errors import UsageError

    def refuse(*arguments: object, **options: object) -> int:
        raise UsageError("cannot read the root folder", parameter="root")

    monkeypatch.setattr(_stored, "run_validate", refuse)
    code, out, err = _main(["validate", "--root", str(tree_dir)], monkeypatch, capsys)
    assert (code, out, err) == (2, "", "error: --root cannot read the root folder\n")
