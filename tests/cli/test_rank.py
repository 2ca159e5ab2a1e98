"""`journeyctl rank` options on the small tree of tests/rank, exit code and output together.

Expected numbers are computed by hand in tests/rank/test_engine.py's docstring: in 2025
a 82.5, b 57.5, c 9.4 (estimated); in 2024 b first, a second.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from journeyctl.cli.app import app
from tests.conftest import REPO_ROOT

TREE = Path(__file__).parent.parent / "rank" / "tree"
EXAMPLE = REPO_ROOT / "journeys"
PERIOD_NOTE = (
    "note: period 2025 (the latest period that at least half of the journeys with volumes "
    "have); not ranked: {} journey(s) with volumes for other periods only, {} journey(s) "
    "without any volumes yet"
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the small tree, to break in a test."""
    return Path(shutil.copytree(TREE, tmp_path / "tree"))


def run(*args: str, root: Path = TREE) -> Result:
    return CliRunner().invoke(app, ["rank", "--root", str(root), *args])


def ranking(result: Result) -> dict[str, object]:
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def scores(result: Result) -> list[tuple[str, float]]:
    journeys = ranking(result)["journeys"]
    assert isinstance(journeys, list)
    return [(j["id"], j["score"]) for j in journeys]


def test_the_period_chosen_is_said_on_stderr() -> None:
    result = run("--format", "json")
    assert (result.exit_code, scores(result)) == (0, [("a", 82.5), ("b", 57.5), ("c", 9.4)])
    assert result.stderr.splitlines()[-1] == PERIOD_NOTE.format(0, 0)


def test_the_period_note_counts_journeys_without_volumes_apart(tree: Path) -> None:
    # b loses its 2025 figures (it keeps 2024); c loses every volume it had.
    (tree / "p/c/b.yaml").write_text(
        (tree / "p/c/b.yaml")
        .read_text(encoding="utf-8")
        .replace('period: "2025"', 'period: "2023"'),
        encoding="utf-8",
    )
    c = tree / "q/d/c.yaml"
    text = c.read_text(encoding="utf-8")
    c.write_text(text[: text.index("volumes:")], encoding="utf-8")
    result = run("--format", "json", root=tree)
    unranked = ranking(result)["unranked"]
    assert result.exit_code == 0 and isinstance(unranked, list)
    assert [u["id"] for u in unranked] == ["b", "c"]
    assert result.stderr.splitlines()[-1] == PERIOD_NOTE.format(1, 1)


def test_the_period_note_counts_every_journey_the_table_leaves_unranked(tree: Path) -> None:
    c = tree / "q/d/c.yaml"
    c.write_text(c.read_text(encoding="utf-8") + "status: retired\n", encoding="utf-8")
    result = run("--format", "json", root=tree)
    assert [u["id"] for u in ranking(result)["unranked"]] == ["c"]
    assert result.stderr.splitlines()[-1] == PERIOD_NOTE.format(0, 0) + ", 1 journey(s) retired"


def test_a_period_given_is_not_said() -> None:
    result = run("--format", "json", "--period", "2024")
    assert (result.exit_code, scores(result)) == (0, [("b", 70.0), ("a", 57.5)])
    assert "note: period" not in result.stderr


def test_the_example_takes_2025_though_some_journeys_have_2026_q1() -> None:
    result = run("--format", "json", "--top", "1", root=EXAMPLE)
    assert (result.exit_code, ranking(result)["period"]) == (0, "2025")
    # Every journey of the example with volumes (the retired one aside) has 2025; two
    # journeys have no volumes at all.
    assert result.stderr.splitlines()[-1] == PERIOD_NOTE.format(0, 2) + ", 1 journey(s) retired"


