"""`journeyctl diff` on a real repository: exit codes and output together, Markdown golden files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from tests.diff.conftest import AANMELD, BETAAL, BETAALLINK, Repository, git, repo

__all__ = ["repo"]  # the fixture, shared with tests/diff

GOLDEN = Path(__file__).parent / "golden"
HERINNERING = "klant-zijn/facturatie/ik-krijg-een-herinnering.yaml"


def run(repository: Repository, *args: str) -> Result:
    return CliRunner().invoke(app, ["diff", *args, "--root", str(repository.root)])


def golden(name: str, text: str) -> None:
    """Compare with the golden file; JOURNEYCTL_UPDATE_GOLDEN=1 writes it instead."""
    path = GOLDEN / name
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def reviewed(repo: Repository) -> Repository:
    """A pull request: one journey's volumes, two steps, a rename, an improvement implemented."""
    repo.write(
        HERINNERING,
        "id: ik-krijg-een-herinnering\nname: Ik krijg een betalingsherinnering\n"
        "phase: klant-zijn\ncluster: facturatie\nowner: jan\n",
    )
    repo.commit("a third journey")
    git(repo.path, "tag", "-f", "base")
    repo.edit(AANMELD, "customers: 500, contacts: 400", "customers: 5000, contacts: 4000")
    repo.edit(
        BETAAL,
        "  - name: Ik betaal\n",
        "  - name: Ik krijg een betaalherinnering in de app\n    touchpoints: [web]\n"
        "  - name: Ik kies *direct betalen*\n  - name: Ik betaal\n",
    )
    new = "klant-zijn/facturatie/ik-ontvang-een-herinnering.yaml"
    git(repo.path, "mv", f"journeys/{HERINNERING}", f"journeys/{new}")
    repo.edit(new, "id: ik-krijg-een-herinnering", "id: ik-ontvang-een-herinnering")
    repo.edit(BETAALLINK, "status: idea", "status: implemented")
    return repo


def test_markdown_for_the_pull_request(reviewed: Repository) -> None:
    result = run(reviewed, "base")
    assert (result.exit_code, result.stderr) == (0, "")
    golden("diff_nl.md", result.stdout)


def test_markdown_in_english(reviewed: Repository) -> None:
    reviewed.edit("framework.yaml", "language: nl", "language: en")
    result = run(reviewed, "base")
    assert result.exit_code == 0
    golden("diff_en.md", result.stdout)


def test_json_keeps_ids_and_plain_numbers(reviewed: Repository) -> None:
    result = run(reviewed, "base", "--format", "json")
    data = json.loads(result.stdout)
    assert (result.exit_code, data["changed"], data["head"]["revision"]) == (0, True, None)
    meld = next(j for j in data["journeys"] if j["id"] == "ik-meld-me-aan")
    assert meld["details"] == [
        {
            "kind": "volume",
            "period": "2025",
            "old_customers": 500,
            "customers": 5000,
            "old_contacts": 400,
            "contacts": 4000,
        },
        {"kind": "rank", "old_period": "2025", "old_rank": 2, "period": "2025", "rank": 1},
    ]
    assert data["improvements"] == [
        {
            "id": "betaallink",
            "title": "Betaallink in de factuurmail",
            "change": "changed",
            "old_status": "idea",
            "status": "implemented",
            "fields": [],
        }
    ]


def test_exit_code_says_whether_anything_changed(reviewed: Repository) -> None:
    assert run(reviewed, "base").exit_code == 0
    assert run(reviewed, "base", "--exit-code").exit_code == 1
    unchanged = run(reviewed, "base", "base", "--exit-code")
    assert unchanged.exit_code == 0
    assert unchanged.stdout == ("**Geen wijzigingen in het raamwerk** (`base` -> `base`)\n")


def test_a_missing_revision_is_a_usage_error(repo: Repository) -> None:
    result = run(repo, "v9")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: revision 'v9' not found in the git repository at ")


def test_a_revision_that_does_not_validate_says_so(repo: Repository) -> None:
    repo.edit(AANMELD, "owner: jan", "owner: nobody")
    result = run(repo, "base")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "**Klantreizen**: 1 gewijzigd (`base` -> werkmap)",
        "",
        "> **werkmap is niet geldig: 1 fout(en), 0 waarschuwing(en); "
        "`journeyctl validate` toont ze**",
    ]
