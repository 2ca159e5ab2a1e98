"""The job summary that `validate --format github` adds to `$GITHUB_STEP_SUMMARY`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyctl.finding import Finding, Severity
from journeyctl.formats import github
from journeyctl.formats._safe import is_unsafe
from journeyctl.write import WriteError
from tests.formats.conftest import finding_quoting, validation_of


def test_a_valid_tree_is_a_headline_and_the_counts() -> None:
    assert github.job_summary(validation_of()) == (
        "### journeyctl validate: Valid\n\njourneyctl: 0 error(s), 0 warning(s) in 2 journey file(s)\n"
    )


def test_errors_come_first_under_the_counts_then_warnings() -> None:
    error = Finding("z.yaml", 3, 1, "JC201", Severity.ERROR, "unknown phase")
    other = Finding("framework.yaml", None, None, "JC001", Severity.ERROR, "broken")
    # The findings' own order puts the warning's file first; the summary puts errors first.
    summary = github.job_summary(validation_of(finding_quoting("Ik betaal"), error, other))
    assert summary.splitlines() == [
        "### journeyctl validate: Not valid",
        "",
        "journeyctl: 2 error(s), 1 warning(s) in 2 journey file(s)",
        "",
        "#### Errors (2)",
        "",
        "| Rule | File | Line | Message |",
        "|---|---|---:|---|",
        "| JC201 | z.yaml | 3 | unknown phase |",
        "| JC001 | framework.yaml |  | broken |",
        "",
        "#### Warnings (1)",
        "",
        "| Rule | File | Line | Message |",
        "|---|---|---:|---|",
        "| JC303 | klant-zijn/ik-betaal.yaml | 2 | name 'Ik betaal' looks like a variant |",
    ]


def test_only_warnings_is_valid_with_a_warnings_table() -> None:
    lines = github.job_summary(validation_of(finding_quoting("Ik betaal"))).splitlines()
    assert lines[0] == "### journeyctl validate: Valid"
    assert "#### Errors" not in "\n".join(lines) and lines[4] == "#### Warnings (1)"


def test_many_findings_fold(hostile: str) -> None:
    findings = [finding_quoting(f"{hostile} {n}") for n in range(github.SUMMARY_FOLD + 1)]
    lines = github.job_summary(validation_of(*findings)).splitlines()
    assert lines[4:7] == [
        f"#### Warnings ({github.SUMMARY_FOLD + 1})",
        "",
        f"<details><summary>{github.SUMMARY_FOLD + 1} findings</summary>",
    ]
    assert lines[-1] == "</details>"
    rows = [line for line in lines if line.startswith("| JC303")]
    assert len(rows) == github.SUMMARY_FOLD + 1  # one line each: nothing from a file breaks a row
    assert not any(is_unsafe(char) for char in "".join(lines))
    assert "<script>" not in "".join(lines)


def test_exactly_the_fold_stays_open() -> None:
    findings = [finding_quoting(f"Ik betaal {n}") for n in range(github.SUMMARY_FOLD)]
    assert "<details>" not in github.job_summary(validation_of(*findings))


def test_the_summary_is_appended_after_earlier_steps(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("## Tests\nall passed", encoding="utf-8")
    github.append_summary(path, validation_of())
    github.append_summary(path, validation_of())
    part = github.job_summary(validation_of())
    assert path.read_text(encoding="utf-8") == f"## Tests\nall passed\n\n{part}\n{part}"


def test_a_missing_summary_file_is_made(tmp_path: Path) -> None:
    github.append_summary(tmp_path / "new.md", validation_of())
    assert (tmp_path / "new.md").read_text(encoding="utf-8").startswith("### journeyctl validate")


def test_a_summary_that_cannot_be_read_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "summary.md").write_bytes(b"\xff\xfe not UTF-8")
    with pytest.raises(
        WriteError, match=r"cannot add to the job summary .* \(GITHUB_STEP_SUMMARY\)"
    ):
        github.append_summary(tmp_path / "summary.md", validation_of())


@pytest.mark.parametrize("make", [os.mkfifo, Path.mkdir], ids=["fifo", "folder"])
def test_a_summary_path_that_is_no_file_is_refused_before_it_is_read(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "summary"
    make(path)
    with pytest.raises(WriteError, match=r"^job summary \(GITHUB_STEP_SUMMARY\): cannot write "):
        github.append_summary(path, validation_of())


def test_a_summary_path_that_cannot_be_written_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(WriteError, match=r"^job summary \(GITHUB_STEP_SUMMARY\): cannot write"):
        github.append_summary(tmp_path / "file" / "summary.md", validation_of())