def test_compare() -> None:
    result = run("--format", "json", "--compare", "2024")
    journeys = ranking(result)["journeys"]
    assert isinstance(journeys, list) and result.exit_code == 0
    assert [(j["id"], j["compare"] and j["compare"]["rank"]) for j in journeys] == [
        ("a", 2),
        ("b", 1),
        ("c", None),
    ]
    assert journeys[1]["compare"] == {
        "period": "2024",
        "rank": 1,
        "customers": 1000,
        "contacts": 500,
        "contact_rate": 0.5,
        "estimated": [],
    }
    assert ranking(result)["compare_period"] == "2024"


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            "2023",
            "error: --compare '2023': no journey has volumes for that period; "
            "periods present: 2024, 2025",
        ),
        ("vorig jaar", "error: --compare 'vorig jaar' is not a period"),
    ],
)
def test_compare_with_a_period_without_volumes_is_a_usage_error(period: str, message: str) -> None:
    result = run("--compare", period)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_what_if_weights() -> None:
    # customers 1, contacts 3, belang 2, wet 1: b 5.3 / 7, a 3.9 / 7, c .625 / 7.
    result = run("--format", "json", "--weight", "contacts=3", "--weight", "wet=1")
    assert (result.exit_code, scores(result)) == (0, [("b", 75.7), ("a", 55.7), ("c", 8.9)])
    assert ranking(result)["changed_weights"] == {
        "contacts": {"framework": 1.0, "used": 3.0},
        "wet": {"framework": 0.0, "used": 1.0},
    }


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        (
            "gewicht=2",
            "'gewicht' is not a weight; valid: customers (Klanten), contacts (Contacten), "
            "belang (Strategisch belang), wet (Regelgeving)",
        ),
        ("contact=2", "did you mean 'contacts'?"),
        ("contacts", "is not ID=W; write for example contacts=2"),
        ("contacts=veel", "'veel' is not a number"),
        ("contacts=-1", "a weight is a finite number from 0 to below 10^12"),
        ("contacts=nan", "a weight is a finite number from 0 to below 10^12"),
        ("contacts=inf", "(valid ids: customers, contacts, belang, wet)"),
    ],
)
@pytest.mark.slow
def test_bad_weights_are_usage_errors(pair: str, message: str) -> None:
    result = run("--weight", pair)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--phase", "klant zijn", ["a", "b"]),
        ("--cluster", "Ik vertrek", ["c"]),
        ("--owner", "Ann de Vries", ["a", "b"]),
        ("--team", "Facturatie", ["a"]),
        ("--persona", "gezin", ["a"]),
        ("--status", "wordt verbeterd", ["b"]),
        ("--status", "listed", ["c"]),
    ],
)
@pytest.mark.slow
def test_filters(option: str, value: str, expected: list[str]) -> None:
    result = run("--format", "json", option, value)
    assert (result.exit_code, [id_ for id_, _ in scores(result)]) == (0, expected)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--phase", "klant worden", "known: p (Klant zijn), q (Klant blijven)"),
        ("--team", "it", "known: t1 (Facturatie)"),
        ("--status", "klaar", "valid: listed (geïnventariseerd), mapped (in kaart gebracht)"),
    ],
)
def test_unknown_filter_values_are_usage_errors(option: str, value: str, message: str) -> None:
    result = run(option, value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_normalise() -> None:
    selection = run("--format", "json", "--phase", "q")
    framework = run("--format", "json", "--phase", "q", "--normalise", "framework")
    assert (selection.exit_code, scores(selection)) == (0, [("c", 50.0)])
    assert (framework.exit_code, scores(framework)) == (0, [("c", 9.4)])


def test_estimated_volumes_are_marked() -> None:
    result = run("--format", "json")
    journeys = ranking(result)["journeys"]
    assert isinstance(journeys, list) and result.exit_code == 0
    assert [j["estimated"] for j in journeys] == [[], [], ["customers", "contacts"]]


def test_lang() -> None:
    english = run("--lang", "en")
    assert english.exit_code == 0 and "Journeys" in english.stdout
    other = run("--lang", "de")
    assert (other.exit_code, other.stdout) == (2, "")


def test_the_contact_share() -> None:
    result = run("--format", "json", "--top", "1")
    assert result.exit_code == 0
    assert ranking(result)["contact_share"] == {"covered": 600, "total": 2000, "share": 0.3}


def break_tree(tree: Path) -> None:
    """a refers to an owner that does not exist; x.yaml does not load at all."""
    journey = tree / "p" / "c" / "a.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace("owner: ann", "owner: bob"), encoding="utf-8"
    )
    (tree / "p" / "c" / "x.yaml").write_text("id: x\nname: [\n", encoding="utf-8")


