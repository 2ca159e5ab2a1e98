"""The command line through Typer's runner: exit code and output asserted together."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl import __version__
from journeyctl.cli.app import COMMANDS, app
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "journeys"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"journeyctl {__version__}\n")


def test_example_validates(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--root", str(EXAMPLE), "--format", "json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0, result.stdout
    assert report["ok"] is True and report["errors"] == 0
    assert report["journeys"] == 40
    assert set(report) == {"ok", "errors", "warnings", "journeys", "diagnostics"}


def test_broken_tree_exits_1_with_file_line_and_rule(runner: CliRunner, tree_dir: Path) -> None:
    edit(tree_dir / "klant-zijn/facturatie/ik-betaal.yaml", "owner: jan", "owner: jna")
    result = runner.invoke(app, ["validate", "--root", str(tree_dir), "--format", "text"])
    assert result.exit_code == 1
    assert (
        "ik-betaal.yaml:5:8 error   JC203 unknown owner 'jna'; did you mean 'jan'?" in result.stdout
    )
    assert "invalid: 1 error" in result.stdout


def test_strict_makes_warnings_fail(runner: CliRunner, tree_dir: Path) -> None:
    edit(tree_dir / "klant-worden/aanmelden/ik-meld-me-aan.yaml", "owner: jan\n", "")
    assert runner.invoke(app, ["validate", "--root", str(tree_dir)]).exit_code == 0
    result = runner.invoke(
        app, ["validate", "--root", str(tree_dir), "--strict", "--format", "json"]
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["ok"] is False


def test_github_format_escapes_and_annotates(runner: CliRunner, tree_dir: Path) -> None:
    edit(tree_dir / "klant-zijn/facturatie/ik-betaal.yaml", "owner: jan", "owner: a,b")
    result = runner.invoke(app, ["validate", "--root", str(tree_dir), "--format", "github"])
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "ik-betaal.yaml" in x)
    assert line.startswith("::error file=") and ",line=5,col=8,title=JC103::" in line
    assert (
        "'a,b' is not a valid id" in line
    )  # the message keeps its comma: only properties escape it


def test_auto_is_github_under_actions(
    runner: CliRunner, tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (tree_dir / "klant-zijn/facturatie/leeg.yaml").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--root", str(tree_dir)])
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=")


def test_sarif_lists_rules_and_results(runner: CliRunner, tree_dir: Path) -> None:
    (tree_dir / "klant-zijn/facturatie/leeg.yaml").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--root", str(tree_dir), "--format", "sarif"])
    sarif = json.loads(result.stdout)
    run = sarif["runs"][0]
    assert (result.exit_code, sarif["version"]) == (1, "2.1.0")
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"JC001", "JC203", "JC308"}
    assert run["results"][0]["ruleId"] == "JC005"
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_missing_root_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--root", str(tmp_path / "nope")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: --root '{tmp_path / 'nope'}': folder not found;")


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--bogus"])
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_internal_error_is_one_line_and_exit_3(
    runner: CliRunner, tree_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("journeyctl.framework.check", explode)
    result = runner.invoke(app, ["validate", "--root", str(tree_dir)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "internal error (RuntimeError: boom)" in result.stderr
    assert "Traceback" not in result.stderr


def test_rank_table_on_the_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rank", "--root", str(EXAMPLE)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    # The example framework is Dutch: Dutch labels and number formats.
    assert lines[0].startswith("Klantreizen op score, periode 2025")
    assert "Ik ontvang mijn" in result.stdout and "415.000" in result.stdout
    assert max(len(line.rstrip()) for line in lines) <= 100
    assert "Niet gerangschikt (3)" in result.stdout


def test_rank_json_has_the_contract_shape(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rank", "--root", str(EXAMPLE), "--format", "json", "--top", "3"])
    ranking = json.loads(result.stdout)
    assert result.exit_code == 0
    # The example's contact reasons have volumes: the share of contacts is known.
    assert set(ranking) == {"period", "by", "weights", "journeys", "unranked", "contact_share"}
    assert ranking["period"] == "2025" and ranking["by"] == "score"
    first = ranking["journeys"][0]
    assert {
        "rank",
        "id",
        "name",
        "phase",
        "cluster",
        "owner",
        "customers",
        "contacts",
        "contact_rate",
        "score",
    } <= set(first)
    assert [j["rank"] for j in ranking["journeys"]] == [1, 2, 3]
    assert {"id", "name", "reason"} == set(ranking["unranked"][0])


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_rank_other_formats(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(app, ["rank", "--root", str(EXAMPLE), "--format", fmt, "--top", "2"])
    assert result.exit_code == 0
    expected_start = "rank,id,name" if fmt == "csv" else "### Klantreizen op score"
    assert result.stdout.startswith(expected_start)
    assert "ik-ontvang-mijn-jaarafrekening" in result.stdout or "jaarafrekening" in result.stdout


def test_rank_refuses_a_tree_with_errors(runner: CliRunner, tree_dir: Path) -> None:
    (tree_dir / "klant-zijn/facturatie/leeg.yaml").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["rank", "--root", str(tree_dir)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "JC005" in result.stderr and "not ranked" in result.stderr


def test_rank_explain_shows_terms(runner: CliRunner, tree_dir: Path) -> None:
    result = runner.invoke(app, ["rank", "--root", str(tree_dir), "--explain", "--format", "json"])
    assert result.exit_code == 0
    terms = json.loads(result.stdout)["journeys"][0]["terms"]
    assert set(terms) == {"customers", "contacts", "strategisch", "regelgeving"}


def test_schema_out_writes_three_schemas(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "framework.schema.json",
        "improvement.schema.json",
        "journey.schema.json",
    ]
    journey = json.loads((tmp_path / "journey.schema.json").read_text(encoding="utf-8"))
    assert journey["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "wrote" in result.stderr


def test_rules_lists_every_rule(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    from journeyctl.checks import all_rules

    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == [rule.id for rule in all_rules()]
    assert "JC203  unknown-reference" in result.stdout


def test_env_root(runner: CliRunner, tree_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYCTL_ROOT", str(tree_dir))
    result = runner.invoke(app, ["validate", "--format", "json"])
    assert (result.exit_code, json.loads(result.stdout)["journeys"]) == (0, 2)


def test_example_modelines_point_at_shipped_schemas() -> None:
    for path in EXAMPLE.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert first != target, path
        assert (path.parent / target).resolve().is_file(), path


def test_copy_of_example_with_break_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "journeys")
    edit(tmp_path / "journeys/klant-zijn/wijzigen/ik-verhuis.yaml", "emotion: 1\n", "emotion: 0\n")
    result = runner.invoke(
        app, ["validate", "--root", str(tmp_path / "journeys"), "--format", "json"]
    )
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert result.exit_code == 1
    assert any(d["rule"] == "JC103" and d["file"].endswith("ik-verhuis.yaml") for d in diagnostics)


def test_root_that_is_a_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    file = tmp_path / "framework.yaml"
    file.write_text("name: x\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--root", str(file)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: --root '{file}' is a file, not a folder;")


def test_schema_out_that_cannot_be_written_is_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(blocker / "schemas")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "cannot write" in result.stderr and "Not a directory" in result.stderr
    result = runner.invoke(app, ["schema", "--out", str(blocker)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "it is a file; pass a folder to --out" in result.stderr


_HEAVY = ("typer", "click", "pydantic", "yaml", "rich", "babel", "ruamel", "openpyxl", "jinja2")


def _run_main(argv: list[str]) -> tuple[int, str, set[str]]:
    """Exit code, stdout and the heavy libraries loaded, of `journeyctl` in a fresh Python."""
    import subprocess
    import sys

    code = (
        f"import sys; sys.argv = {argv!r}\n"
        "from journeyctl.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        f"loaded = set({_HEAVY!r}) & {{module.split('.')[0] for module in sys.modules}}\n"
        "import json; print(json.dumps(sorted(loaded)), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=False
    )
    return result.returncode, result.stdout, set(json.loads(result.stderr.splitlines()[-1]))


def test_version_imports_no_heavy_library() -> None:
    code, stdout, loaded = _run_main(["journeyctl", "--version"])
    assert (code, stdout, loaded) == (0, f"journeyctl {__version__}\n", set())


@pytest.mark.slow
def test_rules_imports_no_reader() -> None:
    """`rules` lists the checks without importing what they need to run (Typer itself brings
    Pydantic, to coerce the options)."""
    code, stdout, loaded = _run_main(["journeyctl", "rules"])
    assert (code, stdout.split()[:2], loaded) == (
        0,
        ["JC001", "yaml-syntax"],
        {"typer", "pydantic"},
    )


def test_version_imports_nothing_but_its_own_modules() -> None:
    """`--version` costs starting Python and no more: not even `typing` (a fifth of its time)."""
    import subprocess
    import sys

    code = (
        "import sys; before = set(sys.modules); sys.argv = ['journeyctl', '--version']\n"
        "from journeyctl.cli import main\n"
        "main()\n"
        "print(sorted(set(sys.modules) - before), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"journeyctl {__version__}\n",
        "['__future__', 'journeyctl', 'journeyctl.cli', 'journeyctl.errors']\n",
    )


def test_docs_rule_table_is_current(runner: CliRunner) -> None:
    table = runner.invoke(app, ["rules", "--format", "markdown"]).stdout
    page = (REPO_ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert table in page, (
        "docs/rules.md rule table is stale: paste `journeyctl rules --format markdown`"
    )


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
)
def test_no_color_is_honoured(
    runner: CliRunner,
    tree_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    coloured: bool,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    (tree_dir / "klant-zijn/facturatie/leeg.yaml").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--root", str(tree_dir), "--format", "text"])
    assert result.exit_code == 1
    assert ("\x1b[" in result.stdout) is coloured


def test_rank_of_a_tree_without_volumes_exits_0(runner: CliRunner, tree_dir: Path) -> None:
    for path in tree_dir.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        without = re.sub(r"^volumes:\n(?:  .*\n)*", "", text, flags=re.MULTILINE)
        path.write_text(without, encoding="utf-8")
    result = runner.invoke(app, ["rank", "--root", str(tree_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["period"] is None and data["journeys"] == []
    assert {u["reason"] for u in data["unranked"]} == {"no volumes yet"}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["", *(c.__name__ for c in COMMANDS)])
def test_help_imports_no_heavy_library(name: str) -> None:
    argv = ["journeyctl", name, "--help"] if name else ["journeyctl", "--help"]
    code, stdout, loaded = _run_main(argv)
    assert (code, loaded - {"typer", "click"}) == (0, set())
    assert "Usage: journeyctl" in stdout


def test_empty_root_is_a_usage_error(runner: CliRunner, in_tmp: Path) -> None:
    shutil.copytree(EXAMPLE, in_tmp / "journeys")  # the working directory must not be read
    result = runner.invoke(app, ["validate", "--root", ""])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: --root is empty;")


@pytest.mark.parametrize("command", ["validate", "rank"])
def test_empty_root_is_a_usage_error_for_every_tree_command(
    runner: CliRunner, command: str
) -> None:
    result = runner.invoke(app, [command, "--root", ""])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: --root is empty;")


@pytest.mark.slow
@pytest.mark.parametrize("columns", [80, 100, 160])
def test_rank_table_uses_the_terminal_width(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = runner.invoke(app, ["rank", "--root", str(EXAMPLE), "--compare", "2024"])
    assert result.exit_code == 0, result.stderr
    widest = max(len(line) for line in result.stdout.splitlines())
    assert columns - 20 < widest <= columns
