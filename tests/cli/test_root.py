"""`--root` as people type it: a project folder whose `journeys/` holds the framework is used
with a note; a folder without a framework.yaml is that one finding, not a flood."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app

PRE_COMMIT = "repos:\n  - repo: local\n    hooks:\n      - id: x\n"


@pytest.fixture
def project(tree_dir: Path) -> Path:
    """A project folder: the framework in journeys/, and other YAML files beside it."""
    folder = tree_dir.parent
    (folder / ".pre-commit-config.yaml").write_text(PRE_COMMIT, encoding="utf-8")
    (folder / "ci").mkdir()
    (folder / "ci" / "pipeline.yaml").write_text("stages: [test]\n", encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("command", [["validate"], ["rank", "--top", "1"], ["report", "owners"]])
def test_a_project_folder_as_root_uses_its_journeys_folder_and_says_so(
    project: Path, command: list[str]
) -> None:
    via_project = CliRunner().invoke(app, [*command, "--root", str(project)])
    direct = CliRunner().invoke(app, [*command, "--root", str(project / "journeys")])
    note = f"note: {project} holds no framework.yaml; using {project / 'journeys'}, which does\n"
    assert (via_project.exit_code, via_project.stdout) == (direct.exit_code, direct.stdout)
    assert via_project.stderr == note + direct.stderr


def test_the_environment_variable_is_redirected_too(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYCTL_ROOT", str(project))
    result = CliRunner().invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"note: {project} holds no framework.yaml")


def test_a_root_with_its_own_framework_is_never_redirected(project: Path) -> None:
    shutil.copy(project / "journeys" / "framework.yaml", project / "framework.yaml")
    result = CliRunner().invoke(app, ["validate", "--root", str(project), "--format", "json"])
    assert "note:" not in result.stderr


def test_a_folder_without_a_framework_is_that_one_finding(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(project / "journeys")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["validate", "--root", ".", "--format", "text"])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines()[1:] == [
        "  framework.yaml error   JC007 no framework.yaml in the root; create one "
        "with at least name and phases (`journeyctl schema` lists every field), or pass the "
        "folder that holds it as --root",
        "",
        "invalid: 1 error, 0 warnings in 0 journey files",
    ]