def test_a_tree_with_errors_is_not_ranked(tree: Path) -> None:
    break_tree(tree)
    result = run("--format", "json", root=tree)
    assert (result.exit_code, result.stdout) == (1, "")
    assert "bob" in result.stderr and "--skip-invalid" in result.stderr


def test_skip_invalid_ranks_the_rest_and_still_shows_the_errors(tree: Path) -> None:
    break_tree(tree)
    result = run("--format", "json", "--skip-invalid", root=tree)
    # Without a: maxima customers 500, contacts 400, belang 2: b 100.0, c 15.6.
    assert (result.exit_code, scores(result)) == (1, [("b", 100.0), ("c", 15.6)])
    unranked = ranking(result)["unranked"]
    assert unranked == [
        {"id": "a", "name": "Ik betaal mijn factuur", "reason": "has validation errors"},
        {"id": "x", "name": "x", "reason": "has validation errors"},
    ]
    assert "bob" in result.stderr and "x.yaml" in result.stderr
    assert "note: 2 journey(s) with validation errors left unranked" in result.stderr
    # The summary under the errors counts the warnings that the note says are there.
    warnings = re.search(r"note: (\d+) warning\(s\)", result.stderr)
    assert warnings is not None and int(warnings[1]) > 0
    assert f"invalid: 2 errors, {warnings[1]} warnings in " in result.stderr


def test_skip_invalid_with_only_warnings_exits_0(tree: Path) -> None:
    result = run("--format", "json", "--skip-invalid", root=tree)
    assert (result.exit_code, scores(result)) == (0, [("a", 82.5), ("b", 57.5), ("c", 9.4)])


def test_skip_invalid_does_not_rank_around_a_broken_framework(tree: Path) -> None:
    framework = tree / "framework.yaml"
    framework.write_text(
        framework.read_text(encoding="utf-8").replace("weight: 2", "weight: -2"),
        encoding="utf-8",
    )
    result = run("--format", "json", "--skip-invalid", root=tree)
    assert (result.exit_code, result.stdout) == (1, "")
    assert "framework.yaml" in result.stderr and "not even with --skip-invalid" in result.stderr
    # Without the option, no advice to use it: it would not help.
    result = run("--format", "json", root=tree)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines()[-1] == (
        "error: framework.yaml has errors, so nothing is ranked; fix it first"
    )


@pytest.mark.parametrize(
    ("args", "root", "fix"),
    [
        # The period chosen by default (2025) compared with itself, in the example.
        (
            ["--compare", "2025"],
            EXAMPLE,
            "give an earlier period, such as 2024 (periods with volumes: 2024, 2025, 2026-Q1)",
        ),
        # A quarter is compared with a quarter where the framework has none: with the year.
        (
            ["--period", "2026-Q1", "--compare", "2026-Q1"],
            EXAMPLE,
            "give an earlier period, such as 2025 (periods with volumes: 2024, 2025, 2026-Q1)",
        ),
        (
            ["--period", "2025", "--compare", "2025"],
            TREE,
            "give an earlier period, such as 2024 (periods with volumes: 2024, 2025)",
        ),
        (
            ["--period", "2024", "--compare", "2024"],
            TREE,
            "no period before it has volumes (periods with volumes: 2024, 2025), so there is "
            "nothing to compare with; leave it out, or rank a later period",
        ),
    ],
)
@pytest.mark.slow
def test_a_compare_period_equal_to_the_period_is_a_usage_error(
    args: list[str], root: Path, fix: str
) -> None:
    result = run(*args, "--format", "json", root=root)
    compare = args[-1]
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"error: --compare '{compare}' is the period ranked itself, so nothing would move; {fix}\n",
    )


WEIGHTS = (
    "customers (Klanten), contacts (Contacten), belang (Strategisch belang), wet (Regelgeving)"
)


