"""`journeyctl report` on the small tree of tests/reports: exit code and output together."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from tests.reports.tree import EXPECTED, TREE

WARNINGS = "note: 7 warning(s); `journeyctl validate` lists them\n"
RULE = "─" * 100  # under a table's header, as wide as the terminal


def run(*args: str, root: Path = TREE) -> Result:
    return CliRunner().invoke(app, ["report", *args, "--root", str(root), "--today", "2025-06-01"])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TREE, tmp_path / "tree"))


def test_alerts_table() -> None:
    """One row per journey, its alerts one per line with what to do beside each."""
    result = run("alerts", "--lang", "en")
    assert (result.exit_code, result.stderr) == (0, WARNINGS)
    assert result.stdout == (
        "Alerts, period 2025 against 2024\n"
        "#  Journey    Owner  Alerts                                    What to do\n"
        f"{RULE}\n"
        "1  Journey B  Ann    NPS moving away from its target: from 0   Discuss the last measurement of NPS\n"
        "                     to -5, target 10                          with the journey team\n"
        "                     Review overdue: last one on 1 Jan 2025,   Plan a review with the journey team\n"
        "                     cadence quarterly\n"
        "2  Journey C  Bob    Contacts per customer up by 50%, from     Find out why customers get in touch\n"
        "                     1.00 to 1.50                              more often\n"
        "                     Never reviewed, cadence quarterly         Plan a review with the journey team\n"
        "                     NPS has no baseline                       Record a baseline for NPS\n"
        "3  Journey A  Ann    Contacts per customer up by 100%, from    Find out why customers get in touch\n"
        "                     0.10 to 0.20                              more often\n"
        "                     Contacts up by 100%, from 10 to 20        Find out where the extra contacts\n"
        "                                                               come from\n"
        "                     Top journey nobody works on               Map the journey and plan an\n"
        "                                                               improvement\n"
        "4  Journey E  -      Top journey nobody works on               Map the journey and plan an\n"
        "                                                               improvement\n"
        "                     Without an owner                          Appoint an owner\n"
        "Contacts per customer or contacts up more than 25%; top 10 journeys that are only "
        "listed and have no\nimprovement; KPIs moving away from their target; reviews overdue "
        "on 1 Jun 2025; journeys without an\nowner; KPIs without a baseline\n"
        "KPIs: measurements up to 30 Jun 2025\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.stem for p in EXPECTED.glob("*.json")))
def test_json_is_the_report_computed_by_hand(name: str) -> None:
    result = run(name, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(
        (EXPECTED / f"{name}.json").read_text(encoding="utf-8")
    )


def test_csv() -> None:
    result = run("coverage", "--format", "csv")
    assert (result.exit_code, result.stdout) == (
        0,
        "id,name,phase,phase_name,covered,level,journeys,contacts\n"
        "reden-a,Reason A,fase-a,Phase A,true,mapped,c;a,300\n"
        "reden-b,Reason B,fase-a,Phase A,true,mapped,c,100\n"
        "reden-c,Reason C,fase-b,Phase B,false,,,\n",
    )


def test_owners_markdown_in_dutch() -> None:
    result = run("owners", "--format", "markdown", "--lang", "nl")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "### Reviews te laat op 1 jun 2025\n\n"
        "| Klantreis | Eigenaar | Ritme | Laatste review | Dagen te laat |\n"
        "|---|---|---|---|---:|\n"
        "| Journey B | Ann | per kwartaal | 1 jan 2025 | 59 |\n"
        "| Journey C | Bob | per kwartaal | nooit | - |\n"
    )


def test_kpis_top_and_period() -> None:
    result = run("kpis", "--top", "1", "--period", "2024", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (data["period"], data["as_of"]) == ("2024", "2024-12-31")
    assert [row["journey"] for row in data["rows"]] == ["b"]


def test_kpis_top_is_the_first_journeys_with_kpis_and_help_says_so(tree: Path) -> None:
    """c (rank 2) records no KPI: --top 2 shows b (rank 1) and a (rank 3), the first two
    journeys of the ranking that have KPIs, as --help says (not the first two of the ranking)."""
    journeys = tree / "fase-a" / "cluster-a"
    c = journeys / "c.yaml"
    c.write_text(c.read_text(encoding="utf-8").split("kpis:\n")[0], encoding="utf-8")
    a = journeys / "a.yaml"
    a.write_text(
        a.read_text(encoding="utf-8") + "kpis:\n  nps:\n    target: 20\n", encoding="utf-8"
    )
    data = json.loads(run("kpis", "--top", "2", "--format", "json", root=tree).stdout)
    assert [(row["rank"], row["journey"]) for row in data["rows"]] == [(1, "b"), (3, "a")]
    help_text = CliRunner().invoke(app, ["report", "--help"], env={"COLUMNS": "200"}).stdout
    said = " ".join(help_text.replace("│", " ").split())
    assert "kpis: the KPIs of the first N journeys of the ranking that have KPIs;" in said
    assert "the first N journeys of the ranking;" not in said


def measured_later(tree: Path) -> Path:
    """b's NPS measured once more in 2026, after the default period 2025 of the volumes."""
    journey = tree / "fase-a" / "cluster-a" / "b.yaml"
    text = journey.read_text(encoding="utf-8")
    later = "      - {date: 2024-12-31, value: -5}\n      - {date: 2026-03-31, value: 4}\n"
    journey.write_text(
        text.replace("      - {date: 2024-12-31, value: -5}\n", later), encoding="utf-8"
    )
    return tree


