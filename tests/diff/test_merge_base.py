"""`diff --merge-base main`: the branch's own changes, from where it left main, as a pull
request shows them; and one revision compared with the working tree."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from journeyctl.diff import diff
from tests.diff.conftest import AANMELD, BETAAL, Repository, git


def run(repository: Repository, *args: str) -> Result:
    return CliRunner().invoke(app, ["diff", *args, "--root", str(repository.root)])


def branch_and_main_apart(repo: Repository) -> str:
    """A branch that changed ik-betaal's status, while main went on to change ik-meld-me-aan;
    the commit where the branch left main."""
    left = git(repo.path, "rev-parse", "--short", "HEAD")
    git(repo.path, "checkout", "-q", "-b", "feature")
    repo.edit(BETAAL, "status: listed", "status: mapped")
    repo.commit("the branch's change")
    git(repo.path, "checkout", "-q", "main")
    repo.edit(AANMELD, "owner: jan", "owner: jan\nstatus: mapped")
    repo.commit("main went on")
    git(repo.path, "checkout", "-q", "feature")
    return left


def test_merge_base_shows_only_the_branchs_changes(repo: Repository) -> None:
    left = branch_and_main_apart(repo)
    result = run(repo, "--merge-base", "main")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == (
        f"**Klantreizen**: 1 gewijzigd (`{left}`, waar de branch van `main` afsplitste -> werkmap)"
    )
    assert "Ik meld me aan" not in result.stdout
    # Against main itself, main's own change shows too, undone.
    assert "**Ik meld me aan**" in run(repo, "main").stdout


def test_merge_base_in_json_names_the_ref(repo: Repository) -> None:
    left = branch_and_main_apart(repo)
    changes = diff(str(repo.root), "main", "feature", merge_base=True)
    assert (changes.base.revision, changes.base.merge_base, changes.head.revision) == (
        left,
        "main",
        "feature",
    )
    assert [(j.id, j.change) for j in changes.journeys] == [("ik-betaal", "changed")]
    assert changes.to_dict()["base"] == {
        "revision": left,
        "loaded": True,
        "errors": 0,
        "warnings": 0,
        "journeys": 2,
        "merge_base": "main",
        "valid": True,
    }


def test_histories_that_never_met_are_a_usage_error(repo: Repository) -> None:
    git(repo.path, "checkout", "-q", "--orphan", "elsewhere")
    repo.commit("unrelated")
    result = run(repo, "--merge-base", "main")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: no merge base of 'main' and 'HEAD' in the git ")
    assert "name a branch this one was made from" in result.stderr


def test_one_revision_is_compared_with_the_working_tree(repo: Repository) -> None:
    repo.edit(BETAAL, "status: listed", "status: mapped")  # not committed
    result = run(repo, "main", "--exit-code")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "**Klantreizen**: 1 gewijzigd (`main` -> werkmap)"