@pytest.mark.parametrize(
    "weights",
    [
        ["customers=0", "contacts=0", "belang=0"],  # wet is 0 in framework.yaml
        ["klanten=0", "contacten=0", "belang=0", "wet=0"],
    ],
)
def test_every_weight_at_zero_is_a_usage_error(weights: list[str]) -> None:
    result = run(*(arg for pair in weights for arg in ("--weight", pair)))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "error: --weight sets every weight to 0, so every score would be 0; give at least "
        f"one weight above 0 (weights: {WEIGHTS}), or rank --by contacts or customers\n",
    )


def test_every_weight_at_zero_in_framework_yaml_is_a_usage_error(tree: Path) -> None:
    framework = tree / "framework.yaml"
    text = framework.read_text(encoding="utf-8").replace("weight: 2", "weight: 0")
    text = text.replace("customers: 1\n  contacts: 1", "customers: 0\n  contacts: 0")
    framework.write_text(text, encoding="utf-8")
    result = run("--format", "json", root=tree)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "error: --weight leaves, with framework.yaml's ranking and criteria, every weight to 0, "
        "so every score would be 0; give at least one weight above 0 "
        f"(weights: {WEIGHTS}), or rank --by contacts or customers\n",
    )


def test_volume_weights_at_zero_rank_by_the_criteria_left() -> None:
    # belang keeps its weight 2: a 5 of 5, b 2 of 5, c has no value (0, flagged).
    result = run("--format", "json", "--weight", "customers=0", "--weight", "contacts=0")
    assert (result.exit_code, scores(result)) == (0, [("a", 100.0), ("b", 40.0), ("c", 0.0)])
    assert ranking(result)["weights"] == {"customers": 0.0, "contacts": 0.0, "belang": 2.0}


def test_every_weight_at_zero_still_ranks_by_contacts() -> None:
    result = run(
        "--by",
        "contacts",
        "--format",
        "json",
        "--weight",
        "customers=0",
        "--weight",
        "contacts=0",
        "--weight",
        "belang=0",
    )
    assert result.exit_code == 0
    assert [j["id"] for j in ranking(result)["journeys"]] == ["b", "a", "c"]


# The small tree has no retired journey: a 'in kaart gebracht', b 'wordt verbeterd', c
# 'geïnventariseerd'.
NO_RETIRED = (
    "Geen klantreis heeft de status 'vervallen'; de statussen die er zijn: "
    "geïnventariseerd (1), in kaart gebracht (1), wordt verbeterd (1)."
)


@pytest.mark.parametrize("output_format", ["table", "markdown"])
def test_a_status_no_journey_has_is_one_line_naming_the_statuses_there_are(
    output_format: str,
) -> None:
    result = run("--status", "retired", "--format", output_format)
    # That line alone on stdout, no empty table or title; nothing said twice on stderr, and
    # no period note: the period does not matter when nothing matches.
    assert (result.exit_code, result.stdout) == (0, NO_RETIRED + "\n")
    assert "no journey" not in result.stderr and "note: period" not in result.stderr


@pytest.mark.parametrize(
    ("output_format", "stdout"),
    [
        (
            "csv",
            "rank,id,name,phase,cluster,owner,customers,contacts,contact_rate,score,"
            "status,customers_estimated,contacts_estimated,period\n",
        ),
        ("json", None),
    ],
)
def test_a_status_no_journey_has_is_an_empty_list_in_json_and_csv_and_a_note(
    output_format: str, stdout: str | None
) -> None:
    result = run("--status", "retired", "--format", output_format)
    assert result.exit_code == 0
    if stdout is None:
        assert (ranking(result)["journeys"], ranking(result)["unranked"]) == ([], [])
    else:
        assert result.stdout == stdout
    assert result.stderr.splitlines()[-1] == (
        "note: no journey has the status 'retired'; the statuses there are: listed (1), "
        "mapped (1), improving (1)"
    )


def test_a_status_no_journey_of_the_other_filters_has_counts_their_statuses() -> None:
    result = run("--owner", "ann", "--status", "listed", "--lang", "en")
    assert (result.exit_code, result.stdout) == (
        0,
        "No journey with owner 'Ann de Vries' has the status 'listed'; their statuses: "
        "mapped (1), improving (1).\n",
    )


