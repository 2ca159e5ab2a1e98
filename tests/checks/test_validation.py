"""A validation: findings capped per file with the rest counted, and paths for display."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import Validation, display_path, validate
from journeyctl.finding import Finding, Severity
from journeyctl.load import FINDINGS_PER_FILE, load_source
from journeyctl.load.sources import FileSystemSource
from tests.conftest import TODAY

JOURNEY = "klant-zijn/facturatie/ik-betaal.yaml"


def _with_unknown_keys(root: Path, count: int) -> Validation:
    target = root / JOURNEY
    extra = "".join(f"onbekend-{i}: {i}\n" for i in range(count))
    target.write_text(target.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return validate(load_source(FileSystemSource(root)), today=TODAY)


def test_a_file_shows_its_first_findings_and_one_line_for_the_rest(tree_dir: Path) -> None:
    validation = _with_unknown_keys(tree_dir, 300)
    in_file = [f for f in validation.findings if f.file == JOURNEY]
    assert len(in_file) == FINDINGS_PER_FILE + 1
    shown, note = in_file[:-1], in_file[-1]
    assert all(f.rule == "JC101" and f.line is not None for f in shown)
    assert (note.line, note.column, note.severity) == (None, None, Severity.ERROR)
    assert note.message == (
        f"{300 - FINDINGS_PER_FILE} more findings in this file are not shown; "
        "fix the ones above and run again"
    )
    assert validation.notes == {note}
    assert (validation.errors, validation.warnings, validation.ok) == (300, 0, False)


def test_up_to_the_cap_every_finding_is_shown_without_a_note(tree_dir: Path) -> None:
    validation = _with_unknown_keys(tree_dir, FINDINGS_PER_FILE)
    assert len(validation.findings) == validation.errors == FINDINGS_PER_FILE
    assert validation.notes == frozenset()


def test_one_more_than_the_cap_is_one_line_saying_so(tree_dir: Path) -> None:
    validation = _with_unknown_keys(tree_dir, FINDINGS_PER_FILE + 1)
    assert validation.findings[-1].message.startswith("1 more finding in this file is not shown")
    assert validation.errors == FINDINGS_PER_FILE + 1


def _finding(file: str, line: int, severity: Severity) -> Finding:
    return Finding(file, line, 1, "JC999", severity, "something")


def test_the_cap_counts_findings_of_the_checks_too() -> None:
    from journeyctl.checks import _capped
    from journeyctl.load import Tree

    findings = [_finding("x.yaml", i, Severity.WARNING) for i in range(1, FINDINGS_PER_FILE + 4)]
    findings.append(_finding("y.yaml", 1, Severity.ERROR))
    validation = _capped(findings, Tree(Path("/root"), None), strict=True)
    assert [f.file for f in validation.findings].count("x.yaml") == FINDINGS_PER_FILE + 1
    assert validation.findings[FINDINGS_PER_FILE].severity is Severity.WARNING
    assert (validation.errors, validation.warnings) == (1, FINDINGS_PER_FILE + 3)
    only_errors = validation.errors_only()
    # The warnings are not shown, but counted: the summary under the errors says how many.
    assert (only_errors.errors, only_errors.warnings) == (1, FINDINGS_PER_FILE + 3)
    assert only_errors.findings == [findings[-1]]


def test_for_display_names_files_from_the_working_directory(tmp_path: Path) -> None:
    root = tmp_path / "repo" / "journeys"
    note = Finding("a/b.yaml", None, None, "JC101", Severity.ERROR, "1 more finding")
    validation = Validation(
        [_finding("framework.yaml", 1, Severity.ERROR), note], 1, notes=frozenset({note})
    )
    shown = validation.for_display(root, cwd=tmp_path / "repo")
    assert [f.file for f in shown.findings] == ["journeys/framework.yaml", "journeys/a/b.yaml"]
    assert {f.file for f in shown.notes} == {"journeys/a/b.yaml"}
    assert shown.errors == 1


@pytest.mark.parametrize(
    ("cwd", "expected"),
    [
        ("repo", "journeys/klant-zijn/x.yaml"),
        ("repo/journeys", "klant-zijn/x.yaml"),
        ("repo/journeys/klant-worden", "../klant-zijn/x.yaml"),
        ("elders", "../repo/journeys/klant-zijn/x.yaml"),
    ],
)
def test_display_path(tmp_path: Path, cwd: str, expected: str) -> None:
    root = tmp_path / "repo" / "journeys"
    assert display_path(root, "klant-zijn/x.yaml", tmp_path / cwd) == expected


def test_display_path_is_absolute_where_only_the_file_system_root_is_shared() -> None:
    root = Path("/srv/repo/journeys")
    assert display_path(root, "x.yaml", Path("/home/me")) == "/srv/repo/journeys/x.yaml"
    assert display_path(root, "x.yaml", Path("/")) == "srv/repo/journeys/x.yaml"
