"""`validate --format github` under GitHub Actions: annotations on stdout, the summary in the file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.cli.validate import append_summary
from journeyctl.write import WriteError

# What one step adds: the file keeps every step's part, one after the other.
PART = (
    "### journeyctl validate: Valid\n\njourneyctl: 0 error(s), 0 warning(s) in 2 journey file(s)\n"
)


@pytest.mark.parametrize("chosen", [["--format", "github"], []], ids=["github", "auto"])
def test_the_job_summary_is_appended_when_github_says_where(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chosen: list[str]
) -> None:
    summary = tmp_path / "step_summary.md"
    summary.write_text("earlier\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (tree_dir / "klant-zijn/facturatie/ik-betaal.yaml").unlink()
    result = CliRunner().invoke(app, ["validate", "--root", str(tree_dir), *chosen])
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[-1]
        == "journeyctl: 1 error(s), 2 warning(s) in 1 journey file(s)"
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier\n\n### journeyctl validate: Not valid\n")
    assert text.count("| JC2") + text.count("| JC3") == 3


def test_other_formats_leave_the_summary_alone(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step_summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(app, ["validate", "--root", str(tree_dir), "--format", "text"])
    assert result.exit_code == 0
    assert not summary.exists()


def test_without_the_variable_no_file_is_written(tree_dir: Path, in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "--root", str(tree_dir), "--format", "github"])
    assert result.exit_code == 0
    assert sorted(p.name for p in in_tmp.iterdir()) == ["journeys"]


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "with-errors"])
def test_a_summary_that_cannot_be_written_is_one_warning_and_the_findings_exit_code(
    tree_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: bool
) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    summary = tmp_path / "file" / "summary.md"  # under a file: no folder can be made
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    if broken:
        (tree_dir / "klant-zijn/facturatie/ik-betaal.yaml").unlink()
    result = CliRunner().invoke(app, ["validate", "--root", str(tree_dir), "--format", "github"])
    assert result.exit_code == (1 if broken else 0)
    assert result.stdout.splitlines()[-1].startswith("journeyctl: ")
    [line] = result.stderr.splitlines()
    assert line.startswith(
        f"warning: job summary (GITHUB_STEP_SUMMARY): cannot write '{summary}': "
    )
    assert line.endswith(
        "; the findings above are complete, only the summary is missing (exit code unchanged)"
    )


def test_the_summary_is_appended_after_earlier_steps(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("## Tests\nall passed", encoding="utf-8")
    append_summary(path, PART)
    append_summary(path, PART)
    assert path.read_text(encoding="utf-8") == f"## Tests\nall passed\n\n{PART}\n{PART}"


def test_a_missing_summary_file_is_made(tmp_path: Path) -> None:
    append_summary(tmp_path / "new.md", PART)
    assert (tmp_path / "new.md").read_text(encoding="utf-8") == PART


def test_a_summary_that_cannot_be_read_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "summary.md").write_bytes(b"\xff\xfe not UTF-8")
    with pytest.raises(
        WriteError, match=r"cannot add to the job summary .* \(GITHUB_STEP_SUMMARY\)"
    ):
        append_summary(tmp_path / "summary.md", PART)


@pytest.mark.parametrize("make", [os.mkfifo, Path.mkdir], ids=["fifo", "folder"])
def test_a_summary_path_that_is_no_file_is_refused_before_it_is_read(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "summary"
    make(path)
    with pytest.raises(WriteError, match=r"^job summary \(GITHUB_STEP_SUMMARY\): cannot write "):
        append_summary(path, PART)


def test_a_summary_path_that_cannot_be_written_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(WriteError, match=r"^job summary \(GITHUB_STEP_SUMMARY\): cannot write"):
        append_summary(tmp_path / "file" / "summary.md", PART)