def test_kpis_name_the_measurements_last_day_not_the_volumes_period(tree: Path) -> None:
    result = run("kpis", "--top", "1", "--lang", "en", root=measured_later(tree))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "KPIs against their target, measurements up to 31 Mar 2026"
    assert "31 Mar 2026" in lines[4] and "period 2025" not in result.stdout
    assert lines[-1] == "#: the rank in the ranking of 2025"


def test_kpis_of_a_period_leave_out_later_measurements(tree: Path) -> None:
    result = run("kpis", "--period", "2025", "--lang", "en", root=measured_later(tree))
    assert result.exit_code == 0
    assert result.stdout.startswith("KPIs against their target, measurements up to 31 Dec 2025\n")
    assert "2026" not in result.stdout
    assert result.stdout.endswith(
        "#: the rank in the ranking of 2025\n"
        "Measurements after the end of 2025 are left out, a baseline too\n"
    )


def test_compare_sets_the_period_alerts_compare_with() -> None:
    result = run("alerts", "--period", "2025", "--compare", "2024", "--format", "json")
    data = json.loads(result.stdout)
    assert (result.exit_code, data["compare"], data["summary"]["contacts_up"]) == (0, "2024", 1)


def test_compare_with_the_period_itself_is_a_usage_error() -> None:
    result = run("alerts", "--period", "2025", "--compare", "2025")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --compare and --period are both '2025': a period compared with itself shows "
        "no movement; give --compare an earlier period, or leave it out to compare with the "
        "one before\n"
    )


def test_compare_with_the_default_period_itself_is_a_usage_error() -> None:
    result = run("kpis", "--compare", "2025")  # 2025 is the default period
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --compare '2025' is the period ranked itself, so nothing would move; "
        "give an earlier period, such as 2024 (periods with volumes: 2024, 2025)\n"
    )


def test_unknown_report_lists_the_five() -> None:
    result = run("kpi")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: 'kpi' is not a report; did you mean 'kpis'? choose one of kpis, improvements, "
        "coverage, owners, alerts\n"
    )


@pytest.mark.parametrize("name", ["improvements", "coverage", "owners"])
def test_top_is_for_kpis_and_alerts_only(name: str) -> None:
    result = run(name, "--top", "3")
    assert (result.exit_code, result.stdout) == (2, "")
    # Refused before the tree is read: no note about its warnings first.
    assert result.stderr == (
        f"error: --top is for the kpis and alerts reports only; the {name} report shows "
        "every row, so leave it out\n"
    )


def test_a_date_that_is_not_one() -> None:
    result = CliRunner().invoke(app, ["report", "owners", "--root", str(TREE), "--today", "1-6"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --today '1-6' is not a date; write YYYY-MM-DD\n"


def test_a_period_nobody_has() -> None:
    result = run("alerts", "--period", "2023")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: --period '2023': no journey has volumes for that")


def test_a_tree_with_errors_is_not_reported(tree: Path) -> None:
    journey = tree / "fase-a" / "cluster-a" / "a.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace("owner: ann", "owner: nobody"),
        encoding="utf-8",
    )
    result = run("alerts", root=tree)
    assert (result.exit_code, result.stdout) == (1, "")
    assert "JC2" in result.stderr and "'nobody'" in result.stderr
    assert result.stderr.endswith(
        "error: the tree has validation errors, so it is not reported; fix them first\n"
    )


def test_user_text_stays_text(tree: Path) -> None:
    """Rich markup prints literally, an escape character is shown escaped, and a `|` or a
    newline in a name cannot break a Markdown table."""
    journey = tree / "fase-a" / "cluster-a" / "a.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace(
            "name: Journey A", 'name: "[bold]A|B\\e[31m\\nC"'
        ),
        encoding="utf-8",
    )
    table = run("alerts", "--lang", "en", root=tree)
    assert table.exit_code == 0
    assert "[bold]A|B\\x1b[31m\\nC" in table.stdout
    assert "\x1b" not in table.stdout
    markdown = run("owners", "--format", "markdown", root=tree)
    assert markdown.exit_code == 0
    improvements = run("improvements", "--format", "markdown", root=tree)
    assert "\x1b" not in improvements.stdout
    alerts = run("alerts", "--format", "markdown", root=tree)
    assert "\\[bold\\]A\\|B\\\\x1b\\[31m C" in alerts.stdout  # the line break a space
