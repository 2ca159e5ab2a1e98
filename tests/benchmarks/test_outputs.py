"""What the benchmark times stays what users get: each command the benchmark runs, on small
trees of the benchmark's own kinds, gives byte for byte the output of the golden files, with
the cache off, cold and warm, and through the console script's own way in (`main`, which
answers an unchanged `validate` from the stored result of its last run).

The golden files under `golden/` were written before the work on speed; a change that
means to change an output updates them:

    JOURNEYCTL_UPDATE_GOLDEN=1 pytest tests/benchmarks/test_outputs.py
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli import main
from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT, TODAY

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import generate, history  # the benchmark's folder is no package

# Each case runs journeyctl over a generated tree, cold and warm: seconds, not a quick test.
pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
MADE = 1_767_225_600  # 2026-01-01, the files' time
JOURNEYS = 30
# Every module that asks the clock for today's date (tests/docs/test_readme.py keeps the list).
DATED_MODULES = ("journeyctl.checks", "journeyctl.load.runs", "journeyctl.reports.inputs")


class _Today(date):
    @classmethod
    def today(cls) -> _Today:
        return cls(TODAY.year, TODAY.month, TODAY.day)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in DATED_MODULES:
        monkeypatch.setattr(f"{module}.date", _Today)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's trees, small: clean, every journey with a warning, 500 improvements,
    and the history of the clean tree (two revisions, 20 journeys changed, one removed)."""
    base = tmp_path_factory.mktemp("bench")
    for variant in ("clean", "warnings", "improvements"):
        generate(base / variant, JOURNEYS, seed=1, variant=variant, today=TODAY)
        # The pages say when the newest file changed (outside git): a fixed day.
        for path in (base / variant).rglob("*.yaml"):
            os.utime(path, (MADE, MADE))
    history(base / "clean", base / "history", changed=20)
    return base


@dataclass(frozen=True)
class Case:
    name: str
    arguments: tuple[str, ...]
    cached: bool = True  # reads the tree from a folder (diff reads git)


def _cases() -> list[Case]:
    cases = []
    for tree in ("clean", "warnings", "improvements"):
        for output in ("text", "json"):
            cases.append(
                Case(f"validate-{tree}-{output}", ("validate", "--root", tree, "--format", output))
            )
    cases += [
        Case("validate-warnings-strict", ("validate", "--root", "warnings", "--strict")),
        Case("rank-clean", ("rank", "--root", "clean")),
        Case("rank-warnings", ("rank", "--root", "warnings")),
        Case("rank-improvements-json", ("rank", "--root", "improvements", "--format", "json")),
        Case("rank-clean-csv", ("rank", "--root", "clean", "--format", "csv")),
        Case("rank-clean-markdown", ("rank", "--root", "clean", "--format", "markdown")),
        Case("rank-clean-top", ("rank", "--root", "clean", "--top", "5", "--explain")),
        Case("rank-clean-compare", ("rank", "--root", "clean", "--compare", "2024")),
    ]
    for page in ("alerts", "kpis", "improvements", "coverage", "owners"):
        cases.append(Case(f"report-{page}", ("report", page, "--root", "improvements")))
    cases += [
        Case("report-alerts-clean", ("report", "alerts", "--root", "clean")),
        Case("report-alerts-json", ("report", "alerts", "--root", "clean", "--format", "json")),
        Case("report-alerts-csv", ("report", "alerts", "--root", "clean", "--format", "csv")),
        Case("diff", ("diff", "HEAD~1", "HEAD", "--root", "history/journeys"), cached=False),
        Case(
            "diff-json",
            ("diff", "HEAD~1", "HEAD", "--root", "history/journeys", "--format", "json"),
            cached=False,
        ),
    ]
    return cases


CASES = _cases()


def _shown(code: int, stdout: str, stderr: str) -> str:
    return f"exit {code}\n--- stdout\n{stdout}--- stderr\n{stderr}"


def _golden(case: Case, actual: str) -> str:
    path = GOLDEN / f"{case.name}.txt"
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def in_work(work: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(work)
    monkeypatch.setenv("NO_COLOR", "1")
    yield work


def _run(arguments: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, list(arguments))
    return _shown(result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_output_is_the_golden_one_cached_or_not(case: Case, in_work: Path) -> None:
    expected = _golden(case, _run((*case.arguments, "--no-cache")))
    assert _run((*case.arguments, "--no-cache")) == expected
    if case.cached:
        assert _run(case.arguments) == expected  # cold: writes the cache
        assert _run(case.arguments) == expected  # warm: reads it


VALIDATE = [case for case in CASES if case.arguments[0] == "validate"]


@pytest.mark.parametrize("case", VALIDATE, ids=[case.name for case in VALIDATE])
def test_the_console_script_answers_as_the_command_does(
    case: Case,
    in_work: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`main` run twice (the second run answers from the stored result) prints the golden
    output and exits with its code."""
    expected = _golden(case, _run((*case.arguments, "--no-cache")))
    for _ in range(2):
        monkeypatch.setattr(sys, "argv", ["journeyctl", *case.arguments])
        with pytest.raises(SystemExit) as ended:
            main()
            raise SystemExit(0)
        code = ended.value.code if isinstance(ended.value.code, int) else 0
        captured = capsys.readouterr()
        assert _shown(code, captured.out, captured.err) == expected


SITES = {
    "render-improvements-html": ("--root", "improvements"),
    "render-warnings-both": ("--root", "warnings", "--format", "both"),
}


@pytest.mark.parametrize("name", SITES, ids=SITES)
def test_each_site_is_the_golden_one(name: str, in_work: Path) -> None:
    """Every page `render` writes, by its digest (the pages themselves are large): the same
    bytes with the cache off and warm."""
    arguments = SITES[name]
    for cache in (["--no-cache"], [], []):
        out = in_work / f"site-{name}"
        shutil.rmtree(out, ignore_errors=True)
        result = CliRunner().invoke(app, ["render", *arguments, "--out", str(out), *cache])
        assert result.exit_code == 0, result.output
        pages = sorted(p for p in out.rglob("*") if p.is_file())
        digests = "".join(
            f"{hashlib.blake2b(p.read_bytes(), digest_size=16).hexdigest()}  "
            f"{p.relative_to(out).as_posix()}\n"
            for p in pages
        )
        actual = _shown(result.exit_code, result.stdout.replace(str(out), "SITE"), result.stderr)
        assert f"{actual}--- pages\n{digests}" == _golden(
            Case(name, ()), f"{actual}--- pages\n{digests}"
        )
