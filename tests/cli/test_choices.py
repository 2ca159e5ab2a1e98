"""Every option that takes one of a few names (--format, --lang, --by, --normalise, --kind,
--status) refuses any other value the same way, before any work: exit 2, nothing on stdout,
and one line naming the option, the value, the nearest name and every valid one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from journeyctl.cli._options import Choice
from journeyctl.cli.app import app

# What each command needs besides the choice to get as far as reading its options.
REQUIRED = {
    "report": ["kpis"],
    "render": ["--out", "site"],
    "export": ["--out", "inventaris.xlsx"],
    "import": ["inventaris.xlsx"],
    "diff": ["main"],
    "new": ["Ik verhuis", "--phase", "klant-zijn", "--cluster", "wijzigen"],
}


def _choice_options() -> list[Any]:
    """(command, option, parameter type) of every option with a fixed set of values."""
    cases = []
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            descriptor = param.type_descriptor
            parser = descriptor.parameter_info.parser
            if isinstance(parser, Choice) or descriptor.choices is not None:
                case = (name, param.opts[0], parser)
                cases.append(pytest.param(*case, id=f"{name} {param.opts[0]}"))
    return cases


CHOICE_OPTIONS = _choice_options()


def run(*arguments: str) -> Result:
    return CliRunner().invoke(app, list(arguments), env={"COLUMNS": "100", "NO_COLOR": "1"})


@pytest.fixture(autouse=True)
def elsewhere(in_tmp: Path) -> None:
    """An empty working folder: no framework to find, nothing a refusal could have written."""


def test_every_command_with_choices_is_covered() -> None:
    options = {case.values[:2] for case in CHOICE_OPTIONS}
    assert {("report", "--format"), ("rank", "--lang"), ("import", "--kind")} <= options
    assert {command for command, _ in options} >= {
        "validate",
        "rank",
        "import",
        "export",
        "report",
        "render",
        "diff",
        "rules",
    }


@pytest.mark.parametrize(("command", "option", "choice"), CHOICE_OPTIONS)
def test_a_near_miss_is_refused_with_the_nearest_name(
    command: str, option: str, choice: Choice[str] | None, in_tmp: Path
) -> None:
    assert isinstance(choice, Choice), "a choice option takes its values through Choice"
    first = choice.names[0]
    result = run(command, *REQUIRED.get(command, []), option, f"{first}x")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"error: {option} '{first}x' is not {choice.what}; did you mean '{first}'? "
        f"valid: {', '.join(choice.names)}\n",
    )
    assert list(in_tmp.iterdir()) == []


def test_a_choice_is_taken_in_any_case() -> None:
    choice = Choice("format", ("table", "json"), "an output format")
    assert (choice("JSON"), choice("Table"), choice("json")) == ("json", "table", "json")


@pytest.mark.parametrize(("command", "option", "choice"), CHOICE_OPTIONS)
def test_a_value_like_none_is_refused_with_every_name(
    command: str, option: str, choice: Choice[str] | None
) -> None:
    assert isinstance(choice, Choice), "a choice option takes its values through Choice"
    result = run(command, *REQUIRED.get(command, []), option, "zzz")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"error: {option} 'zzz' is not {choice.what}; valid: {', '.join(choice.names)}\n",
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["rank", "--by", "contact_rate"],
            "--by 'contact_rate' is not something to rank by; did you mean 'contact-rate'? "
            "valid: score, customers, contacts, contact-rate",
        ),
        (
            ["report", "kpis", "--format", "xml"],
            "--format 'xml' is not an output format; valid: table, json, csv, markdown",
        ),
        (
            ["validate", "--format", "txt"],
            "--format 'txt' is not an output format; did you mean 'text'? valid: auto, text, "
            "json, github, gitlab, sarif",
        ),
        (
            ["export", "--out", "inventaris.xlsx", "--format", "xls"],
            "--format 'xls' is not an output format; did you mean 'xlsx'? valid: xlsx, csv",
        ),
        (
            ["import", "metingen.csv", "--kind", "measurement"],
            "--kind 'measurement' is not a kind of file import reads; did you mean "
            "'measurements'? valid: inventory, measurements",
        ),
        (
            ["render", "--out", "site", "--lang", "fr"],
            "--lang 'fr' is not a language of journeyctl; valid: nl, en",
        ),
        (
            ["rank", "--status", "improvng"],
            "--status 'improvng' is not a journey status; did you mean 'improving'? valid: "
            "listed (geïnventariseerd), mapped (in kaart gebracht), improving (wordt "
            "verbeterd), monitoring (wordt gevolgd), retired (vervallen)",
        ),
        (
            ["rank", "--status", "wordt verbetert"],
            "--status 'wordt verbetert' is not a journey status; did you mean 'wordt "
            "verbeterd'? valid: listed (geïnventariseerd), mapped (in kaart gebracht), "
            "improving (wordt verbeterd), monitoring (wordt gevolgd), retired (vervallen)",
        ),
        (
            ["report", "kpis", "--today", "2025-13-01"],
            "--today '2025-13-01' is not a date; write YYYY-MM-DD",
        ),
    ],
)
def test_refusals_in_full(arguments: list[str], message: str) -> None:
    result = run(*arguments)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {message}\n")


def test_a_value_is_refused_before_a_missing_tree_is_read() -> None:
    # The working folder holds no framework: the choice is what the user hears about.
    result = run("rank", "--format", "jsn")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: --format 'jsn' is not an output format;")


@pytest.mark.parametrize(
    ("command", "placeholder"),
    [
        ("report", "--format [table|json|csv|markdown]"),
        ("report", "--lang [nl|en]"),
        ("export", "--lang [nl|en]"),
        ("import", "--kind [inventory|measurements]"),
        ("rank", "--normalise [selection|framework]"),
    ],
)
def test_help_lists_the_names(command: str, placeholder: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert placeholder in result.stdout
