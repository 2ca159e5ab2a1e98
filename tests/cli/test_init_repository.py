"""`journeyctl init` and git: a repository where there is none, on the branch git would make,
named in the README and the CI configuration; GitHub Actions or GitLab CI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["init", *args])


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git configuration of the test's own, so that the user's does not decide the branch."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Test\n\temail = test@example.org\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return config


@pytest.mark.parametrize(("configured", "branch"), [(None, "master"), ("trunk", "trunk")])
def test_a_folder_outside_git_gets_a_repository_on_the_branch_git_would_make(
    in_tmp: Path, git_config: Path, configured: str | None, branch: str
) -> None:
    if configured:
        git(in_tmp, "config", "--global", "init.defaultBranch", configured)
    result = run("repo")
    assert result.exit_code == 0, result.output
    assert f"made a git repository in repo (branch {branch})" in result.stderr.splitlines()
    assert git(in_tmp / "repo", "symbolic-ref", "--short", "HEAD") == branch
    readme = (in_tmp / "repo" / "README.md").read_text(encoding="utf-8")
    assert (
        f"- `journeyctl diff {branch}` laat zien wat er veranderd is ten opzichte van `{branch}` "
        in readme
    )
    workflow = yaml.safe_load(
        (in_tmp / "repo/.github/workflows/journeys.yml").read_text(encoding="utf-8")
    )
    assert workflow[True]["push"] == {"branches": [branch]}


@pytest.mark.slow
def test_the_readmes_diff_works_after_the_first_commit(
    in_tmp: Path, git_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(in_tmp, "config", "--global", "init.defaultBranch", "hoofd")
    assert run("repo", "--language", "en").exit_code == 0
    repo = in_tmp / "repo"
    sheet = in_tmp / "inventory.csv"
    sheet.write_text("journey,phase,cluster\nI receive my bill,being-a-customer,billing\n", "utf-8")
    imported = CliRunner().invoke(
        app, ["import", str(sheet), "--add-missing", "--root", str(repo / "journeys")]
    )
    assert imported.exit_code == 0, imported.output
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "A framework")
    journey = next((repo / "journeys").rglob("i-receive-my-bill.yaml"))
    text = journey.read_text(encoding="utf-8")
    journey.write_text(text.replace("name: I receive my bill", "name: I get my bill"), "utf-8")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(app, ["diff", "hoofd"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Name: I receive my bill -> I get my bill" in result.stdout


def test_a_folder_inside_a_repository_is_left_to_it_and_its_branch_is_named(
    in_tmp: Path, git_config: Path
) -> None:
    git(in_tmp, "init", "-q", "--initial-branch=develop")
    result = run("repo")
    assert result.exit_code == 0
    assert not (in_tmp / "repo" / ".git").exists()
    assert not any(line.startswith("made a git") for line in result.stderr.splitlines())
    assert "`journeyctl diff develop`" in (in_tmp / "repo/README.md").read_text(encoding="utf-8")


def test_without_git_the_files_are_written_and_the_note_says_how(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(in_tmp))  # no git on it
    result = run("repo")
    assert result.exit_code == 0
    assert not (in_tmp / "repo" / ".git").exists()
    assert (
        "note: git is not installed, so no repository was made; install git and run `git init` "
        "here: pull requests and `journeyctl diff` need one"
    ) in result.stderr.splitlines()


def test_gitlab_ci_checks_merge_requests_with_a_code_quality_report(
    in_tmp: Path, git_config: Path
) -> None:
    result = run("repo", "--ci", "gitlab")
    assert result.exit_code == 0
    assert not (in_tmp / "repo/.github").exists()
    job = yaml.safe_load((in_tmp / "repo/.gitlab-ci.yml").read_text(encoding="utf-8"))["journeys"]
    script = "\n".join(job["script"])
    assert job["variables"]["GIT_DEPTH"] == 0
    assert job["rules"] == [
        {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'},
        {"if": '$CI_COMMIT_BRANCH == "master"'},
    ]
    assert 'journeyctl diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"' in script
    assert "journeyctl validate --format gitlab > gl-code-quality-report.json" in script
    assert job["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert job["artifacts"]["when"] == "always"
    assert result.stderr.splitlines()[-1].startswith(
        "note: repo/.gitlab-ci.yml installs journeyctl from a git repository pinned to a commit"
    )
    readme = (in_tmp / "repo/README.md").read_text(encoding="utf-8")
    assert "Elke pull request wordt gecontroleerd (`.gitlab-ci.yml`" in readme


def test_the_gitlab_job_stops_at_the_placeholder_with_what_to_fill_in(
    in_tmp: Path, git_config: Path
) -> None:
    assert run("repo", "--ci", "gitlab").exit_code == 0
    job = yaml.safe_load((in_tmp / "repo/.gitlab-ci.yml").read_text(encoding="utf-8"))["journeys"]
    check = job["script"][0]
    stopped = subprocess.run(
        ["bash", "-c", check],
        env={"JOURNEYCTL": job["variables"]["JOURNEYCTL"], "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (stopped.returncode, stopped.stdout) == (
        1,
        "Say where to install journeyctl from: set JOURNEYCTL in .gitlab-ci.yml to "
        "'journeyctl @ git+URL@COMMIT' (journeyctl's repository and a commit of it)\n",
    )
    filled = subprocess.run(
        ["bash", "-c", check],
        env={"JOURNEYCTL": "journeyctl @ git+https://example.org/j@abc", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert filled.returncode == 0


def test_a_folder_inside_a_git_folder_is_refused_before_anything_is_written(
    in_tmp: Path, git_config: Path
) -> None:
    git(in_tmp, "init", "-q")
    result = run(".git/framework")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: '{in_tmp / '.git/framework'}' is inside a git repository's own folder (.git, "
        "or a bare repository); make the framework in a working folder instead; nothing was "
        "written\n"
    )
    assert not (in_tmp / ".git/framework").exists()


def test_a_repository_git_cannot_make_is_said_after_the_files_written(
    in_tmp: Path, git_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = subprocess.run

    def refusing_init(arguments: list[str], **options: object) -> object:
        if "init" in arguments:
            return subprocess.CompletedProcess(arguments, 128, "", "fatal: cannot mkdir\n")
        return real(arguments, **options)  # type: ignore[call-overload]

    monkeypatch.setattr("journeyctl.write.repository.subprocess.run", refusing_init)
    result = run("repo")
    assert (result.exit_code, result.stdout) == (2, "")
    *wrote, error = result.stderr.splitlines()
    assert wrote[0] == "wrote repo/journeys/framework.yaml"
    assert len(wrote) == 10 and all(line.startswith("wrote repo/") for line in wrote)
    assert error == (
        f"error: the files were written, but git could not make a repository in "
        f"'{in_tmp / 'repo'}' (fatal: cannot mkdir); run `git init` there yourself"
    )
    assert (in_tmp / "repo/README.md").is_file()
