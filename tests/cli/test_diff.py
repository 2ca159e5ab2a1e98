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


@pytest.mark.slow
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
            "old_estimated": [],
            "estimated": [],
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


@pytest.mark.slow
def test_exit_code_says_whether_anything_changed(reviewed: Repository) -> None:
    assert run(reviewed, "base").exit_code == 0
    assert run(reviewed, "base", "--exit-code").exit_code == 1
    unchanged = run(reviewed, "base", "base", "--exit-code")
    assert unchanged.exit_code == 0
    assert unchanged.stdout == ("**Geen wijzigingen in het raamwerk** (`base` -> `base`)\n")


def test_a_framework_that_does_not_load_fails_the_exit_code(repo: Repository) -> None:
    """An unknown key under ranking: (JC101) keeps framework.yaml from loading, and the review
    cadence changed beside it is not compared: a CI job with --exit-code must not pass, and
    the first line must not say that nothing changed."""
    repo.edit(
        "framework.yaml",
        "review:\n  cadence: quarterly",
        "ranking:\n  regelgeving: 0.5\nreview:\n  cadence: monthly",
    )
    result = run(repo, "base", "--exit-code")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines()[:3] == [
        "**Raamwerk**: niet vergeleken (`base` -> werkmap)",
        "",
        "> **werkmap: framework.yaml laadt niet, dus het raamwerk is niet vergeleken**",
    ]
    data = json.loads(run(repo, "base", "--format", "json").stdout)
    assert (data["changed"], data["framework_compared"], data["framework"]) == (True, False, [])
    assert (data["base"]["loaded"], data["head"]["loaded"]) == (True, False)


def test_a_status_that_takes_a_journey_out_of_the_ranking_says_its_place(
    repo: Repository,
) -> None:
    repo.edit(BETAAL, "status: listed", "status: retired")
    result = run(repo, "base")
    assert "  - Positie 2025: #1 -> niet gerangschikt" in result.stdout.splitlines()
    data = json.loads(run(repo, "base", "--format", "json").stdout)
    [betaal] = data["journeys"]
    assert betaal["details"][-1] == {
        "kind": "rank",
        "old_period": "2025",
        "old_rank": 1,
        "period": "2025",
        "rank": None,
    }


def test_a_changed_alert_threshold_is_a_change_in_words_and_in_json(repo: Repository) -> None:
    """It decides which alerts fire; the JSON record has the keys every framework change has."""
    repo.edit(
        "framework.yaml",
        "review:\n  cadence: quarterly\n",
        "review:\n  cadence: quarterly\nalerts:\n  contact_rate_increase: 0.5\n",
    )
    result = run(repo, "base", "--exit-code")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines()[-1] == (
        "- Signaaldrempel voor stijgende contacten: 0,2 -> 0,5"
    )
    data = json.loads(run(repo, "base", "--format", "json").stdout)
    assert (data["changed"], data["framework"]) == (
        True,
        [
            {
                "section": "alerts",
                "id": "contact_rate_increase",
                "name": "contact_rate_increase",
                "change": "changed",
                "fields": ["contact_rate_increase"],
                "old_value": 0.2,
                "value": 0.5,
            }
        ],
    )


def test_a_measurement_imported_before_the_latest_and_a_place_kept(repo: Repository) -> None:
    """What an import of last year's survey and a small correction of contacts showed as
    `NPS gemeten 2025-12-31: 5 -> 5` and `Positie 2025: #2 -> #2`, as if nothing changed:
    the value measured, in the reports' decimals, and no place that did not move."""
    repo.edit(BETAAL, "value: 3}", "value: 3}\n      - {date: 2026-06-30, value: 5}")
    repo.commit("a later measurement")
    repo.edit(BETAAL, "value: 3}", "value: 3}\n      - {date: 2025-12-31, value: 4.5}")
    repo.edit(AANMELD, "contacts: 400", "contacts: 401")
    result = run(repo, "HEAD", "--exit-code")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines()[4:] == [
        "- **Ik betaal mijn factuur** (Klant zijn > Ik ontvang en betaal de factuur): gewijzigd",
        "  - NPS gemeten 2025-12-31: 4,5",
        "- **Ik meld me aan** (Klant worden > Ik word klant): gewijzigd",
        "  - Volumes 2025: contacten 400 -> 401",
    ]
    [betaal, aanmeld] = json.loads(run(repo, "HEAD", "--format", "json").stdout)["journeys"]
    assert [d["kind"] for d in aanmeld["details"]] == ["volume"]
    [kpi] = betaal["details"]
    # The keys the JSON had before, as they were; the new ones beside them.
    assert kpi == {
        "kind": "kpi",
        "kpi": "nps",
        "dates": ["2025-12-31"],
        "old_value": 5,
        "value": 5,
        "target": 20,
        "towards_target": None,
        "values": [4.5],
        "changed": [],
        "removed": [],
        "old_baseline": {"date": "2025-01-31", "value": -5},
        "baseline": {"date": "2025-01-31", "value": -5},
        "old_target": 20,
    }


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


