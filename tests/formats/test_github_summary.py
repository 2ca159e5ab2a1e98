"""The job summary that `validate --format github` adds to `$GITHUB_STEP_SUMMARY`."""

from __future__ import annotations

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


def test_findings_are_a_table_and_errors_make_it_not_valid() -> None:
    error = Finding("framework.yaml", None, None, "JC001", Severity.ERROR, "broken")
    summary = github.job_summary(validation_of(error, finding_quoting("Ik betaal")))
    assert summary.splitlines() == [
        "### journeyctl validate: Not valid",
        "",
        "journeyctl: 1 error(s), 1 warning(s) in 2 journey file(s)",
        "",
        "| Severity | Rule | File | Line | Message |",
        "|---|---|---|---:|---|",
        "| error | JC001 | framework.yaml |  | broken |",
        "| warning | JC303 | klant-zijn/ik-betaal.yaml | 2 | name 'Ik betaal' looks like a variant |",
    ]


def test_many_findings_fold(hostile: str) -> None:
    findings = [finding_quoting(f"{hostile} {n}") for n in range(github.SUMMARY_FOLD + 1)]
    lines = github.job_summary(validation_of(*findings)).splitlines()
    assert lines[4] == f"<details><summary>{github.SUMMARY_FOLD + 1} findings</summary>"
    assert lines[-1] == "</details>"
    rows = [line for line in lines if line.startswith("| warning")]
    assert len(rows) == github.SUMMARY_FOLD + 1  # one line each: nothing from a file breaks a row
    assert not any(is_unsafe(char) for char in "".join(lines))
    assert "<script>" not in "".join(lines)


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


def test_a_summary_path_that_cannot_be_read_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="cannot add to the job summary"):
        github.append_summary(tmp_path, validation_of())
