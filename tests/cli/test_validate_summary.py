"""`validate --format github` under GitHub Actions: annotations on stdout, the summary in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app


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