def test_filters_that_together_match_no_journey_are_named_in_one_line() -> None:
    # c is the only journey of phase q, and has no owner.
    result = run("--phase", "q", "--owner", "ann")
    assert (result.exit_code, result.stdout) == (
        0,
        "Geen klantreis past bij fase 'Klant blijven', eigenaar 'Ann de Vries'.\n",
    )


def test_filters_that_match_only_unranked_journeys_show_them(tree: Path) -> None:
    # b has volumes for 2024 only: it matches, so the table's place says nothing is
    # ranked in 2025, and b is listed with the reason.
    b = tree / "p/c/b.yaml"
    b.write_text(
        b.read_text(encoding="utf-8").replace('period: "2025"', 'period: "2023"'),
        encoding="utf-8",
    )
    result = run("--status", "improving", "--period", "2025", "--lang", "en", root=tree)
    assert (result.exit_code, result.stdout) == (
        0,
        "Journeys by score, period 2025\nNo journey to rank in 2025.\nNot ranked (1):\n"
        "  Ik krijg een herinnering: no volumes for 2025 (has 2023, 2024)\n\n",
    )


def test_a_framework_without_journeys_says_so(tmp_path: Path) -> None:
    shutil.copy(TREE / "framework.yaml", tmp_path / "framework.yaml")
    result = run("--format", "json", root=tmp_path)
    assert (result.exit_code, ranking(result)["journeys"], ranking(result)["unranked"]) == (
        0,
        [],
        [],
    )
    assert "note: the framework has no journeys yet; nothing to rank" in result.stderr.splitlines()
    # A status asked for in it: no journey has any status, so the filter is what is named.
    filtered = run("--status", "listed", root=tmp_path)
    assert (filtered.exit_code, filtered.stdout) == (
        0,
        "Geen klantreis past bij status 'geïnventariseerd'.\n",
    )


COMPARED_AT_100 = """\
Journeys by score, period 2025
                                                                                    per
     vs                                                   Customers  Contacts  customer         Rank
#  2024  Journey / status        Phase / cluster  Owner       /2024     /2024     /2024  Score  2024
────────────────────────────────────────────────────────────────────────────────────────────────────
1    ▲1  Ik betaal mijn factuur  Klant zijn       Ann de      1,000       120      0.12   82.5     2
         mapped                  Ik betaal        Vries         200        50      0.25
2    ▼1  Ik krijg een            Klant zijn       Ann de        500       400      0.80   57.5     1
         herinnering             Ik betaal        Vries       1,000       500      0.50
         improving
3   new  Ik zeg op *             Klant blijven    -            250~       50~     0.20~    9.4     -
         listed                  Ik vertrek                      -         -         -
"""


def test_compare_shows_the_compared_customers_and_contacts_beneath_at_100_columns() -> None:
    # 2024: a 200 customers and 50 contacts, b 1,000 and 500, c none (new).
    result = CliRunner().invoke(
        app,
        ["rank", "--root", str(TREE), "--compare", "2024", "--lang", "en"],
        env={"COLUMNS": "100", "NO_COLOR": "1"},
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(COMPARED_AT_100)


@pytest.mark.parametrize(
    ("output_format", "lines"),
    [
        (
            "markdown",
            [
                "| # | t.o.v. 2024 | Klantreis | Fase | Cluster | Eigenaar | Status | Klanten | "
                "Contacten | per klant | Score | Positie 2024 | Klanten 2024 | Contacten 2024 | "
                "per klant 2024 |",
                "| 2 | ▼1 | Ik krijg een herinnering | Klant zijn | Ik betaal | Ann de Vries | "
                "wordt verbeterd | 500 | 400 | 0,80 | 57,5 ███·· | 1 | 1.000 | 500 | 0,50 |",
            ],
        ),
        (
            "csv",
            [
                "2,b,Ik krijg een herinnering,p,c,ann,500,400,0.8,57.5,improving,false,false,"
                "1,1000,500,0.5,-1,2025,2024"
            ],
        ),
    ],
)
def test_compare_shows_the_compared_customers_in_every_format(
    output_format: str, lines: list[str]
) -> None:
    result = run("--compare", "2024", "--format", output_format)
    assert result.exit_code == 0
    for line in lines:
        assert line in result.stdout.splitlines()
