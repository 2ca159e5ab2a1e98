"""validate and its Validation: the rule list, the per-file cap with its note, strictness,
errors only, and file names for display."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyctl.checks import all_rules, display_path, validate
from journeyctl.finding import Severity
from journeyctl.load import FINDINGS_PER_FILE, load_tree
from tests.checks.conftest import JOURNEY, write
from tests.conftest import TODAY

FILE = "klant-zijn/facturatie/vraag.yaml"
KPI_WITHOUT_BASELINE = "kpis:\n  nps:\n    target: 20\n"  # a warning, JC306, on line 8
# An error, JC208, on line 12 (after the warning): the second entry for 2025.
TWICE_2025 = "volumes:\n" + '  - {period: "2025", customers: 1, contacts: 1}\n' * 2


def _follows_itself(times: int) -> str:
    """A journey with `times` errors on line 6 (JC205: it follows itself)."""
    return JOURNEY.format(id="vraag") + f"follows: [{', '.join(['vraag'] * times)}]\n"


def test_every_rule_once_sorted_by_id() -> None:
    ids = [rule.id for rule in all_rules()]
    assert ids == sorted(set(ids))
    assert {"JC001", "JC201", "JC205", "JC308"} <= set(ids)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (1, "1 more finding in this file is not shown"),
        (3, "3 more findings in this file are not shown"),
    ],
)
def test_past_the_cap_one_note_counts_the_rest(tree_dir: Path, extra: int, message: str) -> None:
    write(tree_dir, FILE, _follows_itself(FINDINGS_PER_FILE + extra))
    validation = validate(load_tree(tree_dir), today=TODAY)
    in_file = [f for f in validation.findings if f.file.endswith("vraag.yaml")]
    assert len(in_file) == FINDINGS_PER_FILE + 1
    note = in_file[-1]
    assert (note.line, note.column, note.rule, note.severity) == (
        None,
        None,
        "JC205",
        Severity.ERROR,
    )
    assert note.message == f"{message}; fix the ones above and run again"
    assert validation.notes == frozenset({note})
    assert validation.errors == FINDINGS_PER_FILE + extra
    assert validation.not_shown[Severity.ERROR] == extra


def test_a_note_of_hidden_warnings_is_a_warning(tree_dir: Path) -> None:
    write(tree_dir, FILE, _follows_itself(FINDINGS_PER_FILE) + KPI_WITHOUT_BASELINE)
    validation = validate(load_tree(tree_dir), today=TODAY)
    note = validation.findings[-1]
    assert (note.rule, note.severity) == ("JC306", Severity.WARNING)
    assert (validation.errors, validation.warnings) == (FINDINGS_PER_FILE, 1)


def test_a_note_takes_the_rule_of_the_first_hidden_error(tree_dir: Path) -> None:
    text = _follows_itself(FINDINGS_PER_FILE) + KPI_WITHOUT_BASELINE + TWICE_2025
    write(tree_dir, FILE, text)
    validation = validate(load_tree(tree_dir), today=TODAY)
    note = validation.findings[-1]
    assert (note.rule, note.severity) == ("JC208", Severity.ERROR)
    assert note.message.startswith("2 more findings in this file are not shown")
    assert (validation.errors, validation.warnings) == (FINDINGS_PER_FILE + 1, 1)


def test_warnings_fail_only_when_strict(tree_dir: Path) -> None:
    write(tree_dir, FILE, JOURNEY.format(id="vraag") + KPI_WITHOUT_BASELINE)
    tree = load_tree(tree_dir)
    assert validate(tree, today=TODAY).ok
    assert not validate(tree, today=TODAY, strict=True).ok


def test_errors_only_keeps_the_errors_and_their_hidden_count(tree_dir: Path) -> None:
    write(tree_dir, FILE, _follows_itself(FINDINGS_PER_FILE + 2) + KPI_WITHOUT_BASELINE)
    validation = validate(load_tree(tree_dir), today=TODAY)
    errors = validation.errors_only()
    assert {f.severity for f in errors.findings} == {Severity.ERROR}
    assert (validation.errors, validation.warnings) == (FINDINGS_PER_FILE + 2, 1)
    assert (errors.errors, errors.warnings) == (FINDINGS_PER_FILE + 2, 1)


def test_for_display_names_files_and_notes_from_the_working_directory(tree_dir: Path) -> None:
    write(tree_dir, FILE, _follows_itself(FINDINGS_PER_FILE + 1))
    validation = validate(load_tree(tree_dir), today=TODAY)
    shown = validation.for_display(tree_dir, cwd=tree_dir.parent)
    assert {f.file for f in shown.findings} == {f"journeys/{FILE}"}
    assert {f.file for f in shown.notes} == {f"journeys/{FILE}"}
    assert shown.errors == validation.errors


@pytest.mark.parametrize(
    ("root", "cwd", "shown"),
    [
        ("/work/repo/journeys", "/work/repo", "journeys/a/x.yaml"),
        ("/work/repo/journeys", "/work/repo/journeys/a", "x.yaml"),
        ("/work/repo/journeys", "/work/repo/docs", "../journeys/a/x.yaml"),
        ("/work/repo/journeys", "/elsewhere", "/work/repo/journeys/a/x.yaml"),
    ],
)
def test_display_path_is_relative_where_that_helps(root: str, cwd: str, shown: str) -> None:
    assert display_path(Path(root), "a/x.yaml", Path(cwd)) == shown


def test_display_path_defaults_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "journeys", "a/x.yaml") == "journeys/a/x.yaml"


def test_a_rule_id_registered_twice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyctl import checks

    monkeypatch.setattr(checks, "CHECKS", (*checks.CHECKS, checks.follows_self))
    with pytest.raises(RuntimeError) as raised:
        checks.all_rules()
    assert str(raised.value) == "rule ids registered twice: ['JC205']"
