"""The one writer interface: every kind of output has a registry from name to a writer
`(data, Settings) -> str`, which hands each layout what it reads of the settings, prints
nothing and lists the names its command offers."""

from __future__ import annotations

import dataclasses
from typing import Any, get_args

import pytest

from journeyctl.cli import diff as diff_command
from journeyctl.cli import rank as rank_command
from journeyctl.cli import report as report_command
from journeyctl.cli import validate as validate_command
from journeyctl.diff.changes import Revision, TreeDiff
from journeyctl.formats import FINDINGS_FORMATS, Settings, text
from journeyctl.formats import diff as diff_formats
from journeyctl.formats import ranking as rank_formats
from journeyctl.formats import reports as report_formats
from journeyctl.reports import build
from tests.formats.conftest import finding_quoting, validation_of
from tests.formats.ranking_sample import sample
from tests.reports.tree import report_input

SETTINGS = Settings(color=True, width=72, language="nl", explain=True)


def a_diff() -> TreeDiff:
    revision = Revision("main", True, 0, 0, 2)
    return TreeDiff(revision, revision, "nl", [], [], [], {})


def test_settings_are_frozen_and_plain_by_default() -> None:
    assert Settings() == Settings(color=False, width=100, language="en", explain=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().color = True  # type: ignore[misc]


def test_every_registry_offers_what_its_command_offers() -> None:
    assert set(FINDINGS_FORMATS) == set(get_args(validate_command.ValidateFormat)) - {"auto"}
    assert tuple(rank_formats.RANK_FORMATS) == rank_command.FORMAT_CHOICES
    assert set(report_formats.REPORT_FORMATS) == set(get_args(report_command.ReportFormat))
    assert set(diff_formats.DIFF_FORMATS) == set(get_args(diff_command.DiffFormat))


def test_the_findings_writers_read_the_colour() -> None:
    validation = validation_of(finding_quoting("Ik betaal"))
    assert FINDINGS_FORMATS["text"](validation, SETTINGS) == text.report(
        validation, Settings(color=True)
    )
    assert "\x1b[" in FINDINGS_FORMATS["text"](validation, SETTINGS)
    assert "\x1b[" not in FINDINGS_FORMATS["text"](validation, Settings())


def test_the_ranking_writers_hand_on_colour_width_and_explain() -> None:
    ranking = sample("nl", compare=True)
    writers = rank_formats.RANK_FORMATS
    assert writers["table"](ranking, SETTINGS) == rank_formats.table(ranking, True, True, 72)
    assert writers["json"](ranking, SETTINGS) == rank_formats.as_json(ranking, explain=True)
    assert writers["csv"](ranking, SETTINGS) == rank_formats.as_csv(ranking, explain=True)
    assert writers["markdown"](ranking, SETTINGS) == rank_formats.as_markdown(ranking, explain=True)


def test_the_report_writers_hand_on_language_colour_and_width() -> None:
    report = build("kpis", report_input())
    writers = report_formats.REPORT_FORMATS
    assert writers["table"](report, SETTINGS) == report_formats.table(report, "nl", True, 72)
    assert writers["markdown"](report, SETTINGS) == report_formats.as_markdown(report, "nl")
    assert writers["json"](report, SETTINGS) == report_formats.as_json(report)
    assert writers["csv"](report, SETTINGS) == report_formats.as_csv(report)


def test_the_diff_writers_read_no_setting() -> None:
    diff = a_diff()
    for name, writer in diff_formats.DIFF_FORMATS.items():
        assert writer(diff, SETTINGS) == writer(diff, Settings()), name


def _every_writer() -> list[Any]:
    ranking, report, diff = sample("nl"), build("owners", report_input()), a_diff()
    cases: list[Any] = []
    for registry, data in (
        (FINDINGS_FORMATS, validation_of(finding_quoting("Ik betaal"))),
        (rank_formats.RANK_FORMATS, ranking),
        (report_formats.REPORT_FORMATS, report),
        (diff_formats.DIFF_FORMATS, diff),
    ):
        cases += [pytest.param(writer, data, id=name) for name, writer in registry.items()]
    return cases


@pytest.mark.parametrize(("writer", "data"), _every_writer())
def test_a_writer_returns_its_output_and_prints_nothing(
    writer: Any, data: object, capsys: pytest.CaptureFixture[str]
) -> None:
    written = writer(data, Settings())
    assert isinstance(written, str) and written.endswith("\n")
    assert capsys.readouterr() == ("", "")