VERHUIS = "klant-zijn/facturatie/ik-verhuis.yaml"
OPZEG = "klant-zijn/facturatie/ik-zeg-op.yaml"
BEEINDIG = "klant-zijn/facturatie/ik-beeindig-mijn-contract.yaml"


@pytest.fixture
def steering(repo: Repository) -> Repository:
    """A pull request that breaks one journey (a YAML syntax error), renames another with a
    new name and file, renames a step, and changes the top of the ranking."""
    repo.write(
        VERHUIS,
        "id: ik-verhuis\nname: Ik verhuis\nphase: klant-zijn\ncluster: facturatie\n"
        'volumes:\n  - {period: "2025", customers: 300, contacts: 90}\n',
    )
    repo.write(
        OPZEG,
        "id: ik-zeg-op\nname: Ik zeg op\nphase: klant-zijn\ncluster: facturatie\n"
        "contact_reasons: [factuur-vraag]\n"
        'volumes:\n  - {period: "2025", customers: 200, contacts: 20}\n'
        "steps:\n  - name: Ik zoek hoe ik opzeg\n  - name: Ik zeg op in de app\n",
    )
    repo.commit("two more journeys")
    git(repo.path, "tag", "-f", "base")
    repo.edit(VERHUIS, "name: Ik verhuis", "name: [Ik verhuis")
    git(repo.path, "mv", f"journeys/{OPZEG}", f"journeys/{BEEINDIG}")
    repo.edit(BEEINDIG, "id: ik-zeg-op", "id: ik-beeindig-mijn-contract")
    repo.edit(BEEINDIG, "name: Ik zeg op", "name: Ik beëindig mijn contract")
    repo.edit(BETAAL, "  - name: Ik betaal\n", "  - name: Ik betaal de factuur\n")
    repo.edit(AANMELD, "customers: 500, contacts: 400", "customers: 5000, contacts: 4000")
    return repo


def test_the_pull_request_comment_leads_with_what_matters(steering: Repository) -> None:
    result = run(steering, "base", "--exit-code")
    assert (result.exit_code, result.stderr) == (1, "")
    golden("diff_steering_nl.md", result.stdout)


def test_the_json_says_how_alike_a_rename_is_and_where_a_file_broke(
    steering: Repository,
) -> None:
    result = run(steering, "base", "--format", "json")
    data = json.loads(result.stdout)
    by_id = {journey["id"]: journey for journey in data["journeys"]}
    renamed, invalid = by_id["ik-beeindig-mijn-contract"], by_id["ik-verhuis"]
    assert (result.exit_code, renamed["change"], renamed["old_id"]) == (0, "renamed", "ik-zeg-op")
    assert 50 <= renamed["similarity"] < 100
    assert (invalid["change"], invalid["name"]) == ("invalid", "Ik verhuis")
    assert [(d["kind"], d["revision"], d["file"], d["line"]) for d in invalid["details"]] == [
        ("invalid", "head", f"journeys/{VERHUIS}", 3)
    ]
    assert by_id["ik-betaal"]["details"][0] == {
        "kind": "step_renamed",
        "position": 2,
        "old": "Ik betaal",
        "new": "Ik betaal de factuur",
        "similarity": by_id["ik-betaal"]["details"][0]["similarity"],
    }
    assert data["top_moves"][0] == {
        "id": "ik-meld-me-aan",
        "name": "Ik meld me aan",
        "old_rank": 2,
        "rank": 1,
    }
