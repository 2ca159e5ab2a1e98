"""`journeyctl init`: a repository that validates at once, and never eats existing files."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from journeyctl.scaffold import PLACEHOLDER, Source
from journeyctl.schema import schema_files
from tests.conftest import REPO_ROOT

FILES = [
    "journeys/framework.yaml",
    ".github/workflows/journeys.yml",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    ".gitignore",
    "README.md",
    "schemas/framework.schema.json",
    "schemas/journey.schema.json",
    "schemas/improvement.schema.json",
]


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["init", *args])


def made(folder: Path) -> list[str]:
    """The files init wrote (not the git repository it made)."""
    files = (p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    return sorted(f.as_posix() for f in files if f.parts[0] != ".git")


@pytest.mark.parametrize(
    ("language", "phases", "example"),
    [
        (
            "nl",
            ["Geen klant", "Klant worden", "Klant zijn", "Klant blijven"],
            "voorbeeld-klantreis.yaml",
        ),
        (
            "en",
            ["Not a customer yet", "Becoming a customer", "Being a customer", "Staying a customer"],
            "example-journey.yaml",
        ),
    ],
)
@pytest.mark.slow
def test_init_then_validate_passes_without_a_warning(
    in_tmp: Path, language: str, phases: list[str], example: str
) -> None:
    result = run("repo", "--language", language)
    assert (result.exit_code, result.stdout) == (
        0,
        "A journey framework in repo: check it with `journeyctl validate --root repo/journeys`\n",
    )
    assert made(in_tmp / "repo") == sorted([*FILES, example])
    assert result.stderr.splitlines()[0] == "wrote repo/journeys/framework.yaml"
    framework = yaml.safe_load(
        (in_tmp / "repo/journeys/framework.yaml").read_text(encoding="utf-8")
    )
    assert ([p["name"] for p in framework["phases"]], framework["language"]) == (phases, language)
    # Nothing in the tree that counts: no cluster, owner or contact reason, no journey.
    assert [key for key in ("clusters", "owners", "contact_reasons") if key in framework] == []
    checked = CliRunner().invoke(app, ["validate", "--root", "repo/journeys", "--format", "json"])
    report = json.loads(checked.stdout)
    assert (checked.exit_code, report["errors"], report["warnings"], report["journeys"]) == (
        0,
        0,
        0,
        0,
    )
    coverage = CliRunner().invoke(
        app, ["report", "coverage", "--root", "repo/journeys", "--format", "json"]
    )
    assert coverage.exit_code == 0, coverage.output


def test_the_files_bind_the_schemas_written_beside_them(in_tmp: Path) -> None:
    assert run().exit_code == 0
    for name, text in schema_files().items():
        assert (in_tmp / "schemas" / name).read_text(encoding="utf-8") == text
    settings = json.loads((in_tmp / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema in settings["yaml.schemas"]:
        assert (in_tmp / schema).is_file()
    journey = in_tmp / "voorbeeld-klantreis.yaml"  # beside the tree, bound all the same
    first = journey.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/journey.schema.json"
    assert (journey.parent / first.split("=", 1)[1]).resolve().is_file()


def test_the_workflow_validates_posts_the_diff_and_renders(in_tmp: Path) -> None:
    assert run().exit_code == 0
    workflow = yaml.safe_load(
        (in_tmp / ".github/workflows/journeys.yml").read_text(encoding="utf-8")
    )
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    steps = workflow["jobs"]["journeys"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert steps[0]["with"]["fetch-depth"] == 0
    assert "journeyctl validate --format github" in runs
    diff = next(step for step in steps if "journeyctl diff" in step.get("run", ""))
    assert diff["run"] == 'journeyctl diff "origin/$BASE" >> "$GITHUB_STEP_SUMMARY"'
    assert diff["env"] == {"BASE": "${{ github.base_ref }}"}
    assert diff["if"] == "${{ !cancelled() && github.event_name == 'pull_request' }}"
    assert "journeyctl render --out site" in runs
    assert steps[-1]["uses"].startswith("actions/upload-artifact@")


def test_pre_commit_runs_the_installed_journeyctl_when_there_is_no_repository_to_pin(
    in_tmp: Path,
) -> None:
    result = run()
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        "note: .github/workflows/journeys.yml installs journeyctl from a git repository pinned "
        "to a commit, and this journeyctl was not installed from one: replace the REPLACE-ME "
        "value of JOURNEYCTL there with 'journeyctl @ git+URL@COMMIT' (the checks stop "
        "until then)"
    )
    config = yaml.safe_load((in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [repository] = config["repos"]
    assert repository["repo"] == "local"
    # This project's hook, run by the journeyctl on the PATH instead of a pinned copy.
    expected = {k: v for k, v in hook.items() if k != "description"} | {"language": "system"}
    assert repository["hooks"] == [expected]
    assert ".journeyctl-cache/" in (in_tmp / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_a_journeyctl_installed_from_git_is_pinned_in_the_workflow_and_pre_commit(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = Source("https://example.org/cx/journeyctl", "0123456789abcdef" * 2 + "01234567")
    monkeypatch.setattr("journeyctl.scaffold.repository.installed_from", lambda: source)
    result = run()
    assert result.exit_code == 0 and "note:" not in result.stderr
    config = yaml.safe_load((in_tmp / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config == {
        "repos": [
            {
                "repo": source.url,
                "rev": source.commit,
                "hooks": [{"id": "journeyctl-validate"}],
            }
        ]
    }
    assert install_step(in_tmp)["env"] == {
        "JOURNEYCTL": f"journeyctl @ git+{source.url}@{source.commit}"
    }


def install_step(folder: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(
        (folder / ".github/workflows/journeys.yml").read_text(encoding="utf-8")
    )
    steps = workflow["jobs"]["journeys"]["steps"]
    step: dict[str, Any] = next(s for s in steps if s.get("name") == "Install journeyctl")
    return step


@pytest.mark.skipif(shutil.which("bash") is None, reason="the workflow's steps run in bash")
def test_the_install_step_stops_at_the_placeholder_and_installs_what_is_filled_in(
    in_tmp: Path,
) -> None:
    assert run().exit_code == 0
    step = install_step(in_tmp)
    assert step["env"] == {"JOURNEYCTL": PLACEHOLDER}
    fake = in_tmp / "bin"
    fake.mkdir()
    (fake / "pip").write_text('#!/bin/sh\nprintf "%s|" pip "$@"\n', encoding="utf-8")
    (fake / "pip").chmod(0o755)
    path = f"{fake}{os.pathsep}{os.environ.get('PATH', '')}"

    def step_with(value: str) -> subprocess.CompletedProcess[str]:
        env = {"PATH": path, "JOURNEYCTL": value}
        return subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    stopped = step_with(PLACEHOLDER)
    assert stopped.returncode == 1
    assert stopped.stdout.startswith(
        "::error file=.github/workflows/journeys.yml::Say where to install journeyctl from: "
    )
    filled = step_with("journeyctl @ git+https://example.org/cx/journeyctl@abc123")
    assert (filled.returncode, filled.stdout) == (
        0,
        "pip|install|journeyctl @ git+https://example.org/cx/journeyctl@abc123|",
    )


def test_init_refuses_to_overwrite_and_writes_nothing(in_tmp: Path) -> None:
    (in_tmp / "README.md").write_text("mine\n", encoding="utf-8")
    result = run()
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: ")
    assert "holds README.md already; nothing was written" in result.stderr
    assert made(in_tmp) == ["README.md"]
    assert (in_tmp / "README.md").read_text(encoding="utf-8") == "mine\n"


def test_force_replaces_the_files(in_tmp: Path) -> None:
    (in_tmp / "README.md").write_text("mine\n", encoding="utf-8")
    assert run("--force", "--language", "en").exit_code == 0
    assert (in_tmp / "README.md").read_text(encoding="utf-8").startswith("# Our journey framework")


def test_a_file_is_not_a_folder_to_init_in(in_tmp: Path) -> None:
    (in_tmp / "x").write_text("", encoding="utf-8")
    result = run("x")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: cannot write into 'x': it is a file, not a folder; give a folder (it is "
        "created when missing); nothing was written\n",
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.slow
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_init_refuses_a_journeys_tree_and_writes_nothing(in_tmp: Path, force: list[str]) -> None:
    assert run("klantreizen").exit_code == 0
    before = _tree(in_tmp)
    result = run("klantreizen/journeys", *force)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: 'klantreizen/journeys' is a journeys tree already (it holds framework.yaml); "
        "init makes a new framework repository, whose files journeyctl would read there as "
        "journeys. Nothing was written: run init in a folder outside the tree, or work on the "
        "framework there (`journeyctl validate --root klantreizen/journeys`)\n"
    )
    assert _tree(in_tmp) == before


def test_init_refuses_a_folder_inside_a_journeys_tree_and_makes_no_folder(in_tmp: Path) -> None:
    assert run("klantreizen").exit_code == 0
    before = _tree(in_tmp)
    result = run("klantreizen/journeys/klant-zijn/nieuw")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "error: 'klantreizen/journeys/klant-zijn/nieuw' is inside the journeys tree "
        "'klantreizen/journeys' (it holds framework.yaml); init makes a new framework "
        "repository"
    )
    assert (_tree(in_tmp), (in_tmp / "klantreizen/journeys/klant-zijn").exists()) == (
        before,
        False,
    )


def test_the_tree_is_found_as_the_loader_finds_it_from_where_init_runs(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "tree/sub").mkdir(parents=True)
    (in_tmp / "tree/Framework.YAML").write_text("name: x\n", encoding="utf-8")
    monkeypatch.chdir(in_tmp / "tree/sub")
    result = run()
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: '.' is inside the journeys tree '..' (it holds Framework.YAML); "
    )
    assert sorted(p.name for p in (in_tmp / "tree").rglob("*")) == ["Framework.YAML", "sub"]


def test_a_framework_yaml_above_the_repository_is_another_projects(in_tmp: Path) -> None:
    (in_tmp / "framework.yaml").write_text("name: x\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(in_tmp / "project")], check=True)
    result = run("project/frameworks/klantreizen")
    assert result.exit_code == 0, result.output
    assert (in_tmp / "project/frameworks/klantreizen/journeys/framework.yaml").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_readmes_new_example_works_as_written(in_tmp: Path, language: str) -> None:
    """The README that init writes: its clusters block added to framework.yaml as shown, then
    its `journeyctl new` command, in the new repository."""
    assert run("--language", language).exit_code == 0
    readme = (in_tmp / "README.md").read_text(encoding="utf-8")
    command = re.search(r"`journeyctl (new [^`]*)`", readme)
    block = re.search(r"```yaml\n(.*?)```", readme, re.DOTALL)
    assert command is not None and block is not None
    with (in_tmp / "journeys/framework.yaml").open("a", encoding="utf-8") as framework:
        framework.write(textwrap.dedent(block.group(1)))
    result = CliRunner().invoke(app, shlex.split(command.group(1)))
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout.startswith("journeys/")
    checked = CliRunner().invoke(app, ["validate", "--format", "json"])
    assert (checked.exit_code, json.loads(checked.stdout)["errors"]) == (0, 0)


@pytest.mark.slow
def test_the_first_import_then_new_in_a_fresh_repository_validates(in_tmp: Path) -> None:
    assert run().exit_code == 0
    sheet = in_tmp / "inventaris.csv"
    sheet.write_text(
        "Klantreis;Fase;Cluster;Eigenaar\nIk ontvang mijn factuur;Klant zijn;Factuur;CX-team\n",
        encoding="utf-8",
    )
    imported = CliRunner().invoke(app, ["import", str(sheet), "--add-missing"])
    assert imported.exit_code == 0, imported.output
    result = CliRunner().invoke(
        app,
        [
            *("new", "Ik betaal mijn rekening", "--phase", "Klant zijn"),
            *("--cluster", "factuur", "--owner", "cx-team"),
        ],
    )
    assert (result.exit_code, result.stdout) == (
        0,
        "journeys/klant-zijn/factuur/ik-betaal-mijn-rekening.yaml\n",
    )
    checked = CliRunner().invoke(app, ["validate", "--format", "json"])
    assert (checked.exit_code, json.loads(checked.stdout)["journeys"]) == (0, 2)
