"""The job summary that `validate --format github` adds to `$GITHUB_STEP_SUMMARY`."""

from __future__ import annotations

from journeyctl.finding import Finding, Severity
from journeyctl.formats import github
from journeyctl.formats._safe import is_unsafe
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
