"""The benchmark's generated inputs are what it claims to measure (no timings asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.framework import check
from tests.conftest import REPO_ROOT, TODAY

BENCHMARKS = REPO_ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from generate import (  # noqa: E402  (the benchmark's folder is not a package)
    IMPROVEMENTS,
    empty_framework,
    generate,
    history,
    inventory_workbook,
)

# The benchmark's generator and rows run whole commands in fresh interpreters.
pytestmark = pytest.mark.slow

JOURNEYS = 12


def test_the_clean_tree_has_mapped_journeys_with_everything_and_no_finding(
    tmp_path: Path,
) -> None:
    generate(tmp_path, JOURNEYS, seed=1, today=TODAY)
    checked = check(tmp_path, today=TODAY, cache=False)
    assert checked.validation.findings == []
    journeys = checked.journeys
    assert len(journeys) == JOURNEYS
    assert {j.status for j in journeys} == {"mapped"}
    assert all(len(j.steps) == 20 and len(j.volumes) == 2 for j in journeys)
    assert all(len(j.kpis["nps"].measurements) == 3 and "ces" in j.kpis for j in journeys)


def test_the_warnings_tree_has_one_warning_per_journey(tmp_path: Path) -> None:
    generate(tmp_path, JOURNEYS, seed=1, variant="warnings", today=TODAY)
    findings = check(tmp_path, today=TODAY, cache=False).validation.findings
    assert Counter((f.rule, f.severity.value) for f in findings) == {("JC304", "warning"): JOURNEYS}
    assert len({f.file for f in findings}) == JOURNEYS


def test_the_improvements_tree_adds_improvements_without_errors(tmp_path: Path) -> None:
    generate(tmp_path, JOURNEYS, seed=1, variant="improvements", today=TODAY)
    checked = check(tmp_path, today=TODAY, cache=False)
    assert checked.usable
    assert len(checked.improvements) == IMPROVEMENTS
    assert len(checked.journeys) == JOURNEYS


def test_the_history_changes_twenty_journeys_and_removes_one(tmp_path: Path) -> None:
    generate(tmp_path / "tree", 30, seed=1)
    history(tmp_path / "tree", tmp_path / "repository", changed=20)
    result = CliRunner().invoke(
        app, ["diff", "HEAD~1", "HEAD", "--root", str(tmp_path / "repository" / "journeys")]
    )
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        0,
        "**Klantreizen**: 1 verwijderd, 20 gewijzigd (`HEAD~1` -> `HEAD`)",
    )


def test_the_workbook_imports_as_new_journeys_into_the_empty_framework(tmp_path: Path) -> None:
    empty_framework(tmp_path / "root", JOURNEYS)
    inventory_workbook(tmp_path / "inventory.xlsx", 25, JOURNEYS, seed=1)
    result = CliRunner().invoke(
        app,
        ["import", str(tmp_path / "inventory.xlsx"), "--root", str(tmp_path / "root")],
    )
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        0,
        "inventory.xlsx geïmporteerd als een inventarisatie: 25 aangemaakt, 0 bijgewerkt, "
        "0 ongewijzigd.",  # in the framework's language
    )
    assert len(list((tmp_path / "root").glob("*/*/*.yaml"))) == 25


def test_the_reimport_rows_import_an_export_unchanged_then_one_cell_changed(
    tmp_path: Path,
) -> None:
    from run import Bench  # the benchmark's rows, as they run

    bench = Bench(JOURNEYS, 1, tmp_path / "work")

    def run(changed: bool) -> subprocess.CompletedProcess[str]:
        bench.put_back_changed_journey()  # before each run, as the rows do
        return subprocess.run(
            bench.reimport(changed), capture_output=True, text=True, encoding="utf-8", check=False
        )

    unchanged, changed = run(False), run(True)
    assert (unchanged.returncode, changed.returncode) == (0, 0)
    assert unchanged.stdout.startswith("Niets te wijzigen"), unchanged.stdout
    assert ", 1 bijgewerkt, " in changed.stdout.splitlines()[0], changed.stdout
    bench.restore()
    again = subprocess.run(
        bench.reimport(False), capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert again.stdout.startswith("Niets te wijzigen"), again.stdout


def test_a_smoke_run_writes_its_rows_as_json(tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    arguments = ["--journeys", "3", "--repeat", "1", "--work", str(tmp_path / "work")]
    done = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            *arguments,
            "--only",
            "version",
            "--json",
            str(out),
        ],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stdout.splitlines()[2:4]) == (
        0,
        ["| command | journeyctl | reference | ratio | target |", "|---|---:|---:|---:|---|"],
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    assert (document["journeys"], [row["name"] for row in document["rows"]]) == (3, ["--version"])
    assert document["rows"][0]["target"] == 2.0


def test_a_run_without_untimed_runs_says_so(tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    arguments = ["--journeys", "3", "--repeat", "1", "--work", str(tmp_path / "work")]
    arguments += ["--no-untimed", "--only", "version", "--json", str(out)]
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), *arguments],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stdout.splitlines()[0]) == (
        0,
        "3 journeys x 20 steps, one run of each, no untimed run first",
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    assert (document["untimed"], len(document["rows"][0]["times"])) == (False, 1)


@pytest.mark.slow
def test_growth_times_both_sizes_alternating(tmp_path: Path) -> None:
    arguments = ["--journeys", "4", "--grow-from", "2", "--repeat", "1"]
    arguments += ["--work", str(tmp_path / "work"), "--only", "version", "rules"]
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), *arguments],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    lines = done.stdout.splitlines()
    assert (done.returncode, lines[0], [line.split(" | ")[0] for line in lines[4:]]) == (
        0,
        "4 journeys against 2 (reference), runs of the two sizes alternating, one run at each size",
        ["| --version", "| rules"],
    )
    assert all(line.endswith(("<= 2.1x  ok |", "<= 2.1x  over |")) for line in lines[4:])
